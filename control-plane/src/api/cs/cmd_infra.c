/* Infrastructure commands: zones, pods, clusters, hosts, primary and secondary storage,
 * hypervisors. */
#include <stdio.h>
#include <string.h>

#include "api_cmd.h"
#include "svc_infra.h"
#include "view.h"

/* Copies an argument (or "") into a fixed buffer. */
static void arg_copy(const struct cs_api_call *call, const char *name, char *out, size_t n)
{
    const char *v = cs_api_arg_str(call, name);
    snprintf(out, n, "%s", v ? v : "");
}

#define ARG(call, name, field) arg_copy((call), (name), (field), sizeof(field))

static int create_zone(struct cs_api_call *call, struct cs_err *err)
{
    struct cs_zone in = {.securitygroups = cs_api_arg_bool(call, "securitygroupenabled", false),
                         .localstorage = cs_api_arg_bool(call, "localstorageenabled", false)};
    ARG(call, "name", in.name);
    ARG(call, "networktype", in.networktype);
    ARG(call, "dns1", in.dns1);
    ARG(call, "dns2", in.dns2);
    ARG(call, "internaldns1", in.internaldns1);
    ARG(call, "internaldns2", in.internaldns2);
    ARG(call, "guestcidraddress", in.guestcidr);
    ARG(call, "domain", in.domain);
    ARG(call, "allocationstate", in.allocation_state);
    struct cs_zone z;
    int rc = cs_svc_zone_create(call->svc, &call->caller, &in, &z, err);
    if (rc == 0)
        cs_api_reply_object(call, "zone", cs_view_zone(call->svc, &z));
    return rc;
}

static int update_zone(struct cs_api_call *call, struct cs_err *err)
{
    struct cs_svc_zone_update u = {
        .id = cs_api_arg_id(call, "id"), .name = cs_api_arg_str(call, "name"),
        .dns1 = cs_api_arg_str(call, "dns1"), .dns2 = cs_api_arg_str(call, "dns2"),
        .internaldns1 = cs_api_arg_str(call, "internaldns1"),
        .internaldns2 = cs_api_arg_str(call, "internaldns2"),
        .guestcidr = cs_api_arg_str(call, "guestcidraddress"),
        .domain = cs_api_arg_str(call, "domain"),
        .allocation_state = cs_api_arg_str(call, "allocationstate"),
        .localstorage = cs_api_arg_has(call, "localstorageenabled")
                            ? cs_api_arg_bool(call, "localstorageenabled", false)
                            : -1};
    struct cs_zone z;
    int rc = cs_svc_zone_update(call->svc, &call->caller, &u, &z, err);
    if (rc == 0)
        cs_api_reply_object(call, "zone", cs_view_zone(call->svc, &z));
    return rc;
}

static int list_zones(struct cs_api_call *call, struct cs_err *err)
{
    struct cs_zone_filter f = {.id = cs_api_arg_id(call, "id"),
                               .name = cs_api_arg_str(call, "name"),
                               .keyword = cs_api_arg_str(call, "keyword"),
                               .networktype = cs_api_arg_str(call, "networktype")};
    struct cs_vec v = CS_VEC_INIT(struct cs_zone);
    int rc = cs_svc_zone_list(call->svc, &call->caller, &f, call->page, &v, err);
    if (rc == 0)
        CS_API_REPLY_LIST(call, "zone", &v, struct cs_zone, cs_view_zone);
    cs_util_vec_release(&v);
    return rc;
}

static int create_pod(struct cs_api_call *call, struct cs_err *err)
{
    struct cs_pod in = {.zone_id = cs_api_arg_id(call, "zoneid")};
    ARG(call, "name", in.name);
    ARG(call, "gateway", in.gateway);
    ARG(call, "netmask", in.netmask);
    ARG(call, "startip", in.startip);
    ARG(call, "endip", in.endip);
    ARG(call, "allocationstate", in.allocation_state);
    struct cs_pod p;
    int rc = cs_svc_pod_create(call->svc, &call->caller, &in, &p, err);
    if (rc == 0)
        cs_api_reply_object(call, "pod", cs_view_pod(call->svc, &p));
    return rc;
}

static int list_pods(struct cs_api_call *call, struct cs_err *err)
{
    struct cs_pod_filter f = {.id = cs_api_arg_id(call, "id"),
                              .zone_id = cs_api_arg_id(call, "zoneid"),
                              .name = cs_api_arg_str(call, "name"),
                              .keyword = cs_api_arg_str(call, "keyword"),
                              .allocation_state = cs_api_arg_str(call, "allocationstate")};
    struct cs_vec v = CS_VEC_INIT(struct cs_pod);
    int rc = cs_svc_pod_list(call->svc, &call->caller, &f, call->page, &v, err);
    if (rc == 0)
        CS_API_REPLY_LIST(call, "pod", &v, struct cs_pod, cs_view_pod);
    cs_util_vec_release(&v);
    return rc;
}

