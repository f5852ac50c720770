/* The command table: one static row per API command (name, kind, parameters, roles, handler),
 * and the call a handler receives (typed, validated, already-authorized arguments). */
#ifndef CS_API_CMD_H
#define CS_API_CMD_H

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "api_params.h"
#include "svc.h"
#include "util_err.h"

/* Parameter types, as listApis reports them. */
enum cs_api_ptype {
    CS_PT_STRING,
    CS_PT_UUID,
    CS_PT_LONG,
    CS_PT_INTEGER,
    CS_PT_SHORT,
    CS_PT_BOOLEAN,
    CS_PT_DATE,
    CS_PT_MAP,
    CS_PT_LIST,
    CS_PT_FLOAT,
    CS_PT__COUNT
};

/* Entities a uuid parameter can name. The dispatcher resolves the uuid to a row id before the
 * handler runs; an unknown uuid is CloudStack's 431 "entity does not exist". */
enum cs_api_entity {
    CS_ENT_NONE,
    CS_ENT_DOMAIN,
    CS_ENT_ACCOUNT,
    CS_ENT_USER,
    CS_ENT_ZONE,
    CS_ENT_POD,
    CS_ENT_CLUSTER,
    CS_ENT_HOST,
    CS_ENT_STORAGE_POOL,
    CS_ENT_IMAGE_STORE,
    CS_ENT_SERVICE_OFFERING,
    CS_ENT_OS_TYPE,
    CS_ENT_OS_CATEGORY,
    CS_ENT_TEMPLATE,
    CS_ENT_VM,
    CS_ENT_JOB,
    CS_ENT_EVENT,
    CS_ENT__COUNT
};

/* Roles allowed to call a command (bit per role type). */
enum {
    CS_ROLE_ADMIN = 1 << 0,
    CS_ROLE_RESOURCE_ADMIN = 1 << 1,
    CS_ROLE_DOMAIN_ADMIN = 1 << 2,
    CS_ROLE_USER = 1 << 3,
    CS_ROLE_ALL = 0xf,
};

/* Parameter flags. */
enum {
    CS_PF_REQUIRED = 1 << 0,
    CS_PF_SENSITIVE = 1 << 1, /* never logged, never echoed */
    CS_PF_ALL = 1 << 2,       /* uuid parameter where "-1" means "all" (id -1), e.g. zoneid of
                                 a cross-zone template */
};

struct cs_api_param_spec {
    const char *name; /* lowercase */
    enum cs_api_ptype type;
    unsigned flags;
    enum cs_api_entity entity; /* for CS_PT_UUID */
    const char *description;
    int length;       /* max string length; 0 = 255 */
};

enum cs_api_kind {
    CS_CMD_SYNC,
    CS_CMD_ASYNC,        /* returns {jobid} */
    CS_CMD_ASYNC_CREATE, /* returns {id, jobid}: handler creates the row, job finishes it */
};

struct cs_api_call;

/* A handler: for sync commands it fills call->reply; for async commands `handler` (may be NULL
 * for plain async) runs before the job is queued, inside the job's transaction (create the row,
 * check state, set call->instance_uuid) and `job` runs later on a worker and fills call->reply
 * with the job result object. */
typedef int (*cs_api_handler_fn)(struct cs_api_call *call, struct cs_err *err);

struct cs_api_cmd {
    const char *name;
    enum cs_api_kind kind;
    unsigned roles;
    cs_api_handler_fn handler;
    cs_api_handler_fn job;
    const struct cs_api_param_spec *params; /* terminated by a row with name NULL */
    const char *description;
    const char *response_name;  /* NULL: lowercased name + "response" */
    const char *instance_type;  /* jobinstancetype for async commands, e.g. "VirtualMachine" */
    const char *cmd_class;      /* CloudStack command class, reported as `cmd` in job results */
    bool no_paging;             /* a list command that takes no page/pagesize */
    bool is_list;               /* a list command: page/pagesize/listall/keyword apply */
};

/* One resolved argument. */
struct cs_api_arg {
    const struct cs_api_param_spec *spec;
    const char *value; /* as sent (borrowed from the request) */
    int64_t id;        /* resolved row id for entity uuids */
    int64_t num;       /* parsed number for numeric types */
    bool b;            /* parsed boolean */
};

