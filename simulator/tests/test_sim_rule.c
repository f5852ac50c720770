/* Tests of fault rules: value parsing, scope matching, counting, lowest id wins, probability. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "sim.h"

static int setup(void **state)
{
    struct sim_world_opts o = {.seed = 7, .latency_scale = 0};
    struct sim_world *w = sim_world_new(&o);
    if (!w)
        return -1;
    struct sim_err err;
    struct sim_host_info info;
    struct sim_host_spec h1 = {"h1", "http://sim/c0/h1", "z1", "p1", "c1"};
    struct sim_host_spec h2 = {"h2", "http://sim/c0/h2", "z1", "p1", "c2"};
    struct sim_host_spec h3 = {"h3", "http://sim/c0/h3", "z2", "p2", "c3"};
    if (sim_host_add(w, &h1, &info, &err) < 0 || sim_host_add(w, &h2, &info, &err) < 0 ||
        sim_host_add(w, &h3, &info, &err) < 0)
        return -1;
    *state = w;
    return 0;
}

static int teardown(void **state)
{
    sim_world_free(*state);
    return 0;
}

static long add(struct sim_world *w, const char *name, const char *value, struct sim_scope sc,
                long count)
{
    struct sim_rule_spec s = {name, value, sc, count, 1.0};
    struct sim_err err;
    long id = 0;
    assert_int_equal(sim_rule_add(w, &s, &id, &err), 0);
    return id;
}

/* Starts then stops vm on host; returns the start's result. */
static int start(struct sim_world *w, const char *host, const char *vm, struct sim_err *err)
{
    struct sim_vm_spec s = {vm, 1, 100, 128};
    int rc = sim_vm_start(w, host, &s, err);
    if (rc == 0) {
        struct sim_err e2;
        assert_int_equal(sim_vm_stop(w, host, vm, &e2), 0);
    }
    return rc;
}

static void test_parse(void **state)
{
    struct sim_rule_action a;
    struct sim_err err;
    assert_int_equal(sim_rule_parse_value("result:fail", &a, &err), 0);
    assert_true(a.fail);
    assert_false(a.fault);
    assert_true(a.enabled);
    assert_int_equal(a.wait_ms, 0);
    assert_int_equal(sim_rule_parse_value("wait:250|result:fault|timeout:3", &a, &err), 0);
    assert_true(a.fault);
    assert_int_equal(a.wait_ms, 250);
    assert_int_equal(a.timeout, 3);
    assert_int_equal(sim_rule_parse_value("enabled:false", &a, &err), 0);
    assert_false(a.enabled);
    assert_false(a.fail);
    assert_int_equal(sim_rule_parse_value(NULL, &a, &err), 0); /* default: result:fail */
    assert_true(a.fail);
    static const char *const bad[] = {"result", "result:maybe", "wait:-1", "wait:x",
                                      "colour:red", "enabled:yes", "|", "wait:5||"};
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        int rc = sim_rule_parse_value(bad[i], &a, &err);
        if (rc != -SIM_ERR_PARAM)
            fail_msg("value '%s' accepted", bad[i]);
    }
    /* rule specs are validated too */
    struct sim_world *w = *state;
    long id;
    struct sim_rule_spec s = {"StartCommand", "bogus", {0}, 1, 1.0};
    assert_int_equal(sim_rule_add(w, &s, &id, &err), -SIM_ERR_PARAM);
    s.value = "result:fail";
    s.count = -2;
    assert_int_equal(sim_rule_add(w, &s, &id, &err), -SIM_ERR_PARAM);
    s.count = 1;
    s.probability = 1.5;
    assert_int_equal(sim_rule_add(w, &s, &id, &err), -SIM_ERR_PARAM);
    s.probability = 1;
    s.name = "";
    assert_int_equal(sim_rule_add(w, &s, &id, &err), -SIM_ERR_PARAM);
    struct sim_world_stats st;
    sim_world_stats(w, &st);
    assert_int_equal(st.rules, 0);
}

