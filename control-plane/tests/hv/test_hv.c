/* Tests of the hypervisor driver layer: the registry, the wrappers and the sim driver. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "hv_driver.h"
#include "hv_sim.h"

struct seen {
    int host_events;
    char host[64];
    bool up;
};

static void host_state(void *ud, const char *host_uuid, bool up)
{
    struct seen *s = ud;
    s->host_events++;
    snprintf(s->host, sizeof(s->host), "%s", host_uuid);
    s->up = up;
}

static struct seen g_seen;
static const struct cs_hv_events g_events = {&g_seen, host_state, NULL};

#define H1 "11111111-1111-1111-1111-111111111111"
#define H2 "22222222-2222-2222-2222-222222222222"
#define VM1 "aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa"

static int setup(void **state)
{
    static struct cs_hv hv;
    struct cs_err err;
    memset(&g_seen, 0, sizeof(g_seen));
    if (cs_hv_open(&hv, cs_hv_driver_find("sim"), "latency=0,seed=42", &g_events, &err) < 0)
        return -1;
    struct cs_hv_host_spec spec = {
        .uuid = H1,
        .url = "http://sim/c0/h0/cpucore=32&memory=274877906944",
        .zone_uuid = "z1",
        .pod_uuid = "p1",
        .cluster_uuid = "c1",
    };
    struct cs_hv_host_facts facts;
    if (cs_hv_host_connect(&hv, &spec, &facts, &err) < 0)
        return -1;
    *state = &hv;
    return 0;
}

static int teardown(void **state)
{
    cs_hv_close(*state);
    return 0;
}

static const struct cs_hv_vm_spec vm1 = {
    .uuid = VM1, .instance_name = "i-2-5-VM", .cpus = 2, .cpu_mhz = 1000, .mem_mb = 2048};

static void test_registry(void **state)
{
    const struct cs_hv_driver *d = cs_hv_driver_find("sim");
    assert_ptr_equal(d, &cs_hv_sim_driver);
    assert_string_equal(d->hypervisor, "Simulator");
    assert_ptr_equal(cs_hv_driver_for_hypervisor("Simulator"), d);
    assert_ptr_equal(cs_hv_driver_for_hypervisor("simulator"), d);
    assert_null(cs_hv_driver_find("nope"));
    assert_null(cs_hv_driver_find(NULL));
    assert_null(cs_hv_driver_for_hypervisor("XenServer"));
    bool found = false;
    for (const struct cs_hv_driver *const *p = cs_hv_drivers(); *p; p++)
        found |= *p == d;
    assert_true(found);
    cs_hv_close(NULL);
    struct cs_hv closed = {0};
    cs_hv_close(&closed);
    struct cs_err err;
    assert_int_equal(cs_hv_open(&closed, NULL, NULL, NULL, &err), -CS_ERR_PARAM);
}

static void test_connect_facts(void **state)
{
    struct cs_hv *hv = *state;
    struct cs_err err;
    struct cs_hv_host_facts f;
    struct cs_hv_host_spec spec = {.uuid = H2, .url = "http://sim/c0/h2/cpuspeed=2400"};
    assert_int_equal(cs_hv_host_connect(hv, &spec, &f, &err), 0);
    assert_int_equal(f.cpu_cores, 4);
    assert_int_equal(f.cpu_mhz, 2400);
    assert_int_equal(f.cpu_sockets, 1);
    assert_true(f.mem_bytes == 8LL * 1024 * 1024 * 1024);
    assert_true(f.local_storage_bytes == 1024LL * 1024 * 1024 * 1024);
    assert_string_equal(f.arch, "x86_64");
    assert_string_equal(f.name, "SimulatedAgent." H2);
    assert_true(f.hypervisor_version[0] != '\0');
    assert_true(strncmp(f.ipaddress, "172.16.", 7) == 0);

    /* the overrides of setup's host: reconnecting reports it unchanged */
    struct cs_hv_host_spec again = {.uuid = H1, .url = "http://sim/c0/h0"};
    assert_int_equal(cs_hv_host_connect(hv, &again, &f, &err), 0);
    assert_int_equal(f.cpu_cores, 32);
    assert_true(f.mem_bytes == 274877906944LL);

    struct cs_hv_host_spec bad = {.uuid = "h3", .url = "http://example.com/c0/h0"};
    memset(&f, 0x5a, sizeof(f));
    assert_int_equal(cs_hv_host_connect(hv, &bad, &f, &err), -CS_ERR_PARAM);
    assert_int_equal(err.code, CS_ERR_PARAM);
    assert_int_equal(f.cpu_cores, 0x5a5a5a5a); /* not written on failure */
    bad.url = "http://sim/c0/cpucore=lots";
    assert_int_equal(cs_hv_host_connect(hv, &bad, &f, &err), -CS_ERR_PARAM);

    assert_int_equal(cs_hv_host_disconnect(hv, H2, &err), 0);
    assert_int_equal(cs_hv_vm_start(hv, H2, &vm1, &err), -CS_ERR_UNAVAILABLE);
}

