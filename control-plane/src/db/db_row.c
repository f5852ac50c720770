/* Row mapping: result columns read into struct fields from a table, and the shared bind helpers. */
#include "db_row.h"

#include <string.h>

#include "util_time.h"
#include "util_uuid.h"

void cs_db_read_cols(sqlite3_stmt *st, int first, const struct cs_db_col *cols, size_t n, void *obj)
{
    char *base = obj;
    for (size_t i = 0; i < n; i++) {
        int c = first + (int)i;
        void *field = base + cols[i].offset;
        switch (cols[i].type) {
        case CS_DB_I64:
            *(int64_t *)field = sqlite3_column_int64(st, c);
            break;
        case CS_DB_INT:
            *(int *)field = sqlite3_column_int(st, c);
            break;
        case CS_DB_BOOL:
            *(bool *)field = sqlite3_column_int(st, c) != 0;
            break;
        case CS_DB_DOUBLE:
            *(double *)field = sqlite3_column_double(st, c);
            break;
        case CS_DB_TEXT:
            cs_db_col_text(st, c, field, cols[i].size);
            break;
        case CS_DB_STRDUP:
            *(char **)field = cs_db_col_strdup(st, c);
            break;
        case CS_DB_NOTNULL:
            *(bool *)field = sqlite3_column_type(st, c) != SQLITE_NULL;
            break;
        }
    }
}

int cs_db_one_by_id(struct cs_db *db, const char *sql, int64_t id,
                    void (*read)(sqlite3_stmt *, void *), void *ret, const char *what,
                    struct cs_err *err)
{
    sqlite3_stmt *st = cs_db_stmt(db, sql, err);
    if (!st)
        return -CS_ERR_INTERNAL;
    cs_db_bind_int(st, 1, id);
    return cs_db_one_row(db, st, read, ret, what, err);
}

int cs_db_one_by_text(struct cs_db *db, const char *sql, const char *key,
                      void (*read)(sqlite3_stmt *, void *), void *ret, const char *what,
                      struct cs_err *err)
{
    sqlite3_stmt *st = cs_db_stmt(db, sql, err);
    if (!st)
        return -CS_ERR_INTERNAL;
    cs_db_bind_text(st, 1, key);
    return cs_db_one_row(db, st, read, ret, what, err);
}

int cs_db_one_by_id_text(struct cs_db *db, const char *sql, int64_t id, const char *text,
                         void (*read)(sqlite3_stmt *, void *), void *ret, const char *what,
                         struct cs_err *err)
{
    sqlite3_stmt *st = cs_db_stmt(db, sql, err);
    if (!st)
        return -CS_ERR_INTERNAL;
    cs_db_bind_int(st, 1, id);
    cs_db_bind_text(st, 2, text);
    return cs_db_one_row(db, st, read, ret, what, err);
}

void cs_db_new_identity(char uuid[37], int64_t *created)
{
    if (!uuid[0])
        cs_util_uuid_new(uuid);
    if (!*created)
        *created = cs_util_now();
}

void cs_db_bind_opt(sqlite3_stmt *st, int i, const char *s)
{
    cs_db_bind_text(st, i, s && *s ? s : NULL);
}

void cs_db_bind_ref(sqlite3_stmt *st, int i, int64_t id)
{
    if (id)
        cs_db_bind_int(st, i, id);
    else
        sqlite3_bind_null(st, i);
}

void cs_db_bind_pos(sqlite3_stmt *st, int i, int64_t v)
{
    if (v > 0)
        cs_db_bind_int(st, i, v);
    else
        sqlite3_bind_null(st, i);
}

void cs_db_bind_page(sqlite3_stmt *st, int i, struct cs_page page)
{
    cs_db_bind_int(st, i, page.limit);
    cs_db_bind_int(st, i + 1, page.offset);
}

int cs_db_insert_done(struct cs_db *db, sqlite3_stmt *st, int64_t *ret_id, struct cs_err *err)
{
    int rc = cs_db_step_done(db, st, err);
    if (rc == 0)
        *ret_id = cs_db_last_id(db);
    return rc;
}
