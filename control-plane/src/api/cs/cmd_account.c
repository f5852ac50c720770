/* Identity commands: listDomains, listAccounts, listUsers, registerUserKeys, getUserKeys. */
#include "api_cmd.h"
#include "svc_account.h"
#include "view_account.h"

static int list_domains(struct cs_api_call *call, struct cs_err *err)
{
    struct cs_vec v = CS_VEC_INIT(struct cs_domain);
    int rc = cs_svc_domain_list(call->svc, &call->caller, cs_api_arg_id(call, "id"),
                                cs_api_arg_str(call, "name"), call->page, &v, err);
    if (rc == 0)
        CS_API_REPLY_LIST(call, "domain", &v, struct cs_domain, cs_view_domain);
    cs_util_vec_release(&v);
    return rc;
}

static int list_accounts(struct cs_api_call *call, struct cs_err *err)
{
    struct cs_account_filter f = {
        .id = cs_api_arg_id(call, "id"),
        .domain_id = cs_api_arg_id(call, "domainid"),
        .name = cs_api_arg_str(call, "name"),
        .keyword = cs_api_arg_str(call, "keyword"),
        .type = (int)cs_api_arg_long(call, "accounttype", -1),
        .state = cs_api_arg_str(call, "state"),
    };
    struct cs_vec v = CS_VEC_INIT(struct cs_account);
    int rc = cs_svc_account_list(call->svc, &call->caller, &f, call->page, &v, err);
    if (rc == 0)
        CS_API_REPLY_LIST(call, "account", &v, struct cs_account, cs_view_account);
    cs_util_vec_release(&v);
    return rc;
}

static int list_users(struct cs_api_call *call, struct cs_err *err)
{
    struct cs_user_filter f = {
        .id = cs_api_arg_id(call, "id"),
        .username = cs_api_arg_str(call, "username"),
        .keyword = cs_api_arg_str(call, "keyword"),
        .account_name = cs_api_arg_str(call, "account"),
        .domain_id = cs_api_arg_id(call, "domainid"),
        .state = cs_api_arg_str(call, "state"),
        .account_type = (int)cs_api_arg_long(call, "accounttype", -1),
    };
    struct cs_vec v = CS_VEC_INIT(struct cs_user);
    int rc = cs_svc_user_list(call->svc, &call->caller, &f, call->page, &v, err);
    if (rc == 0)
        CS_API_REPLY_LIST(call, "user", &v, struct cs_user, cs_view_user);
    cs_db_user_vec_release(&v);
    return rc;
}

static int user_keys(struct cs_api_call *call, bool regenerate, struct cs_err *err)
{
    struct cs_user u = {0};
    int64_t id = cs_api_arg_id(call, "id");
    int rc = regenerate ? cs_svc_user_register_keys(call->svc, &call->caller, id, &u, err)
                        : cs_svc_user_get_managed(call->svc, &call->caller, id, &u, err);
    if (rc == 0)
        cs_api_reply_object(call, "userkeys", cs_view_userkeys(&u));
    cs_db_user_release(&u);
    return rc;
}

static int register_keys(struct cs_api_call *call, struct cs_err *err)
{
    return user_keys(call, true, err);
}

static int get_keys(struct cs_api_call *call, struct cs_err *err)
{
    return user_keys(call, false, err);
}

static const struct cs_api_param_spec domain_params[] = {
    {"keyword", CS_PT_STRING, 0, CS_ENT_NONE, "List by keyword", 0},
    {"page", CS_PT_INTEGER, 0, CS_ENT_NONE, "", 0},
    {"pagesize", CS_PT_INTEGER, 0, CS_ENT_NONE, "", 0},
    {"id", CS_PT_UUID, 0, CS_ENT_DOMAIN, "List domain by domain ID.", 0},
    {"level", CS_PT_INTEGER, 0, CS_ENT_NONE, "List domains by domain level.", 0},
    {"name", CS_PT_STRING, 0, CS_ENT_NONE, "List domain by domain name.", 0},
    {"listall", CS_PT_BOOLEAN, 0, CS_ENT_NONE, "list all domains the caller may see", 0},
    {"details", CS_PT_LIST, 0, CS_ENT_NONE, "comma separated list of domain details requested", 0},
    {"showicon", CS_PT_BOOLEAN, 0, CS_ENT_NONE, "flag to display the resource icon", 0},
    {"tag", CS_PT_STRING, 0, CS_ENT_NONE, "Tag for resource type to return usage", 0},
    {NULL},
};