static enum cs_hv_power power(struct cs_hv *hv, const char *host, const char *vm)
{
    enum cs_hv_power p = CS_HV_POWER_UNKNOWN;
    struct cs_err err;
    assert_int_equal(cs_hv_vm_power(hv, host, vm, &p, &err), 0);
    return p;
}

struct listed {
    int n;
    int on;
    char last[64];
};

static void list_vm(void *ud, const struct cs_hv_vm_report *vm)
{
    struct listed *l = ud;
    l->n++;
    l->on += vm->power == CS_HV_POWER_ON;
    snprintf(l->last, sizeof(l->last), "%s", vm->uuid);
}

static void test_lifecycle(void **state)
{
    struct cs_hv *hv = *state;
    struct cs_err err;
    assert_int_equal(power(hv, H1, VM1), CS_HV_POWER_OFF);
    assert_int_equal(cs_hv_vm_start(hv, H1, &vm1, &err), 0);
    assert_int_equal(power(hv, H1, VM1), CS_HV_POWER_ON);
    assert_int_equal(cs_hv_vm_start(hv, H1, &vm1, &err), -CS_ERR_STATE);
    assert_int_equal(cs_hv_vm_reboot(hv, H1, VM1, &err), 0);
    struct listed l = {0};
    assert_int_equal(cs_hv_vm_list(hv, H1, list_vm, &l, &err), 0);
    assert_int_equal(l.n, 1);
    assert_int_equal(l.on, 1);
    assert_string_equal(l.last, VM1);

    assert_int_equal(cs_hv_vm_stop(hv, H1, VM1, false, &err), 0);
    assert_int_equal(power(hv, H1, VM1), CS_HV_POWER_OFF);
    assert_int_equal(cs_hv_vm_stop(hv, H1, VM1, true, &err), 0); /* idempotent */
    assert_int_equal(cs_hv_vm_reboot(hv, H1, VM1, &err), -CS_ERR_STATE);
    assert_int_equal(cs_hv_vm_destroy(hv, H1, VM1, &err), 0);
    assert_int_equal(cs_hv_vm_destroy(hv, H1, VM1, &err), 0); /* idempotent */
    assert_int_equal(cs_hv_vm_reboot(hv, H1, VM1, &err), -CS_ERR_NOT_FOUND);
    memset(&l, 0, sizeof(l));
    assert_int_equal(cs_hv_vm_list(hv, H1, list_vm, &l, &err), 0);
    assert_int_equal(l.n, 0);

    /* adopt after a restart: the VM is running again as far as the host knows */
    assert_int_equal(cs_hv_vm_adopt(hv, H1, &vm1, CS_HV_POWER_ON, &err), 0);
    assert_int_equal(power(hv, H1, VM1), CS_HV_POWER_ON);
    assert_int_equal(cs_hv_vm_adopt(hv, H1, &vm1, CS_HV_POWER_UNKNOWN, &err), -CS_ERR_PARAM);
    assert_int_equal(cs_hv_vm_start(hv, "no-such-host", &vm1, &err), -CS_ERR_UNAVAILABLE);
}

