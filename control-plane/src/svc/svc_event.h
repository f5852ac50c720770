/* Events: what happened to which resource, on whose behalf, as CloudStack records them. */
#ifndef CS_SVC_EVENT_H
#define CS_SVC_EVENT_H

#include "db_event.h"
#include "svc.h"

enum cs_event_level { CS_EVENT_INFO, CS_EVENT_WARN, CS_EVENT_ERROR };

/* Records an event owned by account/domain of owner (who it happened to) and done by caller's
 * user. state: "Created", "Scheduled", "Started" or "Completed". Runs in the caller's
 * transaction if one is open. */
int cs_svc_event_emit(struct cs_svc *svc, const struct cs_svc_caller *caller, int64_t account_id,
                      int64_t domain_id, const char *type, enum cs_event_level level,
                      const char *state, const char *resource_type, const char *resource_uuid,
                      const char *description, struct cs_err *err);
/* Events the caller may see; f's scope fields are set from the caller. */
int cs_svc_event_list(struct cs_svc *svc, const struct cs_svc_caller *caller,
                      struct cs_event_filter *f, struct cs_page page, struct cs_vec *ret,
                      struct cs_err *err);

#endif
