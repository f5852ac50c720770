/* The persistent async job engine: rows in async_job, a queue of ids, worker threads. */
#include "job.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util_log.h"
#include "util_time.h"
#include "util_uuid.h"

struct cs_job_engine {
    struct cs_db *db;
    char msid[37];
    cs_job_run_fn run;
    cs_job_code_fn code;
    void *ud;
    pthread_mutex_t lock;
    pthread_cond_t cond;
    int64_t *queue; /* ring of job ids */
    size_t qcap, qhead, qlen;
    bool stopping;
    pthread_t *workers;
    int n_workers;
};

void cs_job_release(struct cs_job *job)
{
    if (!job)
        return;
    free(job->cmd);
    free(job->cmd_class);
    free(job->params);
    free(job->instance_type);
    free(job->result_type);
    free(job->result);
    memset(job, 0, sizeof(*job));
}

struct cs_job_engine *cs_job_engine_new(struct cs_db *db, const char *msid, struct cs_err *err)
{
    struct cs_job_engine *eng = calloc(1, sizeof(*eng));
    if (!eng) {
        cs_err_set(err, CS_ERR_NOMEM, "out of memory");
        return NULL;
    }
    eng->db = db;
    snprintf(eng->msid, sizeof(eng->msid), "%s", msid);
    pthread_mutex_init(&eng->lock, NULL);
    pthread_cond_init(&eng->cond, NULL);
    return eng;
}

int cs_job_insert(struct cs_job_engine *eng, struct cs_job *job, struct cs_err *err)
{
    cs_util_uuid_new(job->uuid);
    job->created = cs_util_now();
    job->status = CS_JOB_PENDING;
    snprintf(job->msid, sizeof(job->msid), "%s", eng->msid);
    sqlite3_stmt *st = cs_db_stmt(
        eng->db,
        "INSERT INTO async_job (uuid, cmd, cmd_class, params, user_id, account_id, domain_id,"
        " instance_type, instance_uuid, status, msid, heartbeat, created)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 0, ?10, ?11, ?11)",
        err);
    if (!st)
        return -CS_ERR_INTERNAL;
    cs_db_bind_text(st, 1, job->uuid);
    cs_db_bind_text(st, 2, job->cmd);
    cs_db_bind_text(st, 3, job->cmd_class);
    cs_db_bind_text(st, 4, job->params ? job->params : "{}");
    cs_db_bind_int(st, 5, job->user_id);
    cs_db_bind_int(st, 6, job->account_id);
    cs_db_bind_int(st, 7, job->domain_id);
    cs_db_bind_text(st, 8, job->instance_type);
    cs_db_bind_text(st, 9, job->instance_uuid[0] ? job->instance_uuid : NULL);
    cs_db_bind_text(st, 10, eng->msid);
    cs_db_bind_int(st, 11, job->created);
    int rc = cs_db_step_done(eng->db, st, err);
    if (rc < 0)
        return rc;
    job->id = cs_db_last_id(eng->db);
    return 0;
}

void cs_job_engine_kick(struct cs_job_engine *eng, int64_t job_id)
{
    pthread_mutex_lock(&eng->lock);
    if (eng->qlen == eng->qcap) {
        size_t cap = eng->qcap ? eng->qcap * 2 : 256;
        int64_t *q = malloc(cap * sizeof(*q));
        if (!q)
            abort();
        for (size_t i = 0; i < eng->qlen; i++)
            q[i] = eng->queue[(eng->qhead + i) % eng->qcap];
        free(eng->queue);
        eng->queue = q;
        eng->qcap = cap;
        eng->qhead = 0;
    }
    eng->queue[(eng->qhead + eng->qlen) % eng->qcap] = job_id;
    eng->qlen++;
    pthread_cond_signal(&eng->cond);
    pthread_mutex_unlock(&eng->lock);
}

#define JOB_COLUMNS                                                                                \
    "id, uuid, cmd, cmd_class, params, user_id, account_id, domain_id, instance_type,"             \
    " instance_uuid, status, result_code, result_type, result, msid, created, completed"

