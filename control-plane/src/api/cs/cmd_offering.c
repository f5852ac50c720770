/* Offering commands: createServiceOffering, listServiceOfferings. */
#include <stdio.h>
#include <string.h>

#include "api_cmd.h"
#include "svc_offering.h"
#include "view.h"

static void arg_copy(const struct cs_api_call *call, const char *name, char *out, size_t n)
{
    const char *v = cs_api_arg_str(call, name);
    snprintf(out, n, "%s", v ? v : "");
}

#define ARG(call, name, field) arg_copy((call), (name), (field), sizeof(field))

static int create_service_offering(struct cs_api_call *call, struct cs_err *err)
{
    struct cs_service_offering in = {
        .cpunumber = (int)cs_api_arg_long(call, "cpunumber", 0),
        .cpuspeed = (int)cs_api_arg_long(call, "cpuspeed", 0),
        .memory = cs_api_arg_long(call, "memory", 0),
        .offerha = cs_api_arg_bool(call, "offerha", false),
        .limitcpuuse = cs_api_arg_bool(call, "limitcpuuse", false),
        .isvolatile = cs_api_arg_bool(call, "isvolatile", false),
        .issystem = cs_api_arg_bool(call, "issystem", false),
        .domain_id = cs_api_arg_id(call, "domainid"),
        .zone_id = cs_api_arg_id(call, "zoneid"),
        .rootdisksize = cs_api_arg_long(call, "rootdisksize", 0)};
    ARG(call, "name", in.name);
    ARG(call, "displaytext", in.displaytext);
    ARG(call, "storagetype", in.storagetype);
    ARG(call, "provisioningtype", in.provisioningtype);
    ARG(call, "hosttags", in.hosttags);
    ARG(call, "tags", in.storagetags);
    ARG(call, "deploymentplanner", in.deploymentplanner);
    struct cs_service_offering o;
    int rc = cs_svc_service_offering_create(call->svc, &call->caller, &in, &o, err);
    if (rc == 0)
        cs_api_reply_object(call, "serviceoffering", cs_view_service_offering(call->svc, &o));
    return rc;
}

static int list_service_offerings(struct cs_api_call *call, struct cs_err *err)
{
    struct cs_service_offering_filter f = {
        .id = cs_api_arg_id(call, "id"), .name = cs_api_arg_str(call, "name"),
        .keyword = cs_api_arg_str(call, "keyword"),
        .issystem = cs_api_arg_bool(call, "issystem", false),
        .zone_id = cs_api_arg_id(call, "zoneid"), .domain_id = cs_api_arg_id(call, "domainid"),
        .vm_id = cs_api_arg_id(call, "virtualmachineid"),
        .cpunumber = (int)cs_api_arg_long(call, "cpunumber", 0),
        .cpuspeed = (int)cs_api_arg_long(call, "cpuspeed", 0),
        .memory = cs_api_arg_long(call, "memory", 0),
        .storagetype = cs_api_arg_str(call, "storagetype"),
        .state = cs_api_arg_str(call, "state")};
    struct cs_vec v = CS_VEC_INIT(struct cs_service_offering);
    int rc = cs_svc_service_offering_list(call->svc, &call->caller, &f, call->page, &v, err);
    if (rc == 0)
        CS_API_REPLY_LIST(call, "serviceoffering", &v, struct cs_service_offering,
                          cs_view_service_offering);
    cs_util_vec_release(&v);
    return rc;
}

