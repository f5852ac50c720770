/* Parameter validation from the command table: types, lengths, required, entity resolution. */
#include "api_args.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "svc_config.h"
#include "svc_vm.h"
#include "util_time.h"
#include "util_uuid.h"

/* The table each entity's uuids live in. */
static const char *const entity_tables[CS_ENT__COUNT] = {
    [CS_ENT_DOMAIN] = "domain",
    [CS_ENT_ACCOUNT] = "account",
    [CS_ENT_USER] = "user",
    [CS_ENT_ZONE] = "zone",
    [CS_ENT_POD] = "pod",
    [CS_ENT_CLUSTER] = "cluster",
    [CS_ENT_HOST] = "host",
    [CS_ENT_STORAGE_POOL] = "storage_pool",
    [CS_ENT_IMAGE_STORE] = "image_store",
    [CS_ENT_SERVICE_OFFERING] = "service_offering",
    [CS_ENT_OS_TYPE] = "os_type",
    [CS_ENT_OS_CATEGORY] = "os_category",
    [CS_ENT_TEMPLATE] = "template",
    [CS_ENT_VM] = "vm",
    [CS_ENT_JOB] = "async_job",
    [CS_ENT_EVENT] = "event",
};

static void lower(const char *s, char *out, size_t n)
{
    size_t i = 0;
    for (; s[i] && i + 1 < n; i++)
        out[i] = (char)tolower((unsigned char)s[i]);
    out[i] = '\0';
}

static int invalid_value(const struct cs_api_call *call, const char *name, const char *value,
                         struct cs_err *err)
{
    char cmd[128];
    lower(call->cmd->name, cmd, sizeof(cmd));
    return cs_err_set(err, CS_ERR_NOT_FOUND,
                      "Unable to execute API command %s due to invalid value. Invalid parameter "
                      "%s value=%s due to incorrect long value format, or entity does not exist "
                      "or due to incorrect parameter annotation for the field in api cmd class.",
                      cmd, name, value);
}

static int bad_param(const struct cs_api_call *call, const char *fmt, const char *a,
                     const char *b, struct cs_err *err)
{
    char cmd[128], msg[400];
    lower(call->cmd->name, cmd, sizeof(cmd));
    snprintf(msg, sizeof(msg), fmt, a, b);
    return cs_err_set(err, CS_ERR_PARAM, "Unable to execute API command %s due to %s", cmd, msg);
}

/* Whether the caller may see the row an id names; others' objects look absent. */
static bool visible(struct cs_api_call *call, enum cs_api_entity ent, int64_t id)
{
    struct cs_err ignored;
    if (ent == CS_ENT_VM) {
        struct cs_vm vm;
        return cs_svc_vm_get(call->svc, &call->caller, id, &vm, &ignored) == 0;
    }
    return true;
}

static int bind_one(struct cs_api_call *call, const struct cs_api_param_spec *spec,
                    const char *value, struct cs_err *err)
{
    struct cs_api_arg *a = &call->args[call->n_args];
    *a = (struct cs_api_arg){.spec = spec, .value = value};
    char *end;
    switch (spec->type) {
    case CS_PT_UUID: {
        if (spec->entity == CS_ENT_NONE || !entity_tables[spec->entity])
            break;
        if ((spec->flags & CS_PF_ALL) && strcmp(value, "-1") == 0) {
            a->id = -1;
            break;
        }
        if (!cs_util_uuid_valid(value))
            return invalid_value(call, spec->name, value, err);
        if (cs_db_id_by_uuid(call->svc->db, entity_tables[spec->entity], value, &a->id, err) < 0)
            return -CS_ERR_INTERNAL;
        if (!a->id || !visible(call, spec->entity, a->id))
            return invalid_value(call, spec->name, value, err);
        break;
    }
    case CS_PT_LONG:
    case CS_PT_INTEGER:
    case CS_PT_SHORT:
        errno = 0;
        a->num = strtoll(value, &end, 10);
        if (!*value || *end || errno)
            return bad_param(call, "invalid value %s for parameter %s", value, spec->name, err);
        break;
    case CS_PT_FLOAT:
        strtod(value, &end);
        if (!*value || *end)
            return bad_param(call, "invalid value %s for parameter %s", value, spec->name, err);
        break;
    case CS_PT_BOOLEAN:
        a->b = strcasecmp(value, "true") == 0;
        break;
    case CS_PT_DATE:
        if (!cs_util_date_parse(value, &a->num))
            return bad_param(call, "invalid value %s for parameter %s", value, spec->name, err);
        break;
    case CS_PT_STRING:
        if ((int)strlen(value) > (spec->length ? spec->length : 255))
            return bad_param(call, "length of parameter %s exceeds %s characters", spec->name,
                             spec->length > 255 ? "the maximum number of" : "255", err);
        break;
    default:
        break;
    }
    call->n_args++;
    return 0;
}

