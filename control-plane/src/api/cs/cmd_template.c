/* Template commands: registerTemplate, listTemplates, listOsTypes, listOsCategories. */
#include <stdio.h>
#include <string.h>

#include "api_cmd.h"
#include "svc_template.h"
#include "view.h"

static void arg_copy(const struct cs_api_call *call, const char *name, char *out, size_t n)
{
    const char *v = cs_api_arg_str(call, name);
    snprintf(out, n, "%s", v ? v : "");
}

#define ARG(call, name, field) arg_copy((call), (name), (field), sizeof(field))

/* zoneid, or the first of zoneids; -1 (all zones) and absence mean cross-zone. */
static int64_t template_zone(const struct cs_api_call *call)
{
    return cs_api_arg_id(call, "zoneid");
}

static int register_template(struct cs_api_call *call, struct cs_err *err)
{
    struct cs_template in = {
        .os_type_id = cs_api_arg_id(call, "ostypeid"),
        .zone_id = template_zone(call),
        .ispublic = cs_api_arg_bool(call, "ispublic", false),
        .isfeatured = cs_api_arg_bool(call, "isfeatured", false),
        .isextractable = cs_api_arg_bool(call, "isextractable", false),
        .passwordenabled = cs_api_arg_bool(call, "passwordenabled", false),
        .sshkeyenabled = cs_api_arg_bool(call, "sshkeyenabled", false),
        .requireshvm = cs_api_arg_bool(call, "requireshvm", true),
        .isdynamicallyscalable = cs_api_arg_bool(call, "isdynamicallyscalable", false),
        .bootable = true};
    ARG(call, "name", in.name);
    ARG(call, "displaytext", in.displaytext);
    ARG(call, "format", in.format);
    ARG(call, "hypervisor", in.hypervisor);
    ARG(call, "url", in.url);
    ARG(call, "checksum", in.checksum);
    ARG(call, "templatetype", in.type);
    struct cs_template t;
    int rc = cs_svc_template_register(call->svc, &call->caller, &in, &t, err);
    if (rc == 0) {
        /* listed like listTemplates does: one entry per zone it is in */
        struct cs_template_filter f = {.id = t.id};
        struct cs_vec v = CS_VEC_INIT(struct cs_template);
        rc = cs_svc_template_list(call->svc, NULL, "all", &f, CS_PAGE_ALL, &v, err);
        if (rc == 0)
            CS_API_REPLY_LIST(call, "template", &v, struct cs_template, cs_view_template);
        cs_util_vec_release(&v);
    }
    return rc;
}

static int list_templates(struct cs_api_call *call, struct cs_err *err)
{
    struct cs_template_filter f = {.id = cs_api_arg_id(call, "id"),
                                   .name = cs_api_arg_str(call, "name"),
                                   .keyword = cs_api_arg_str(call, "keyword"),
                                   .hypervisor = cs_api_arg_str(call, "hypervisor"),
                                   .type = cs_api_arg_str(call, "templatetype"),
                                   .zone_id = cs_api_arg_id(call, "zoneid"),
                                   .ready_only = cs_api_arg_bool(call, "isready", false),
                                   .show_removed = cs_api_arg_bool(call, "showremoved", false),
                                   .os_category_id = cs_api_arg_id(call, "oscategoryid")};
    struct cs_vec v = CS_VEC_INIT(struct cs_template);
    int rc = cs_svc_template_list(call->svc, &call->caller, cs_api_arg_str(call, "templatefilter"),
                                  &f, call->page, &v, err);
    if (rc == 0)
        CS_API_REPLY_LIST(call, "template", &v, struct cs_template, cs_view_template);
    cs_util_vec_release(&v);
    return rc;
}

static int list_os_types(struct cs_api_call *call, struct cs_err *err)
{
    struct cs_os_type_filter f = {.id = cs_api_arg_id(call, "id"),
                                  .description = cs_api_arg_str(call, "description"),
                                  .keyword = cs_api_arg_str(call, "keyword"),
                                  .category_id = cs_api_arg_id(call, "oscategoryid")};
    struct cs_vec v = CS_VEC_INIT(struct cs_os_type);
    int rc = cs_svc_os_type_list(call->svc, &f, call->page, &v, err);
    if (rc == 0)
        CS_API_REPLY_LIST(call, "ostype", &v, struct cs_os_type, cs_view_os_type);
    cs_util_vec_release(&v);
    return rc;
}

static int list_os_categories(struct cs_api_call *call, struct cs_err *err)
{
    struct cs_vec v = CS_VEC_INIT(struct cs_os_category);
    int rc = cs_svc_os_category_list(call->svc, cs_api_arg_id(call, "id"), cs_api_arg_str(call, "name"),
                                     cs_api_arg_str(call, "keyword"), call->page, &v, err);
    if (rc == 0)
        CS_API_REPLY_LIST(call, "oscategory", &v, struct cs_os_category, cs_view_os_category);
    cs_util_vec_release(&v);
    return rc;
}