static int add_cluster(struct cs_api_call *call, struct cs_err *err)
{
    struct cs_cluster in = {.zone_id = cs_api_arg_id(call, "zoneid"),
                            .pod_id = cs_api_arg_id(call, "podid")};
    ARG(call, "clustername", in.name);
    ARG(call, "hypervisor", in.hypervisor);
    ARG(call, "clustertype", in.cluster_type);
    ARG(call, "allocationstate", in.allocation_state);
    struct cs_cluster c;
    int rc = cs_svc_cluster_create(call->svc, &call->caller, &in, &c, err);
    if (rc == 0) {
        json_t *items = json_array();
        json_array_append_new(items, cs_view_cluster(call->svc, &c));
        cs_api_reply_list(call, "cluster", items, 1);
    }
    return rc;
}

static int list_clusters(struct cs_api_call *call, struct cs_err *err)
{
    struct cs_cluster_filter f = {.id = cs_api_arg_id(call, "id"),
                                  .zone_id = cs_api_arg_id(call, "zoneid"),
                                  .pod_id = cs_api_arg_id(call, "podid"),
                                  .name = cs_api_arg_str(call, "name"),
                                  .keyword = cs_api_arg_str(call, "keyword"),
                                  .hypervisor = cs_api_arg_str(call, "hypervisor"),
                                  .cluster_type = cs_api_arg_str(call, "clustertype"),
                                  .allocation_state = cs_api_arg_str(call, "allocationstate"),
                                  .managed_state = cs_api_arg_str(call, "managedstate")};
    struct cs_vec v = CS_VEC_INIT(struct cs_cluster);
    int rc = cs_svc_cluster_list(call->svc, &call->caller, &f, call->page, &v, err);
    if (rc == 0)
        CS_API_REPLY_LIST(call, "cluster", &v, struct cs_cluster, cs_view_cluster);
    cs_util_vec_release(&v);
    return rc;
}

static int add_host(struct cs_api_call *call, struct cs_err *err)
{
    struct cs_svc_host_add in = {
        .zone_id = cs_api_arg_id(call, "zoneid"), .pod_id = cs_api_arg_id(call, "podid"),
        .cluster_id = cs_api_arg_id(call, "clusterid"),
        .cluster_name = cs_api_arg_str(call, "clustername"),
        .hypervisor = cs_api_arg_str(call, "hypervisor"), .url = cs_api_arg_str(call, "url"),
        .username = cs_api_arg_str(call, "username"),
        .password = cs_api_arg_str(call, "password"),
        .allocation_state = cs_api_arg_str(call, "allocationstate"),
        .hosttags = cs_api_arg_str(call, "hosttags")};
    struct cs_host h;
    int rc = cs_svc_host_add(call->svc, &call->caller, &in, &h, err);
    if (rc == 0) {
        json_t *items = json_array();
        json_array_append_new(items, cs_view_host(call->svc, &h));
        cs_api_reply_list(call, "host", items, 1);
    }
    return rc;
}

static int list_hosts(struct cs_api_call *call, struct cs_err *err)
{
    struct cs_host_filter f = {.id = cs_api_arg_id(call, "id"),
                               .zone_id = cs_api_arg_id(call, "zoneid"),
                               .pod_id = cs_api_arg_id(call, "podid"),
                               .cluster_id = cs_api_arg_id(call, "clusterid"),
                               .name = cs_api_arg_str(call, "name"),
                               .keyword = cs_api_arg_str(call, "keyword"),
                               .type = cs_api_arg_str(call, "type"),
                               .status = cs_api_arg_str(call, "state"),
                               .resource_state = cs_api_arg_str(call, "resourcestate"),
                               .hypervisor = cs_api_arg_str(call, "hypervisor"),
                               .vm_id = cs_api_arg_id(call, "virtualmachineid")};
    struct cs_vec v = CS_VEC_INIT(struct cs_host);
    int rc = cs_svc_host_list(call->svc, &call->caller, &f, call->page, &v, err);
    if (rc == 0)
        CS_API_REPLY_LIST(call, "host", &v, struct cs_host, cs_view_host);
    cs_util_vec_release(&v);
    return rc;
}

