/* Identity: API-key and password authentication, domains, accounts, users and their keys. */
#include "svc_account.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util_crypto.h"

static int check_enabled(struct cs_svc *svc, const struct cs_user *u, struct cs_account *ret_acct,
                         struct cs_err *err)
{
    if (strcmp(u->state, "enabled") != 0)
        return cs_err_set(err, CS_ERR_AUTH, "user '%s' is %s", u->username, u->state);
    if (cs_db_account_get(svc->db, u->account_id, ret_acct, err) < 0)
        return -CS_ERR_AUTH;
    if (strcmp(ret_acct->state, "enabled") != 0)
        return cs_err_set(err, CS_ERR_AUTH, "account '%s' is %s", ret_acct->name,
                          ret_acct->state);
    return 0;
}

static void fill_caller(struct cs_svc_caller *c, const struct cs_user *u,
                        const struct cs_account *a)
{
    c->user_id = u->id;
    c->account_id = a->id;
    c->domain_id = a->domain_id;
    c->account_type = (enum cs_account_type)a->type;
}

int cs_svc_auth_apikey(struct cs_svc *svc, const char *apikey, struct cs_svc_caller *ret_caller,
                       char **ret_secret, struct cs_err *err)
{
    struct cs_user u = {0};
    struct cs_account a;
    if (!apikey || !*apikey || cs_db_user_by_api_key(svc->db, apikey, &u, err) < 0 ||
        !u.secret_key || check_enabled(svc, &u, &a, err) < 0) {
        cs_db_user_release(&u);
        return cs_err_set(err, CS_ERR_AUTH, "unable to verify user credentials");
    }
    fill_caller(ret_caller, &u, &a);
    *ret_secret = u.secret_key;
    u.secret_key = NULL;
    cs_db_user_release(&u);
    return 0;
}

int cs_svc_caller_check(struct cs_svc *svc, const struct cs_svc_caller *caller,
                        struct cs_err *err)
{
    struct cs_user u = {0};
    struct cs_account a;
    int rc = cs_db_user_get(svc->db, caller->user_id, &u, err);
    if (rc == 0)
        rc = check_enabled(svc, &u, &a, err);
    cs_db_user_release(&u);
    return rc < 0 ? cs_err_set(err, CS_ERR_AUTH, "unable to verify user credentials") : 0;
}

/* Finds a domain by path ("/", "/Sub1/" or "Sub1"), normalizing slashes. */
static int domain_by_path(struct cs_svc *svc, const char *path, int64_t *ret_id,
                          struct cs_err *err)
{
    char norm[1024];
    size_t n = 0;
    if (path[0] != '/')
        norm[n++] = '/';
    for (const char *p = path; *p && n < sizeof(norm) - 2; p++)
        norm[n++] = *p;
    if (n == 0 || norm[n - 1] != '/')
        norm[n++] = '/';
    norm[n] = '\0';
    /* ROOT may be spelled "/ROOT/" by some clients. */
    if (strcasecmp(norm, "/ROOT/") == 0)
        snprintf(norm, sizeof(norm), "/");
    struct cs_vec v = CS_VEC_INIT(struct cs_domain);
    int rc = cs_db_domain_list(svc->db, 0, NULL, norm, CS_PAGE_ALL, &v, err);
    int64_t id = 0;
    for (size_t i = 0; rc == 0 && i < v.n; i++)
        if (strcmp(CS_VEC_AT(&v, struct cs_domain, i)->path, norm) == 0)
            id = CS_VEC_AT(&v, struct cs_domain, i)->id;
    cs_util_vec_release(&v);
    if (rc < 0)
        return rc;
    if (!id)
        return cs_err_set(err, CS_ERR_NOT_FOUND, "no domain '%s'", path);
    *ret_id = id;
    return 0;
}

int cs_svc_login(struct cs_svc *svc, const char *username, const char *password,
                 const char *domain_path, int64_t domain_id, struct cs_svc_caller *ret_caller,
                 struct cs_user *ret_user, struct cs_err *err)
{
    static const char *const failed =
        "Failed to authenticate user %s in domain %s; please provide valid credentials";
    const char *dom = domain_path ? domain_path : "/";
    struct cs_err ignored;
    if (!domain_id && domain_by_path(svc, dom, &domain_id, &ignored) < 0)
        return cs_err_set(err, CS_ERR_LOGIN, failed, username, dom);
    struct cs_user u = {0};
    struct cs_account a;
    if (cs_db_user_by_name(svc->db, domain_id, username, &u, &ignored) < 0 ||
        !u.password || !cs_util_password_verify(password, u.password) ||
        check_enabled(svc, &u, &a, &ignored) < 0) {
        cs_db_user_release(&u);
        return cs_err_set(err, CS_ERR_LOGIN, failed, username, dom);
    }
    fill_caller(ret_caller, &u, &a);
    *ret_user = u;
    return 0;
}