static const struct cs_api_param_spec account_params[] = {
    CS_API_DOMAIN_LIST_PARAMS,
    {"accounttype", CS_PT_INTEGER, 0, CS_ENT_NONE, "list accounts by account type", 0},
    {"id", CS_PT_UUID, 0, CS_ENT_ACCOUNT, "list account by account ID", 0},
    {"iscleanuprequired", CS_PT_BOOLEAN, 0, CS_ENT_NONE, "list accounts by cleanuprequired", 0},
    {"name", CS_PT_STRING, 0, CS_ENT_NONE, "list account by account name", 0},
    {"state", CS_PT_STRING, 0, CS_ENT_NONE, "list accounts by state", 0},
    {"details", CS_PT_LIST, 0, CS_ENT_NONE, "comma separated list of account details", 0},
    {"apikeyaccess", CS_PT_STRING, 0, CS_ENT_NONE, "List accounts by the Api key access value", 0},
    {"showicon", CS_PT_BOOLEAN, 0, CS_ENT_NONE, "flag to display the resource icon", 0},
    {"tag", CS_PT_STRING, 0, CS_ENT_NONE, "Tag for resource type to return usage", 0},
    {NULL},
};

static const struct cs_api_param_spec user_params[] = {
    CS_API_ACCOUNT_LIST_PARAMS,
    {"accounttype", CS_PT_INTEGER, 0, CS_ENT_NONE, "List users by account type", 0},
    {"id", CS_PT_UUID, 0, CS_ENT_USER, "List user by ID.", 0},
    {"state", CS_PT_STRING, 0, CS_ENT_NONE, "List users by state of the user account.", 0},
    {"username", CS_PT_STRING, 0, CS_ENT_NONE, "List user by the username", 0},
    {"apikeyaccess", CS_PT_STRING, 0, CS_ENT_NONE, "List users by the Api key access value", 0},
    {"showicon", CS_PT_BOOLEAN, 0, CS_ENT_NONE, "flag to display the resource icon", 0},
    {"usersource", CS_PT_STRING, 0, CS_ENT_NONE, "List users by their authentication source", 0},
    {NULL},
};

static const struct cs_api_param_spec keys_params[] = {
    {"id", CS_PT_UUID, CS_PF_REQUIRED, CS_ENT_USER, "User id", 0},
    {NULL},
};

static const struct cs_api_cmd cmds[] = {
    {"getUserKeys", CS_CMD_SYNC, CS_ROLE_ALL, get_keys, NULL, keys_params,
     "This command allows the user to query the seceret and API keys for the account", NULL, NULL,
     NULL, false, false},
    {"listAccounts", CS_CMD_SYNC, CS_ROLE_ALL, list_accounts, NULL, account_params,
     "Lists accounts and provides detailed account information for listed accounts", NULL, NULL,
     NULL, false, true},
    {"listDomains", CS_CMD_SYNC, CS_ROLE_ALL, list_domains, NULL, domain_params,
     "Lists domains and provides detailed information for listed domains", NULL, NULL, NULL,
     false, true},
    {"listUsers", CS_CMD_SYNC, CS_ROLE_ALL, list_users, NULL, user_params,
     "Lists user accounts", NULL, NULL, NULL, false, true},
    {"registerUserKeys", CS_CMD_SYNC, CS_ROLE_ALL, register_keys, NULL, keys_params,
     "This command allows a user to register for the developer API, returning a secret key and "
     "an API key.",
     NULL, NULL, NULL, false, false},
};

const struct cs_api_cmd_group cs_api_cmds_account = {cmds, sizeof(cmds) / sizeof(cmds[0])};