static int create_storage_pool(struct cs_api_call *call, struct cs_err *err)
{
    struct cs_storage_pool in = {.zone_id = cs_api_arg_id(call, "zoneid"),
                                 .pod_id = cs_api_arg_id(call, "podid"),
                                 .cluster_id = cs_api_arg_id(call, "clusterid"),
                                 .capacity_bytes = cs_api_arg_long(call, "capacitybytes", 0)};
    ARG(call, "name", in.name);
    ARG(call, "url", in.url);
    ARG(call, "scope", in.scope);
    ARG(call, "tags", in.tags);
    ARG(call, "provider", in.provider);
    ARG(call, "hypervisor", in.hypervisor);
    struct cs_storage_pool p;
    int rc = cs_svc_storage_pool_create(call->svc, &call->caller, &in, &p, err);
    if (rc == 0)
        cs_api_reply_object(call, "storagepool", cs_view_storage_pool(call->svc, &p));
    return rc;
}

static int list_storage_pools(struct cs_api_call *call, struct cs_err *err)
{
    struct cs_storage_pool_filter f = {.id = cs_api_arg_id(call, "id"),
                                       .zone_id = cs_api_arg_id(call, "zoneid"),
                                       .pod_id = cs_api_arg_id(call, "podid"),
                                       .cluster_id = cs_api_arg_id(call, "clusterid"),
                                       .name = cs_api_arg_str(call, "name"),
                                       .keyword = cs_api_arg_str(call, "keyword"),
                                       .ipaddress = cs_api_arg_str(call, "ipaddress"),
                                       .path = cs_api_arg_str(call, "path"),
                                       .scope = cs_api_arg_str(call, "scope"),
                                       .state = cs_api_arg_str(call, "status")};
    struct cs_vec v = CS_VEC_INIT(struct cs_storage_pool);
    int rc = cs_svc_storage_pool_list(call->svc, &call->caller, &f, call->page, &v, err);
    if (rc == 0)
        CS_API_REPLY_LIST(call, "storagepool", &v, struct cs_storage_pool, cs_view_storage_pool);
    cs_util_vec_release(&v);
    return rc;
}

static int add_image_store(struct cs_api_call *call, struct cs_err *err)
{
    struct cs_image_store in = {.zone_id = cs_api_arg_id(call, "zoneid")};
    ARG(call, "provider", in.provider);
    ARG(call, "name", in.name);
    ARG(call, "url", in.url);
    struct cs_image_store s;
    int rc = cs_svc_image_store_add(call->svc, &call->caller, &in, &s, err);
    if (rc == 0)
        cs_api_reply_object(call, "imagestore", cs_view_image_store(call->svc, &s));
    return rc;
}

static int list_image_stores(struct cs_api_call *call, struct cs_err *err)
{
    struct cs_image_store_filter f = {
        .id = cs_api_arg_id(call, "id"), .zone_id = cs_api_arg_id(call, "zoneid"),
        .name = cs_api_arg_str(call, "name"), .keyword = cs_api_arg_str(call, "keyword"),
        .protocol = cs_api_arg_str(call, "protocol"),
        .provider = cs_api_arg_str(call, "provider"),
        .readonly = !cs_api_arg_has(call, "readonly")            ? 0
                    : cs_api_arg_bool(call, "readonly", false) ? 1
                                                                : 2};
    struct cs_vec v = CS_VEC_INIT(struct cs_image_store);
    int rc = cs_svc_image_store_list(call->svc, &call->caller, &f, call->page, &v, err);
    if (rc == 0)
        CS_API_REPLY_LIST(call, "imagestore", &v, struct cs_image_store, cs_view_image_store);
    cs_util_vec_release(&v);
    return rc;
}

static int list_hypervisors(struct cs_api_call *call, struct cs_err *err)
{
    struct cs_vec v = CS_VEC_INIT(struct cs_svc_hypervisor);
    int rc = cs_svc_hypervisor_list(call->svc, cs_api_arg_id(call, "zoneid"), &v, err);
    if (rc == 0)
        CS_API_REPLY_LIST(call, "hypervisor", &v, struct cs_svc_hypervisor, cs_view_hypervisor);
    cs_util_vec_release(&v);
    return rc;
}

