/* The virtualmachine object, with CloudStack's field names and types. */
#include "view_vm.h"

#include "view_util.h"

json_t *cs_view_vm(const struct cs_vm *vm, const struct cs_svc_caller *caller)
{
    json_t *o = json_object();
    cs_view_str(o, "id", vm->uuid);
    cs_view_str(o, "name", vm->name);
    cs_view_str(o, "displayname", vm->displayname);
    cs_view_str(o, "account", vm->account);
    cs_view_str(o, "userid", vm->user_uuid);
    cs_view_str(o, "username", vm->username);
    cs_view_str(o, "domainid", vm->domain_uuid);
    cs_view_str(o, "domain", vm->domain);
    cs_view_str(o, "domainpath", vm->domain_path[0] && vm->domain_path[1] ? vm->domain_path
                                                                           : "ROOT");
    cs_view_date(o, "created", vm->created);
    cs_view_date(o, "lastupdated", vm->updated);
    cs_view_str(o, "state", vm->state);
    cs_view_bool(o, "haenable", vm->ha_enabled);
    cs_view_str(o, "group", vm->group);
    cs_view_str(o, "zoneid", vm->zone_uuid);
    cs_view_str(o, "zonename", vm->zone_name);
    if (cs_svc_caller_is_admin(caller)) {
        cs_view_str(o, "hostid", vm->host_uuid);
        cs_view_str(o, "hostname", vm->host_name);
        cs_view_str(o, "instancename", vm->instance_name);
    }
    cs_view_str(o, "templateid", vm->template_uuid);
    cs_view_str(o, "templatename", vm->template_name);
    cs_view_str(o, "templatedisplaytext", vm->template_displaytext);
    cs_view_bool(o, "passwordenabled", vm->password_enabled);
    cs_view_str(o, "serviceofferingid", vm->offering_uuid);
    cs_view_str(o, "serviceofferingname", vm->offering_name);
    cs_view_int(o, "cpunumber", vm->cpus);
    cs_view_int(o, "cpuspeed", vm->cpu_mhz);
    cs_view_int(o, "memory", vm->mem_mb);
    cs_view_str(o, "guestosid", vm->ostype_uuid);
    cs_view_str(o, "ostypeid", vm->ostype_uuid);
    cs_view_str(o, "osdisplayname", vm->ostype_name);
    cs_view_int(o, "rootdeviceid", 0);
    cs_view_str(o, "rootdevicetype", "ROOT");
    cs_view_str(o, "hypervisor", vm->hypervisor);
    cs_view_str(o, "arch", "x86_64");
    cs_view_bool(o, "displayvm", true);
    cs_view_bool(o, "isdynamicallyscalable", false);
    cs_view_bool(o, "deleteprotection", false);
    cs_view_bool(o, "hasannotations", false);
    json_object_set_new(o, "nic", json_array());
    json_object_set_new(o, "securitygroup", json_array());
    json_object_set_new(o, "affinitygroup", json_array());
    json_object_set_new(o, "tags", json_array());
    json_object_set_new(o, "details", json_object());
    return o;
}
