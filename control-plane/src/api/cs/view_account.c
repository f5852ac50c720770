/* The domain, account, user and userkeys objects, with CloudStack's field names and types. */
#include "view_account.h"

#include <stdio.h>
#include <string.h>

#include "svc_account.h"
#include "view_util.h"

/* "ROOT/child" as CloudStack shows domain paths. */
static void domain_path(const char *path, char *out, size_t n)
{
    snprintf(out, n, "ROOT%s", path);
    size_t len = strlen(out);
    if (len > 4 && out[len - 1] == '/')
        out[len - 1] = '\0';
}

json_t *cs_view_domain(struct cs_svc *svc, const struct cs_domain *d)
{
    json_t *o = json_object();
    char path[1100];
    domain_path(d->path, path, sizeof(path));
    cs_view_str(o, "id", d->uuid);
    cs_view_str(o, "name", d->name);
    cs_view_int(o, "level", d->level);
    if (d->parent_id) {
        struct cs_domain parent;
        struct cs_err ignored;
        if (cs_svc_domain_get(svc, d->parent_id, &parent, &ignored) == 0) {
            cs_view_str(o, "parentdomainid", parent.uuid);
            cs_view_str(o, "parentdomainname", parent.name);
        }
    }
    struct cs_vec kids = CS_VEC_INIT(struct cs_domain);
    struct cs_err ignored;
    cs_db_domain_list(svc->db, 0, NULL, d->path, (struct cs_page){0, 2}, &kids, &ignored);
    cs_view_bool(o, "haschild", kids.total > 1);
    cs_util_vec_release(&kids);
    cs_view_str(o, "path", path);
    cs_view_str(o, "state", d->state);
    cs_view_date(o, "created", d->created);
    return o;
}

static void role_fields(struct cs_svc *svc, json_t *o, int64_t role_id)
{
    struct cs_role r;
    struct cs_err ignored;
    if (role_id && cs_db_role_get(svc->db, role_id, &r, &ignored) == 0) {
        cs_view_str(o, "roleid", r.uuid);
        cs_view_str(o, "roletype", r.type);
        cs_view_str(o, "rolename", r.name);
    }
}

static void domain_fields(struct cs_svc *svc, json_t *o, int64_t domain_id)
{
    struct cs_domain d;
    struct cs_err ignored;
    if (cs_svc_domain_get(svc, domain_id, &d, &ignored) == 0) {
        char path[1100];
        domain_path(d.path, path, sizeof(path));
        cs_view_str(o, "domainid", d.uuid);
        cs_view_str(o, "domain", d.name);
        cs_view_str(o, "domainpath", path);
    }
}

json_t *cs_view_account(struct cs_svc *svc, const struct cs_account *a)
{
    json_t *o = json_object();
    cs_view_str(o, "id", a->uuid);
    cs_view_str(o, "name", a->name);
    cs_view_int(o, "accounttype", a->type);
    role_fields(svc, o, a->role_id);
    domain_fields(svc, o, a->domain_id);
    cs_view_str(o, "state", a->state);
    cs_view_date(o, "created", a->created);
    cs_view_bool(o, "isdefault", a->id <= 2);
    struct cs_user_filter f = {.account_id = a->id, .account_type = -1};
    struct cs_vec users = CS_VEC_INIT(struct cs_user);
    struct cs_err ignored;
    json_t *arr = json_array();
    if (cs_db_user_list(svc->db, &f, CS_PAGE_ALL, &users, &ignored) == 0)
        for (size_t i = 0; i < users.n; i++)
            json_array_append_new(arr, cs_view_user(svc, CS_VEC_AT(&users, struct cs_user, i)));
    cs_db_user_vec_release(&users);
    json_object_set_new(o, "user", arr);
    return o;
}

json_t *cs_view_user(struct cs_svc *svc, const struct cs_user *u)
{
    json_t *o = json_object();
    cs_view_str(o, "id", u->uuid);
    cs_view_str(o, "username", u->username);
    cs_view_str(o, "firstname", u->firstname);
    cs_view_str(o, "lastname", u->lastname);
    cs_view_str(o, "email", u->email);
    cs_view_date(o, "created", u->created);
    cs_view_str(o, "state", u->state);
    struct cs_account a;
    struct cs_err ignored;
    if (cs_svc_account_get(svc, u->account_id, &a, &ignored) == 0) {
        cs_view_str(o, "account", a.name);
        cs_view_int(o, "accounttype", a.type);
        cs_view_str(o, "accountid", a.uuid);
        role_fields(svc, o, a.role_id);
        domain_fields(svc, o, a.domain_id);
    }
    cs_view_str(o, "timezone", u->timezone);
    cs_view_str(o, "apikey", u->api_key);
    cs_view_str(o, "usersource", "native");
    cs_view_bool(o, "isdefault", u->id <= 2);
    cs_view_bool(o, "is2faenabled", false);
    cs_view_bool(o, "iscallerchilddomain", false);
    return o;
}

json_t *cs_view_userkeys(const struct cs_user *u)
{
    json_t *o = json_object();
    cs_view_str(o, "apikey", u->api_key);
    cs_view_str(o, "secretkey", u->secret_key);
    return o;
}