static const struct cs_api_param_spec create_service_offering_params[] = {
    {"name", CS_PT_STRING, CS_PF_REQUIRED, CS_ENT_NONE, "the name", 0},
    {"cpunumber", CS_PT_INTEGER, 0, CS_ENT_NONE, "the CPU number", 0},
    {"cpuspeed", CS_PT_INTEGER, 0, CS_ENT_NONE, "the CPU speed in MHz", 0},
    {"displaytext", CS_PT_STRING, 0, CS_ENT_NONE, "the display text", 0},
    {"provisioningtype", CS_PT_STRING, 0, CS_ENT_NONE, "the provisioningtype", 0},
    {"memory", CS_PT_INTEGER, 0, CS_ENT_NONE, "the total memory in MB", 0},
    {"offerha", CS_PT_BOOLEAN, 0, CS_ENT_NONE, "the HA for the service offering", 0},
    {"limitcpuuse", CS_PT_BOOLEAN, 0, CS_ENT_NONE, "the limitcpuuse", 0},
    {"isvolatile", CS_PT_BOOLEAN, 0, CS_ENT_NONE, "the isvolatile", 0},
    {"storagetype", CS_PT_STRING, 0, CS_ENT_NONE, "the storage type: local or shared", 0},
    {"tags", CS_PT_STRING, 0, CS_ENT_NONE, "the tags", 0},
    {"domainid", CS_PT_UUID, 0, CS_ENT_DOMAIN, "the ID of the domain", 0},
    {"zoneid", CS_PT_UUID, 0, CS_ENT_ZONE, "the Zone ID", 0},
    {"hosttags", CS_PT_STRING, 0, CS_ENT_NONE, "list of tags to be added to the host", 0},
    {"issystem", CS_PT_BOOLEAN, 0, CS_ENT_NONE, "is this a system vm offering", 0},
    {"systemvmtype", CS_PT_STRING, 0, CS_ENT_NONE, "the systemvmtype", 0},
    {"networkrate", CS_PT_INTEGER, 0, CS_ENT_NONE, "the networkrate", 0},
    {"deploymentplanner", CS_PT_STRING, 0, CS_ENT_NONE, "the deploymentplanner", 0},
    {"serviceofferingdetails", CS_PT_MAP, 0, CS_ENT_NONE, "the serviceofferingdetails", 0},
    {"rootdisksize", CS_PT_LONG, 0, CS_ENT_NONE, "the rootdisksize", 0},
    {"bytesreadrate", CS_PT_LONG, 0, CS_ENT_NONE, "the bytesreadrate", 0},
    {"bytesreadratemax", CS_PT_LONG, 0, CS_ENT_NONE, "the bytesreadratemax", 0},
    {"bytesreadratemaxlength", CS_PT_LONG, 0, CS_ENT_NONE, "the bytesreadratemaxlength", 0},
    {"byteswriterate", CS_PT_LONG, 0, CS_ENT_NONE, "the byteswriterate", 0},
    {"byteswriteratemax", CS_PT_LONG, 0, CS_ENT_NONE, "the byteswriteratemax", 0},
    {"byteswriteratemaxlength", CS_PT_LONG, 0, CS_ENT_NONE, "the byteswriteratemaxlength", 0},
    {"iopsreadrate", CS_PT_LONG, 0, CS_ENT_NONE, "the iopsreadrate", 0},
    {"iopsreadratemax", CS_PT_LONG, 0, CS_ENT_NONE, "the iopsreadratemax", 0},
    {"iopsreadratemaxlength", CS_PT_LONG, 0, CS_ENT_NONE, "the iopsreadratemaxlength", 0},
    {"iopswriterate", CS_PT_LONG, 0, CS_ENT_NONE, "the iopswriterate", 0},
    {"iopswriteratemax", CS_PT_LONG, 0, CS_ENT_NONE, "the iopswriteratemax", 0},
    {"iopswriteratemaxlength", CS_PT_LONG, 0, CS_ENT_NONE, "the iopswriteratemaxlength", 0},
    {"customizediops", CS_PT_BOOLEAN, 0, CS_ENT_NONE, "the customizediops", 0},
    {"miniops", CS_PT_LONG, 0, CS_ENT_NONE, "the miniops", 0},
    {"maxiops", CS_PT_LONG, 0, CS_ENT_NONE, "the maxiops", 0},
    {"hypervisorsnapshotreserve", CS_PT_INTEGER, 0, CS_ENT_NONE,
     "the hypervisorsnapshotreserve", 0},
    {"cachemode", CS_PT_STRING, 0, CS_ENT_NONE, "the cachemode", 0},
    {"customized", CS_PT_BOOLEAN, 0, CS_ENT_NONE, "the customized", 0},
    {"maxcpunumber", CS_PT_INTEGER, 0, CS_ENT_NONE, "the maxcpunumber", 0},
    {"mincpunumber", CS_PT_INTEGER, 0, CS_ENT_NONE, "the mincpunumber", 0},
    {"maxmemory", CS_PT_INTEGER, 0, CS_ENT_NONE, "the maxmemory", 0},
    {"minmemory", CS_PT_INTEGER, 0, CS_ENT_NONE, "the minmemory", 0},
    {"storagepolicy", CS_PT_STRING, 0, CS_ENT_NONE, "the storagepolicy", 0},
    {"dynamicscalingenabled", CS_PT_BOOLEAN, 0, CS_ENT_NONE, "the dynamicscalingenabled", 0},
    {"diskofferingid", CS_PT_UUID, 0, CS_ENT_NONE, "the diskofferingid", 0},
    {"diskofferingstrictness", CS_PT_BOOLEAN, 0, CS_ENT_NONE, "the diskofferingstrictness", 0},
    {"encryptroot", CS_PT_BOOLEAN, 0, CS_ENT_NONE, "the encryptroot", 0},
    {"purgeresources", CS_PT_BOOLEAN, 0, CS_ENT_NONE, "the purgeresources", 0},
    {"leaseduration", CS_PT_INTEGER, 0, CS_ENT_NONE, "the leaseduration", 0},
    {"leaseexpiryaction", CS_PT_STRING, 0, CS_ENT_NONE, "the leaseexpiryaction", 0},
    {"vgpuprofileid", CS_PT_STRING, 0, CS_ENT_NONE, "the vgpuprofileid", 0},
    {"gpucount", CS_PT_INTEGER, 0, CS_ENT_NONE, "the gpucount", 0},
    {"gpudisplay", CS_PT_BOOLEAN, 0, CS_ENT_NONE, "the gpudisplay", 0},
    {"externaldetails", CS_PT_MAP, 0, CS_ENT_NONE, "the externaldetails", 0},
    {NULL},
};

