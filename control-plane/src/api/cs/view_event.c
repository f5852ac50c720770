/* The event object, with CloudStack's field names and types. */
#include "view_event.h"

#include "view_util.h"

json_t *cs_view_event(struct cs_svc *svc, const struct cs_event *e)
{
    (void)svc;
    json_t *o = json_object();
    cs_view_str(o, "id", e->uuid);
    cs_view_str(o, "username", e->username);
    cs_view_str(o, "type", e->type);
    cs_view_str(o, "level", e->level);
    cs_view_str(o, "description", e->description);
    cs_view_str(o, "account", e->account);
    cs_view_str(o, "domainid", e->domain_uuid);
    cs_view_str(o, "domain", e->domain);
    cs_view_str(o, "resourceid", e->resource_uuid);
    cs_view_str(o, "resourcetype", e->resource_type);
    cs_view_date(o, "created", e->created);
    cs_view_str(o, "state", e->state);
    cs_view_str(o, "parentid", e->start_uuid);
    cs_view_bool(o, "archived", false);
    return o;
}
