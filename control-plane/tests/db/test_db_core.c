/* Unit tests of the persistence core: migrations from empty, reopen, transactions, VM state CAS. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "db.h"
#include "db_vm.h"

static char dbpath[256];

static void remove_db(void)
{
    char p[300];
    unlink(dbpath);
    snprintf(p, sizeof(p), "%s-wal", dbpath);
    unlink(p);
    snprintf(p, sizeof(p), "%s-shm", dbpath);
    unlink(p);
}

static int setup(void **state)
{
    snprintf(dbpath, sizeof(dbpath), "/tmp/cstack-test-db-%d.db", (int)getpid());
    remove_db();
    struct cs_err err;
    struct cs_db *db = cs_db_open(dbpath, &err);
    assert_non_null(db);
    *state = db;
    return 0;
}

static int teardown(void **state)
{
    cs_db_free(*state);
    remove_db();
    return 0;
}

static int64_t count_rows(struct cs_db *db, const char *sql)
{
    struct cs_err err;
    sqlite3_stmt *st = cs_db_stmt(db, sql, &err);
    assert_non_null(st);
    assert_int_equal(cs_db_step(db, st, &err), 1);
    int64_t n = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return n;
}

static void test_migrate_from_empty(void **state)
{
    struct cs_db *db = *state;
    int v = cs_db_schema_version(db);
    assert_true(v >= 1);
    static const char *const tables[] = {"domain", "role", "account", "user", "zone", "pod",
                                         "cluster", "host", "storage_pool", "image_store",
                                         "service_offering", "os_type", "template", "vm",
                                         "async_job", "event", "configuration"};
    struct cs_err err;
    sqlite3_stmt *st = cs_db_stmt(
        db, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?1", &err);
    for (size_t i = 0; i < sizeof(tables) / sizeof(tables[0]); i++) {
        cs_db_bind_text(st, 1, tables[i]);
        assert_int_equal(cs_db_step(db, st, &err), 1);
        if (sqlite3_column_int64(st, 0) != 1)
            fail_msg("table %s missing after migration", tables[i]);
        sqlite3_reset(st);
    }
    /* A second open of the same file runs nothing again and keeps the version. */
    struct cs_db *again = cs_db_open(dbpath, &err);
    assert_non_null(again);
    assert_int_equal(cs_db_schema_version(again), v);
    cs_db_free(again);
}

static void test_rollback_leaves_nothing(void **state)
{
    struct cs_db *db = *state;
    struct cs_err err;
    int64_t before = count_rows(db, "SELECT COUNT(*) FROM configuration");
    assert_int_equal(cs_db_begin(db, &err), 0);
    assert_int_equal(cs_db_exec(db, "INSERT INTO configuration(name, value, category) VALUES ('x.y', '1', 'Test')",
                                &err),
                     0);
    cs_db_rollback(db);
    assert_int_equal(count_rows(db, "SELECT COUNT(*) FROM configuration"), before);
    assert_int_equal(cs_db_begin(db, &err), 0);
    assert_int_equal(cs_db_exec(db, "INSERT INTO configuration(name, value, category) VALUES ('x.y', '1', 'Test')",
                                &err),
                     0);
    assert_int_equal(cs_db_commit(db, &err), 0);
    assert_int_equal(count_rows(db, "SELECT COUNT(*) FROM configuration"), before + 1);
}

static void test_bad_sql_is_an_error(void **state)
{
    struct cs_db *db = *state;
    struct cs_err err;
    assert_null(cs_db_stmt(db, "SELECT nonsense FROM nowhere", &err));
    assert_int_equal(err.code, CS_ERR_INTERNAL);
}

static void test_uuid_lookup(void **state)
{
    struct cs_db *db = *state;
    struct cs_err err;
    int64_t id = -1;
    assert_int_equal(
        cs_db_id_by_uuid(db, "vm", "8d7a3a34-0000-4000-8000-000000000000", &id, &err), 0);
    assert_int_equal(id, 0);
}

static void test_vm_transition_is_compare_and_set(void **state)
{
    struct cs_db *db = *state;
    struct cs_err err;
    /* A VM points at an account, a zone, a template, an offering and hosts; this test is about
     * the transition logic, so those rows are not created and foreign keys are off here. */
    assert_int_equal(cs_db_exec(db, "PRAGMA foreign_keys = OFF", &err), 0);
    struct cs_vm vm = {.account_id = 2, .domain_id = 1, .user_id = 2, .zone_id = 1,
                       .template_id = 1, .service_offering_id = 1, .cpus = 1, .cpu_mhz = 500,
                       .mem_mb = 512};
    snprintf(vm.name, sizeof(vm.name), "vm-a");
    snprintf(vm.displayname, sizeof(vm.displayname), "vm-a");
    snprintf(vm.state, sizeof(vm.state), "Stopped");
    assert_int_equal(cs_db_begin(db, &err), 0);
    int rc = cs_db_vm_insert(db, &vm, &err);
    if (rc < 0)
        fail_msg("insert: %s", err.msg);
    assert_int_equal(cs_db_commit(db, &err), 0);
    assert_true(vm.id > 0);

    assert_int_equal(cs_db_vm_transition(db, vm.id, "Stopped", "Starting", 7, 7, &err), 0);
    /* The same move again is refused: the VM is no longer Stopped. */
    assert_int_equal(cs_db_vm_transition(db, vm.id, "Stopped", "Starting", 7, 7, &err),
                     -CS_ERR_STATE);
    assert_int_equal(cs_db_vm_transition(db, vm.id, "Starting", "Running", -1, -1, &err), 0);
    assert_int_equal(cs_db_vm_transition(db, vm.id, "Running", "Stopped", 0, 0, &err), 0);
    /* cs_db_vm_get joins the rows this test did not create: read the columns directly. */
    sqlite3_stmt *st = cs_db_stmt(db,
                                  "SELECT state, host_id IS NULL, capacity_host_id IS NULL,"
                                  " last_host_id FROM vm WHERE id = ?1",
                                  &err);
    cs_db_bind_int(st, 1, vm.id);
    assert_int_equal(cs_db_step(db, st, &err), 1);
    assert_string_equal((const char *)sqlite3_column_text(st, 0), "Stopped");
    assert_int_equal(sqlite3_column_int(st, 1), 1);
    assert_int_equal(sqlite3_column_int(st, 2), 1);
    assert_int_equal(sqlite3_column_int64(st, 3), 7);
    sqlite3_reset(st);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_migrate_from_empty, setup, teardown),
        cmocka_unit_test_setup_teardown(test_rollback_leaves_nothing, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bad_sql_is_an_error, setup, teardown),
        cmocka_unit_test_setup_teardown(test_uuid_lookup, setup, teardown),
        cmocka_unit_test_setup_teardown(test_vm_transition_is_compare_and_set, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