static const struct cs_api_param_spec add_cluster_params[] = {
    {"clustername", CS_PT_STRING, CS_PF_REQUIRED, CS_ENT_NONE, "the cluster name", 0},
    {"podid", CS_PT_UUID, CS_PF_REQUIRED, CS_ENT_POD, "the Pod ID", 0},
    {"zoneid", CS_PT_UUID, CS_PF_REQUIRED, CS_ENT_ZONE, "the Zone ID", 0},
    {"hypervisor", CS_PT_STRING, CS_PF_REQUIRED, CS_ENT_NONE, "the hypervisor type", 0},
    {"clustertype", CS_PT_STRING, CS_PF_REQUIRED, CS_ENT_NONE,
     "type of the cluster: CloudManaged, ExternalManaged", 0},
    {"password", CS_PT_STRING, CS_PF_SENSITIVE, CS_ENT_NONE, "the password", 0},
    {"url", CS_PT_STRING, 0, CS_ENT_NONE, "the URL", 0},
    {"username", CS_PT_STRING, 0, CS_ENT_NONE, "the username", 0},
    {"arch", CS_PT_STRING, 0, CS_ENT_NONE, "the arch", 0},
    {"allocationstate", CS_PT_STRING, 0, CS_ENT_NONE, "Allocation state: Enabled or Disabled", 0},
    {"vsmusername", CS_PT_STRING, 0, CS_ENT_NONE, "the vsmusername", 0},
    {"vsmpassword", CS_PT_STRING, CS_PF_SENSITIVE, CS_ENT_NONE, "the vsmpassword", 0},
    {"vsmipaddress", CS_PT_STRING, 0, CS_ENT_NONE, "the vsmipaddress", 0},
    {"guestvswitchtype", CS_PT_STRING, 0, CS_ENT_NONE, "the guestvswitchtype", 0},
    {"publicvswitchtype", CS_PT_STRING, 0, CS_ENT_NONE, "the publicvswitchtype", 0},
    {"guestvswitchname", CS_PT_STRING, 0, CS_ENT_NONE, "the guestvswitchname", 0},
    {"publicvswitchname", CS_PT_STRING, 0, CS_ENT_NONE, "the publicvswitchname", 0},
    {"ovm3pool", CS_PT_STRING, 0, CS_ENT_NONE, "the ovm3pool", 0},
    {"ovm3cluster", CS_PT_STRING, 0, CS_ENT_NONE, "the ovm3cluster", 0},
    {"ovm3vip", CS_PT_STRING, 0, CS_ENT_NONE, "the ovm3vip", 0},
    {"storageaccessgroups", CS_PT_LIST, 0, CS_ENT_NONE, "the storageaccessgroups", 0},
    {"extensionid", CS_PT_STRING, 0, CS_ENT_NONE, "the extensionid", 0},
    {"externaldetails", CS_PT_MAP, 0, CS_ENT_NONE, "the externaldetails", 0},
    {NULL},
};

static const struct cs_api_param_spec add_host_params[] = {
    {"podid", CS_PT_UUID, CS_PF_REQUIRED, CS_ENT_POD, "the Pod ID", 0},
    {"url", CS_PT_STRING, CS_PF_REQUIRED, CS_ENT_NONE, "the URL", 0},
    {"zoneid", CS_PT_UUID, CS_PF_REQUIRED, CS_ENT_ZONE, "the Zone ID", 0},
    {"hypervisor", CS_PT_STRING, CS_PF_REQUIRED, CS_ENT_NONE, "the hypervisor type", 0},
    {"clusterid", CS_PT_UUID, 0, CS_ENT_CLUSTER, "the cluster ID", 0},
    {"clustername", CS_PT_STRING, 0, CS_ENT_NONE, "the cluster name", 0},
    {"username", CS_PT_STRING, 0, CS_ENT_NONE, "the username", 0},
    {"password", CS_PT_STRING, CS_PF_SENSITIVE, CS_ENT_NONE, "the password", 0},
    {"allocationstate", CS_PT_STRING, 0, CS_ENT_NONE, "Allocation state: Enabled or Disabled", 0},
    {"hosttags", CS_PT_STRING, 0, CS_ENT_NONE, "list of tags to be added to the host", 0},
    {"storageaccessgroups", CS_PT_LIST, 0, CS_ENT_NONE, "the storageaccessgroups", 0},
    {"externaldetails", CS_PT_MAP, 0, CS_ENT_NONE, "the externaldetails", 0},
    {NULL},
};

static const struct cs_api_param_spec add_image_store_params[] = {
    {"provider", CS_PT_STRING, CS_PF_REQUIRED, CS_ENT_NONE, "the storage provider name", 0},
    {"name", CS_PT_STRING, 0, CS_ENT_NONE, "the name", 0},
    {"url", CS_PT_STRING, 0, CS_ENT_NONE, "the URL", 0},
    {"zoneid", CS_PT_UUID, 0, CS_ENT_ZONE, "the Zone ID", 0},
    {"details", CS_PT_MAP, 0, CS_ENT_NONE, "details", 0},
    {NULL},
};

static const struct cs_api_param_spec create_pod_params[] = {
    {"name", CS_PT_STRING, CS_PF_REQUIRED, CS_ENT_NONE, "the name", 0},
    {"zoneid", CS_PT_UUID, CS_PF_REQUIRED, CS_ENT_ZONE, "the Zone ID", 0},
    {"startip", CS_PT_STRING, 0, CS_ENT_NONE, "the starting IP address", 0},
    {"endip", CS_PT_STRING, 0, CS_ENT_NONE, "the ending IP address", 0},
    {"netmask", CS_PT_STRING, 0, CS_ENT_NONE, "the netmask", 0},
    {"gateway", CS_PT_STRING, 0, CS_ENT_NONE, "the gateway", 0},
    {"allocationstate", CS_PT_STRING, 0, CS_ENT_NONE, "Allocation state: Enabled or Disabled", 0},
    {"storageaccessgroups", CS_PT_LIST, 0, CS_ENT_NONE, "the storageaccessgroups", 0},
    {NULL},
};

