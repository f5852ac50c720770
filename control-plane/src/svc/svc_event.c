/* Events: what happened to which resource, on whose behalf, as CloudStack records them. */
#include "svc_event.h"

#include <stdio.h>

#include "svc_account.h"

int cs_svc_event_emit(struct cs_svc *svc, const struct cs_svc_caller *caller, int64_t account_id,
                      int64_t domain_id, const char *type, enum cs_event_level level,
                      const char *state, const char *resource_type, const char *resource_uuid,
                      const char *description, struct cs_err *err)
{
    static const char *const levels[] = {"INFO", "WARN", "ERROR"};
    struct cs_event ev = {.user_id = caller->user_id, .account_id = account_id,
                          .domain_id = domain_id};
    snprintf(ev.type, sizeof(ev.type), "%s", type);
    snprintf(ev.level, sizeof(ev.level), "%s", levels[level]);
    snprintf(ev.state, sizeof(ev.state), "%s", state);
    snprintf(ev.description, sizeof(ev.description), "%s", description);
    snprintf(ev.resource_type, sizeof(ev.resource_type), "%s", resource_type ? resource_type : "");
    snprintf(ev.resource_uuid, sizeof(ev.resource_uuid), "%s", resource_uuid ? resource_uuid : "");
    return cs_db_event_insert(svc->db, &ev, err);
}

int cs_svc_event_list(struct cs_svc *svc, const struct cs_svc_caller *caller,
                      struct cs_event_filter *f, struct cs_page page, struct cs_vec *ret,
                      struct cs_err *err)
{
    char scope[1024];
    if (cs_svc_caller_scope(svc, caller, scope, sizeof(scope), err) < 0)
        return -CS_ERR_INTERNAL;
    f->domain_path = scope[0] ? scope : NULL;
    if (!scope[0])
        f->account_id = caller->account_id;
    return cs_db_event_list(svc->db, f, page, ret, err);
}
