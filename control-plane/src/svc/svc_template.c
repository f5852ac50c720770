/* The rules of templates and guest OS types: registering, who sees which template, seed data. */
#include "svc_template.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "db_account.h"
#include "db_infra.h"
#include "svc_infra.h"

#define DEFAULT_TEMPLATE_BYTES 2147483648LL

static void copy_str(char *dst, size_t n, const char *src)
{
    snprintf(dst, n, "%s", src ? src : "");
}

#define COPY(dst, src) copy_str((dst), sizeof(dst), (src))

/* CloudStack's guest OS categories, by their upstream ids. */
static const char *const categories[] = {
    NULL, "CentOS", "Debian", "Oracle", "RedHat", "SUSE", "Windows",
    "Other", "Novel", "Unix", "Ubuntu", "None",
};

static const struct {
    int category;
    const char *description;
} os_types[] = {
    {1, "CentOS 5.6 (32-bit)"},
    {1, "CentOS 5.6 (64-bit)"},
    {1, "CentOS 6.5 (64-bit)"},
    {1, "CentOS 7"},
    {1, "CentOS 8"},
    {2, "Debian GNU/Linux 10 (64-bit)"},
    {2, "Debian GNU/Linux 11 (64-bit)"},
    {2, "Debian GNU/Linux 12 (64-bit)"},
    {3, "Oracle Linux 8"},
    {3, "Oracle Linux 9"},
    {4, "Red Hat Enterprise Linux 8"},
    {4, "Red Hat Enterprise Linux 9"},
    {5, "SUSE Linux Enterprise Server 15 (64-bit)"},
    {6, "Windows 10 (64-bit)"},
    {6, "Windows 11 (64-bit)"},
    {6, "Windows Server 2019 (64-bit)"},
    {6, "Windows Server 2022 (64-bit)"},
    {7, "Other (32-bit)"},
    {7, "Other (64-bit)"},
    {7, "Other Linux (32-bit)"},
    {7, "Other Linux (64-bit)"},
    {7, "Other PV (64-bit)"},
    {9, "FreeBSD 13 (64-bit)"},
    {10, "Ubuntu 20.04 LTS"},
    {10, "Ubuntu 22.04 LTS"},
    {10, "Ubuntu 24.04 LTS"},
};

int cs_svc_template_bootstrap(struct cs_svc *svc, struct cs_err *err)
{
    struct cs_os_type os;
    struct cs_err nf;
    if (cs_db_os_type_find(svc->db, "CentOS 5.6 (64-bit)", &os, &nf) == 0)
        return 0;
    if (nf.code != CS_ERR_NOT_FOUND) {
        *err = nf;
        return -nf.code;
    }
    for (int i = 1; i < (int)(sizeof(categories) / sizeof(categories[0])); i++) {
        struct cs_os_category c = {.id = i};
        COPY(c.name, categories[i]);
        if (cs_db_os_category_insert(svc->db, &c, err) < 0)
            return -CS_ERR_INTERNAL;
    }
    int64_t centos = 0;
    for (size_t i = 0; i < sizeof(os_types) / sizeof(os_types[0]); i++) {
        struct cs_os_type t = {.category_id = os_types[i].category};
        COPY(t.description, os_types[i].description);
        if (cs_db_os_type_insert(svc->db, &t, err) < 0)
            return -CS_ERR_INTERNAL;
        if (strcmp(t.description, "CentOS 5.6 (64-bit)") == 0)
            centos = t.id;
    }
    struct cs_template t = {
        .id = CS_SVC_BUILTIN_TEMPLATE_ID, .os_type_id = centos, .ispublic = true,
        .isfeatured = true, .isextractable = true, .bootable = true, .requireshvm = true,
        .account_id = 1, .domain_id = 1, .size = DEFAULT_TEMPLATE_BYTES, .isready = true};
    COPY(t.name, CS_SVC_BUILTIN_TEMPLATE_NAME);
    COPY(t.displaytext, CS_SVC_BUILTIN_TEMPLATE_NAME);
    COPY(t.format, "VHD");
    COPY(t.hypervisor, "Simulator");
    COPY(t.type, "BUILTIN");
    COPY(t.url, "http://download.cloudstack.org/templates/builtin/centos56-x86_64.vhd.bz2");
    COPY(t.status, "Download Complete");
    return cs_db_template_insert(svc->db, &t, err);
}

static const char *const formats[] = {"QCOW2", "RAW", "VHD",  "VHDX", "OVA", "VMDK",
                                      "VDI",   "TAR", "ZIP", "BAREMETAL", "DIR", NULL};