static const struct cs_api_param_spec create_storage_pool_params[] = {
    {"name", CS_PT_STRING, CS_PF_REQUIRED, CS_ENT_NONE, "the name", 0},
    {"url", CS_PT_STRING, CS_PF_REQUIRED, CS_ENT_NONE, "the URL", 0},
    {"zoneid", CS_PT_UUID, CS_PF_REQUIRED, CS_ENT_ZONE, "the Zone ID", 0},
    {"clusterid", CS_PT_UUID, 0, CS_ENT_CLUSTER, "the cluster ID", 0},
    {"details", CS_PT_MAP, 0, CS_ENT_NONE, "details", 0},
    {"podid", CS_PT_UUID, 0, CS_ENT_POD, "the Pod ID", 0},
    {"tags", CS_PT_STRING, 0, CS_ENT_NONE, "the tags", 0},
    {"storageaccessgroups", CS_PT_LIST, 0, CS_ENT_NONE, "the storageaccessgroups", 0},
    {"provider", CS_PT_STRING, 0, CS_ENT_NONE, "the storage provider name", 0},
    {"scope", CS_PT_STRING, 0, CS_ENT_NONE, "the scope of the storage: cluster or zone", 0},
    {"managed", CS_PT_BOOLEAN, 0, CS_ENT_NONE, "the managed", 0},
    {"capacityiops", CS_PT_LONG, 0, CS_ENT_NONE, "the capacityiops", 0},
    {"capacitybytes", CS_PT_LONG, 0, CS_ENT_NONE,
     "bytes CloudStack can provision from this storage pool", 0},
    {"hypervisor", CS_PT_STRING, 0, CS_ENT_NONE, "the hypervisor type", 0},
    {"istagarule", CS_PT_BOOLEAN, 0, CS_ENT_NONE, "the istagarule", 0},
    {NULL},
};

static const struct cs_api_param_spec create_zone_params[] = {
    {"dns1", CS_PT_STRING, CS_PF_REQUIRED, CS_ENT_NONE, "the first DNS server of the zone", 0},
    {"internaldns1", CS_PT_STRING, CS_PF_REQUIRED, CS_ENT_NONE,
     "the first internal DNS server of the zone", 0},
    {"name", CS_PT_STRING, CS_PF_REQUIRED, CS_ENT_NONE, "the name", 0},
    {"networktype", CS_PT_STRING, CS_PF_REQUIRED, CS_ENT_NONE,
     "network type of the zone, Basic or Advanced", 0},
    {"dns2", CS_PT_STRING, 0, CS_ENT_NONE, "the second DNS server of the zone", 0},
    {"ip6dns1", CS_PT_STRING, 0, CS_ENT_NONE, "the ip6dns1", 0},
    {"ip6dns2", CS_PT_STRING, 0, CS_ENT_NONE, "the ip6dns2", 0},
    {"guestcidraddress", CS_PT_STRING, 0, CS_ENT_NONE, "the guest CIDR address of the zone", 0},
    {"internaldns2", CS_PT_STRING, 0, CS_ENT_NONE, "the second internal DNS server of the zone", 0},
    {"domain", CS_PT_STRING, 0, CS_ENT_NONE, "network domain name for the networks in the zone", 0},
    {"domainid", CS_PT_UUID, 0, CS_ENT_DOMAIN, "the ID of the domain", 0},
    {"allocationstate", CS_PT_STRING, 0, CS_ENT_NONE, "Allocation state: Enabled or Disabled", 0},
    {"securitygroupenabled", CS_PT_BOOLEAN, 0, CS_ENT_NONE, "the securitygroupenabled", 0},
    {"localstorageenabled", CS_PT_BOOLEAN, 0, CS_ENT_NONE, "the localstorageenabled", 0},
    {"isedge", CS_PT_BOOLEAN, 0, CS_ENT_NONE, "the isedge", 0},
    {"storageaccessgroups", CS_PT_LIST, 0, CS_ENT_NONE, "the storageaccessgroups", 0},
    {NULL},
};

