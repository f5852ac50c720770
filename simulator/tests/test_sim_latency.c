/* Tests of the latency model: distribution parsing and sampling, scoped settings, scale. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

#include "sim_internal.h"

static void test_parse(void **state)
{
    struct sim_dist d;
    struct sim_err err;
    assert_int_equal(sim_dist_parse("5", &d, &err), 0);
    assert_int_equal(d.kind, SIM_DIST_FIXED);
    assert_true(d.a == 5);
    assert_int_equal(sim_dist_parse("fixed:2.5", &d, &err), 0);
    assert_true(d.a == 2.5);
    assert_int_equal(sim_dist_parse("uniform:1:10", &d, &err), 0);
    assert_int_equal(d.kind, SIM_DIST_UNIFORM);
    assert_true(d.a == 1 && d.b == 10);
    assert_int_equal(sim_dist_parse("lognormal:5:0.5", &d, &err), 0);
    assert_int_equal(d.kind, SIM_DIST_LOGNORMAL);
    static const char *const bad[] = {"", "x", "uniform:5", "uniform:10:1", "fixed:-1",
                                      "lognormal:5:", "fixed:1:2", "uniform:1:2:3", "nan"};
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        if (sim_dist_parse(bad[i], &d, &err) != -SIM_ERR_PARAM)
            fail_msg("distribution '%s' accepted", bad[i]);
    }
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

#define N 20000

static void test_sampling(void **state)
{
    uint64_t rng = 12345;
    static double v[N];
    struct sim_dist fixed = {SIM_DIST_FIXED, 3, 0};
    for (int i = 0; i < 100; i++)
        assert_true(sim_dist_sample(&fixed, &rng) == 3);

    struct sim_dist uni = {SIM_DIST_UNIFORM, 2, 6};
    double sum = 0, lo = 1e9, hi = -1;
    for (int i = 0; i < N; i++) {
        double x = sim_dist_sample(&uni, &rng);
        sum += x;
        lo = x < lo ? x : lo;
        hi = x > hi ? x : hi;
    }
    assert_true(lo >= 2 && hi < 6);
    assert_true(fabs(sum / N - 4) < 0.1);
    assert_true(lo < 2.1 && hi > 5.9);

    struct sim_dist ln = {SIM_DIST_LOGNORMAL, 5, 0.5};
    double logsum = 0;
    for (int i = 0; i < N; i++) {
        v[i] = sim_dist_sample(&ln, &rng);
        assert_true(v[i] > 0);
        logsum += log(v[i]);
    }
    qsort(v, N, sizeof(v[0]), cmp_double);
    /* median close to 5, mean of logs close to log 5, spread as sigma says (p84 ~ 5 e^0.5) */
    assert_true(fabs(v[N / 2] - 5) < 0.25);
    assert_true(fabs(logsum / N - log(5)) < 0.03);
    double p84 = v[(int)(N * 0.8413)];
    assert_true(fabs(p84 - 5 * exp(0.5)) < 0.5);

    /* same seed, same sequence */
    uint64_t a = 99, b = 99;
    for (int i = 0; i < 10; i++)
        assert_true(sim_dist_sample(&ln, &a) == sim_dist_sample(&ln, &b));
}

