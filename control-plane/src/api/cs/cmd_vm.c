/* Virtual machine commands: deploy, list, and the lifecycle (start, stop, reboot, destroy,
 * expunge, recover). */
#include "api_cmd.h"
#include "svc_vm.h"
#include "view_vm.h"

#define ADMIN_VM_CLASS(c) "org.apache.cloudstack.api.command.user.vm." c

/* Every lifecycle step answers with the VM as it is afterwards. */
static int reply_vm(struct cs_api_call *call, int rc, const struct cs_vm *vm)
{
    if (rc == 0)
        cs_api_reply_object(call, "virtualmachine", cs_view_vm(vm, &call->caller));
    return rc;
}

static int deploy_prepare(struct cs_api_call *call, struct cs_err *err)
{
    struct cs_svc_deploy d = {
        .zone_id = cs_api_arg_id(call, "zoneid"),
        .service_offering_id = cs_api_arg_id(call, "serviceofferingid"),
        .template_id = cs_api_arg_id(call, "templateid"),
        .host_id = cs_api_arg_id(call, "hostid"),
        .name = cs_api_arg_str(call, "name"),
        .displayname = cs_api_arg_str(call, "displayname"),
        .group = cs_api_arg_str(call, "group"),
        .startvm = cs_api_arg_bool(call, "startvm", true),
    };
    if (!d.template_id)
        return cs_err_set(err, CS_ERR_PARAM,
                          "Unable to execute API command deployvirtualmachine due to missing "
                          "parameter templateid");
    struct cs_vm vm;
    int rc = cs_svc_vm_deploy_prepare(call->svc, &call->caller, &d, &vm, err);
    if (rc == 0)
        snprintf(call->instance_uuid, sizeof(call->instance_uuid), "%s", vm.uuid);
    return rc;
}

static int deploy_job(struct cs_api_call *call, struct cs_err *err)
{
    int64_t id = 0;
    if (cs_db_id_by_uuid(call->svc->db, "vm", call->instance_uuid, &id, err) < 0)
        return -CS_ERR_INTERNAL;
    struct cs_vm vm;
    int rc;
    if (cs_api_arg_bool(call, "startvm", true))
        rc = cs_svc_vm_start(call->svc, &call->caller, id, cs_api_arg_id(call, "hostid"), &vm,
                             err);
    else
        rc = cs_svc_vm_get(call->svc, &call->caller, id, &vm, err);
    return reply_vm(call, rc, &vm);
}

static int start_job(struct cs_api_call *call, struct cs_err *err)
{
    struct cs_vm vm;
    int rc = cs_svc_vm_start(call->svc, &call->caller, cs_api_arg_id(call, "id"),
                             cs_api_arg_id(call, "hostid"), &vm, err);
    return reply_vm(call, rc, &vm);
}

static int stop_job(struct cs_api_call *call, struct cs_err *err)
{
    struct cs_vm vm;
    int rc = cs_svc_vm_stop(call->svc, &call->caller, cs_api_arg_id(call, "id"),
                            cs_api_arg_bool(call, "forced", false), &vm, err);
    return reply_vm(call, rc, &vm);
}

static int reboot_job(struct cs_api_call *call, struct cs_err *err)
{
    struct cs_vm vm;
    int rc = cs_svc_vm_reboot(call->svc, &call->caller, cs_api_arg_id(call, "id"), &vm, err);
    return reply_vm(call, rc, &vm);
}

static int destroy_job(struct cs_api_call *call, struct cs_err *err)
{
    struct cs_vm vm;
    int rc = cs_svc_vm_destroy(call->svc, &call->caller, cs_api_arg_id(call, "id"),
                               cs_api_arg_bool(call, "expunge", false), &vm, err);
    return reply_vm(call, rc, &vm);
}

static int expunge_job(struct cs_api_call *call, struct cs_err *err)
{
    int rc = cs_svc_vm_expunge(call->svc, &call->caller, cs_api_arg_id(call, "id"), err);
    if (rc == 0)
        cs_api_reply_success(call);
    return rc;
}