static void test_host_down(void **state)
{
    struct cs_hv *hv = *state;
    struct cs_err err;
    assert_int_equal(cs_hv_vm_start(hv, H1, &vm1, &err), 0);
    assert_int_equal(cs_hv_sim_host_set_state(hv, H1, false, &err), 0);
    assert_int_equal(g_seen.host_events, 1);
    assert_string_equal(g_seen.host, H1);
    assert_false(g_seen.up);
    enum cs_hv_power p;
    assert_int_equal(cs_hv_vm_power(hv, H1, VM1, &p, &err), -CS_ERR_UNAVAILABLE);
    assert_non_null(strstr(err.msg, "unreachable"));
    assert_int_equal(cs_hv_sim_host_ping(hv, H1, &err), -CS_ERR_UNAVAILABLE);
    assert_int_equal(cs_hv_sim_host_set_state(hv, H1, true, &err), 0);
    assert_int_equal(g_seen.host_events, 2);
    assert_true(g_seen.up);
    assert_int_equal(cs_hv_sim_host_ping(hv, H1, &err), 0);
    assert_int_equal(power(hv, H1, VM1), CS_HV_POWER_ON);
}

static void test_unsupported(void **state)
{
    /* a driver with only a name: every wrapper reports what is missing */
    static const struct cs_hv_driver bare = {.name = "bare", .hypervisor = "None"};
    struct cs_hv hv;
    struct cs_err err;
    assert_int_equal(cs_hv_open(&hv, &bare, NULL, NULL, &err), 0);
    assert_int_equal(cs_hv_vm_start(&hv, H1, &vm1, &err), -CS_ERR_UNSUPPORTED);
    assert_int_equal(err.code, CS_ERR_UNSUPPORTED);
    assert_string_equal(err.msg, "driver 'bare' does not support vm_start");
    assert_int_equal(cs_hv_vm_stop(&hv, H1, VM1, false, &err), -CS_ERR_UNSUPPORTED);
    assert_int_equal(cs_hv_vm_reboot(&hv, H1, VM1, &err), -CS_ERR_UNSUPPORTED);
    assert_int_equal(cs_hv_vm_destroy(&hv, H1, VM1, &err), -CS_ERR_UNSUPPORTED);
    enum cs_hv_power p;
    assert_int_equal(cs_hv_vm_power(&hv, H1, VM1, &p, &err), -CS_ERR_UNSUPPORTED);
    assert_int_equal(cs_hv_vm_list(&hv, H1, list_vm, NULL, &err), -CS_ERR_UNSUPPORTED);
    assert_int_equal(cs_hv_vm_adopt(&hv, H1, &vm1, CS_HV_POWER_ON, &err), -CS_ERR_UNSUPPORTED);
    struct cs_hv_host_facts f;
    struct cs_hv_host_spec spec = {.uuid = H1, .url = "http://sim/c/h"};
    assert_int_equal(cs_hv_host_connect(&hv, &spec, &f, &err), -CS_ERR_UNSUPPORTED);
    assert_string_equal(err.msg, "driver 'bare' does not support host_connect");
    assert_int_equal(cs_hv_host_disconnect(&hv, H1, &err), -CS_ERR_UNSUPPORTED);
    /* the simulator controls refuse another driver */
    long id;
    struct cs_hv_sim_mock m = {.name = "StartCommand", .count = 1, .probability = 1};
    assert_false(cs_hv_is_sim(&hv));
    assert_int_equal(cs_hv_sim_mock_add(&hv, &m, &id, &err), -CS_ERR_UNSUPPORTED);
    assert_int_equal(cs_hv_sim_host_set_state(&hv, H1, false, &err), -CS_ERR_UNSUPPORTED);
    cs_hv_close(&hv);
    /* a closed handle is not a crash */
    assert_int_equal(cs_hv_vm_start(&hv, H1, &vm1, &err), -CS_ERR_INTERNAL);
}

struct mocks {
    int n;
    long last_id;
};

static void list_mock(void *ud, const struct cs_hv_sim_mock_info *m)
{
    struct mocks *c = ud;
    c->n++;
    c->last_id = m->id;
}

