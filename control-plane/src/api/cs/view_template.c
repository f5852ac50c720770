/* The template, ostype and oscategory objects, with CloudStack's field names and types. */
#include "view.h"

#include "view_util.h"

json_t *cs_view_template(struct cs_svc *svc, const struct cs_template *t)
{
    (void)svc;
    json_t *o = json_object();
    cs_view_str(o, "id", t->uuid);
    cs_view_str(o, "name", t->name);
    cs_view_str(o, "displaytext", t->displaytext);
    cs_view_bool(o, "ispublic", t->ispublic);
    cs_view_date(o, "created", t->created);
    cs_view_date(o, "removed", t->removed);
    cs_view_bool(o, "isready", t->isready);
    cs_view_bool(o, "passwordenabled", t->passwordenabled);
    cs_view_str(o, "format", t->format);
    cs_view_bool(o, "isfeatured", t->isfeatured);
    cs_view_bool(o, "crossZones", t->zone_id == 0);
    cs_view_str(o, "ostypeid", t->os_type_uuid);
    cs_view_str(o, "ostypename", t->os_type_name);
    cs_view_str(o, "account", t->account_name);
    cs_view_str(o, "accountid", t->account_uuid);
    cs_view_str(o, "domain", t->domain_name);
    cs_view_str(o, "domainid", t->domain_uuid);
    cs_view_str(o, "zoneid", t->listed_zone_uuid);
    cs_view_str(o, "zonename", t->listed_zone_name);
    cs_view_str(o, "status", t->status);
    cs_view_int(o, "size", t->size);
    cs_view_int(o, "physicalsize", t->size);
    cs_view_str(o, "templatetype", t->type);
    cs_view_str(o, "hypervisor", t->hypervisor);
    cs_view_bool(o, "isextractable", t->isextractable);
    cs_view_str(o, "checksum", t->checksum);
    cs_view_bool(o, "sshkeyenabled", t->sshkeyenabled);
    cs_view_bool(o, "bootable", t->bootable);
    cs_view_bool(o, "requireshvm", t->requireshvm);
    cs_view_bool(o, "isdynamicallyscalable", t->isdynamicallyscalable);
    cs_view_bool(o, "directdownload", false);
    cs_view_bool(o, "deployasis", false);
    cs_view_bool(o, "isrouting", false);
    cs_view_bool(o, "forcks", false);
    cs_view_str(o, "arch", "x86_64");
    cs_view_str(o, "url", t->url);
    cs_view_bool(o, "hasannotations", false);
    json_object_set_new(o, "tags", json_array());
    json_object_set_new(o, "downloaddetails", json_array());
    return o;
}

json_t *cs_view_os_type(struct cs_svc *svc, const struct cs_os_type *t)
{
    (void)svc;
    json_t *o = json_object();
    cs_view_str(o, "id", t->uuid);
    cs_view_str(o, "name", t->description);
    cs_view_str(o, "description", t->description);
    cs_view_str(o, "oscategoryid", t->category_uuid);
    cs_view_str(o, "oscategoryname", t->category_name);
    cs_view_bool(o, "isuserdefined", false);
    cs_view_bool(o, "fordisplay", true);
    return o;
}

json_t *cs_view_os_category(struct cs_svc *svc, const struct cs_os_category *c)
{
    (void)svc;
    json_t *o = json_object();
    cs_view_str(o, "id", c->uuid);
    cs_view_str(o, "name", c->name);
    cs_view_bool(o, "isfeatured", false);
    return o;
}
