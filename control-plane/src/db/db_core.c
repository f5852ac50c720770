/* Persistence core: the sqlite3 database, per-thread connections, transactions, statements. */
#include "db.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_migrate.h"
#include "util_log.h"
#include "util_vec.h"

#define STMT_CACHE 256

struct stmt_slot {
    const char *sql;
    sqlite3_stmt *st;
};

/* One thread's connection and its statement cache. */
struct conn {
    sqlite3 *h;
    struct stmt_slot slots[STMT_CACHE];
    struct conn *next; /* all connections of the db, for freeing */
};

struct cs_db {
    char *path;
    pthread_key_t key;
    pthread_mutex_t lock; /* guards conns */
    struct conn *conns;
    int version;
};

static void conn_close(struct conn *c)
{
    for (int i = 0; i < STMT_CACHE; i++)
        if (c->slots[i].st)
            sqlite3_finalize(c->slots[i].st);
    sqlite3_close_v2(c->h);
    free(c);
}

static int conn_open(struct cs_db *db, struct conn **ret, struct cs_err *err)
{
    struct conn *c = calloc(1, sizeof(*c));
    if (!c)
        return cs_err_set(err, CS_ERR_NOMEM, "out of memory");
    int rc = sqlite3_open_v2(db->path, &c->h,
                             SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                             NULL);
    if (rc != SQLITE_OK) {
        cs_err_set(err, CS_ERR_INTERNAL, "cannot open database '%s': %s", db->path,
                   c->h ? sqlite3_errmsg(c->h) : sqlite3_errstr(rc));
        sqlite3_close_v2(c->h);
        free(c);
        return -CS_ERR_INTERNAL;
    }
    sqlite3_busy_timeout(c->h, 10000);
    char *msg = NULL;
    if (sqlite3_exec(c->h,
                     "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
                     "PRAGMA temp_store=MEMORY; PRAGMA cache_size=-65536;",
                     NULL, NULL, &msg) != SQLITE_OK) {
        cs_err_set(err, CS_ERR_INTERNAL, "cannot configure database: %s", msg ? msg : "?");
        sqlite3_free(msg);
        conn_close(c);
        return -CS_ERR_INTERNAL;
    }
    *ret = c;
    return 0;
}

static struct conn *thread_conn(struct cs_db *db, struct cs_err *err)
{
    struct conn *c = pthread_getspecific(db->key);
    if (c)
        return c;
    if (conn_open(db, &c, err) < 0)
        return NULL;
    pthread_mutex_lock(&db->lock);
    c->next = db->conns;
    db->conns = c;
    pthread_mutex_unlock(&db->lock);
    pthread_setspecific(db->key, c);
    return c;
}

struct cs_db *cs_db_open(const char *path, struct cs_err *err)
{
    struct cs_db *db = calloc(1, sizeof(*db));
    if (!db || !(db->path = strdup(path))) {
        free(db);
        cs_err_set(err, CS_ERR_NOMEM, "out of memory");
        return NULL;
    }
    pthread_mutex_init(&db->lock, NULL);
    /* Connections are closed by cs_db_free, not at thread exit: sqlite allows closing from
     * another thread once the owner no longer uses it. */
    pthread_key_create(&db->key, NULL);
    if (!thread_conn(db, err) || cs_db_migrate(db, &db->version, err) < 0) {
        cs_db_free(db);
        return NULL;
    }
    return db;
}

void cs_db_free(struct cs_db *db)
{
    if (!db)
        return;
    struct conn *c = db->conns;
    while (c) {
        struct conn *next = c->next;
        conn_close(c);
        c = next;
    }
    pthread_key_delete(db->key);
    pthread_mutex_destroy(&db->lock);
    free(db->path);
    free(db);
}

int cs_db_schema_version(struct cs_db *db)
{
    return db->version;
}

sqlite3 *cs_db_conn(struct cs_db *db, struct cs_err *err)
{
    struct conn *c = thread_conn(db, err);
    return c ? c->h : NULL;
}

int cs_db_exec(struct cs_db *db, const char *sql, struct cs_err *err)
{
    sqlite3 *h = cs_db_conn(db, err);
    if (!h)
        return -CS_ERR_INTERNAL;
    char *msg = NULL;
    if (sqlite3_exec(h, sql, NULL, NULL, &msg) != SQLITE_OK) {
        int rc = cs_err_set(err, CS_ERR_INTERNAL, "database error: %s", msg ? msg : "?");
        sqlite3_free(msg);
        return rc;
    }
    return 0;
}

int cs_db_begin(struct cs_db *db, struct cs_err *err)
{
    return cs_db_exec(db, "BEGIN IMMEDIATE", err);
}

int cs_db_commit(struct cs_db *db, struct cs_err *err)
{
    return cs_db_exec(db, "COMMIT", err);
}

void cs_db_rollback(struct cs_db *db)
{
    sqlite3 *h = cs_db_conn(db, NULL);
    if (h && !sqlite3_get_autocommit(h))
        sqlite3_exec(h, "ROLLBACK", NULL, NULL, NULL);
}

