/* Row mapping: result columns read into struct fields from a table, and the shared bind helpers. */
#ifndef CS_DB_ROW_H
#define CS_DB_ROW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "db.h"
#include "util_vec.h"

enum cs_db_col_type {
    CS_DB_I64,     /* int64_t */
    CS_DB_INT,     /* int */
    CS_DB_BOOL,    /* bool, column != 0 */
    CS_DB_DOUBLE,  /* double */
    CS_DB_TEXT,    /* char[], copied ("" for NULL, cut to the array) */
    CS_DB_STRDUP,  /* char *, owned copy (NULL for NULL) */
    CS_DB_NOTNULL, /* bool, true when the column is not NULL */
};

/* One result column: how to read it and where it goes in the struct. */
struct cs_db_col {
    enum cs_db_col_type type;
    size_t offset;
    size_t size;
};

/* Column table rows. The field's type is checked at compile time against the column type. */
#define CS_DB_COL_(kind, ctype, T, f)                                                              \
    {                                                                                              \
        kind, _Generic(((T *)0)->f, ctype : offsetof(T, f)), sizeof(((T *)0)->f)                   \
    }
#define CS_DB_COL_I64(T, f) CS_DB_COL_(CS_DB_I64, int64_t, T, f)
#define CS_DB_COL_INT(T, f) CS_DB_COL_(CS_DB_INT, int, T, f)
#define CS_DB_COL_BOOL(T, f) CS_DB_COL_(CS_DB_BOOL, bool, T, f)
#define CS_DB_COL_DOUBLE(T, f) CS_DB_COL_(CS_DB_DOUBLE, double, T, f)
#define CS_DB_COL_TEXT(T, f) CS_DB_COL_(CS_DB_TEXT, char *, T, f)
#define CS_DB_COL_STRDUP(T, f) CS_DB_COL_(CS_DB_STRDUP, char *, T, f)
#define CS_DB_COL_NOTNULL(T, f) CS_DB_COL_(CS_DB_NOTNULL, bool, T, f)
/* CS_DB_COL(TEXT, struct cs_zone, name): the row for any of the kinds above. */
#define CS_DB_COL(kind, T, f) CS_DB_COL_##kind(T, f)

/* Reads result columns first .. first + n - 1 of the current row into obj, cols[i] taking
 * column first + i. */
void cs_db_read_cols(sqlite3_stmt *st, int first, const struct cs_db_col *cols, size_t n,
                     void *obj);
/* The same for a whole static table: CS_DB_READ(st, 0, zone_cols, z). */
#define CS_DB_READ(st, first, cols, obj)                                                           \
    cs_db_read_cols((st), (first), (cols), sizeof(cols) / sizeof((cols)[0]), (obj))
/* Defines `static void fn(sqlite3_stmt *, void *)`, the reader of a row through the table cols
 * (columns from 0), for cs_db_one_row and cs_db_many_rows. */
#define CS_DB_DEFINE_READER(fn, cols)                                                              \
    static void fn(sqlite3_stmt *st, void *obj)                                                    \
    {                                                                                              \
        CS_DB_READ(st, 0, cols, obj);                                                              \
    }
/* How many columns a static table reads (the index of the column after them). */
#define CS_DB_NCOLS(cols) ((int)(sizeof(cols) / sizeof((cols)[0])))

/* Single-row lookups: prepares sql, binds ?1 to the key and runs cs_db_one_row. */
int cs_db_one_by_id(struct cs_db *db, const char *sql, int64_t id,
                    void (*read)(sqlite3_stmt *, void *), void *ret, const char *what,
                    struct cs_err *err);
int cs_db_one_by_text(struct cs_db *db, const char *sql, const char *key,
                      void (*read)(sqlite3_stmt *, void *), void *ret, const char *what,
                      struct cs_err *err);

/* The same with ?1 bound to id and ?2 to text (a name within a parent, say). */
int cs_db_one_by_id_text(struct cs_db *db, const char *sql, int64_t id, const char *text,
                         void (*read)(sqlite3_stmt *, void *), void *ret, const char *what,
                         struct cs_err *err);

/* Fills an empty uuid with a new one and a zero created with now. */
void cs_db_new_identity(char uuid[37], int64_t *created);
/* Binds s, or NULL when s is NULL or empty (optional text stays absent). */
void cs_db_bind_opt(sqlite3_stmt *st, int i, const char *s);
/* Binds id, or NULL for 0 (optional references). */
void cs_db_bind_ref(sqlite3_stmt *st, int i, int64_t id);
/* Binds v, or NULL when v <= 0 (optional sizes and counts). */
void cs_db_bind_pos(sqlite3_stmt *st, int i, int64_t v);
/* Binds a page's limit and offset to parameters i and i + 1. */
void cs_db_bind_page(sqlite3_stmt *st, int i, struct cs_page page);
/* Steps an INSERT to completion and hands back the new row id. */
int cs_db_insert_done(struct cs_db *db, sqlite3_stmt *st, int64_t *ret_id, struct cs_err *err);

#endif
