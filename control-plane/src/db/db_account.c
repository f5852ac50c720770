/* Domains, accounts and users as stored. */
#include "db_account.h"

#include <stdlib.h>
#include "db_row.h"

void cs_db_user_release(struct cs_user *u)
{
    if (!u)
        return;
    free(u->password);
    free(u->api_key);
    free(u->secret_key);
    u->password = u->api_key = u->secret_key = NULL;
}

void cs_db_user_vec_release(struct cs_vec *vec)
{
    for (size_t i = 0; i < vec->n; i++)
        cs_db_user_release(CS_VEC_AT(vec, struct cs_user, i));
    cs_util_vec_release(vec);
}

/* ---- domains ---- */

#define DOMAIN_COLS "id, uuid, name, path, parent_id, level, state, created"

#define D(kind, f) CS_DB_COL(kind, struct cs_domain, f)
static const struct cs_db_col domain_cols[] = {
    D(I64, id), D(TEXT, uuid), D(TEXT, name), D(TEXT, path), D(I64, parent_id), D(INT, level),
    D(TEXT, state), D(I64, created),
};
#undef D

CS_DB_DEFINE_READER(read_domain, domain_cols)

int cs_db_domain_insert(struct cs_db *db, struct cs_domain *d, struct cs_err *err)
{
    cs_db_new_identity(d->uuid, &d->created);
    sqlite3_stmt *st = cs_db_stmt(db,
                                  "INSERT INTO domain (uuid, name, path, parent_id, level, created)"
                                  " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                  err);
    if (!st)
        return -CS_ERR_INTERNAL;
    cs_db_bind_text(st, 1, d->uuid);
    cs_db_bind_text(st, 2, d->name);
    cs_db_bind_text(st, 3, d->path);
    cs_db_bind_ref(st, 4, d->parent_id);
    cs_db_bind_int(st, 5, d->level);
    cs_db_bind_int(st, 6, d->created);
    return cs_db_insert_done(db, st, &d->id, err);
}

int cs_db_domain_get(struct cs_db *db, int64_t id, struct cs_domain *ret, struct cs_err *err)
{
    return cs_db_one_by_id(db, "SELECT " DOMAIN_COLS " FROM domain WHERE id = ?1", id, read_domain,
                           ret, "domain", err);
}

int cs_db_domain_list(struct cs_db *db, int64_t id, const char *name, const char *path_prefix,
                      struct cs_page page, struct cs_vec *ret, struct cs_err *err)
{
    sqlite3_stmt *st = cs_db_stmt(db,
                                  "SELECT " DOMAIN_COLS ", COUNT(*) OVER () FROM domain"
                                  " WHERE removed IS NULL AND (?1 = 0 OR id = ?1)"
                                  " AND (?2 IS NULL OR name = ?2)"
                                  " AND (?3 IS NULL OR substr(path, 1, length(?3)) = ?3)"
                                  " ORDER BY id LIMIT ?4 OFFSET ?5",
                                  err);
    if (!st)
        return -CS_ERR_INTERNAL;
    cs_db_bind_int(st, 1, id);
    cs_db_bind_text(st, 2, name);
    cs_db_bind_text(st, 3, path_prefix);
    cs_db_bind_page(st, 4, page);
    return cs_db_many_rows(db, st, CS_DB_NCOLS(domain_cols), read_domain, ret, err);
}

/* ---- roles ---- */

#define R(kind, f) CS_DB_COL(kind, struct cs_role, f)
static const struct cs_db_col role_cols[] = {
    R(I64, id), R(TEXT, uuid), R(TEXT, name), R(TEXT, type), R(TEXT, description),
};
#undef R

CS_DB_DEFINE_READER(read_role, role_cols)

int cs_db_role_insert(struct cs_db *db, struct cs_role *r, struct cs_err *err)
{
    int64_t created = 0;
    cs_db_new_identity(r->uuid, &created);
    sqlite3_stmt *st = cs_db_stmt(db,
                                  "INSERT INTO role (id, uuid, name, type, description, is_default)"
                                  " VALUES (?1, ?2, ?3, ?4, ?5, 1)",
                                  err);
    if (!st)
        return -CS_ERR_INTERNAL;
    cs_db_bind_ref(st, 1, r->id);
    cs_db_bind_text(st, 2, r->uuid);
    cs_db_bind_text(st, 3, r->name);
    cs_db_bind_text(st, 4, r->type);
    cs_db_bind_text(st, 5, r->description);
    return cs_db_insert_done(db, st, &r->id, err);
}

int cs_db_role_get(struct cs_db *db, int64_t id, struct cs_role *ret, struct cs_err *err)
{
    return cs_db_one_by_id(db, "SELECT id, uuid, name, type, description FROM role WHERE id = ?1",
                           id, read_role, ret, "role", err);
}

/* ---- accounts ---- */

#define ACCOUNT_COLS "a.id, a.uuid, a.name, a.type, a.domain_id, a.role_id, a.state, a.created"

#define A(kind, f) CS_DB_COL(kind, struct cs_account, f)
static const struct cs_db_col account_cols[] = {
    A(I64, id), A(TEXT, uuid), A(TEXT, name), A(INT, type), A(I64, domain_id), A(I64, role_id),
    A(TEXT, state), A(I64, created),
};
#undef A

CS_DB_DEFINE_READER(read_account, account_cols)

int cs_db_account_insert(struct cs_db *db, struct cs_account *a, struct cs_err *err)
{
    cs_db_new_identity(a->uuid, &a->created);
    sqlite3_stmt *st =
        cs_db_stmt(db,
                   "INSERT INTO account (id, uuid, name, type, domain_id, role_id, state, created)"
                   " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                   err);
    if (!st)
        return -CS_ERR_INTERNAL;
    cs_db_bind_ref(st, 1, a->id);
    cs_db_bind_text(st, 2, a->uuid);
    cs_db_bind_text(st, 3, a->name);
    cs_db_bind_int(st, 4, a->type);
    cs_db_bind_int(st, 5, a->domain_id);
    cs_db_bind_ref(st, 6, a->role_id);
    cs_db_bind_text(st, 7, a->state[0] ? a->state : "enabled");
    cs_db_bind_int(st, 8, a->created);
    return cs_db_insert_done(db, st, &a->id, err);
}

int cs_db_account_get(struct cs_db *db, int64_t id, struct cs_account *ret, struct cs_err *err)
{
    return cs_db_one_by_id(db, "SELECT " ACCOUNT_COLS " FROM account a WHERE a.id = ?1", id,
                           read_account, ret, "account", err);
}

int cs_db_account_find(struct cs_db *db, int64_t domain_id, const char *name,
                       struct cs_account *ret, struct cs_err *err)
{
    return cs_db_one_by_id_text(db,
                                "SELECT " ACCOUNT_COLS " FROM account a WHERE a.domain_id = ?1"
                                " AND a.name = ?2 AND a.removed IS NULL",
                                domain_id, name, read_account, ret, "account", err);
}

int cs_db_account_list(struct cs_db *db, const struct cs_account_filter *f, struct cs_page page,
                       struct cs_vec *ret, struct cs_err *err)
{
    sqlite3_stmt *st = cs_db_stmt(
        db,
        "SELECT " ACCOUNT_COLS ", COUNT(*) OVER () FROM account a JOIN domain d"
        " ON d.id = a.domain_id WHERE a.removed IS NULL AND (?1 = 0 OR a.id = ?1)"
        " AND (?2 = 0 OR a.domain_id = ?2)"
        " AND (?3 IS NULL OR substr(d.path, 1, length(?3)) = ?3)"
        " AND (?4 IS NULL OR a.name = ?4) AND (?5 IS NULL OR instr(a.name, ?5) > 0)"
        " AND (?6 < 0 OR a.type = ?6) AND (?7 IS NULL OR a.state = ?7)"
        " AND (?8 = 0 OR a.id = ?8) AND a.id <> 1"
        " ORDER BY a.id LIMIT ?9 OFFSET ?10",
        err);
    if (!st)
        return -CS_ERR_INTERNAL;
    cs_db_bind_int(st, 1, f->id);
    cs_db_bind_int(st, 2, f->domain_id);
    cs_db_bind_text(st, 3, f->domain_path);
    cs_db_bind_text(st, 4, f->name);
    cs_db_bind_text(st, 5, f->keyword);
    cs_db_bind_int(st, 6, f->type);
    cs_db_bind_text(st, 7, f->state);
    cs_db_bind_int(st, 8, f->only_id);
    cs_db_bind_page(st, 9, page);
    return cs_db_many_rows(db, st, CS_DB_NCOLS(account_cols), read_account, ret, err);
}

/* ---- users ---- */

#define USER_COLS                                                                                  \
    "u.id, u.uuid, u.username, u.password, u.firstname, u.lastname, u.email, u.timezone,"          \
    " u.account_id, u.state, u.api_key, u.secret_key, u.created"

#define U(kind, f) CS_DB_COL(kind, struct cs_user, f)
static const struct cs_db_col user_cols[] = {
    U(I64, id), U(TEXT, uuid), U(TEXT, username), U(STRDUP, password), U(TEXT, firstname),
    U(TEXT, lastname), U(TEXT, email), U(TEXT, timezone), U(I64, account_id), U(TEXT, state),
    U(STRDUP, api_key), U(STRDUP, secret_key), U(I64, created),
};
#undef U

CS_DB_DEFINE_READER(read_user, user_cols)

int cs_db_user_insert(struct cs_db *db, struct cs_user *u, struct cs_err *err)
{
    cs_db_new_identity(u->uuid, &u->created);
    sqlite3_stmt *st = cs_db_stmt(
        db,
        "INSERT INTO user (id, uuid, username, password, firstname, lastname, email, timezone,"
        " account_id, state, api_key, secret_key, created)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        err);
    if (!st)
        return -CS_ERR_INTERNAL;
    cs_db_bind_ref(st, 1, u->id);
    cs_db_bind_text(st, 2, u->uuid);
    cs_db_bind_text(st, 3, u->username);
    cs_db_bind_text(st, 4, u->password);
    cs_db_bind_text(st, 5, u->firstname);
    cs_db_bind_text(st, 6, u->lastname);
    cs_db_bind_text(st, 7, u->email);
    cs_db_bind_opt(st, 8, u->timezone);
    cs_db_bind_int(st, 9, u->account_id);
    cs_db_bind_text(st, 10, u->state[0] ? u->state : "enabled");
    cs_db_bind_text(st, 11, u->api_key);
    cs_db_bind_text(st, 12, u->secret_key);
    cs_db_bind_int(st, 13, u->created);
    return cs_db_insert_done(db, st, &u->id, err);
}

int cs_db_user_get(struct cs_db *db, int64_t id, struct cs_user *ret, struct cs_err *err)
{
    return cs_db_one_by_id(db, "SELECT " USER_COLS " FROM user u WHERE u.id = ?1", id, read_user,
                           ret, "user", err);
}

int cs_db_user_by_api_key(struct cs_db *db, const char *api_key, struct cs_user *ret,
                          struct cs_err *err)
{
    return cs_db_one_by_text(db,
                             "SELECT " USER_COLS
                             " FROM user u WHERE u.api_key = ?1 AND u.removed IS NULL",
                             api_key, read_user, ret, "user", err);
}

int cs_db_user_by_name(struct cs_db *db, int64_t domain_id, const char *username,
                       struct cs_user *ret, struct cs_err *err)
{
    return cs_db_one_by_id_text(db,
                                "SELECT " USER_COLS " FROM user u JOIN account a"
                                " ON a.id = u.account_id WHERE a.domain_id = ?1"
                                " AND u.username = ?2 AND u.removed IS NULL",
                                domain_id, username, read_user, ret, "user", err);
}

int cs_db_user_set_keys(struct cs_db *db, int64_t id, const char *api_key, const char *secret,
                        struct cs_err *err)
{
    sqlite3_stmt *st =
        cs_db_stmt(db, "UPDATE user SET api_key = ?2, secret_key = ?3 WHERE id = ?1", err);
    if (!st)
        return -CS_ERR_INTERNAL;
    cs_db_bind_int(st, 1, id);
    cs_db_bind_text(st, 2, api_key);
    cs_db_bind_text(st, 3, secret);
    return cs_db_step_done(db, st, err);
}

int cs_db_user_list(struct cs_db *db, const struct cs_user_filter *f, struct cs_page page,
                    struct cs_vec *ret, struct cs_err *err)
{
    sqlite3_stmt *st = cs_db_stmt(
        db,
        "SELECT " USER_COLS ", COUNT(*) OVER () FROM user u JOIN account a ON a.id = u.account_id"
        " JOIN domain d ON d.id = a.domain_id WHERE u.removed IS NULL AND (?1 = 0 OR u.id = ?1)"
        " AND (?2 = 0 OR u.account_id = ?2)"
        " AND (?3 IS NULL OR substr(d.path, 1, length(?3)) = ?3)"
        " AND (?4 IS NULL OR u.username = ?4) AND (?5 IS NULL OR instr(u.username, ?5) > 0)"
        " AND (?6 IS NULL OR a.name = ?6) AND (?7 = 0 OR a.domain_id = ?7)"
        " AND (?8 IS NULL OR u.state = ?8) AND (?9 < 0 OR a.type = ?9) AND a.id <> 1"
        " ORDER BY u.id LIMIT ?10 OFFSET ?11",
        err);
    if (!st)
        return -CS_ERR_INTERNAL;
    cs_db_bind_int(st, 1, f->id);
    cs_db_bind_int(st, 2, f->account_id);
    cs_db_bind_text(st, 3, f->domain_path);
    cs_db_bind_text(st, 4, f->username);
    cs_db_bind_text(st, 5, f->keyword);
    cs_db_bind_text(st, 6, f->account_name);
    cs_db_bind_int(st, 7, f->domain_id);
    cs_db_bind_text(st, 8, f->state);
    cs_db_bind_int(st, 9, f->account_type);
    cs_db_bind_page(st, 10, page);
    return cs_db_many_rows(db, st, CS_DB_NCOLS(user_cols), read_user, ret, err);
}