static const struct cs_api_param_spec list_service_offerings_params[] = {
    {"keyword", CS_PT_STRING, 0, CS_ENT_NONE, "List by keyword", 0},
    {"page", CS_PT_INTEGER, 0, CS_ENT_NONE, "the page number", 0},
    {"pagesize", CS_PT_INTEGER, 0, CS_ENT_NONE, "the page size", 0},
    {"listall", CS_PT_BOOLEAN, 0, CS_ENT_NONE, "list all objects the caller may see", 0},
    {"domainid", CS_PT_UUID, 0, CS_ENT_DOMAIN, "the ID of the domain", 0},
    {"isrecursive", CS_PT_BOOLEAN, 0, CS_ENT_NONE, "include subdomains", 0},
    {"account", CS_PT_STRING, 0, CS_ENT_NONE, "the account name", 0},
    {"projectid", CS_PT_UUID, 0, CS_ENT_NONE, "the project ID", 0},
    {"id", CS_PT_UUID, 0, CS_ENT_SERVICE_OFFERING, "the ID of the object", 0},
    {"name", CS_PT_STRING, 0, CS_ENT_NONE, "the name", 0},
    {"virtualmachineid", CS_PT_UUID, 0, CS_ENT_VM, "the ID of the virtual machine", 0},
    {"issystem", CS_PT_BOOLEAN, 0, CS_ENT_NONE, "is this a system vm offering", 0},
    {"systemvmtype", CS_PT_STRING, 0, CS_ENT_NONE, "the systemvmtype", 0},
    {"zoneid", CS_PT_UUID, 0, CS_ENT_ZONE, "the Zone ID", 0},
    {"cpunumber", CS_PT_INTEGER, 0, CS_ENT_NONE, "the CPU number", 0},
    {"memory", CS_PT_INTEGER, 0, CS_ENT_NONE, "the total memory in MB", 0},
    {"cpuspeed", CS_PT_INTEGER, 0, CS_ENT_NONE, "the CPU speed in MHz", 0},
    {"encryptroot", CS_PT_BOOLEAN, 0, CS_ENT_NONE, "the encryptroot", 0},
    {"storagetype", CS_PT_STRING, 0, CS_ENT_NONE, "the storage type: local or shared", 0},
    {"state", CS_PT_STRING, 0, CS_ENT_NONE, "the state", 0},
    {"templateid", CS_PT_UUID, 0, CS_ENT_TEMPLATE, "the template ID", 0},
    {"vgpuprofileid", CS_PT_STRING, 0, CS_ENT_NONE, "the vgpuprofileid", 0},
    {"gpuenabled", CS_PT_BOOLEAN, 0, CS_ENT_NONE, "the gpuenabled", 0},
    {NULL},
};

static const struct cs_api_cmd cmds[] = {
    {"createServiceOffering", CS_CMD_SYNC, CS_ROLE_ADMIN, create_service_offering, NULL,
     create_service_offering_params, "Creates a service offering.", NULL, NULL, NULL, false,
     false},
    {"listServiceOfferings", CS_CMD_SYNC, CS_ROLE_ALL, list_service_offerings, NULL,
     list_service_offerings_params,
     "Lists all available service offerings.", NULL, NULL, NULL, false, true},
};

const struct cs_api_cmd_group cs_api_cmds_offering = {cmds, sizeof(cmds) / sizeof(cmds[0])};