static void test_fault_count(void **state)
{
    struct cs_hv *hv = *state;
    struct cs_err err;
    struct cs_hv_sim_mock m = {
        .name = "StartCommand", .value = "result:fail", .host_uuid = H1, .count = 3,
        .probability = 1};
    long id = 0;
    assert_true(cs_hv_is_sim(hv));
    assert_int_equal(cs_hv_sim_mock_add(hv, &m, &id, &err), 0);
    assert_true(id > 0);
    int failed = 0;
    for (int i = 0; i < 10; i++) {
        int rc = cs_hv_vm_start(hv, H1, &vm1, &err);
        if (rc < 0) {
            assert_int_equal(rc, -CS_ERR_INTERNAL);
            assert_string_equal(err.msg, "Simulated failure");
            failed++;
            continue;
        }
        assert_int_equal(cs_hv_vm_stop(hv, H1, VM1, false, &err), 0);
    }
    assert_int_equal(failed, 3);
    struct cs_hv_sim_mock_info info;
    assert_int_equal(cs_hv_sim_mock_get(hv, id, &info, &err), 0);
    assert_int_equal(info.count, 0);
    assert_string_equal(info.name, "StartCommand");
    assert_string_equal(info.host_uuid, H1);
    assert_string_equal(info.zone_uuid, "");

    struct cs_hv_sim_mock fault = {.name = "RebootCommand", .value = "result:fault",
                                   .count = -1, .probability = 1};
    long fid;
    assert_int_equal(cs_hv_sim_mock_add(hv, &fault, &fid, &err), 0);
    assert_int_equal(cs_hv_vm_start(hv, H1, &vm1, &err), 0);
    assert_int_equal(cs_hv_vm_reboot(hv, H1, VM1, &err), -CS_ERR_INTERNAL);
    assert_string_equal(err.msg, "Simulated fault");
    struct mocks c = {0};
    assert_int_equal(cs_hv_sim_mock_list(hv, list_mock, &c, &err), 0);
    assert_int_equal(c.n, 2);
    assert_int_equal(c.last_id, fid);
    assert_int_equal(cs_hv_sim_mock_remove(hv, fid, &err), 0);
    assert_int_equal(cs_hv_sim_mock_remove(hv, fid, &err), -CS_ERR_NOT_FOUND);
    assert_int_equal(cs_hv_sim_mock_get(hv, fid, &info, &err), -CS_ERR_NOT_FOUND);
    assert_int_equal(cs_hv_vm_reboot(hv, H1, VM1, &err), 0);

    struct cs_hv_sim_mock bad = {.name = "StartCommand", .value = "result:sometimes",
                                 .count = 1, .probability = 1};
    assert_int_equal(cs_hv_sim_mock_add(hv, &bad, &id, &err), -CS_ERR_PARAM);
}

static void test_config(void **state)
{
    struct cs_hv hv;
    struct cs_err err;
    const struct cs_hv_driver *d = cs_hv_driver_find("sim");
    /* unknown keys belong to other drivers; bad values of known keys are refused */
    assert_int_equal(cs_hv_open(&hv, d, "uri=test:///default, latency.start=uniform:0:0,"
                                        "scale=0,seed=1",
                                NULL, &err),
                     0);
    cs_hv_close(&hv);
    assert_int_equal(cs_hv_open(&hv, d, NULL, NULL, &err), 0);
    assert_int_equal(cs_hv_sim_latency_set(&hv, NULL, NULL, "c1", NULL, "StartCommand",
                                           "lognormal:5:0.5", &err),
                     0);
    assert_int_equal(cs_hv_sim_latency_set(&hv, NULL, NULL, NULL, NULL, "FlyCommand", "1", &err),
                     -CS_ERR_PARAM);
    assert_int_equal(cs_hv_sim_latency_set(&hv, NULL, NULL, NULL, NULL, "StartCommand", "x", &err),
                     -CS_ERR_PARAM);
    cs_hv_close(&hv);
    static const char *const bad[] = {"latency=fast", "latency.warp=1", "scale=-1", "seed=x",
                                      "latency"};
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        hv.drv = NULL;
        if (cs_hv_open(&hv, d, bad[i], NULL, &err) != -CS_ERR_PARAM)
            fail_msg("config '%s' accepted", bad[i]);
        assert_null(hv.drv); /* not written on failure */
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_registry),
        cmocka_unit_test_setup_teardown(test_connect_facts, setup, teardown),
        cmocka_unit_test_setup_teardown(test_lifecycle, setup, teardown),
        cmocka_unit_test_setup_teardown(test_host_down, setup, teardown),
        cmocka_unit_test(test_unsupported),
        cmocka_unit_test_setup_teardown(test_fault_count, setup, teardown),
        cmocka_unit_test(test_config),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