static const struct cs_api_param_spec register_template_params[] = {
    {"format", CS_PT_STRING, CS_PF_REQUIRED, CS_ENT_NONE,
     "the format: QCOW2, RAW, VHD, OVA, ...", 0},
    {"hypervisor", CS_PT_STRING, CS_PF_REQUIRED, CS_ENT_NONE, "the hypervisor type", 0},
    {"name", CS_PT_STRING, CS_PF_REQUIRED, CS_ENT_NONE, "the name", 0},
    {"url", CS_PT_STRING, CS_PF_REQUIRED, CS_ENT_NONE, "the URL", 0},
    {"bits", CS_PT_INTEGER, 0, CS_ENT_NONE, "the bits", 0},
    {"displaytext", CS_PT_STRING, 0, CS_ENT_NONE, "the display text", 0},
    {"isfeatured", CS_PT_BOOLEAN, 0, CS_ENT_NONE, "true if the template is featured", 0},
    {"ispublic", CS_PT_BOOLEAN, 0, CS_ENT_NONE,
     "true if the template is available to all accounts", 0},
    {"ostypeid", CS_PT_UUID, 0, CS_ENT_OS_TYPE, "the ID of the OS type", 0},
    {"passwordenabled", CS_PT_BOOLEAN, 0, CS_ENT_NONE,
     "true if the template supports the password reset feature", 0},
    {"sshkeyenabled", CS_PT_BOOLEAN, 0, CS_ENT_NONE, "the sshkeyenabled", 0},
    {"isextractable", CS_PT_BOOLEAN, 0, CS_ENT_NONE, "the isextractable", 0},
    {"requireshvm", CS_PT_BOOLEAN, 0, CS_ENT_NONE, "the requireshvm", 0},
    {"zoneid", CS_PT_UUID, CS_PF_ALL, CS_ENT_ZONE,
     "the ID of the zone the template is to be hosted on; -1 for all zones", 0},
    {"domainid", CS_PT_UUID, 0, CS_ENT_DOMAIN, "the ID of the domain", 0},
    {"account", CS_PT_STRING, 0, CS_ENT_NONE, "the account name", 0},
    {"checksum", CS_PT_STRING, 0, CS_ENT_NONE, "the checksum", 0},
    {"templatetag", CS_PT_STRING, 0, CS_ENT_NONE, "the templatetag", 0},
    {"projectid", CS_PT_UUID, 0, CS_ENT_NONE, "the project ID", 0},
    {"details", CS_PT_MAP, 0, CS_ENT_NONE, "details", 0},
    {"isdynamicallyscalable", CS_PT_BOOLEAN, 0, CS_ENT_NONE, "the isdynamicallyscalable", 0},
    {"isrouting", CS_PT_BOOLEAN, 0, CS_ENT_NONE, "the isrouting", 0},
    {"zoneids", CS_PT_LIST, 0, CS_ENT_NONE, "the zoneids", 0},
    {"directdownload", CS_PT_BOOLEAN, 0, CS_ENT_NONE, "the directdownload", 0},
    {"deployasis", CS_PT_BOOLEAN, 0, CS_ENT_NONE, "the deployasis", 0},
    {"forcks", CS_PT_BOOLEAN, 0, CS_ENT_NONE, "the forcks", 0},
    {"templatetype", CS_PT_STRING, 0, CS_ENT_NONE, "the templatetype", 0},
    {"arch", CS_PT_STRING, 0, CS_ENT_NONE, "the arch", 0},
    {"extensionid", CS_PT_STRING, 0, CS_ENT_NONE, "the extensionid", 0},
    {"externaldetails", CS_PT_MAP, 0, CS_ENT_NONE, "the externaldetails", 0},
    {NULL},
};

