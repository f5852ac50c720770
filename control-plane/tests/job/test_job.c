/* Unit tests of the job engine: run, fail, restart recovery, listing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "job.h"

static char dbpath[256];

static int setup(void **state)
{
    snprintf(dbpath, sizeof(dbpath), "/tmp/cstack-test-job-%d.db", (int)getpid());
    unlink(dbpath);
    struct cs_err err;
    struct cs_db *db = cs_db_open(dbpath, &err);
    assert_non_null(db);
    *state = db;
    return 0;
}

static int teardown(void **state)
{
    cs_db_free(*state);
    char p[300];
    unlink(dbpath);
    snprintf(p, sizeof(p), "%s-wal", dbpath);
    unlink(p);
    snprintf(p, sizeof(p), "%s-shm", dbpath);
    unlink(p);
    return 0;
}

static int run_fn(void *ud, const struct cs_job *job, char **ret_result, struct cs_err *err)
{
    (void)ud;
    if (strcmp(job->cmd, "failingCommand") == 0)
        return cs_err_set(err, CS_ERR_CAPACITY, "no \"room\" at the inn");
    *ret_result = strdup("{\"virtualmachine\":{\"state\":\"Running\"}}");
    return 0;
}

static int code_fn(void *ud, const struct cs_err *err)
{
    (void)ud;
    return err->code == CS_ERR_CAPACITY ? 533 : 530;
}

static int64_t submit(struct cs_db *db, struct cs_job_engine *eng, const char *cmd, char *uuid)
{
    struct cs_err err;
    struct cs_job job = {.cmd = (char *)cmd, .params = (char *)"{}", .user_id = 2,
                         .account_id = 2, .domain_id = 1, .instance_type = (char *)"None"};
    assert_int_equal(cs_db_begin(db, &err), 0);
    assert_int_equal(cs_job_insert(eng, &job, &err), 0);
    assert_int_equal(cs_db_commit(db, &err), 0);
    snprintf(uuid, 37, "%s", job.uuid);
    return job.id;
}

static void wait_done(struct cs_db *db, const char *uuid, struct cs_job *ret)
{
    struct cs_err err;
    for (int i = 0; i < 500; i++) {
        memset(ret, 0, sizeof(*ret));
        assert_int_equal(cs_job_load(db, uuid, ret, &err), 0);
        if (ret->status != CS_JOB_PENDING)
            return;
        cs_job_release(ret);
        usleep(10000);
    }
    fail_msg("job %s never finished", uuid);
}

static void test_success_and_failure(void **state)
{
    struct cs_db *db = *state;
    struct cs_err err;
    struct cs_job_engine *eng = cs_job_engine_new(db, "ms-1", &err);
    assert_non_null(eng);
    assert_int_equal(cs_job_engine_start(eng, 2, run_fn, code_fn, NULL, &err), 0);
    char ok[37], bad[37];
    cs_job_engine_kick(eng, submit(db, eng, "goodCommand", ok));
    cs_job_engine_kick(eng, submit(db, eng, "failingCommand", bad));
    struct cs_job j;
    wait_done(db, ok, &j);
    assert_int_equal(j.status, CS_JOB_SUCCEEDED);
    assert_int_equal(j.result_code, 0);
    assert_string_equal(j.result, "{\"virtualmachine\":{\"state\":\"Running\"}}");
    assert_true(j.completed >= j.created);
    cs_job_release(&j);
    wait_done(db, bad, &j);
    assert_int_equal(j.status, CS_JOB_FAILED);
    assert_int_equal(j.result_code, 533);
    assert_string_equal(j.result, "{\"errorcode\":533,\"errortext\":\"no \\\"room\\\" at the inn\"}");
    cs_job_release(&j);
    struct cs_vec v = CS_VEC_INIT(struct cs_job);
    assert_int_equal(cs_job_list(db, 2, 0, 0, 1, &v, &err), 0);
    assert_int_equal(v.n, 1);
    assert_int_equal(v.total, 2);
    cs_job_release(CS_VEC_AT(&v, struct cs_job, 0));
    cs_util_vec_release(&v);
    cs_job_engine_free(eng);
}

static void test_restart_fails_pending(void **state)
{
    struct cs_db *db = *state;
    struct cs_err err;
    /* A job committed by a server that died before running it. */
    struct cs_job_engine *dead = cs_job_engine_new(db, "ms-dead", &err);
    char uuid[37];
    submit(db, dead, "goodCommand", uuid);
    cs_job_engine_free(dead);
    struct cs_job_engine *eng = cs_job_engine_new(db, "ms-2", &err);
    assert_int_equal(cs_job_engine_start(eng, 1, run_fn, code_fn, NULL, &err), 0);
    struct cs_job j = {0};
    assert_int_equal(cs_job_load(db, uuid, &j, &err), 0);
    assert_int_equal(j.status, CS_JOB_FAILED);
    assert_int_equal(j.result_code, 530);
    assert_non_null(strstr(j.result, "interrupted by management server restart"));
    cs_job_release(&j);
    cs_job_engine_free(eng);
}

static void test_unknown_job(void **state)
{
    struct cs_err err;
    struct cs_job j = {0};
    assert_int_equal(cs_job_load(*state, "00000000-0000-4000-8000-000000000000", &j, &err),
                     -CS_ERR_NOT_FOUND);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_success_and_failure, setup, teardown),
        cmocka_unit_test_setup_teardown(test_restart_fails_pending, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unknown_job, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
