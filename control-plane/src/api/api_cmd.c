/* The command table: every area's rows collected, sorted and searchable; argument access and
 * the shared reply shapes for handlers. */
#include "api_cmd.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

extern const struct cs_api_cmd_group cs_api_cmds_account;
extern const struct cs_api_cmd_group cs_api_cmds_config;
extern const struct cs_api_cmd_group cs_api_cmds_event;
extern const struct cs_api_cmd_group cs_api_cmds_infra;
extern const struct cs_api_cmd_group cs_api_cmds_job;
extern const struct cs_api_cmd_group cs_api_cmds_meta;
extern const struct cs_api_cmd_group cs_api_cmds_offering;
extern const struct cs_api_cmd_group cs_api_cmds_template;
extern const struct cs_api_cmd_group cs_api_cmds_vm;

static const struct cs_api_cmd_group *const groups[] = {
    &cs_api_cmds_account, &cs_api_cmds_config,   &cs_api_cmds_event,
    &cs_api_cmds_infra,   &cs_api_cmds_job,      &cs_api_cmds_meta,
    &cs_api_cmds_offering, &cs_api_cmds_template, &cs_api_cmds_vm,
};

static const struct cs_api_cmd **sorted;
static size_t n_sorted;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static int cmp_cmd(const void *a, const void *b)
{
    const struct cs_api_cmd *const *x = a, *const *y = b;
    return strcmp((*x)->name, (*y)->name);
}

static void build(void)
{
    size_t n = 0;
    for (size_t g = 0; g < sizeof(groups) / sizeof(groups[0]); g++)
        n += groups[g]->n;
    sorted = calloc(n, sizeof(*sorted));
    if (!sorted)
        abort();
    for (size_t g = 0; g < sizeof(groups) / sizeof(groups[0]); g++)
        for (size_t i = 0; i < groups[g]->n; i++)
            sorted[n_sorted++] = &groups[g]->cmds[i];
    qsort(sorted, n_sorted, sizeof(*sorted), cmp_cmd);
}

const struct cs_api_cmd *const *cs_api_cmds(size_t *ret_n)
{
    pthread_once(&once, build);
    *ret_n = n_sorted;
    return sorted;
}

const struct cs_api_cmd *cs_api_cmd_find(const char *name)
{
    size_t n;
    const struct cs_api_cmd *const *all = cs_api_cmds(&n);
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(name, all[mid]->name);
        if (c == 0)
            return all[mid];
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}

bool cs_api_cmd_allowed(const struct cs_api_cmd *cmd, enum cs_account_type type)
{
    unsigned bit;
    switch (type) {
    case CS_ACCOUNT_ADMIN:
    case CS_ACCOUNT_READONLY_ADMIN:
        bit = CS_ROLE_ADMIN;
        break;
    case CS_ACCOUNT_RESOURCE_ADMIN:
        bit = CS_ROLE_RESOURCE_ADMIN;
        break;
    case CS_ACCOUNT_DOMAIN_ADMIN:
        bit = CS_ROLE_DOMAIN_ADMIN;
        break;
    default:
        bit = CS_ROLE_USER;
        break;
    }
    return (cmd->roles & bit) != 0;
}

static const struct cs_api_arg *find_arg(const struct cs_api_call *call, const char *name)
{
    for (int i = 0; i < call->n_args; i++)
        if (strcmp(call->args[i].spec->name, name) == 0)
            return &call->args[i];
    return NULL;
}

bool cs_api_arg_has(const struct cs_api_call *call, const char *name)
{
    return find_arg(call, name) != NULL;
}

const char *cs_api_arg_str(const struct cs_api_call *call, const char *name)
{
    const struct cs_api_arg *a = find_arg(call, name);
    return a ? a->value : NULL;
}

int64_t cs_api_arg_id(const struct cs_api_call *call, const char *name)
{
    const struct cs_api_arg *a = find_arg(call, name);
    return a ? a->id : 0;
}

int64_t cs_api_arg_long(const struct cs_api_call *call, const char *name, int64_t dflt)
{
    const struct cs_api_arg *a = find_arg(call, name);
    return a ? a->num : dflt;
}

bool cs_api_arg_bool(const struct cs_api_call *call, const char *name, bool dflt)
{
    const struct cs_api_arg *a = find_arg(call, name);
    return a ? a->b : dflt;
}

void cs_api_reply_object(struct cs_api_call *call, const char *object, json_t *obj)
{
    json_decref(call->reply);
    call->reply = json_object();
    json_object_set_new(call->reply, object, obj);
}

void cs_api_reply_list(struct cs_api_call *call, const char *object, json_t *items,
                       int64_t total)
{
    json_decref(call->reply);
    call->reply = json_object();
    if (total > 0) {
        json_object_set_new(call->reply, "count", json_integer(total));
        json_object_set_new(call->reply, object, items);
    } else {
        json_decref(items);
    }
}

void cs_api_reply_success(struct cs_api_call *call)
{
    json_decref(call->reply);
    call->reply = json_pack("{s:b}", "success", 1);
}