static int check_template(struct cs_svc *svc, const struct cs_svc_caller *caller,
                          struct cs_template *t, struct cs_err *err)
{
    bool admin = !caller || cs_svc_caller_is_admin(caller);
    if (!t->name[0])
        return cs_err_set(err, CS_ERR_PARAM, "template name is required");
    if (!t->displaytext[0])
        COPY(t->displaytext, t->name);
    if (strncasecmp(t->url, "http://", 7) != 0 && strncasecmp(t->url, "https://", 8) != 0)
        return cs_err_set(err, CS_ERR_PARAM, "Unsupported scheme for url: %s", t->url);
    const char *f = NULL;
    for (const char *const *p = formats; *p && !f; p++)
        if (strcasecmp(*p, t->format) == 0)
            f = *p;
    if (!f)
        return cs_err_set(err, CS_ERR_PARAM,
                          "Image format: %s is incorrect. Supported formats are QCOW2, RAW, VHD, "
                          "VHDX, OVA, VMDK, VDI, TAR, ZIP, BAREMETAL, DIR",
                          t->format);
    COPY(t->format, f);
    const char *hv = cs_svc_hypervisor_canonical(t->hypervisor);
    if (!hv)
        return cs_err_set(err, CS_ERR_PARAM, "Hypervisor Type: %s is invalid", t->hypervisor);
    COPY(t->hypervisor, hv);
    if (!t->type[0])
        COPY(t->type, "USER");
    if (!admin && (t->isfeatured || strcmp(t->type, "USER") != 0))
        return cs_err_set(err, CS_ERR_PERMISSION,
                          "Parameter isfeatured can only be specified by a Root Admin");
    if (t->size < 0)
        return cs_err_set(err, CS_ERR_PARAM, "template size must not be negative");
    if (!t->size)
        t->size = DEFAULT_TEMPLATE_BYTES;
    if (t->zone_id < 0)
        t->zone_id = 0;
    if (t->zone_id) {
        struct cs_zone z;
        if (cs_db_zone_get(svc->db, t->zone_id, &z, err) < 0)
            return -CS_ERR_NOT_FOUND;
    }
    struct cs_os_type os;
    if (t->os_type_id ? cs_db_os_type_get(svc->db, t->os_type_id, &os, err) < 0
                      : cs_db_os_type_find(svc->db, "Other (64-bit)", &os, err) < 0)
        return -CS_ERR_PARAM;
    t->os_type_id = os.id;
    struct cs_account a;
    if (!t->account_id || !caller)
        t->account_id = caller ? caller->account_id : 1;
    else if (!admin && t->account_id != caller->account_id)
        return cs_err_set(err, CS_ERR_PERMISSION,
                          "the caller may not register templates for another account");
    if (cs_db_account_get(svc->db, t->account_id, &a, err) < 0)
        return -CS_ERR_NOT_FOUND;
    t->domain_id = a.domain_id;
    COPY(t->status, "Download Complete");
    t->isready = true;
    return 0;
}

int cs_svc_template_register(struct cs_svc *svc, const struct cs_svc_caller *caller,
                             const struct cs_template *in, struct cs_template *ret_template,
                             struct cs_err *err)
{
    struct cs_template t = *in;
    t.id = 0;
    t.uuid[0] = '\0';
    t.created = 0;
    t.removed = 0;
    if (cs_db_begin(svc->db, err) < 0)
        return -CS_ERR_INTERNAL;
    int rc = check_template(svc, caller, &t, err);
    if (rc == 0)
        rc = cs_db_template_insert(svc->db, &t, err);
    if (rc == 0 && cs_db_commit(svc->db, err) < 0)
        rc = -CS_ERR_INTERNAL;
    if (rc < 0) {
        cs_db_rollback(svc->db);
        return rc;
    }
    return cs_db_template_get(svc->db, t.id, ret_template, err);
}

int cs_svc_template_get(struct cs_svc *svc, int64_t id, struct cs_template *ret,
                        struct cs_err *err)
{
    return cs_db_template_get(svc->db, id, ret, err);
}

int cs_svc_template_list(struct cs_svc *svc, const struct cs_svc_caller *caller,
                         const char *templatefilter, struct cs_template_filter *f,
                         struct cs_page page, struct cs_vec *ret, struct cs_err *err)
{
    bool admin = !caller || cs_svc_caller_is_admin(caller);
    const char *tf = templatefilter ? templatefilter : "";
    f->account_id = caller ? caller->account_id : 1;
    if (strcasecmp(tf, "featured") == 0) {
        f->scope = CS_DB_TPL_FEATURED;
    } else if (strcasecmp(tf, "self") == 0 || strcasecmp(tf, "selfexecutable") == 0) {
        f->scope = CS_DB_TPL_OWNED;
        f->ready_only = f->ready_only || strcasecmp(tf, "selfexecutable") == 0;
    } else if (strcasecmp(tf, "shared") == 0 || strcasecmp(tf, "sharedexecutable") == 0) {
        /* templates shared with the caller's account: no sharing grants exist yet */
        f->scope = CS_DB_TPL_OWNED;
        f->account_id = -1;
    } else if (strcasecmp(tf, "executable") == 0) {
        f->scope = CS_DB_TPL_OWNED_OR_PUBLIC;
        f->ready_only = true;
    } else if (strcasecmp(tf, "community") == 0) {
        f->scope = CS_DB_TPL_COMMUNITY;
    } else if (strcasecmp(tf, "all") == 0) {
        f->scope = admin ? CS_DB_TPL_ALL : CS_DB_TPL_OWNED_OR_PUBLIC;
    } else {
        return cs_err_set(err, CS_ERR_PARAM,
                          "Please specify a valid template filter: featured, self, "
                          "selfexecutable, sharedexecutable, executable, community or all");
    }
    if (!admin)
        f->show_removed = false;
    return cs_db_template_list(svc->db, f, page, ret, err);
}

int cs_svc_os_type_list(struct cs_svc *svc, const struct cs_os_type_filter *f,
                        struct cs_page page, struct cs_vec *ret, struct cs_err *err)
{
    return cs_db_os_type_list(svc->db, f, page, ret, err);
}

int cs_svc_os_category_list(struct cs_svc *svc, int64_t id, const char *name, const char *keyword,
                            struct cs_page page, struct cs_vec *ret, struct cs_err *err)
{
    return cs_db_os_category_list(svc->db, id, name, keyword, page, ret, err);
}