/* A call in progress. */
struct cs_api_call {
    const struct cs_api_cmd *cmd;
    struct cs_svc *svc;
    struct cs_svc_caller caller;
    const struct cs_api_params *params; /* the raw request parameters */
    struct cs_api_arg args[64];
    int n_args;
    struct cs_page page;   /* for list commands */
    bool listall;
    /* Out: the body inside the response envelope (sync) or the jobresult object (async). */
    json_t *reply;
    /* Out, async-create: uuid of the created object ({id, jobid}); async: the job's instance. */
    char instance_uuid[37];
    /* Set when running as a job. */
    const char *job_uuid;
};

/* Parameter groups of list commands, as CloudStack's BaseListCmd hierarchy has them; put first
 * in a list command's spec. Paging: BaseListCmd. */
#define CS_API_PAGE_PARAMS                                                                         \
    {"keyword", CS_PT_STRING, 0, CS_ENT_NONE, "List by keyword", 0},                               \
        {"page", CS_PT_INTEGER, 0, CS_ENT_NONE, "", 0},                                            \
        {"pagesize", CS_PT_INTEGER, 0, CS_ENT_NONE, "", 0}

/* Domain scoping: BaseListDomainResourcesCmd. */
#define CS_API_DOMAIN_LIST_PARAMS                                                                  \
    CS_API_PAGE_PARAMS,                                                                            \
        {"listall", CS_PT_BOOLEAN, 0, CS_ENT_NONE,                                                 \
         "If set to false, list only resources belonging to the command's caller", 0},             \
        {"domainid", CS_PT_UUID, 0, CS_ENT_DOMAIN, "list only resources belonging to the domain",  \
         0},                                                                                       \
        {"isrecursive", CS_PT_BOOLEAN, 0, CS_ENT_NONE, "defaults to false; true includes subdomains",\
         0}

/* Account scoping: BaseListAccountResourcesCmd. */
#define CS_API_ACCOUNT_LIST_PARAMS                                                                 \
    CS_API_DOMAIN_LIST_PARAMS,                                                                     \
        {"account", CS_PT_STRING, 0, CS_ENT_NONE, "list resources by account", 0}

/* Account and project scoping: BaseListProjectAndAccountResourcesCmd. */
#define CS_API_LIST_PARAMS                                                                         \
    CS_API_ACCOUNT_LIST_PARAMS,                                                                    \
        {"projectid", CS_PT_UUID, 0, CS_ENT_NONE, "list objects by project", 0}

/* Argument access for handlers (names lowercase, as in the spec table). */
bool cs_api_arg_has(const struct cs_api_call *call, const char *name);
/* The value as sent, or NULL. borrowed */
const char *cs_api_arg_str(const struct cs_api_call *call, const char *name);
/* The resolved row id of an entity uuid parameter, or 0 when absent. */
int64_t cs_api_arg_id(const struct cs_api_call *call, const char *name);
int64_t cs_api_arg_long(const struct cs_api_call *call, const char *name, int64_t dflt);
bool cs_api_arg_bool(const struct cs_api_call *call, const char *name, bool dflt);

/* Reply helpers, so handlers share one shape per kind of answer. */
/* {"<object>": obj} (steals obj). */
void cs_api_reply_object(struct cs_api_call *call, const char *object, json_t *obj);
/* {"count": total, "<object>": [items]} or {} when total is 0 (steals items). */
void cs_api_reply_list(struct cs_api_call *call, const char *object, json_t *items,
                       int64_t total);
/* Renders a vector of rows (elements of type) with view(svc, row) into a list reply. */
#define CS_API_REPLY_LIST(call, object, vec, type, view)                                           \
    do {                                                                                           \
        json_t *items_ = json_array();                                                             \
        for (size_t i_ = 0; i_ < (vec)->n; i_++)                                                   \
            json_array_append_new(items_, view((call)->svc, CS_VEC_AT(vec, type, i_)));            \
        cs_api_reply_list(call, object, items_, (vec)->total);                                     \
    } while (0)
/* {"success": true} */
void cs_api_reply_success(struct cs_api_call *call);

/* The command table. */
const struct cs_api_cmd *cs_api_cmd_find(const char *name);
/* All commands, sorted by name. */
const struct cs_api_cmd *const *cs_api_cmds(size_t *ret_n);
bool cs_api_cmd_allowed(const struct cs_api_cmd *cmd, enum cs_account_type type);

/* Each area's table, defined in its cmd_<area>.c, collected by api_cmd.c. */
struct cs_api_cmd_group {
    const struct cs_api_cmd *cmds;
    size_t n;
};

#endif