static const struct cs_api_param_spec list_clusters_params[] = {
    {"keyword", CS_PT_STRING, 0, CS_ENT_NONE, "List by keyword", 0},
    {"page", CS_PT_INTEGER, 0, CS_ENT_NONE, "the page number", 0},
    {"pagesize", CS_PT_INTEGER, 0, CS_ENT_NONE, "the page size", 0},
    {"id", CS_PT_UUID, 0, CS_ENT_CLUSTER, "the ID of the object", 0},
    {"name", CS_PT_STRING, 0, CS_ENT_NONE, "the name", 0},
    {"podid", CS_PT_UUID, 0, CS_ENT_POD, "the Pod ID", 0},
    {"zoneid", CS_PT_UUID, 0, CS_ENT_ZONE, "the Zone ID", 0},
    {"hypervisor", CS_PT_STRING, 0, CS_ENT_NONE, "the hypervisor type", 0},
    {"clustertype", CS_PT_STRING, 0, CS_ENT_NONE,
     "type of the cluster: CloudManaged, ExternalManaged", 0},
    {"allocationstate", CS_PT_STRING, 0, CS_ENT_NONE, "Allocation state: Enabled or Disabled", 0},
    {"managedstate", CS_PT_STRING, 0, CS_ENT_NONE, "the managedstate", 0},
    {"showcapacities", CS_PT_BOOLEAN, 0, CS_ENT_NONE, "flag to display the capacity", 0},
    {"arch", CS_PT_STRING, 0, CS_ENT_NONE, "the arch", 0},
    {"storageaccessgroup", CS_PT_STRING, 0, CS_ENT_NONE, "the storageaccessgroup", 0},
    {NULL},
};

static const struct cs_api_param_spec list_hosts_params[] = {
    {"keyword", CS_PT_STRING, 0, CS_ENT_NONE, "List by keyword", 0},
    {"page", CS_PT_INTEGER, 0, CS_ENT_NONE, "the page number", 0},
    {"pagesize", CS_PT_INTEGER, 0, CS_ENT_NONE, "the page size", 0},
    {"clusterid", CS_PT_UUID, 0, CS_ENT_CLUSTER, "the cluster ID", 0},
    {"id", CS_PT_UUID, 0, CS_ENT_HOST, "the ID of the object", 0},
    {"name", CS_PT_STRING, 0, CS_ENT_NONE, "the name", 0},
    {"podid", CS_PT_UUID, 0, CS_ENT_POD, "the Pod ID", 0},
    {"state", CS_PT_STRING, 0, CS_ENT_NONE, "the state", 0},
    {"type", CS_PT_STRING, 0, CS_ENT_NONE, "the type", 0},
    {"zoneid", CS_PT_UUID, 0, CS_ENT_ZONE, "the Zone ID", 0},
    {"virtualmachineid", CS_PT_UUID, 0, CS_ENT_VM, "the ID of the virtual machine", 0},
    {"outofbandmanagementenabled", CS_PT_BOOLEAN, 0, CS_ENT_NONE,
     "the outofbandmanagementenabled", 0},
    {"outofbandmanagementpowerstate", CS_PT_STRING, 0, CS_ENT_NONE,
     "the outofbandmanagementpowerstate", 0},
    {"resourcestate", CS_PT_STRING, 0, CS_ENT_NONE, "the resource state", 0},
    {"details", CS_PT_MAP, 0, CS_ENT_NONE, "details", 0},
    {"hahost", CS_PT_BOOLEAN, 0, CS_ENT_NONE, "the hahost", 0},
    {"hypervisor", CS_PT_STRING, 0, CS_ENT_NONE, "the hypervisor type", 0},
    {"managementserverid", CS_PT_UUID, 0, CS_ENT_NONE, "the managementserverid", 0},
    {"arch", CS_PT_STRING, 0, CS_ENT_NONE, "the arch", 0},
    {"storageaccessgroup", CS_PT_STRING, 0, CS_ENT_NONE, "the storageaccessgroup", 0},
    {NULL},
};

static const struct cs_api_param_spec list_hypervisors_params[] = {
    {"zoneid", CS_PT_UUID, 0, CS_ENT_ZONE, "the Zone ID", 0},
    {NULL},
};

static const struct cs_api_param_spec list_image_stores_params[] = {
    {"keyword", CS_PT_STRING, 0, CS_ENT_NONE, "List by keyword", 0},
    {"page", CS_PT_INTEGER, 0, CS_ENT_NONE, "the page number", 0},
    {"pagesize", CS_PT_INTEGER, 0, CS_ENT_NONE, "the page size", 0},
    {"name", CS_PT_STRING, 0, CS_ENT_NONE, "the name", 0},
    {"protocol", CS_PT_STRING, 0, CS_ENT_NONE, "the protocol", 0},
    {"provider", CS_PT_STRING, 0, CS_ENT_NONE, "the storage provider name", 0},
    {"zoneid", CS_PT_UUID, 0, CS_ENT_ZONE, "the Zone ID", 0},
    {"id", CS_PT_UUID, 0, CS_ENT_IMAGE_STORE, "the ID of the object", 0},
    {"readonly", CS_PT_BOOLEAN, 0, CS_ENT_NONE, "the readonly", 0},
    {NULL},
};

