/* Tests of simulated hosts and the VM lifecycle, including illegal transitions and host down. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "sim.h"

struct events {
    int calls;
    char last_host[SIM_ID_MAX];
    bool last_up;
};

static void on_host_state(void *ud, const char *host_id, bool up)
{
    struct events *ev = ud;
    ev->calls++;
    snprintf(ev->last_host, sizeof(ev->last_host), "%s", host_id);
    ev->last_up = up;
}

static struct events g_events;

static int setup(void **state)
{
    memset(&g_events, 0, sizeof(g_events));
    struct sim_world_opts o = {.seed = 1, .latency_scale = 0, .on_host_state = on_host_state,
                               .ud = &g_events};
    struct sim_world *w = sim_world_new(&o);
    if (!w)
        return -1;
    struct sim_err err;
    struct sim_host_info info;
    struct sim_host_spec h1 = {"h1", "http://sim/c0/h1", "z1", "p1", "c1"};
    struct sim_host_spec h2 = {"h2", "http://sim/c0/h2/cpucore=16", "z1", "p1", "c1"};
    if (sim_host_add(w, &h1, &info, &err) < 0 || sim_host_add(w, &h2, &info, &err) < 0)
        return -1;
    *state = w;
    return 0;
}

static int teardown(void **state)
{
    sim_world_free(*state);
    return 0;
}

static const struct sim_vm_spec vm1 = {"vm1", 2, 1000, 2048};

static enum sim_power power(struct sim_world *w, const char *host, const char *vm)
{
    enum sim_power p = SIM_POWER_ON;
    struct sim_err err;
    assert_int_equal(sim_vm_power(w, host, vm, &p, &err), 0);
    return p;
}

static void test_host_facts(void **state)
{
    struct sim_world *w = *state;
    struct sim_host_info a, b;
    struct sim_err err;
    assert_int_equal(sim_host_get(w, "h1", &a, &err), 0);
    assert_int_equal(sim_host_get(w, "h2", &b, &err), 0);
    assert_string_equal(a.name, "SimulatedAgent.h1");
    assert_int_equal(a.hw.cpu_cores, 4);
    assert_int_equal(b.hw.cpu_cores, 16);
    assert_string_equal(a.version, "4.22");
    assert_true(a.up);
    assert_true(strncmp(a.ipaddress, "172.16.", 7) == 0);
    assert_string_not_equal(a.ipaddress, b.ipaddress);
    /* a reconnect reports the same host */
    struct sim_host_spec again = {"h1", "http://sim/c0/h1/cpucore=99", NULL, NULL, NULL};
    struct sim_host_info c;
    assert_int_equal(sim_host_add(w, &again, &c, &err), 0);
    assert_int_equal(c.hw.cpu_cores, 4);
    assert_string_equal(c.ipaddress, a.ipaddress);
    /* bad inputs */
    struct sim_host_spec bad = {"h3", "http://nosim/c0", NULL, NULL, NULL};
    assert_int_equal(sim_host_add(w, &bad, &c, &err), -SIM_ERR_PARAM);
    struct sim_host_spec noid = {"", "http://sim/c0", NULL, NULL, NULL};
    assert_int_equal(sim_host_add(w, &noid, &c, &err), -SIM_ERR_PARAM);
    assert_int_equal(sim_host_get(w, "nope", &c, &err), -SIM_ERR_NO_HOST);
    struct sim_world_stats st;
    sim_world_stats(w, &st);
    assert_int_equal(st.hosts, 2);
    assert_int_equal(st.hosts_up, 2);
}