static int recover(struct cs_api_call *call, struct cs_err *err)
{
    struct cs_vm vm;
    int rc = cs_svc_vm_recover(call->svc, &call->caller, cs_api_arg_id(call, "id"), &vm, err);
    return reply_vm(call, rc, &vm);
}

static int list(struct cs_api_call *call, struct cs_err *err)
{
    struct cs_vm_filter f = {
        .id = cs_api_arg_id(call, "id"),
        .ids_csv = cs_api_arg_str(call, "ids"),
        .name = cs_api_arg_str(call, "name"),
        .keyword = cs_api_arg_str(call, "keyword"),
        .state = cs_api_arg_str(call, "state"),
        .zone_id = cs_api_arg_id(call, "zoneid"),
        .host_id = cs_api_arg_id(call, "hostid"),
        .template_id = cs_api_arg_id(call, "templateid"),
        .service_offering_id = cs_api_arg_id(call, "serviceofferingid"),
    };
    struct cs_vec v = CS_VEC_INIT(struct cs_vm);
    int rc = cs_svc_vm_list(call->svc, &call->caller, call->listall || f.id, &f, call->page, &v,
                            err);
    if (rc == 0) {
        json_t *items = json_array();
        for (size_t i = 0; i < v.n; i++)
            json_array_append_new(items,
                                  cs_view_vm(CS_VEC_AT(&v, struct cs_vm, i), &call->caller));
        cs_api_reply_list(call, "virtualmachine", items, v.total);
    }
    cs_util_vec_release(&v);
    return rc;
}

#define REQ CS_PF_REQUIRED
#define ID_PARAM {"id", CS_PT_UUID, REQ, CS_ENT_VM, "The ID of the virtual machine", 0}

static const struct cs_api_param_spec deploy_params[] = {
    {"zoneid", CS_PT_UUID, REQ, CS_ENT_ZONE, "availability zone for the virtual machine", 0},
    {"serviceofferingid", CS_PT_UUID, REQ, CS_ENT_SERVICE_OFFERING,
     "the ID of the service offering for the virtual machine", 0},
    {"templateid", CS_PT_UUID, 0, CS_ENT_TEMPLATE,
     "the ID of the template for the virtual machine", 0},
    {"name", CS_PT_STRING, 0, 0, "host name for the virtual machine", 0},
    {"displayname", CS_PT_STRING, 0, 0, "an optional user generated name for the VM", 0},
    {"group", CS_PT_STRING, 0, 0, "an optional group for the virtual machine", 0},
    {"hostid", CS_PT_UUID, 0, CS_ENT_HOST, "destination Host ID to deploy the VM to", 0},
    {"podid", CS_PT_UUID, 0, CS_ENT_POD, "destination Pod ID to deploy the VM to", 0},
    {"clusterid", CS_PT_UUID, 0, CS_ENT_CLUSTER, "destination Cluster ID to deploy the VM to", 0},
    {"startvm", CS_PT_BOOLEAN, 0, 0, "true by default; false leaves the VM Stopped", 0},
    {"account", CS_PT_STRING, 0, 0, "an optional account for the virtual machine", 0},
    {"domainid", CS_PT_UUID, 0, CS_ENT_DOMAIN, "an optional domainId for the virtual machine", 0},
    {"projectid", CS_PT_UUID, 0, 0, "Deploy vm for the project", 0},
    {"diskofferingid", CS_PT_UUID, 0, 0, "the ID of the disk offering for the virtual machine", 0},
    {"size", CS_PT_LONG, 0, 0, "the arbitrary size for the DATADISK volume", 0},
    {"rootdisksize", CS_PT_LONG, 0, 0, "Optional field to resize root disk on deploy", 0},
    {"hypervisor", CS_PT_STRING, 0, 0, "the hypervisor on which to deploy the virtual machine", 0},
    {"networkids", CS_PT_LIST, 0, 0, "list of network ids used by virtual machine", 0},
    {"iptonetworklist", CS_PT_MAP, 0, 0, "ip to network mapping", 0},
    {"ipaddress", CS_PT_STRING, 0, 0, "the ip address for default vm's network", 0},
    {"keypair", CS_PT_STRING, 0, 0, "name of the ssh key pair used to login to the VM", 0},
    {"keypairs", CS_PT_LIST, 0, 0, "names of the ssh key pairs used to login to the VM", 0},
    {"userdata", CS_PT_STRING, 0, 0, "base64 encoded user data", 1048576},
    {"securitygroupids", CS_PT_LIST, 0, 0, "security group ids", 0},
    {"securitygroupnames", CS_PT_LIST, 0, 0, "security group names", 0},
    {"affinitygroupids", CS_PT_LIST, 0, 0, "affinity group ids", 0},
    {"affinitygroupnames", CS_PT_LIST, 0, 0, "affinity group names", 0},
    {"details", CS_PT_MAP, 0, 0, "used to specify the custom parameters", 0},
    {"deploymentplanner", CS_PT_STRING, 0, 0, "Deployment planner to use for vm allocation", 0},
    {"displayvm", CS_PT_BOOLEAN, 0, 0, "an optional field, whether to the display the vm", 0},
    {"customid", CS_PT_STRING, 0, 0, "an optional field, in case you want to set a custom id", 0},
    {"password", CS_PT_STRING, CS_PF_SENSITIVE, 0, "The password of the virtual machine", 0},
    {"boottype", CS_PT_STRING, 0, 0, "Guest VM Boot option either custom[UEFI] or default", 0},
    {"bootmode", CS_PT_STRING, 0, 0, "Boot Mode [Legacy] or [Secure]", 0},
    {"keyboard", CS_PT_STRING, 0, 0, "an optional keyboard device type", 0},
    {NULL},
};