static void test_count(void **state)
{
    struct sim_world *w = *state;
    struct sim_err err;
    long id = add(w, "StartCommand", "result:fail", (struct sim_scope){0}, 2);
    assert_int_equal(id, 1);
    assert_int_equal(start(w, "h1", "a", &err), -SIM_ERR_FAIL);
    assert_string_equal(err.msg, "Simulated failure");
    struct sim_rule_info ri;
    assert_int_equal(sim_rule_get(w, id, &ri, &err), 0);
    assert_int_equal(ri.count, 1);
    assert_int_equal(start(w, "h2", "a", &err), -SIM_ERR_FAIL);
    assert_int_equal(start(w, "h1", "a", &err), 0); /* used up */
    assert_int_equal(sim_rule_get(w, id, &ri, &err), 0);
    assert_int_equal(ri.count, 0);
    /* failed starts changed nothing */
    struct sim_vm_info vi;
    assert_int_equal(sim_vm_get(w, "a", &vi, &err), 0);
    assert_int_equal(vi.power, SIM_POWER_OFF);
    /* other commands are not affected */
    long stop_id = add(w, "StopCommand", "result:fault", (struct sim_scope){0}, -1);
    struct sim_vm_spec s = {"b", 1, 1, 1};
    assert_int_equal(sim_vm_start(w, "h1", &s, &err), 0);
    for (int i = 0; i < 5; i++) {
        assert_int_equal(sim_vm_stop(w, "h1", "b", &err), -SIM_ERR_FAULT);
        assert_string_equal(err.msg, "Simulated fault");
    }
    assert_int_equal(sim_rule_get(w, stop_id, &ri, &err), 0);
    assert_int_equal(ri.count, -1);
    assert_true(ri.fault);
    assert_int_equal(sim_rule_remove(w, stop_id, &err), 0);
    assert_int_equal(sim_rule_remove(w, stop_id, &err), -SIM_ERR_NOT_FOUND);
    assert_int_equal(sim_rule_get(w, stop_id, &ri, &err), -SIM_ERR_NOT_FOUND);
    assert_int_equal(sim_vm_stop(w, "h1", "b", &err), 0);
}

static void test_scope(void **state)
{
    struct sim_world *w = *state;
    struct sim_err err;
    add(w, "StartCommand", "result:fail", (struct sim_scope){.host = "h2"}, -1);
    add(w, "StartCommand", "result:fail", (struct sim_scope){.cluster = "c3"}, -1);
    assert_int_equal(start(w, "h1", "a", &err), 0);
    assert_int_equal(start(w, "h2", "a", &err), -SIM_ERR_FAIL);
    assert_int_equal(start(w, "h3", "a", &err), -SIM_ERR_FAIL);
    sim_rule_clear(w);
    add(w, "StartCommand", "result:fail", (struct sim_scope){.zone = "z2"}, -1);
    add(w, "PingCommand", "result:fail", (struct sim_scope){.zone = "z1", .pod = "p1"}, -1);
    assert_int_equal(start(w, "h1", "a", &err), 0);
    assert_int_equal(start(w, "h3", "a", &err), -SIM_ERR_FAIL);
    assert_int_equal(sim_host_ping(w, "h1", &err), -SIM_ERR_FAIL);
    assert_int_equal(sim_host_ping(w, "h2", &err), -SIM_ERR_FAIL);
    assert_int_equal(sim_host_ping(w, "h3", &err), 0);
    /* a connect rule scoped to a host id applies before the host exists */
    add(w, "ReadyCommand", "result:fail", (struct sim_scope){.host = "h9"}, 1);
    struct sim_host_spec h9 = {"h9", "http://sim/c/h9", "z1", "p1", "c1"};
    struct sim_host_info hi;
    assert_int_equal(sim_host_add(w, &h9, &hi, &err), -SIM_ERR_FAIL);
    assert_int_equal(sim_host_get(w, "h9", &hi, &err), -SIM_ERR_NO_HOST);
    assert_int_equal(sim_host_add(w, &h9, &hi, &err), 0);
}

