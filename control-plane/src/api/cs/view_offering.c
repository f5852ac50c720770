/* The serviceoffering object, with CloudStack's field names and types. */
#include "view.h"

#include "view_util.h"

json_t *cs_view_service_offering(struct cs_svc *svc, const struct cs_service_offering *so)
{
    (void)svc;
    json_t *o = json_object();
    cs_view_str(o, "id", so->uuid);
    cs_view_str(o, "name", so->name);
    cs_view_str(o, "displaytext", so->displaytext);
    bool custom = so->cpunumber == 0;
    if (!custom) {
        cs_view_int(o, "cpunumber", so->cpunumber);
        cs_view_int(o, "cpuspeed", so->cpuspeed);
        cs_view_int(o, "memory", so->memory);
    }
    cs_view_date(o, "created", so->created);
    cs_view_str(o, "storagetype", so->storagetype);
    cs_view_str(o, "provisioningtype", so->provisioningtype);
    cs_view_bool(o, "offerha", so->offerha);
    cs_view_bool(o, "limitcpuuse", so->limitcpuuse);
    cs_view_bool(o, "isvolatile", so->isvolatile);
    cs_view_str(o, "storagetags", so->storagetags);
    cs_view_str(o, "hosttags", so->hosttags);
    cs_view_str(o, "domainid", so->domain_uuid);
    cs_view_str(o, "domain", so->domain_name);
    cs_view_str(o, "zoneid", so->zone_uuid);
    cs_view_str(o, "zone", so->zone_name);
    cs_view_bool(o, "issystem", so->issystem);
    cs_view_bool(o, "defaultuse", false);
    cs_view_bool(o, "iscustomized", custom);
    cs_view_bool(o, "iscustomizediops", false);
    cs_view_str(o, "deploymentplanner", so->deploymentplanner);
    if (so->rootdisksize)
        cs_view_int(o, "rootdisksize", so->rootdisksize);
    cs_view_bool(o, "dynamicscalingenabled", true);
    cs_view_bool(o, "diskofferingstrictness", false);
    cs_view_bool(o, "encryptroot", false);
    cs_view_str(o, "state", so->state);
    cs_view_bool(o, "hasannotations", false);
    return o;
}