static const struct cs_api_param_spec list_pods_params[] = {
    {"keyword", CS_PT_STRING, 0, CS_ENT_NONE, "List by keyword", 0},
    {"page", CS_PT_INTEGER, 0, CS_ENT_NONE, "the page number", 0},
    {"pagesize", CS_PT_INTEGER, 0, CS_ENT_NONE, "the page size", 0},
    {"id", CS_PT_UUID, 0, CS_ENT_POD, "the ID of the object", 0},
    {"name", CS_PT_STRING, 0, CS_ENT_NONE, "the name", 0},
    {"zoneid", CS_PT_UUID, 0, CS_ENT_ZONE, "the Zone ID", 0},
    {"allocationstate", CS_PT_STRING, 0, CS_ENT_NONE, "Allocation state: Enabled or Disabled", 0},
    {"showcapacities", CS_PT_BOOLEAN, 0, CS_ENT_NONE, "flag to display the capacity", 0},
    {"storageaccessgroup", CS_PT_STRING, 0, CS_ENT_NONE, "the storageaccessgroup", 0},
    {NULL},
};

static const struct cs_api_param_spec list_storage_pools_params[] = {
    {"keyword", CS_PT_STRING, 0, CS_ENT_NONE, "List by keyword", 0},
    {"page", CS_PT_INTEGER, 0, CS_ENT_NONE, "the page number", 0},
    {"pagesize", CS_PT_INTEGER, 0, CS_ENT_NONE, "the page size", 0},
    {"clusterid", CS_PT_UUID, 0, CS_ENT_CLUSTER, "the cluster ID", 0},
    {"ipaddress", CS_PT_STRING, 0, CS_ENT_NONE, "the ipaddress", 0},
    {"name", CS_PT_STRING, 0, CS_ENT_NONE, "the name", 0},
    {"path", CS_PT_STRING, 0, CS_ENT_NONE, "the path", 0},
    {"podid", CS_PT_UUID, 0, CS_ENT_POD, "the Pod ID", 0},
    {"zoneid", CS_PT_UUID, 0, CS_ENT_ZONE, "the Zone ID", 0},
    {"id", CS_PT_UUID, 0, CS_ENT_STORAGE_POOL, "the ID of the object", 0},
    {"scope", CS_PT_STRING, 0, CS_ENT_NONE, "the scope of the storage: cluster or zone", 0},
    {"status", CS_PT_STRING, 0, CS_ENT_NONE, "the status", 0},
    {"hostid", CS_PT_UUID, 0, CS_ENT_HOST, "the host ID", 0},
    {"storagecustomstats", CS_PT_BOOLEAN, 0, CS_ENT_NONE, "the storagecustomstats", 0},
    {"storageaccessgroup", CS_PT_STRING, 0, CS_ENT_NONE, "the storageaccessgroup", 0},
    {NULL},
};

static const struct cs_api_param_spec list_zones_params[] = {
    {"keyword", CS_PT_STRING, 0, CS_ENT_NONE, "List by keyword", 0},
    {"page", CS_PT_INTEGER, 0, CS_ENT_NONE, "the page number", 0},
    {"pagesize", CS_PT_INTEGER, 0, CS_ENT_NONE, "the page size", 0},
    {"id", CS_PT_UUID, 0, CS_ENT_ZONE, "the ID of the object", 0},
    {"ids", CS_PT_LIST, 0, CS_ENT_NONE, "the IDs", 0},
    {"available", CS_PT_BOOLEAN, 0, CS_ENT_NONE, "the available", 0},
    {"domainid", CS_PT_UUID, 0, CS_ENT_DOMAIN, "the ID of the domain", 0},
    {"name", CS_PT_STRING, 0, CS_ENT_NONE, "the name", 0},
    {"networktype", CS_PT_STRING, 0, CS_ENT_NONE, "network type of the zone, Basic or Advanced", 0},
    {"showcapacities", CS_PT_BOOLEAN, 0, CS_ENT_NONE, "flag to display the capacity", 0},
    {"tags", CS_PT_MAP, 0, CS_ENT_NONE, "the tags", 0},
    {"showicon", CS_PT_BOOLEAN, 0, CS_ENT_NONE, "the showicon", 0},
    {"storageaccessgroup", CS_PT_STRING, 0, CS_ENT_NONE, "the storageaccessgroup", 0},
    {NULL},
};

