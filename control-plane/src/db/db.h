/* Persistence core: the sqlite3 database, per-thread connections, transactions, statements. */
#ifndef CS_DB_H
#define CS_DB_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util_err.h"

struct cs_db;

/* Opens (creating if needed) the database file at path in WAL mode and runs every pending
 * migration. returns: owned, or NULL with err set */
struct cs_db *cs_db_open(const char *path, struct cs_err *err);
void cs_db_free(struct cs_db *db);
/* Schema version after migrations. */
int cs_db_schema_version(struct cs_db *db);

/* The calling thread's connection (opened on first use, closed when the thread exits or the
 * database is freed). borrowed */
sqlite3 *cs_db_conn(struct cs_db *db, struct cs_err *err);

/* Transactions. begin takes the write lock at once (BEGIN IMMEDIATE) so that check-then-write
 * sequences inside are atomic. Nesting is not supported: the svc layer owns transaction scope. */
int cs_db_begin(struct cs_db *db, struct cs_err *err);
int cs_db_commit(struct cs_db *db, struct cs_err *err);
void cs_db_rollback(struct cs_db *db);

/* A cached prepared statement for sql on this thread's connection, reset and with bindings
 * cleared. sql must be a string literal (its address is the cache key). borrowed */
sqlite3_stmt *cs_db_stmt(struct cs_db *db, const char *sql, struct cs_err *err);
/* Runs sql (one or more statements, no results). */
int cs_db_exec(struct cs_db *db, const char *sql, struct cs_err *err);

/* Binding helpers: NULL strings bind SQL NULL. Index is 1-based as in sqlite. */
void cs_db_bind_text(sqlite3_stmt *st, int i, const char *s);
void cs_db_bind_int(sqlite3_stmt *st, int i, int64_t v);
void cs_db_bind_double(sqlite3_stmt *st, int i, double v);
/* Column helpers: copy text into a fixed buffer ("" for NULL). */
void cs_db_col_text(sqlite3_stmt *st, int i, char *out, size_t outlen);
/* Column text duplicated (NULL for SQL NULL). returns: owned */
char *cs_db_col_strdup(sqlite3_stmt *st, int i);

/* Steps a statement expected to finish (INSERT/UPDATE/DELETE). */
int cs_db_step_done(struct cs_db *db, sqlite3_stmt *st, struct cs_err *err);
/* Steps once: 1 = a row, 0 = done, <0 = error. */
int cs_db_step(struct cs_db *db, sqlite3_stmt *st, struct cs_err *err);
int64_t cs_db_last_id(struct cs_db *db);
int cs_db_changes(struct cs_db *db);

/* Runs a prepared single-row query, filling ret with read(); CS_ERR_NOT_FOUND "no such <what>"
 * when there is no row. Resets the statement. */
int cs_db_one_row(struct cs_db *db, sqlite3_stmt *st, void (*read)(sqlite3_stmt *, void *),
                  void *ret, const char *what, struct cs_err *err);
/* Runs a list query, pushing one element per row onto ret (a struct cs_vec) with read(); the
 * column total_col holds COUNT(*) OVER () and becomes ret->total. Resets the statement. */
struct cs_vec;
int cs_db_many_rows(struct cs_db *db, sqlite3_stmt *st, int total_col,
                    void (*read)(sqlite3_stmt *, void *), struct cs_vec *ret, struct cs_err *err);

/* Row id of the row of table with this uuid (removed rows included, as CloudStack resolves
 * expunged ids); 0 when none. table must be one of the schema's entity tables. */
int cs_db_id_by_uuid(struct cs_db *db, const char *table, const char *uuid, int64_t *ret_id,
                     struct cs_err *err);
/* Uuid of a row; "" when none. */
int cs_db_uuid_by_id(struct cs_db *db, const char *table, int64_t id, char out[37],
                     struct cs_err *err);

#endif