static void read_job(sqlite3_stmt *st, struct cs_job *job)
{
    job->id = sqlite3_column_int64(st, 0);
    cs_db_col_text(st, 1, job->uuid, sizeof(job->uuid));
    job->cmd = cs_db_col_strdup(st, 2);
    job->cmd_class = cs_db_col_strdup(st, 3);
    job->params = cs_db_col_strdup(st, 4);
    job->user_id = sqlite3_column_int64(st, 5);
    job->account_id = sqlite3_column_int64(st, 6);
    job->domain_id = sqlite3_column_int64(st, 7);
    job->instance_type = cs_db_col_strdup(st, 8);
    cs_db_col_text(st, 9, job->instance_uuid, sizeof(job->instance_uuid));
    job->status = (enum cs_job_status)sqlite3_column_int(st, 10);
    job->result_code = sqlite3_column_int(st, 11);
    job->result_type = cs_db_col_strdup(st, 12);
    job->result = cs_db_col_strdup(st, 13);
    cs_db_col_text(st, 14, job->msid, sizeof(job->msid));
    job->created = sqlite3_column_int64(st, 15);
    job->completed = sqlite3_column_int64(st, 16);
}

static int load_by_id(struct cs_db *db, int64_t id, struct cs_job *ret, struct cs_err *err)
{
    sqlite3_stmt *st = cs_db_stmt(db, "SELECT " JOB_COLUMNS " FROM async_job WHERE id = ?1", err);
    if (!st)
        return -CS_ERR_INTERNAL;
    cs_db_bind_int(st, 1, id);
    int rc = cs_db_step(db, st, err);
    if (rc == 1)
        read_job(st, ret);
    sqlite3_reset(st);
    if (rc == 0)
        return cs_err_set(err, CS_ERR_NOT_FOUND, "no job %lld", (long long)id);
    return rc < 0 ? rc : 0;
}

int cs_job_load(struct cs_db *db, const char *uuid, struct cs_job *ret_job, struct cs_err *err)
{
    sqlite3_stmt *st =
        cs_db_stmt(db, "SELECT " JOB_COLUMNS " FROM async_job WHERE uuid = ?1", err);
    if (!st)
        return -CS_ERR_INTERNAL;
    cs_db_bind_text(st, 1, uuid);
    int rc = cs_db_step(db, st, err);
    if (rc == 1)
        read_job(st, ret_job);
    sqlite3_reset(st);
    if (rc == 0)
        return cs_err_set(err, CS_ERR_NOT_FOUND, "no job '%s'", uuid);
    return rc < 0 ? rc : 0;
}

int cs_job_list(struct cs_db *db, int64_t account_id, int64_t since, int64_t offset,
                int64_t limit, struct cs_vec *ret, struct cs_err *err)
{
    sqlite3_stmt *st = cs_db_stmt(
        db,
        "SELECT " JOB_COLUMNS ", COUNT(*) OVER () FROM async_job"
        " WHERE removed IS NULL AND (?1 = 0 OR account_id = ?1) AND created >= ?2"
        " ORDER BY id DESC LIMIT ?3 OFFSET ?4",
        err);
    if (!st)
        return -CS_ERR_INTERNAL;
    cs_db_bind_int(st, 1, account_id);
    cs_db_bind_int(st, 2, since);
    cs_db_bind_int(st, 3, limit);
    cs_db_bind_int(st, 4, offset);
    int rc;
    while ((rc = cs_db_step(db, st, err)) == 1) {
        struct cs_job *j = cs_util_vec_push(ret);
        read_job(st, j);
        ret->total = sqlite3_column_int64(st, 17);
    }
    sqlite3_reset(st);
    return rc < 0 ? rc : 0;
}

static int finish(struct cs_job_engine *eng, int64_t id, enum cs_job_status status, int code,
                  const char *result, struct cs_err *err)
{
    sqlite3_stmt *st = cs_db_stmt(eng->db,
                                  "UPDATE async_job SET status = ?2, result_code = ?3,"
                                  " result_type = 'object', result = ?4, completed = ?5"
                                  " WHERE id = ?1 AND status = 0",
                                  err);
    if (!st)
        return -CS_ERR_INTERNAL;
    cs_db_bind_int(st, 1, id);
    cs_db_bind_int(st, 2, status);
    cs_db_bind_int(st, 3, code);
    cs_db_bind_text(st, 4, result);
    cs_db_bind_int(st, 5, cs_util_now());
    return cs_db_step_done(eng->db, st, err);
}

/* {"errorcode":N,"errortext":"..."}: a failed job's result, as CloudStack stores it. */
static char *error_result(int code, const char *text)
{
    size_t n = strlen(text) * 6 + 64;
    char *s = malloc(n), *p;
    if (!s)
        abort();
    int k = snprintf(s, n, "{\"errorcode\":%d,\"errortext\":\"", code);
    p = s + k;
    for (const unsigned char *t = (const unsigned char *)text; *t; t++) {
        if (*t == '"' || *t == '\\') {
            *p++ = '\\';
            *p++ = (char)*t;
        } else if (*t < 0x20) {
            p += snprintf(p, 7, "\\u%04x", *t);
        } else {
            *p++ = (char)*t;
        }
    }
    *p++ = '"';
    *p++ = '}';
    *p = '\0';
    return s;
}