static void test_lifecycle(void **state)
{
    struct sim_world *w = *state;
    struct sim_err err;
    assert_int_equal(power(w, "h1", "vm1"), SIM_POWER_OFF); /* unknown = off */
    assert_int_equal(sim_vm_start(w, "h1", &vm1, &err), 0);
    assert_int_equal(power(w, "h1", "vm1"), SIM_POWER_ON);
    assert_int_equal(power(w, "h2", "vm1"), SIM_POWER_OFF); /* not there */
    struct sim_vm_info vi;
    assert_int_equal(sim_vm_get(w, "vm1", &vi, &err), 0);
    assert_string_equal(vi.host_id, "h1");
    assert_int_equal(vi.cpus, 2);
    assert_int_equal(vi.cpu_mhz, 1000);
    assert_int_equal(vi.mem_mb, 2048);

    assert_int_equal(sim_vm_reboot(w, "h1", "vm1", &err), 0);
    assert_int_equal(power(w, "h1", "vm1"), SIM_POWER_ON);
    assert_int_equal(sim_vm_stop(w, "h1", "vm1", &err), 0);
    assert_int_equal(power(w, "h1", "vm1"), SIM_POWER_OFF);
    assert_int_equal(sim_vm_stop(w, "h1", "vm1", &err), 0); /* idempotent */
    /* a stopped VM may start elsewhere: the record moves */
    assert_int_equal(sim_vm_start(w, "h2", &vm1, &err), 0);
    assert_int_equal(sim_vm_get(w, "vm1", &vi, &err), 0);
    assert_string_equal(vi.host_id, "h2");
    struct sim_host_info hi;
    assert_int_equal(sim_host_get(w, "h1", &hi, &err), 0);
    assert_int_equal(hi.vms, 0);
    assert_int_equal(sim_vm_destroy(w, "h2", "vm1", &err), 0);
    assert_int_equal(sim_vm_get(w, "vm1", &vi, &err), -SIM_ERR_NOT_FOUND);
    assert_int_equal(sim_vm_destroy(w, "h2", "vm1", &err), 0); /* idempotent */
    struct sim_world_stats st;
    sim_world_stats(w, &st);
    assert_int_equal(st.vms, 0);
    assert_int_equal(st.vms_running, 0);
}

static void test_illegal(void **state)
{
    struct sim_world *w = *state;
    struct sim_err err;
    assert_int_equal(sim_vm_start(w, "h1", &vm1, &err), 0);
    assert_int_equal(sim_vm_start(w, "h1", &vm1, &err), -SIM_ERR_STATE);
    assert_int_equal(err.code, SIM_ERR_STATE);
    assert_int_equal(sim_vm_start(w, "h2", &vm1, &err), -SIM_ERR_STATE); /* runs on h1 */
    assert_int_equal(sim_vm_reboot(w, "h2", "vm1", &err), -SIM_ERR_NOT_FOUND);
    assert_int_equal(sim_vm_stop(w, "h1", "vm1", &err), 0);
    assert_int_equal(sim_vm_reboot(w, "h1", "vm1", &err), -SIM_ERR_STATE);
    assert_int_equal(sim_vm_reboot(w, "h1", "ghost", &err), -SIM_ERR_NOT_FOUND);
    assert_int_equal(sim_vm_start(w, "nohost", &vm1, &err), -SIM_ERR_NO_HOST);
    struct sim_vm_spec noid = {NULL, 1, 1, 1};
    assert_int_equal(sim_vm_start(w, "h1", &noid, &err), -SIM_ERR_PARAM);
    struct sim_vm_spec neg = {"vmx", -1, 1, 1};
    assert_int_equal(sim_vm_start(w, "h1", &neg, &err), -SIM_ERR_PARAM);
    char longid[SIM_ID_MAX + 4];
    memset(longid, 'a', sizeof(longid) - 1);
    longid[sizeof(longid) - 1] = '\0';
    assert_int_equal(sim_vm_stop(w, "h1", longid, &err), -SIM_ERR_PARAM);
}

static void test_host_down(void **state)
{
    struct sim_world *w = *state;
    struct sim_err err;
    assert_int_equal(sim_vm_start(w, "h1", &vm1, &err), 0);
    assert_int_equal(sim_host_set_up(w, "h1", false, &err), 0);
    assert_int_equal(g_events.calls, 1);
    assert_string_equal(g_events.last_host, "h1");
    assert_false(g_events.last_up);
    assert_int_equal(sim_host_set_up(w, "h1", false, &err), 0); /* no change, no event */
    assert_int_equal(g_events.calls, 1);

    enum sim_power p;
    assert_int_equal(sim_vm_power(w, "h1", "vm1", &p, &err), -SIM_ERR_HOST_DOWN);
    assert_non_null(strstr(err.msg, "unreachable"));
    assert_int_equal(sim_vm_stop(w, "h1", "vm1", &err), -SIM_ERR_HOST_DOWN);
    assert_int_equal(sim_vm_start(w, "h1", &(struct sim_vm_spec){"vm2", 1, 1, 1}, &err),
                     -SIM_ERR_HOST_DOWN);
    assert_int_equal(sim_vm_destroy(w, "h1", "vm1", &err), -SIM_ERR_HOST_DOWN);
    assert_int_equal(sim_host_ping(w, "h1", &err), -SIM_ERR_HOST_DOWN);
    assert_int_equal(sim_host_ping(w, "h2", &err), 0);
    struct sim_world_stats st;
    sim_world_stats(w, &st);
    assert_int_equal(st.hosts_up, 1);

    assert_int_equal(sim_host_set_up(w, "h1", true, &err), 0);
    assert_int_equal(g_events.calls, 2);
    assert_true(g_events.last_up);
    assert_int_equal(power(w, "h1", "vm1"), SIM_POWER_ON); /* its VMs come back as they were */
    assert_int_equal(sim_host_set_up(w, "nohost", false, &err), -SIM_ERR_NO_HOST);
}