static const struct cs_api_param_spec list_templates_params[] = {
    {"templatefilter", CS_PT_STRING, CS_PF_REQUIRED, CS_ENT_NONE,
     "featured, self, selfexecutable, sharedexecutable, executable, community or all", 0},
    {"keyword", CS_PT_STRING, 0, CS_ENT_NONE, "List by keyword", 0},
    {"page", CS_PT_INTEGER, 0, CS_ENT_NONE, "the page number", 0},
    {"pagesize", CS_PT_INTEGER, 0, CS_ENT_NONE, "the page size", 0},
    {"listall", CS_PT_BOOLEAN, 0, CS_ENT_NONE, "list all objects the caller may see", 0},
    {"domainid", CS_PT_UUID, 0, CS_ENT_DOMAIN, "the ID of the domain", 0},
    {"isrecursive", CS_PT_BOOLEAN, 0, CS_ENT_NONE, "include subdomains", 0},
    {"account", CS_PT_STRING, 0, CS_ENT_NONE, "the account name", 0},
    {"projectid", CS_PT_UUID, 0, CS_ENT_NONE, "the project ID", 0},
    {"tags", CS_PT_MAP, 0, CS_ENT_NONE, "the tags", 0},
    {"hypervisor", CS_PT_STRING, 0, CS_ENT_NONE, "the hypervisor type", 0},
    {"id", CS_PT_UUID, 0, CS_ENT_TEMPLATE, "the ID of the object", 0},
    {"ids", CS_PT_LIST, 0, CS_ENT_NONE, "the IDs", 0},
    {"name", CS_PT_STRING, 0, CS_ENT_NONE, "the name", 0},
    {"zoneid", CS_PT_UUID, 0, CS_ENT_ZONE, "the Zone ID", 0},
    {"showremoved", CS_PT_BOOLEAN, 0, CS_ENT_NONE, "the showremoved", 0},
    {"showunique", CS_PT_BOOLEAN, 0, CS_ENT_NONE, "the showunique", 0},
    {"parenttemplateid", CS_PT_UUID, 0, CS_ENT_TEMPLATE, "the parenttemplateid", 0},
    {"details", CS_PT_MAP, 0, CS_ENT_NONE, "details", 0},
    {"templatetype", CS_PT_STRING, 0, CS_ENT_NONE, "the templatetype", 0},
    {"isvnf", CS_PT_BOOLEAN, 0, CS_ENT_NONE, "the isvnf", 0},
    {"forcks", CS_PT_BOOLEAN, 0, CS_ENT_NONE, "the forcks", 0},
    {"arch", CS_PT_STRING, 0, CS_ENT_NONE, "the arch", 0},
    {"oscategoryid", CS_PT_UUID, 0, CS_ENT_OS_CATEGORY, "the OS category ID", 0},
    {"extensionid", CS_PT_STRING, 0, CS_ENT_NONE, "the extensionid", 0},
    {"isready", CS_PT_BOOLEAN, 0, CS_ENT_NONE, "list only ready objects", 0},
    {"showicon", CS_PT_BOOLEAN, 0, CS_ENT_NONE, "the showicon", 0},
    {"imagestoreid", CS_PT_UUID, 0, CS_ENT_IMAGE_STORE, "the imagestoreid", 0},
    {"storageid", CS_PT_UUID, 0, CS_ENT_STORAGE_POOL, "the storageid", 0},
    {NULL},
};

static const struct cs_api_param_spec list_os_types_params[] = {
    {"keyword", CS_PT_STRING, 0, CS_ENT_NONE, "List by keyword", 0},
    {"page", CS_PT_INTEGER, 0, CS_ENT_NONE, "the page number", 0},
    {"pagesize", CS_PT_INTEGER, 0, CS_ENT_NONE, "the page size", 0},
    {"id", CS_PT_UUID, 0, CS_ENT_OS_TYPE, "the ID of the object", 0},
    {"oscategoryid", CS_PT_UUID, 0, CS_ENT_OS_CATEGORY, "the OS category ID", 0},
    {"description", CS_PT_STRING, 0, CS_ENT_NONE, "the description", 0},
    {"fordisplay", CS_PT_BOOLEAN, 0, CS_ENT_NONE, "the fordisplay", 0},
    {NULL},
};

static const struct cs_api_param_spec list_os_categories_params[] = {
    {"keyword", CS_PT_STRING, 0, CS_ENT_NONE, "List by keyword", 0},
    {"page", CS_PT_INTEGER, 0, CS_ENT_NONE, "the page number", 0},
    {"pagesize", CS_PT_INTEGER, 0, CS_ENT_NONE, "the page size", 0},
    {"id", CS_PT_UUID, 0, CS_ENT_OS_CATEGORY, "the ID of the object", 0},
    {"name", CS_PT_STRING, 0, CS_ENT_NONE, "the name", 0},
    {"isfeatured", CS_PT_BOOLEAN, 0, CS_ENT_NONE, "true if the template is featured", 0},
    {"isiso", CS_PT_BOOLEAN, 0, CS_ENT_NONE, "the isiso", 0},
    {"isvnf", CS_PT_BOOLEAN, 0, CS_ENT_NONE, "the isvnf", 0},
    {"zoneid", CS_PT_UUID, 0, CS_ENT_ZONE, "the Zone ID", 0},
    {"arch", CS_PT_STRING, 0, CS_ENT_NONE, "the arch", 0},
    {"showicon", CS_PT_BOOLEAN, 0, CS_ENT_NONE, "the showicon", 0},
    {NULL},
};

static const struct cs_api_cmd cmds[] = {
    {"listOsCategories", CS_CMD_SYNC, CS_ROLE_ALL, list_os_categories, NULL,
     list_os_categories_params, "Lists all supported OS categories for this cloud.", NULL, NULL,
     NULL, false, true},
    {"listOsTypes", CS_CMD_SYNC, CS_ROLE_ALL, list_os_types, NULL, list_os_types_params,
     "Lists all supported OS types for this cloud.", NULL, NULL, NULL, false, true},
    {"listTemplates", CS_CMD_SYNC, CS_ROLE_ALL, list_templates, NULL, list_templates_params,
     "List all public, private, and privileged templates.", NULL, NULL, NULL, false, true},
    {"registerTemplate", CS_CMD_SYNC, CS_ROLE_ALL, register_template, NULL,
     register_template_params, "Registers an existing template into the CloudStack cloud.",
     NULL, NULL, NULL, false, false},
};

const struct cs_api_cmd_group cs_api_cmds_template = {cmds, sizeof(cmds) / sizeof(cmds[0])};
