/* Global settings commands: listConfigurations, updateConfiguration. */
#include "api_cmd.h"
#include "svc_config.h"
#include "view_util.h"

static json_t *view_config(struct cs_svc *svc, const struct cs_config *c)
{
    (void)svc;
    json_t *o = json_object();
    cs_view_str(o, "category", c->category);
    cs_view_str(o, "name", c->name);
    cs_view_str(o, "value", c->value);
    cs_view_str(o, "defaultvalue", c->default_value);
    cs_view_str(o, "description", c->description);
    cs_view_str(o, "scope", "global");
    cs_view_bool(o, "isdynamic", true);
    cs_view_str(o, "component", "management-server");
    cs_view_str(o, "type", "String");
    return o;
}

static int list(struct cs_api_call *call, struct cs_err *err)
{
    struct cs_vec v = CS_VEC_INIT(struct cs_config);
    int rc = cs_svc_config_list(call->svc, cs_api_arg_str(call, "name"),
                                cs_api_arg_str(call, "category"), cs_api_arg_str(call, "keyword"),
                                call->page, &v, err);
    if (rc == 0)
        CS_API_REPLY_LIST(call, "configuration", &v, struct cs_config, view_config);
    cs_db_config_vec_release(&v);
    return rc;
}

static int update(struct cs_api_call *call, struct cs_err *err)
{
    const char *name = cs_api_arg_str(call, "name");
    if (cs_svc_config_set(call->svc, name, cs_api_arg_str(call, "value"), err) < 0)
        return -err->code;
    struct cs_vec v = CS_VEC_INIT(struct cs_config);
    int rc = cs_svc_config_list(call->svc, name, NULL, NULL, CS_PAGE_ALL, &v, err);
    if (rc == 0 && v.n == 1)
        cs_api_reply_object(call, "configuration",
                            view_config(call->svc, CS_VEC_AT(&v, struct cs_config, 0)));
    cs_db_config_vec_release(&v);
    return rc;
}

static const struct cs_api_param_spec list_params[] = {
    {"keyword", CS_PT_STRING, 0, CS_ENT_NONE, "List by keyword", 0},
    {"page", CS_PT_INTEGER, 0, CS_ENT_NONE, "", 0},
    {"pagesize", CS_PT_INTEGER, 0, CS_ENT_NONE, "", 0},
    {"category", CS_PT_STRING, 0, CS_ENT_NONE, "lists configurations by category", 0},
    {"name", CS_PT_STRING, 0, CS_ENT_NONE, "lists configuration by name", 0},
    {"zoneid", CS_PT_UUID, 0, CS_ENT_ZONE, "the ID of the Zone to update the parameter value for",
     0},
    {"clusterid", CS_PT_UUID, 0, CS_ENT_CLUSTER, "the ID of the Cluster", 0},
    {"storageid", CS_PT_UUID, 0, CS_ENT_STORAGE_POOL, "the ID of the Storage pool", 0},
    {"accountid", CS_PT_UUID, 0, CS_ENT_ACCOUNT, "the ID of the Account", 0},
    {"domainid", CS_PT_UUID, 0, CS_ENT_DOMAIN, "the ID of the Domain", 0},
    {"imagestoreuuid", CS_PT_UUID, 0, CS_ENT_IMAGE_STORE, "the ID of the Image Store", 0},
    {"group", CS_PT_STRING, 0, CS_ENT_NONE, "lists configuration by group name", 0},
    {"subgroup", CS_PT_STRING, 0, CS_ENT_NONE, "lists configuration by subgroup name", 0},
    {"parent", CS_PT_STRING, 0, CS_ENT_NONE, "lists configuration by parent name", 0},
    {NULL},
};

static const struct cs_api_param_spec update_params[] = {
    {"name", CS_PT_STRING, CS_PF_REQUIRED, CS_ENT_NONE, "the name of the configuration", 0},
    {"value", CS_PT_STRING, 0, CS_ENT_NONE, "the value of the configuration", 4096},
    {"zoneid", CS_PT_UUID, 0, CS_ENT_ZONE, "the ID of the Zone to update the parameter value for",
     0},
    {"clusterid", CS_PT_UUID, 0, CS_ENT_CLUSTER, "the ID of the Cluster", 0},
    {"storageid", CS_PT_UUID, 0, CS_ENT_STORAGE_POOL, "the ID of the Storage pool", 0},
    {"accountid", CS_PT_UUID, 0, CS_ENT_ACCOUNT, "the ID of the Account", 0},
    {"domainid", CS_PT_UUID, 0, CS_ENT_DOMAIN, "the ID of the Domain", 0},
    {"imagestoreuuid", CS_PT_UUID, 0, CS_ENT_IMAGE_STORE, "the ID of the Image Store", 0},
    {NULL},
};

static const struct cs_api_cmd cmds[] = {
    {"listConfigurations", CS_CMD_SYNC, CS_ROLE_ADMIN, list, NULL, list_params,
     "Lists all configurations.", NULL, NULL, NULL, false, true},
    {"updateConfiguration", CS_CMD_SYNC, CS_ROLE_ADMIN, update, NULL, update_params,
     "Updates a configuration.", NULL, NULL, NULL, false, false},
};

const struct cs_api_cmd_group cs_api_cmds_config = {cmds, sizeof(cmds) / sizeof(cmds[0])};
