/* Concurrency smoke test: threads starting and stopping different VMs with latency enabled. */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <cmocka.h>

#include "sim.h"

#define THREADS 4
#define VMS 50

struct worker {
    struct sim_world *w;
    int n;
    int failures;
};

static void *run(void *arg)
{
    struct worker *wk = arg;
    char vm[32], host[16];
    struct sim_err err;
    snprintf(host, sizeof(host), "h%d", wk->n % 2);
    for (int i = 0; i < VMS; i++) {
        snprintf(vm, sizeof(vm), "t%d-vm%d", wk->n, i);
        struct sim_vm_spec s = {vm, 1, 100, 64};
        if (sim_vm_start(wk->w, host, &s, &err) < 0)
            wk->failures++;
        if (i % 3 == 0 && sim_vm_stop(wk->w, host, vm, &err) < 0)
            wk->failures++;
        if (i % 5 == 0 && sim_vm_destroy(wk->w, host, vm, &err) < 0)
            wk->failures++;
    }
    return NULL;
}

/* All threads race to start the same VM: exactly one wins. */
struct racer {
    struct sim_world *w;
    int rc;
};

static void *race(void *arg)
{
    struct racer *r = arg;
    struct sim_err err;
    struct sim_vm_spec s = {"contested", 1, 1, 1};
    r->rc = sim_vm_start(r->w, "h0", &s, &err);
    return NULL;
}

static void test_threads(void **state)
{
    /* small real latencies so threads overlap in their sleeps */
    struct sim_world_opts o = {.seed = 5, .latency_scale = 0.05};
    struct sim_world *w = sim_world_new(&o);
    assert_non_null(w);
    struct sim_err err;
    struct sim_host_info hi;
    struct sim_host_spec sh0 = {.id = "h0", .url = "http://sim/c/h0"};
    assert_int_equal(sim_host_add(w, &sh0, &hi, &err), 0);
    struct sim_host_spec sh1 = {.id = "h1", .url = "http://sim/c/h1"};
    assert_int_equal(sim_host_add(w, &sh1, &hi, &err), 0);
    pthread_t t[THREADS];
    struct worker wk[THREADS];
    for (int i = 0; i < THREADS; i++) {
        wk[i] = (struct worker){w, i, 0};
        assert_int_equal(pthread_create(&t[i], NULL, run, &wk[i]), 0);
    }
    for (int i = 0; i < THREADS; i++) {
        pthread_join(t[i], NULL);
        assert_int_equal(wk[i].failures, 0);
    }
    /* per thread: 50 started, 10 destroyed (i % 5 == 0), 17 stopped of which 4 destroyed */
    struct sim_world_stats st;
    sim_world_stats(w, &st);
    assert_int_equal(st.vms, THREADS * 40);
    assert_int_equal(st.vms_running, THREADS * (40 - 13));

    struct racer r[THREADS];
    for (int i = 0; i < THREADS; i++) {
        r[i] = (struct racer){w, 1};
        assert_int_equal(pthread_create(&t[i], NULL, race, &r[i]), 0);
    }
    int won = 0, lost = 0;
    for (int i = 0; i < THREADS; i++) {
        pthread_join(t[i], NULL);
        if (r[i].rc == 0)
            won++;
        else if (r[i].rc == -SIM_ERR_STATE)
            lost++;
    }
    assert_int_equal(won, 1);
    assert_int_equal(lost, THREADS - 1);
    sim_world_free(w);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_threads),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
