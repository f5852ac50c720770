/* First start of a data dir: the ROOT domain, system and admin accounts, roles, settings. */
#include "svc_bootstrap.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "db_account.h"
#include "svc_config.h"
#include "svc_template.h"
#include "util_crypto.h"
#include "util_log.h"

static const struct cs_role default_roles[] = {
    {.id = 1, .name = "Root Admin", .type = "Admin", .description = "Default root admin role"},
    {.id = 2, .name = "Resource Admin", .type = "ResourceAdmin",
     .description = "Default resource admin role"},
    {.id = 3, .name = "Domain Admin", .type = "DomainAdmin",
     .description = "Default domain admin role"},
    {.id = 4, .name = "User", .type = "User", .description = "Default Root Admin role"},
    {.id = 5, .name = "Read-Only Admin - Default", .type = "Admin",
     .description = "Default read-only admin role"},
    {.id = 6, .name = "Read-Only User - Default", .type = "User",
     .description = "Default read-only user role"},
    {.id = 7, .name = "Support Admin - Default", .type = "Admin",
     .description = "Default support admin role"},
    {.id = 8, .name = "Support User - Default", .type = "User",
     .description = "Default support user role"},
};

static int create_fresh(struct cs_svc *svc, const struct cs_svc_options *opt, struct cs_err *err)
{
    struct cs_domain root = {.name = "ROOT", .path = "/", .level = 0};
    if (cs_db_domain_insert(svc->db, &root, err) < 0)
        return -CS_ERR_INTERNAL;
    for (size_t i = 0; i < sizeof(default_roles) / sizeof(default_roles[0]); i++) {
        struct cs_role r = default_roles[i];
        if (cs_db_role_insert(svc->db, &r, err) < 0)
            return -CS_ERR_INTERNAL;
    }
    struct cs_account system = {.id = 1, .name = "system", .type = CS_ACCOUNT_ADMIN,
                                .domain_id = root.id, .role_id = 1};
    struct cs_account admin = {.id = 2, .name = "admin", .type = CS_ACCOUNT_ADMIN,
                               .domain_id = root.id, .role_id = 1};
    if (cs_db_account_insert(svc->db, &system, err) < 0 ||
        cs_db_account_insert(svc->db, &admin, err) < 0)
        return -CS_ERR_INTERNAL;
    const char *pw = opt->admin_password ? opt->admin_password : "password";
    char *hash = cs_util_password_hash(pw);
    struct cs_user sysuser = {.id = 1, .username = "system", .firstname = "system",
                              .lastname = "cloud", .account_id = 1};
    struct cs_user adminuser = {.id = 2, .username = "admin", .firstname = "admin",
                                .lastname = "cloud", .account_id = 2, .password = hash};
    int rc = cs_db_user_insert(svc->db, &sysuser, err);
    if (rc == 0)
        rc = cs_db_user_insert(svc->db, &adminuser, err);
    free(hash);
    if (rc < 0)
        return rc;
    return cs_svc_template_bootstrap(svc, err);
}

static int write_keys_file(const char *data_dir, const char *key, const char *secret,
                           struct cs_err *err)
{
    char path[4096];
    snprintf(path, sizeof(path), "%s/admin.keys", data_dir);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0)
        return cs_err_set(err, CS_ERR_INTERNAL, "cannot write '%s'", path);
    fchmod(fd, 0600);
    FILE *f = fdopen(fd, "w");
    fprintf(f, "apikey=%s\nsecretkey=%s\n", key, secret);
    fclose(f);
    return 0;
}

/* The admin keys: those given on the command line, else the stored ones, else new ones. */
static int admin_keys(struct cs_svc *svc, const struct cs_svc_options *opt, struct cs_err *err)
{
    struct cs_user admin = {0};
    if (cs_db_user_get(svc->db, 2, &admin, err) < 0)
        return -CS_ERR_INTERNAL;
    char *key = NULL, *secret = NULL;
    if (opt->admin_keys) {
        const char *colon = strchr(opt->admin_keys, ':');
        if (!colon || colon == opt->admin_keys || !colon[1]) {
            cs_db_user_release(&admin);
            return cs_err_set(err, CS_ERR_PARAM, "--admin-keys must be KEY:SECRET");
        }
        key = strndup(opt->admin_keys, (size_t)(colon - opt->admin_keys));
        secret = strdup(colon + 1);
    } else if (admin.api_key && admin.secret_key) {
        key = strdup(admin.api_key);
        secret = strdup(admin.secret_key);
    } else {
        key = cs_util_random_key(64);
        secret = cs_util_random_key(64);
    }
    int rc = 0;
    if (!admin.api_key || strcmp(admin.api_key, key) != 0 || !admin.secret_key ||
        strcmp(admin.secret_key, secret) != 0)
        rc = cs_db_user_set_keys(svc->db, admin.id, key, secret, err);
    if (rc == 0)
        rc = write_keys_file(opt->data_dir, key, secret, err);
    free(key);
    free(secret);
    cs_db_user_release(&admin);
    return rc;
}

int cs_svc_bootstrap(struct cs_svc *svc, const struct cs_svc_options *opt, struct cs_err *err)
{
    struct cs_domain root;
    struct cs_err nf;
    if (cs_db_begin(svc->db, err) < 0)
        return -CS_ERR_INTERNAL;
    int rc = 0;
    if (cs_db_domain_get(svc->db, 1, &root, &nf) < 0) {
        if (nf.code != CS_ERR_NOT_FOUND) {
            *err = nf;
            rc = -CS_ERR_INTERNAL;
        } else {
            cs_log_info("fresh data dir: creating ROOT domain and the admin account");
            rc = create_fresh(svc, opt, err);
        }
    }
    if (rc == 0)
        rc = cs_svc_config_define_all(svc, err);
    if (rc == 0)
        rc = admin_keys(svc, opt, err);
    if (rc < 0) {
        cs_db_rollback(svc->db);
        return rc;
    }
    return cs_db_commit(svc->db, err);
}
