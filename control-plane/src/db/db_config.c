/* Global settings as stored (the configuration table). */
#include "db_config.h"
#include "db_row.h"

#include <stdio.h>
#include <stdlib.h>

#include "util_time.h"

void cs_db_config_vec_release(struct cs_vec *vec)
{
    for (size_t i = 0; i < vec->n; i++) {
        struct cs_config *c = CS_VEC_AT(vec, struct cs_config, i);
        free(c->value);
        free(c->default_value);
        free(c->description);
    }
    cs_util_vec_release(vec);
}

int cs_db_config_define(struct cs_db *db, const char *name, const char *default_value,
                        const char *category, const char *description, struct cs_err *err)
{
    sqlite3_stmt *st = cs_db_stmt(
        db,
        "INSERT OR IGNORE INTO configuration (name, value, default_value, category, description)"
        " VALUES (?1, ?2, ?2, ?3, ?4)",
        err);
    if (!st)
        return -CS_ERR_INTERNAL;
    cs_db_bind_text(st, 1, name);
    cs_db_bind_text(st, 2, default_value);
    cs_db_bind_text(st, 3, category);
    cs_db_bind_text(st, 4, description);
    return cs_db_step_done(db, st, err);
}

int cs_db_config_set(struct cs_db *db, const char *name, const char *value, struct cs_err *err)
{
    sqlite3_stmt *st = cs_db_stmt(
        db, "UPDATE configuration SET value = ?2, updated = ?3 WHERE name = ?1", err);
    if (!st)
        return -CS_ERR_INTERNAL;
    cs_db_bind_text(st, 1, name);
    cs_db_bind_text(st, 2, value);
    cs_db_bind_int(st, 3, cs_util_now());
    int rc = cs_db_step_done(db, st, err);
    if (rc == 0 && cs_db_changes(db) == 0)
        return cs_err_set(err, CS_ERR_PARAM, "no setting '%s'", name);
    return rc;
}

int cs_db_config_get(struct cs_db *db, const char *name, char *out, size_t outlen,
                     struct cs_err *err)
{
    sqlite3_stmt *st = cs_db_stmt(db, "SELECT value FROM configuration WHERE name = ?1", err);
    if (!st)
        return -CS_ERR_INTERNAL;
    cs_db_bind_text(st, 1, name);
    int rc = cs_db_step(db, st, err);
    if (rc == 1)
        cs_db_col_text(st, 0, out, outlen);
    sqlite3_reset(st);
    if (rc == 0)
        return cs_err_set(err, CS_ERR_NOT_FOUND, "no setting '%s'", name);
    return rc < 0 ? rc : 0;
}

#define C(kind, f) CS_DB_COL(kind, struct cs_config, f)
static const struct cs_db_col config_cols[] = {
    C(TEXT, name), C(STRDUP, value), C(STRDUP, default_value), C(TEXT, category),
    C(STRDUP, description), C(TEXT, scope),
};
#undef C

CS_DB_DEFINE_READER(read_config, config_cols)

int cs_db_config_list(struct cs_db *db, const char *name, const char *category,
                      const char *keyword, struct cs_page page, struct cs_vec *ret,
                      struct cs_err *err)
{
    sqlite3_stmt *st = cs_db_stmt(
        db,
        "SELECT name, value, default_value, category, description, scope, COUNT(*) OVER ()"
        " FROM configuration WHERE (?1 IS NULL OR name = ?1) AND (?2 IS NULL OR category = ?2)"
        " AND (?3 IS NULL OR instr(name, ?3) > 0) ORDER BY name LIMIT ?4 OFFSET ?5",
        err);
    if (!st)
        return -CS_ERR_INTERNAL;
    cs_db_bind_text(st, 1, name);
    cs_db_bind_text(st, 2, category);
    cs_db_bind_text(st, 3, keyword);
    cs_db_bind_page(st, 4, page);
    return cs_db_many_rows(db, st, CS_DB_NCOLS(config_cols), read_config, ret, err);
}
