/* The event object. */
#ifndef CS_API_VIEW_EVENT_H
#define CS_API_VIEW_EVENT_H

#include <jansson.h>

#include "db_event.h"
#include "svc.h"

/* returns: owned */
json_t *cs_view_event(struct cs_svc *svc, const struct cs_event *e);

#endif