static const struct cs_api_param_spec list_params[] = {
    CS_API_LIST_PARAMS,
    {"id", CS_PT_UUID, 0, CS_ENT_VM, "the ID of the virtual machine", 0},
    {"ids", CS_PT_LIST, 0, 0, "the IDs of the virtual machines", 0},
    {"name", CS_PT_STRING, 0, 0, "name of the virtual machine", 0},
    {"state", CS_PT_STRING, 0, 0, "state of the virtual machine", 0},
    {"zoneid", CS_PT_UUID, 0, CS_ENT_ZONE, "the availability zone ID", 0},
    {"hostid", CS_PT_UUID, 0, CS_ENT_HOST, "the host ID", 0},
    {"templateid", CS_PT_UUID, 0, CS_ENT_TEMPLATE, "list vms by template", 0},
    {"serviceofferingid", CS_PT_UUID, 0, CS_ENT_SERVICE_OFFERING, "list by the service offering",
     0},
    {"groupid", CS_PT_UUID, 0, 0, "the group ID", 0},
    {"tags", CS_PT_MAP, 0, 0, "List resources by tags (key/value pairs)", 0},
    {"details", CS_PT_LIST, 0, 0, "comma separated list of vm details requested", 0},
    {"hypervisor", CS_PT_STRING, 0, 0, "the target hypervisor for the template", 0},
    {"podid", CS_PT_UUID, 0, CS_ENT_POD, "the pod ID", 0},
    {"clusterid", CS_PT_UUID, 0, CS_ENT_CLUSTER, "the cluster ID", 0},
    {NULL},
};

