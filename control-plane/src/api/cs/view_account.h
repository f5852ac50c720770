/* The domain, account, user and userkeys objects. */
#ifndef CS_API_VIEW_ACCOUNT_H
#define CS_API_VIEW_ACCOUNT_H

#include <jansson.h>

#include "db_account.h"
#include "svc.h"

/* returns: owned */
json_t *cs_view_domain(struct cs_svc *svc, const struct cs_domain *d);
json_t *cs_view_account(struct cs_svc *svc, const struct cs_account *a);
json_t *cs_view_user(struct cs_svc *svc, const struct cs_user *u);
json_t *cs_view_userkeys(const struct cs_user *u);

#endif