sqlite3_stmt *cs_db_stmt(struct cs_db *db, const char *sql, struct cs_err *err)
{
    struct conn *c = thread_conn(db, err);
    if (!c)
        return NULL;
    size_t h = ((uintptr_t)sql >> 3) % STMT_CACHE;
    for (size_t i = 0; i < STMT_CACHE; i++) {
        struct stmt_slot *s = &c->slots[(h + i) % STMT_CACHE];
        if (s->sql == sql) {
            sqlite3_reset(s->st);
            sqlite3_clear_bindings(s->st);
            return s->st;
        }
        if (!s->sql) {
            if (sqlite3_prepare_v3(c->h, sql, -1, SQLITE_PREPARE_PERSISTENT, &s->st, NULL) !=
                SQLITE_OK) {
                cs_err_set(err, CS_ERR_INTERNAL, "database error: %s", sqlite3_errmsg(c->h));
                s->st = NULL;
                return NULL;
            }
            s->sql = sql;
            return s->st;
        }
    }
    cs_err_set(err, CS_ERR_INTERNAL, "statement cache full");
    return NULL;
}

void cs_db_bind_text(sqlite3_stmt *st, int i, const char *s)
{
    if (s)
        sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(st, i);
}

void cs_db_bind_int(sqlite3_stmt *st, int i, int64_t v)
{
    sqlite3_bind_int64(st, i, v);
}

void cs_db_bind_double(sqlite3_stmt *st, int i, double v)
{
    sqlite3_bind_double(st, i, v);
}

void cs_db_col_text(sqlite3_stmt *st, int i, char *out, size_t outlen)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    snprintf(out, outlen, "%s", t ? (const char *)t : "");
}

char *cs_db_col_strdup(sqlite3_stmt *st, int i)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    if (!t)
        return NULL;
    char *s = strdup((const char *)t);
    if (!s)
        abort();
    return s;
}

int cs_db_step(struct cs_db *db, sqlite3_stmt *st, struct cs_err *err)
{
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        return 1;
    if (rc == SQLITE_DONE)
        return 0;
    return cs_err_set(err, rc == SQLITE_CONSTRAINT ? CS_ERR_CONFLICT : CS_ERR_INTERNAL,
                      "database error: %s", sqlite3_errmsg(sqlite3_db_handle(st)));
}

int cs_db_step_done(struct cs_db *db, sqlite3_stmt *st, struct cs_err *err)
{
    int rc = cs_db_step(db, st, err);
    sqlite3_reset(st);
    return rc < 0 ? rc : 0;
}

int64_t cs_db_last_id(struct cs_db *db)
{
    return sqlite3_last_insert_rowid(cs_db_conn(db, NULL));
}

int cs_db_changes(struct cs_db *db)
{
    return sqlite3_changes(cs_db_conn(db, NULL));
}

/* Entity tables that may be looked up by uuid, each with its two lookup statements. */
static const struct {
    const char *table, *by_uuid, *by_id;
} entity_tables[] = {
#define T(name)                                                                                    \
    {name, "SELECT id FROM " name " WHERE uuid = ?1", "SELECT uuid FROM " name " WHERE id = ?1"}
    T("domain"),  T("account"),       T("user"),          T("zone"),
    T("pod"),     T("cluster"),       T("host"),          T("storage_pool"),
    T("image_store"), T("service_offering"), T("os_type"), T("os_category"), T("template"),
    T("vm"),      T("async_job"),     T("event"),
#undef T
};

static int find_table(const char *table, struct cs_err *err)
{
    for (size_t i = 0; i < sizeof(entity_tables) / sizeof(entity_tables[0]); i++)
        if (strcmp(entity_tables[i].table, table) == 0)
            return (int)i;
    return cs_err_set(err, CS_ERR_INTERNAL, "no entity table '%s'", table);
}

int cs_db_id_by_uuid(struct cs_db *db, const char *table, const char *uuid, int64_t *ret_id,
                     struct cs_err *err)
{
    int t = find_table(table, err);
    if (t < 0)
        return t;
    sqlite3_stmt *st = cs_db_stmt(db, entity_tables[t].by_uuid, err);
    if (!st)
        return -CS_ERR_INTERNAL;
    cs_db_bind_text(st, 1, uuid);
    int rc = cs_db_step(db, st, err);
    if (rc < 0)
        return rc;
    *ret_id = rc ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_reset(st);
    return 0;
}

int cs_db_uuid_by_id(struct cs_db *db, const char *table, int64_t id, char out[37],
                     struct cs_err *err)
{
    int t = find_table(table, err);
    if (t < 0)
        return t;
    sqlite3_stmt *st = cs_db_stmt(db, entity_tables[t].by_id, err);
    if (!st)
        return -CS_ERR_INTERNAL;
    cs_db_bind_int(st, 1, id);
    int rc = cs_db_step(db, st, err);
    if (rc < 0)
        return rc;
    if (rc)
        cs_db_col_text(st, 0, out, 37);
    else
        out[0] = '\0';
    sqlite3_reset(st);
    return 0;
}

int cs_db_one_row(struct cs_db *db, sqlite3_stmt *st, void (*read)(sqlite3_stmt *, void *),
                  void *ret, const char *what, struct cs_err *err)
{
    int rc = cs_db_step(db, st, err);
    if (rc == 1)
        read(st, ret);
    sqlite3_reset(st);
    if (rc == 0)
        return cs_err_set(err, CS_ERR_NOT_FOUND, "no such %s", what);
    return rc < 0 ? rc : 0;
}

int cs_db_many_rows(struct cs_db *db, sqlite3_stmt *st, int total_col,
                    void (*read)(sqlite3_stmt *, void *), struct cs_vec *ret, struct cs_err *err)
{
    int rc;
    while ((rc = cs_db_step(db, st, err)) == 1) {
        read(st, cs_util_vec_push(ret));
        ret->total = sqlite3_column_int64(st, total_col);
    }
    sqlite3_reset(st);
    return rc < 0 ? rc : 0;
}