/* A map parameter is present when any `name[i].field` key is. */
static bool map_present(const struct cs_api_params *p, const char *name)
{
    size_t n = strlen(name);
    for (size_t i = 0; i < cs_api_params_count(p); i++) {
        const char *k = cs_api_params_lname(p, i);
        if (strncmp(k, name, n) == 0 && k[n] == '[')
            return true;
    }
    return false;
}

int cs_api_args_bind(struct cs_api_call *call, struct cs_err *err)
{
    call->n_args = 0;
    for (const struct cs_api_param_spec *s = call->cmd->params; s && s->name; s++) {
        const char *v = cs_api_params_get(call->params, s->name);
        bool present = v != NULL || (s->type == CS_PT_MAP && map_present(call->params, s->name));
        if (!present || (v && !*v && s->type != CS_PT_STRING)) {
            if (s->flags & CS_PF_REQUIRED) {
                char cmd[128];
                lower(call->cmd->name, cmd, sizeof(cmd));
                return cs_err_set(err, CS_ERR_PARAM,
                                  "Unable to execute API command %s due to missing parameter %s",
                                  cmd, s->name);
            }
            continue;
        }
        if (call->n_args == (int)(sizeof(call->args) / sizeof(call->args[0])))
            return cs_err_set(err, CS_ERR_INTERNAL, "too many parameters");
        if (bind_one(call, s, v ? v : "", err) < 0)
            return -err->code;
    }
    return 0;
}

int cs_api_args_paging(struct cs_api_call *call, struct cs_err *err)
{
    const char *page = cs_api_params_get(call->params, "page");
    const char *size = cs_api_params_get(call->params, "pagesize");
    const char *listall = cs_api_params_get(call->params, "listall");
    call->listall = listall && strcasecmp(listall, "true") == 0;
    int64_t max = cs_svc_config_int(call->svc, "default.page.size", 500);
    call->page = (struct cs_page){0, max > 0 ? max : -1};
    if (!call->cmd->is_list || (!page && !size))
        return 0;
    char *end;
    long long ps = size ? strtoll(size, &end, 10) : 0;
    if (size && (!*size || *end))
        return bad_param(call, "invalid value %s for parameter %s", size, "pagesize", err);
    if (size && ps == -1) {
        if (page)
            return cs_err_set(err, CS_ERR_PARAM,
                              "\"page\" parameter is not allowed when \"pagesize\" is -1");
        call->page.limit = -1;
        return 0;
    }
    if (size && !page)
        return cs_err_set(err, CS_ERR_PARAM,
                          "\"page\" parameter is required when \"pagesize\" is specified");
    long long pg = strtoll(page, &end, 10);
    if (!*page || *end || pg < 1)
        return bad_param(call, "invalid value %s for parameter %s", page, "page", err);
    if (!size)
        ps = max;
    if (ps < 1 || (max > 0 && ps > max)) {
        char m[32];
        snprintf(m, sizeof(m), "%lld", (long long)max);
        return cs_err_set(err, CS_ERR_PARAM,
                          "Page size can't exceed max allowed page size value: %s", m);
    }
    call->page = (struct cs_page){(pg - 1) * ps, ps};
    return 0;
}