int cs_svc_caller_scope(struct cs_svc *svc, const struct cs_svc_caller *caller, char *path,
                        size_t pathlen, struct cs_err *err)
{
    if (caller->account_type == CS_ACCOUNT_USER) {
        path[0] = '\0';
        return 0;
    }
    struct cs_domain d;
    if (cs_db_domain_get(svc->db, caller->domain_id, &d, err) < 0)
        return -CS_ERR_INTERNAL;
    snprintf(path, pathlen, "%s", caller->account_type == CS_ACCOUNT_ADMIN ? "/" : d.path);
    return 0;
}

int cs_svc_domain_get(struct cs_svc *svc, int64_t id, struct cs_domain *ret, struct cs_err *err)
{
    return cs_db_domain_get(svc->db, id, ret, err);
}

int cs_svc_domain_list(struct cs_svc *svc, const struct cs_svc_caller *caller, int64_t id,
                       const char *name, struct cs_page page, struct cs_vec *ret,
                       struct cs_err *err)
{
    char scope[1024];
    if (cs_svc_caller_scope(svc, caller, scope, sizeof(scope), err) < 0)
        return -CS_ERR_INTERNAL;
    if (!scope[0]) { /* users see their own domain */
        if (id && id != caller->domain_id)
            return 0;
        id = caller->domain_id;
        scope[0] = '/', scope[1] = '\0';
    }
    return cs_db_domain_list(svc->db, id, name, scope, page, ret, err);
}

int cs_svc_account_get(struct cs_svc *svc, int64_t id, struct cs_account *ret,
                       struct cs_err *err)
{
    return cs_db_account_get(svc->db, id, ret, err);
}

int cs_svc_account_list(struct cs_svc *svc, const struct cs_svc_caller *caller,
                        struct cs_account_filter *f, struct cs_page page, struct cs_vec *ret,
                        struct cs_err *err)
{
    char scope[1024];
    if (cs_svc_caller_scope(svc, caller, scope, sizeof(scope), err) < 0)
        return -CS_ERR_INTERNAL;
    f->domain_path = scope[0] ? scope : NULL;
    if (!scope[0])
        f->only_id = caller->account_id;
    return cs_db_account_list(svc->db, f, page, ret, err);
}

int cs_svc_user_list(struct cs_svc *svc, const struct cs_svc_caller *caller,
                     struct cs_user_filter *f, struct cs_page page, struct cs_vec *ret,
                     struct cs_err *err)
{
    char scope[1024];
    if (cs_svc_caller_scope(svc, caller, scope, sizeof(scope), err) < 0)
        return -CS_ERR_INTERNAL;
    f->domain_path = scope[0] ? scope : NULL;
    if (!scope[0])
        f->account_id = caller->account_id;
    return cs_db_user_list(svc->db, f, page, ret, err);
}

int cs_svc_user_get_managed(struct cs_svc *svc, const struct cs_svc_caller *caller,
                            int64_t user_id, struct cs_user *ret, struct cs_err *err)
{
    struct cs_user u = {0};
    if (cs_db_user_get(svc->db, user_id, &u, err) < 0)
        return -CS_ERR_NOT_FOUND;
    bool ok = u.id == caller->user_id || caller->account_type == CS_ACCOUNT_ADMIN;
    if (!ok && caller->account_type == CS_ACCOUNT_DOMAIN_ADMIN) {
        struct cs_account a;
        struct cs_domain d, mine;
        ok = cs_db_account_get(svc->db, u.account_id, &a, err) == 0 &&
             cs_db_domain_get(svc->db, a.domain_id, &d, err) == 0 &&
             cs_db_domain_get(svc->db, caller->domain_id, &mine, err) == 0 &&
             strncmp(d.path, mine.path, strlen(mine.path)) == 0 && a.type == CS_ACCOUNT_USER;
    }
    if (!ok) {
        cs_db_user_release(&u);
        return cs_err_set(err, CS_ERR_PERMISSION,
                          "Account does not have permission to operate on user %s", u.uuid);
    }
    *ret = u;
    return 0;
}

int cs_svc_user_register_keys(struct cs_svc *svc, const struct cs_svc_caller *caller,
                              int64_t user_id, struct cs_user *ret_user, struct cs_err *err)
{
    struct cs_user u = {0};
    if (cs_svc_user_get_managed(svc, caller, user_id, &u, err) < 0)
        return -err->code;
    char *key = cs_util_random_key(64), *secret = cs_util_random_key(64);
    int rc = cs_db_user_set_keys(svc->db, u.id, key, secret, err);
    if (rc < 0) {
        free(key);
        free(secret);
        cs_db_user_release(&u);
        return rc;
    }
    free(u.api_key);
    free(u.secret_key);
    u.api_key = key;
    u.secret_key = secret;
    *ret_user = u;
    return 0;
}