static void test_scoped(void **state)
{
    struct sim_world_opts o = {.seed = 3, .latency_scale = 1};
    struct sim_world *w = sim_world_new(&o);
    assert_non_null(w);
    struct sim_err err;
    struct sim_host_info hi;
    struct sim_host_spec h1 = {"h1", "http://sim/c/h1", "z1", "p1", "c1"};
    struct sim_host_spec h2 = {"h2", "http://sim/c/h2", "z1", "p1", "c2"};
    struct sim_host_spec h3 = {"h3", "http://sim/c/h3", "z2", "p2", "c3"};
    assert_int_equal(sim_host_add(w, &h1, &hi, &err), 0);
    assert_int_equal(sim_host_add(w, &h2, &hi, &err), 0);
    assert_int_equal(sim_host_add(w, &h3, &hi, &err), 0);

    struct sim_scope s1, s2, s3;
    struct sim_host *H1 = sim_map_get(&w->hosts, "h1");
    struct sim_host *H2 = sim_map_get(&w->hosts, "h2");
    struct sim_host *H3 = sim_map_get(&w->hosts, "h3");
    sim_host_where(H1, &s1);
    sim_host_where(H2, &s2);
    sim_host_where(H3, &s3);
    /* built-in defaults */
    assert_true(sim_latency_pick(w, &s1, H1, SIM_OP_VM_START)->a == 5);
    assert_true(sim_latency_pick(w, &s1, H1, SIM_OP_VM_STOP)->a == 3);
    assert_true(sim_latency_pick(w, &s1, H1, SIM_OP_VM_REBOOT)->a == 5);
    assert_true(sim_latency_pick(w, &s1, H1, SIM_OP_PING)->a == 1);

    struct sim_dist d10 = {SIM_DIST_FIXED, 10, 0}, d20 = {SIM_DIST_FIXED, 20, 0},
                    d30 = {SIM_DIST_FIXED, 30, 0}, d40 = {SIM_DIST_FIXED, 40, 0};
    assert_int_equal(sim_latency_set(w, NULL, SIM_OP_VM_START, &d10, &err), 0);
    assert_int_equal(sim_latency_set(w, &(struct sim_scope){.zone = "z1"}, SIM_OP_VM_START,
                                     &d20, &err),
                     0);
    assert_int_equal(sim_latency_set(w, &(struct sim_scope){.cluster = "c2"}, SIM_OP_VM_START,
                                     &d30, &err),
                     0);
    assert_int_equal(sim_latency_set(w, &(struct sim_scope){.host = "h1"}, SIM_OP_VM_START,
                                     &d40, &err),
                     0);
    assert_true(sim_latency_pick(w, &s1, H1, SIM_OP_VM_START)->a == 40); /* host */
    assert_true(sim_latency_pick(w, &s2, H2, SIM_OP_VM_START)->a == 30); /* cluster */
    assert_true(sim_latency_pick(w, &s3, H3, SIM_OP_VM_START)->a == 10); /* world */
    assert_true(sim_latency_pick(w, &s1, H1, SIM_OP_VM_STOP)->a == 3);   /* other op */
    /* setting the same scope again replaces */
    assert_int_equal(sim_latency_set(w, &(struct sim_scope){.cluster = "c2"}, SIM_OP_VM_START,
                                     &d10, &err),
                     0);
    assert_int_equal(w->nlat, 2);
    assert_true(sim_latency_pick(w, &s2, H2, SIM_OP_VM_START)->a == 10);
    assert_int_equal(sim_latency_set(w, &(struct sim_scope){.host = "nohost"}, SIM_OP_VM_START,
                                     &d10, &err),
                     -SIM_ERR_NO_HOST);
    struct sim_dist bad = {SIM_DIST_UNIFORM, 5, 1};
    assert_int_equal(sim_latency_set(w, NULL, SIM_OP_VM_START, &bad, &err), -SIM_ERR_PARAM);

    /* the scale multiplies what a plan sleeps */
    struct sim_plan p;
    sim_plan_make(w, &s3, H3, SIM_OP_VM_START, &p);
    assert_int_equal(p.delay_us, 10000);
    sim_latency_set_scale(w, 0.5);
    sim_plan_make(w, &s3, H3, SIM_OP_VM_START, &p);
    assert_int_equal(p.delay_us, 5000);
    sim_latency_set_scale(w, 0);
    sim_plan_make(w, &s3, H3, SIM_OP_VM_START, &p);
    assert_int_equal(p.delay_us, 0);
    assert_true(sim_latency_scale(w) == 0);

    sim_latency_reset(w);
    assert_true(sim_latency_pick(w, &s1, H1, SIM_OP_VM_START)->a == 5);
    assert_true(sim_latency_pick(w, &s2, H2, SIM_OP_VM_START)->a == 5);
    sim_world_free(w);
}

static void test_env_scale(void **state)
{
    setenv("CSSIM_LATENCY_SCALE", "0.25", 1);
    struct sim_world *w = sim_world_new(&(struct sim_world_opts){.latency_scale = -1});
    assert_true(sim_latency_scale(w) == 0.25);
    sim_world_free(w);
    w = sim_world_new(NULL);
    assert_true(sim_latency_scale(w) == 0.25);
    sim_world_free(w);
    /* an explicit option wins over the environment */
    w = sim_world_new(&(struct sim_world_opts){.latency_scale = 2});
    assert_true(sim_latency_scale(w) == 2);
    sim_world_free(w);
    unsetenv("CSSIM_LATENCY_SCALE");
    w = sim_world_new(NULL);
    assert_true(sim_latency_scale(w) == 1);
    sim_world_free(w);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse),
        cmocka_unit_test(test_sampling),
        cmocka_unit_test(test_scoped),
        cmocka_unit_test(test_env_scale),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
