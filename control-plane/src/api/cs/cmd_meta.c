/* Self-description commands: listApis (generated from the command table), listCapabilities,
 * and the table rows of login/logout (which the dispatcher runs before authentication). */
#include <string.h>

#include "api_cmd.h"
#include "svc_config.h"
#include "view_util.h"

static const char *const type_names[CS_PT__COUNT] = {
    [CS_PT_STRING] = "string", [CS_PT_UUID] = "uuid",       [CS_PT_LONG] = "long",
    [CS_PT_INTEGER] = "integer", [CS_PT_SHORT] = "short",   [CS_PT_BOOLEAN] = "boolean",
    [CS_PT_DATE] = "date",     [CS_PT_MAP] = "map",         [CS_PT_LIST] = "list",
    [CS_PT_FLOAT] = "float",
};

static json_t *view_api(const struct cs_api_cmd *cmd)
{
    json_t *o = json_object();
    cs_view_str(o, "name", cmd->name);
    json_object_set_new(o, "description", json_string(cmd->description ? cmd->description : ""));
    cs_view_bool(o, "isasync", cmd->kind != CS_CMD_SYNC);
    cs_view_str(o, "since", "4.22.0");
    json_t *params = json_array();
    for (const struct cs_api_param_spec *p = cmd->params; p && p->name; p++) {
        json_t *po = json_object();
        cs_view_str(po, "name", p->name);
        json_object_set_new(po, "description", json_string(p->description ? p->description : ""));
        cs_view_str(po, "type", type_names[p->type]);
        cs_view_int(po, "length", p->length ? p->length : 255);
        cs_view_bool(po, "required", (p->flags & CS_PF_REQUIRED) != 0);
        json_array_append_new(params, po);
    }
    json_object_set_new(o, "params", params);
    json_object_set_new(o, "response", json_array());
    return o;
}

static int list_apis(struct cs_api_call *call, struct cs_err *err)
{
    (void)err;
    const char *name = cs_api_arg_str(call, "name");
    size_t n;
    const struct cs_api_cmd *const *all = cs_api_cmds(&n);
    json_t *items = json_array();
    int64_t count = 0;
    for (size_t i = 0; i < n; i++) {
        if (!cs_api_cmd_allowed(all[i], call->caller.account_type))
            continue;
        if (name && strcmp(name, all[i]->name) != 0)
            continue;
        json_array_append_new(items, view_api(all[i]));
        count++;
    }
    if (name && count == 0)
        return cs_err_set(err, CS_ERR_PARAM, "The API %s does not exist or is not available for "
                                             "this account.", name);
    cs_api_reply_list(call, "api", items, count);
    return 0;
}

static int list_capabilities(struct cs_api_call *call, struct cs_err *err)
{
    (void)err;
    json_t *c = json_object();
    cs_view_str(c, "cloudstackversion", "4.22.0.0");
    cs_view_bool(c, "securitygroupsenabled", false);
    cs_view_bool(c, "dynamicrolesenabled", true);
    cs_view_bool(c, "userpublictemplateenabled", true);
    cs_view_str(c, "supportELB", "false");
    cs_view_bool(c, "projectinviterequired", false);
    cs_view_bool(c, "allowusercreateprojects", true);
    cs_view_int(c, "customdiskofferingminsize", 1);
    cs_view_int(c, "customdiskofferingmaxsize", 1024);
    cs_view_bool(c, "regionsecondaryenabled", false);
    cs_view_bool(c, "kvmsnapshotenabled", false);
    cs_view_bool(c, "allowuserviewdestroyedvm", false);
    cs_view_bool(c, "allowuserexpungerecovervm",
                 cs_svc_config_bool(call->svc, "allow.user.expunge.recover.vm", false));
    cs_view_bool(c, "allowuserviewalldomainaccounts", false);
    cs_view_bool(c, "kubernetesserviceenabled", false);
    cs_view_bool(c, "kubernetesclusterexperimentalfeaturesenabled", false);
    cs_view_int(c, "defaultuipagesize", cs_svc_config_int(call->svc, "default.page.size", 500));
    cs_view_bool(c, "sharedfsvmmincpucount", false);
    cs_api_reply_object(call, "capability", c);
    return 0;
}

/* Reached only on the integration port, which serves no sessions. */
static int no_session(struct cs_api_call *call, struct cs_err *err)
{
    return cs_err_set(err, CS_ERR_UNSUPPORTED, "%s is not available on the integration port",
                      call->cmd->name);
}

static const struct cs_api_param_spec apis_params[] = {
    {"name", CS_PT_STRING, 0, CS_ENT_NONE, "API name", 0},
    {NULL},
};
static const struct cs_api_param_spec login_params[] = {
    {"username", CS_PT_STRING, CS_PF_REQUIRED, CS_ENT_NONE, "Username", 0},
    {"password", CS_PT_STRING, CS_PF_REQUIRED | CS_PF_SENSITIVE, CS_ENT_NONE,
     "Hashed password (Default is MD5). If you wish to use any other hashing algorithm, you would "
     "need to write a custom authentication adapter See Docs section.",
     0},
    {"domain", CS_PT_STRING, 0, CS_ENT_NONE, "Path of the domain that the user belongs to.", 0},
    {"domainid", CS_PT_LONG, 0, CS_ENT_NONE, "The id of the domain that the user belongs to.", 0},
    {NULL},
};
static const struct cs_api_param_spec none[] = {{NULL}};

static const struct cs_api_cmd cmds[] = {
    {"listApis", CS_CMD_SYNC, CS_ROLE_ALL, list_apis, NULL, apis_params,
     "lists all available apis on the server, provided by the Api Discovery plugin", NULL, NULL,
     NULL, false, false},
    {"listCapabilities", CS_CMD_SYNC, CS_ROLE_ALL, list_capabilities, NULL, none,
     "Lists capabilities", NULL, NULL, NULL, false, false},
    {"login", CS_CMD_SYNC, CS_ROLE_ALL, no_session, NULL, login_params,
     "Logs a user into the CloudStack. A successful login attempt will generate a JSESSIONID "
     "cookie value that can be passed in subsequent Query command calls until the \"logout\" "
     "command has been issued or the session has expired.",
     NULL, NULL, NULL, false, false},
    {"logout", CS_CMD_SYNC, CS_ROLE_ALL, no_session, NULL, none,
     "Logs out the user", NULL, NULL, NULL, false, false},
};

const struct cs_api_cmd_group cs_api_cmds_meta = {cmds, sizeof(cmds) / sizeof(cmds[0])};