static const struct cs_api_param_spec start_params[] = {
    ID_PARAM,
    {"hostid", CS_PT_UUID, 0, CS_ENT_HOST, "destination Host ID to deploy the VM to", 0},
    {"podid", CS_PT_UUID, 0, CS_ENT_POD, "destination Pod ID to deploy the VM to", 0},
    {"clusterid", CS_PT_UUID, 0, CS_ENT_CLUSTER, "destination Cluster ID to deploy the VM to", 0},
    {"considerlasthost", CS_PT_BOOLEAN, 0, 0, "True by default, consider the last host", 0},
    {"deploymentplanner", CS_PT_STRING, 0, 0, "Deployment planner to use for vm allocation", 0},
    {"bootintosetup", CS_PT_BOOLEAN, 0, 0, "Boot into hardware setup menu or not", 0},
    {NULL},
};
static const struct cs_api_param_spec stop_params[] = {
    ID_PARAM, {"forced", CS_PT_BOOLEAN, 0, 0, "Force stop the VM", 0}, {NULL}};
static const struct cs_api_param_spec reboot_params[] = {
    ID_PARAM,
    {"forced", CS_PT_BOOLEAN, 0, 0, "Force reboot the VM", 0},
    {"bootintosetup", CS_PT_BOOLEAN, 0, 0, "Boot into hardware setup menu or not", 0},
    {NULL}};
static const struct cs_api_param_spec destroy_params[] = {
    ID_PARAM,
    {"expunge", CS_PT_BOOLEAN, 0, 0, "If true is passed, the vm is expunged immediately", 0},
    {"volumeids", CS_PT_LIST, 0, 0, "Comma separated list of UUIDs for volumes to destroy", 0},
    {NULL}};
static const struct cs_api_param_spec id_only[] = {ID_PARAM, {NULL}};

#define VM_CMD(n, kind, roles, pre, job, params, desc, cls)                                        \
    {n, kind, roles, pre, job, params, desc, NULL, "VirtualMachine", cls, false, false}

static const struct cs_api_cmd cmds[] = {
    VM_CMD("deployVirtualMachine", CS_CMD_ASYNC_CREATE, CS_ROLE_ALL, deploy_prepare, deploy_job,
           deploy_params,
           "Creates and automatically starts a virtual machine based on a service offering, disk "
           "offering, and template.",
           "org.apache.cloudstack.api.command.admin.vm.DeployVMCmdByAdmin"),
    {"listVirtualMachines", CS_CMD_SYNC, CS_ROLE_ALL, list, NULL, list_params,
     "List the virtual machines owned by the account.", NULL, NULL, NULL, false, true},
    VM_CMD("startVirtualMachine", CS_CMD_ASYNC, CS_ROLE_ALL, NULL, start_job, start_params,
           "Starts a virtual machine.", ADMIN_VM_CLASS("StartVMCmd")),
    VM_CMD("stopVirtualMachine", CS_CMD_ASYNC, CS_ROLE_ALL, NULL, stop_job, stop_params,
           "Stops a virtual machine.", ADMIN_VM_CLASS("StopVMCmd")),
    VM_CMD("rebootVirtualMachine", CS_CMD_ASYNC, CS_ROLE_ALL, NULL, reboot_job, reboot_params,
           "Reboots a virtual machine.", ADMIN_VM_CLASS("RebootVMCmd")),
    VM_CMD("destroyVirtualMachine", CS_CMD_ASYNC, CS_ROLE_ALL, NULL, destroy_job,
           destroy_params, "Destroys a virtual machine.", ADMIN_VM_CLASS("DestroyVMCmd")),
    VM_CMD("expungeVirtualMachine", CS_CMD_ASYNC, CS_ROLE_ADMIN | CS_ROLE_DOMAIN_ADMIN, NULL,
           expunge_job, id_only, "Expunge a virtual machine. Once expunged, it cannot be recoverd.",
           "org.apache.cloudstack.api.command.admin.vm.ExpungeVMCmd"),
    {"recoverVirtualMachine", CS_CMD_SYNC, CS_ROLE_ALL, recover, NULL, id_only,
     "Recovers a virtual machine.", NULL, NULL, NULL, false, false},
};

const struct cs_api_cmd_group cs_api_cmds_vm = {cmds, sizeof(cmds) / sizeof(cmds[0])};