static void run_one(struct cs_job_engine *eng, int64_t id)
{
    struct cs_err err;
    cs_err_clear(&err);
    struct cs_job job = {0};
    if (load_by_id(eng->db, id, &job, &err) < 0) {
        cs_log_error("job %lld: %s", (long long)id, err.msg);
        return;
    }
    char *result = NULL;
    int rc = eng->run(eng->ud, &job, &result, &err);
    struct cs_err ferr;
    if (rc == 0) {
        if (finish(eng, id, CS_JOB_SUCCEEDED, 0, result ? result : "{}", &ferr) < 0)
            cs_log_error("job %s: cannot record result: %s", job.uuid, ferr.msg);
    } else {
        int code = eng->code ? eng->code(eng->ud, &err) : 530;
        char *res = error_result(code, err.msg);
        cs_log_info("job %s (%s) failed: %s", job.uuid, job.cmd, err.msg);
        if (finish(eng, id, CS_JOB_FAILED, code, res, &ferr) < 0)
            cs_log_error("job %s: cannot record failure: %s", job.uuid, ferr.msg);
        free(res);
    }
    free(result);
    cs_job_release(&job);
}

static void *worker(void *arg)
{
    struct cs_job_engine *eng = arg;
    for (;;) {
        pthread_mutex_lock(&eng->lock);
        while (!eng->qlen && !eng->stopping)
            pthread_cond_wait(&eng->cond, &eng->lock);
        if (!eng->qlen && eng->stopping) {
            pthread_mutex_unlock(&eng->lock);
            return NULL;
        }
        int64_t id = eng->queue[eng->qhead];
        eng->qhead = (eng->qhead + 1) % eng->qcap;
        eng->qlen--;
        pthread_mutex_unlock(&eng->lock);
        run_one(eng, id);
    }
}

int cs_job_engine_start(struct cs_job_engine *eng, int workers, cs_job_run_fn run,
                        cs_job_code_fn code, void *ud, struct cs_err *err)
{
    eng->run = run;
    eng->code = code;
    eng->ud = ud;
    /* Jobs still pending belong to a server that is gone (single-server deployment): fail them
     * so no client polls forever. The service layer reconciles the objects they touched. */
    char *res = error_result(530, "job interrupted by management server restart");
    sqlite3_stmt *st = cs_db_stmt(eng->db,
                                  "UPDATE async_job SET status = 2, result_code = 530,"
                                  " result_type = 'object', result = ?1, completed = ?2"
                                  " WHERE status = 0",
                                  err);
    int rc = -CS_ERR_INTERNAL;
    if (st) {
        cs_db_bind_text(st, 1, res);
        cs_db_bind_int(st, 2, cs_util_now());
        rc = cs_db_step_done(eng->db, st, err);
        if (rc == 0 && cs_db_changes(eng->db) > 0)
            cs_log_warn("failed %d job(s) interrupted by a restart", cs_db_changes(eng->db));
    }
    free(res);
    if (rc < 0)
        return rc;
    eng->workers = calloc((size_t)workers, sizeof(pthread_t));
    if (!eng->workers)
        return cs_err_set(err, CS_ERR_NOMEM, "out of memory");
    for (int i = 0; i < workers; i++) {
        if (pthread_create(&eng->workers[i], NULL, worker, eng) != 0)
            return cs_err_set(err, CS_ERR_INTERNAL, "cannot start job worker");
        eng->n_workers++;
    }
    return 0;
}

void cs_job_engine_stop(struct cs_job_engine *eng)
{
    if (!eng)
        return;
    pthread_mutex_lock(&eng->lock);
    eng->stopping = true;
    pthread_cond_broadcast(&eng->cond);
    pthread_mutex_unlock(&eng->lock);
    for (int i = 0; i < eng->n_workers; i++)
        pthread_join(eng->workers[i], NULL);
    eng->n_workers = 0;
}

void cs_job_engine_free(struct cs_job_engine *eng)
{
    if (!eng)
        return;
    cs_job_engine_stop(eng);
    free(eng->workers);
    free(eng->queue);
    pthread_cond_destroy(&eng->cond);
    pthread_mutex_destroy(&eng->lock);
    free(eng);
}