static const struct cs_api_param_spec update_zone_params[] = {
    {"id", CS_PT_UUID, CS_PF_REQUIRED, CS_ENT_ZONE, "the ID of the object", 0},
    {"dns1", CS_PT_STRING, 0, CS_ENT_NONE, "the first DNS server of the zone", 0},
    {"dns2", CS_PT_STRING, 0, CS_ENT_NONE, "the second DNS server of the zone", 0},
    {"ip6dns1", CS_PT_STRING, 0, CS_ENT_NONE, "the ip6dns1", 0},
    {"ip6dns2", CS_PT_STRING, 0, CS_ENT_NONE, "the ip6dns2", 0},
    {"guestcidraddress", CS_PT_STRING, 0, CS_ENT_NONE, "the guest CIDR address of the zone", 0},
    {"internaldns1", CS_PT_STRING, 0, CS_ENT_NONE, "the first internal DNS server of the zone", 0},
    {"internaldns2", CS_PT_STRING, 0, CS_ENT_NONE, "the second internal DNS server of the zone", 0},
    {"name", CS_PT_STRING, 0, CS_ENT_NONE, "the name", 0},
    {"ispublic", CS_PT_BOOLEAN, 0, CS_ENT_NONE,
     "true if the template is available to all accounts", 0},
    {"allocationstate", CS_PT_STRING, 0, CS_ENT_NONE, "Allocation state: Enabled or Disabled", 0},
    {"details", CS_PT_MAP, 0, CS_ENT_NONE, "details", 0},
    {"dhcpprovider", CS_PT_STRING, 0, CS_ENT_NONE, "the dhcpprovider", 0},
    {"domain", CS_PT_STRING, 0, CS_ENT_NONE, "network domain name for the networks in the zone", 0},
    {"dnssearchorder", CS_PT_STRING, 0, CS_ENT_NONE, "the dnssearchorder", 0},
    {"localstorageenabled", CS_PT_BOOLEAN, 0, CS_ENT_NONE, "the localstorageenabled", 0},
    {"sortkey", CS_PT_INTEGER, 0, CS_ENT_NONE, "the sortkey", 0},
    {NULL},
};

static const struct cs_api_cmd cmds[] = {
    {"addCluster", CS_CMD_SYNC, CS_ROLE_ADMIN, add_cluster, NULL, add_cluster_params,
     "Adds a new cluster", NULL, NULL, NULL, false, false},
    {"addHost", CS_CMD_SYNC, CS_ROLE_ADMIN, add_host, NULL, add_host_params, "Adds a new host.",
     NULL, NULL, NULL, false, false},
    {"addImageStore", CS_CMD_SYNC, CS_ROLE_ADMIN, add_image_store, NULL, add_image_store_params,
     "Adds backup image store.", NULL, NULL, NULL, false, false},
    {"createPod", CS_CMD_SYNC, CS_ROLE_ADMIN, create_pod, NULL, create_pod_params,
     "Creates a new Pod.", NULL, NULL, NULL, false, false},
    {"createStoragePool", CS_CMD_SYNC, CS_ROLE_ADMIN, create_storage_pool, NULL,
     create_storage_pool_params, "Creates a storage pool.", NULL, NULL, NULL, false, false},
    {"createZone", CS_CMD_SYNC, CS_ROLE_ADMIN, create_zone, NULL, create_zone_params,
     "Creates a Zone.", NULL, NULL, NULL, false, false},
    {"listClusters", CS_CMD_SYNC, CS_ROLE_ADMIN, list_clusters, NULL, list_clusters_params,
     "Lists clusters.", NULL, NULL, NULL, false, true},
    {"listHosts", CS_CMD_SYNC, CS_ROLE_ADMIN, list_hosts, NULL, list_hosts_params,
     "Lists hosts.", NULL, NULL, NULL, false, true},
    {"listHypervisors", CS_CMD_SYNC, CS_ROLE_ALL, list_hypervisors, NULL, list_hypervisors_params,
     "List hypervisors", NULL, NULL, NULL, true, true},
    {"listImageStores", CS_CMD_SYNC, CS_ROLE_ADMIN, list_image_stores, NULL,
     list_image_stores_params, "Lists image stores.", NULL, NULL, NULL, false, true},
    {"listPods", CS_CMD_SYNC, CS_ROLE_ADMIN, list_pods, NULL, list_pods_params,
     "Lists all Pods.", NULL, NULL, NULL, false, true},
    {"listStoragePools", CS_CMD_SYNC, CS_ROLE_ADMIN, list_storage_pools, NULL,
     list_storage_pools_params, "Lists storage pools.", NULL, NULL, NULL, false, true},
    {"listZones", CS_CMD_SYNC, CS_ROLE_ALL, list_zones, NULL, list_zones_params,
     "Lists zones", NULL, NULL, NULL, false, true},
    {"updateZone", CS_CMD_SYNC, CS_ROLE_ADMIN, update_zone, NULL, update_zone_params,
     "Updates a Zone.", NULL, NULL, NULL, false, false},
};

const struct cs_api_cmd_group cs_api_cmds_infra = {cmds, sizeof(cmds) / sizeof(cmds[0])};