struct listed {
    int n;
    int on;
};

static void count_vm(void *ud, const struct sim_vm_info *vm)
{
    struct listed *l = ud;
    l->n++;
    if (vm->power == SIM_POWER_ON)
        l->on++;
}

static void test_list_adopt_remove(void **state)
{
    struct sim_world *w = *state;
    struct sim_err err;
    char id[16];
    for (int i = 0; i < 10; i++) {
        snprintf(id, sizeof(id), "v%d", i);
        struct sim_vm_spec s = {id, 1, 500, 512};
        assert_int_equal(sim_vm_start(w, "h1", &s, &err), 0);
    }
    assert_int_equal(sim_vm_stop(w, "h1", "v3", &err), 0);
    assert_int_equal(sim_vm_destroy(w, "h1", "v5", &err), 0);
    struct listed l = {0};
    assert_int_equal(sim_vm_list(w, "h1", count_vm, &l, &err), 0);
    assert_int_equal(l.n, 9);
    assert_int_equal(l.on, 8);

    /* adopt: recreate records after a restart, on or off, replacing what was known */
    struct sim_vm_spec a = {"adopted", 4, 2000, 4096};
    assert_int_equal(sim_vm_adopt(w, "h2", &a, SIM_POWER_ON, &err), 0);
    assert_int_equal(power(w, "h2", "adopted"), SIM_POWER_ON);
    assert_int_equal(sim_vm_start(w, "h2", &a, &err), -SIM_ERR_STATE);
    struct sim_vm_spec v0 = {"v0", 1, 500, 512};
    assert_int_equal(sim_vm_adopt(w, "h2", &v0, SIM_POWER_OFF, &err), 0);
    assert_int_equal(power(w, "h1", "v0"), SIM_POWER_OFF);
    assert_int_equal(power(w, "h2", "v0"), SIM_POWER_OFF);
    assert_int_equal(sim_vm_adopt(w, "nohost", &a, SIM_POWER_ON, &err), -SIM_ERR_NO_HOST);

    /* removing a host forgets its VMs */
    assert_int_equal(sim_host_remove(w, "h1", &err), 0);
    assert_int_equal(sim_host_remove(w, "h1", &err), 0);
    struct sim_vm_info vi;
    assert_int_equal(sim_vm_get(w, "v1", &vi, &err), -SIM_ERR_NOT_FOUND);
    struct sim_world_stats st;
    sim_world_stats(w, &st);
    assert_int_equal(st.hosts, 1);
    assert_int_equal(st.vms, 2);
    assert_int_equal(st.vms_running, 1);
    assert_int_equal(sim_vm_list(w, "h1", count_vm, &l, &err), -SIM_ERR_NO_HOST);
}

static void test_many(void **state)
{
    struct sim_world *w = *state;
    struct sim_err err;
    char hid[32], vid[32];
    for (int i = 0; i < 2000; i++) {
        snprintf(hid, sizeof(hid), "host-%d", i);
        struct sim_host_spec hs = {hid, "http://sim/c/h", "z", "p", "c"};
        struct sim_host_info hi;
        assert_int_equal(sim_host_add(w, &hs, &hi, &err), 0);
        for (int j = 0; j < 10; j++) {
            snprintf(vid, sizeof(vid), "vm-%d-%d", i, j);
            struct sim_vm_spec vs = {vid, 1, 100, 128};
            assert_int_equal(sim_vm_start(w, hid, &vs, &err), 0);
        }
    }
    struct sim_world_stats st;
    sim_world_stats(w, &st);
    assert_int_equal(st.hosts, 2002);
    assert_int_equal(st.vms, 20000);
    struct sim_vm_info vi;
    assert_int_equal(sim_vm_get(w, "vm-1234-7", &vi, &err), 0);
    assert_string_equal(vi.host_id, "host-1234");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_host_facts, setup, teardown),
        cmocka_unit_test_setup_teardown(test_lifecycle, setup, teardown),
        cmocka_unit_test_setup_teardown(test_illegal, setup, teardown),
        cmocka_unit_test_setup_teardown(test_host_down, setup, teardown),
        cmocka_unit_test_setup_teardown(test_list_adopt_remove, setup, teardown),
        cmocka_unit_test_setup_teardown(test_many, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