static void test_lowest_id_wins(void **state)
{
    struct sim_world *w = *state;
    struct sim_err err;
    /* the global rule has the lower id: it wins over the more specific host rule */
    long g = add(w, "StartCommand", "result:fault", (struct sim_scope){0}, 1);
    long h = add(w, "StartCommand", "result:fail", (struct sim_scope){.host = "h1"}, 1);
    assert_true(g < h);
    assert_int_equal(start(w, "h1", "a", &err), -SIM_ERR_FAULT);
    /* g used up: h applies next, once */
    assert_int_equal(start(w, "h1", "a", &err), -SIM_ERR_FAIL);
    assert_int_equal(start(w, "h1", "a", &err), 0);
    /* disabled rules are skipped */
    long d = add(w, "StartCommand", "result:fault|enabled:false", (struct sim_scope){0}, -1);
    long f = add(w, "StartCommand", "result:fail", (struct sim_scope){0}, 1);
    assert_true(d < f);
    assert_int_equal(start(w, "h1", "a", &err), -SIM_ERR_FAIL);
}

struct collect {
    long ids[8];
    int n;
};

static void collect_rule(void *ud, const struct sim_rule_info *r)
{
    struct collect *c = ud;
    if (c->n < 8)
        c->ids[c->n++] = r->id;
}

static void test_list_get(void **state)
{
    struct sim_world *w = *state;
    struct sim_err err;
    long a = add(w, "StartCommand", "wait:5|result:fail", (struct sim_scope){.zone = "z1"}, 3);
    long b = add(w, "StopCommand", NULL, (struct sim_scope){0}, -1);
    long c = add(w, "RebootCommand", "result:fail", (struct sim_scope){0}, 1);
    assert_int_equal(sim_rule_remove(w, b, &err), 0);
    struct collect col = {0};
    sim_rule_list(w, collect_rule, &col);
    assert_int_equal(col.n, 2);
    assert_int_equal(col.ids[0], a);
    assert_int_equal(col.ids[1], c);
    struct sim_rule_info ri;
    assert_int_equal(sim_rule_get(w, a, &ri, &err), 0);
    assert_string_equal(ri.name, "StartCommand");
    assert_string_equal(ri.value, "wait:5|result:fail");
    assert_string_equal(ri.zone, "z1");
    assert_string_equal(ri.host, "");
    assert_int_equal(ri.count, 3);
    assert_int_equal(ri.wait_ms, 5);
    assert_true(ri.fail);
    long d = add(w, "StartCommand", NULL, (struct sim_scope){0}, 1);
    assert_true(d > c); /* ids are never reused */
}

static void test_probability(void **state)
{
    struct sim_world *w = *state;
    struct sim_err err;
    struct sim_rule_spec s = {"StartCommand", "result:fail", {0}, -1, 0.5};
    long id;
    assert_int_equal(sim_rule_add(w, &s, &id, &err), 0);
    int failed = 0;
    char vm[16];
    for (int i = 0; i < 400; i++) {
        snprintf(vm, sizeof(vm), "p%d", i);
        if (start(w, "h1", vm, &err) == -SIM_ERR_FAIL)
            failed++;
    }
    /* 400 draws at p = 0.5 from a fixed seed: far from 0 and from 400 */
    assert_in_range(failed, 120, 280);
    /* probability 0 never fires and never consumes a use */
    struct sim_rule_spec z = {"StopCommand", "result:fail", {0}, 2, 0.0};
    assert_int_equal(sim_rule_add(w, &z, &id, &err), 0);
    struct sim_vm_spec v = {"q", 1, 1, 1};
    assert_int_equal(sim_rule_remove(w, 1, &err), 0);
    assert_int_equal(sim_vm_start(w, "h1", &v, &err), 0);
    assert_int_equal(sim_vm_stop(w, "h1", "q", &err), 0);
    struct sim_rule_info ri;
    assert_int_equal(sim_rule_get(w, id, &ri, &err), 0);
    assert_int_equal(ri.count, 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_parse, setup, teardown),
        cmocka_unit_test_setup_teardown(test_count, setup, teardown),
        cmocka_unit_test_setup_teardown(test_scope, setup, teardown),
        cmocka_unit_test_setup_teardown(test_lowest_id_wins, setup, teardown),
        cmocka_unit_test_setup_teardown(test_list_get, setup, teardown),
        cmocka_unit_test_setup_teardown(test_probability, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
