/* Tests of the capacity index and placement: fits, scopes, avoid sets, states, reservations. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "sched_index.h"

#define MIB (INT64_C(1) << 20)
#define GIB (INT64_C(1) << 30)

static struct cs_sched_host host(int64_t id, int64_t zone, int64_t pod, int64_t cluster, int cores,
                                 int mhz, int64_t mem)
{
    return (struct cs_sched_host){.id = id, .zone_id = zone, .pod_id = pod, .cluster_id = cluster,
                                  .up = true, .enabled = true, .cpu_cores = cores,
                                  .cpu_mhz = mhz, .mem_bytes = mem};
}

static void put(struct cs_sched_index *idx, struct cs_sched_host h)
{
    struct cs_err err = {0};
    assert_int_equal(cs_sched_index_put(idx, &h, &err), 0);
}

/* Places req and returns the host id, or the negative error code. */
static int64_t place(const struct cs_sched_index *idx, struct cs_sched_request req,
                     struct cs_err *err)
{
    int64_t id = -1;
    int rc = cs_sched_place(idx, &req, &id, err);
    if (rc < 0) {
        assert_int_equal(id, -1); /* ret_* untouched on failure */
        return rc;
    }
    return id;
}

static struct cs_sched_request vm(int64_t zone, int cpus, int mhz, int64_t mem)
{
    return (struct cs_sched_request){.zone_id = zone, .cpus = cpus, .cpu_mhz = mhz,
                                     .mem_bytes = mem};
}

/* zone 1: pod 1 (cluster 1: hosts 1, 2; cluster 2: host 3), pod 2 (cluster 3: host 4);
 * zone 2: pod 3 (cluster 4: host 5). Every host 4 cores x 2000 MHz, 8 GiB. */
static struct cs_sched_index *topology(void)
{
    struct cs_sched_index *idx = cs_sched_index_new((struct cs_sched_factors){1.0, 1.0});
    assert_non_null(idx);
    put(idx, host(1, 1, 1, 1, 4, 2000, 8 * GIB));
    put(idx, host(2, 1, 1, 1, 4, 2000, 8 * GIB));
    put(idx, host(3, 1, 1, 2, 4, 2000, 8 * GIB));
    put(idx, host(4, 1, 2, 3, 4, 2000, 8 * GIB));
    put(idx, host(5, 2, 3, 4, 4, 2000, 8 * GIB));
    return idx;
}

static void test_fits_and_no_fit(void **state)
{
    struct cs_sched_index *idx = topology();
    struct cs_err err = {0};
    assert_int_equal(cs_sched_index_count(idx), 5);
    assert_int_equal(place(idx, vm(1, 2, 1000, GIB), &err), 1);
    /* exactly the whole host fits */
    assert_int_equal(place(idx, vm(1, 4, 2000, 8 * GIB), &err), 1);
    /* too much memory anywhere */
    assert_int_equal(place(idx, vm(1, 1, 500, 9 * GIB), &err), -CS_ERR_CAPACITY);
    assert_int_equal(err.code, CS_ERR_CAPACITY);
    assert_string_equal(err.msg, "no host in zone '1' has capacity for 1 cpu x 500 MHz, 9216 MiB");
    /* more vCPUs than cores, though the MHz would fit */
    assert_int_equal(place(idx, vm(1, 5, 100, GIB), &err), -CS_ERR_CAPACITY);
    /* per-vCPU speed above the host's per-core speed */
    assert_int_equal(place(idx, vm(1, 1, 2001, GIB), &err), -CS_ERR_CAPACITY);
    /* unknown zone: nothing fits */
    assert_int_equal(place(idx, vm(9, 1, 100, MIB), &err), -CS_ERR_CAPACITY);
    /* invalid request */
    assert_int_equal(place(idx, vm(1, 0, 100, MIB), &err), -CS_ERR_PARAM);
    cs_sched_index_free(idx);
}

static void test_first_fit_is_lowest_id(void **state)
{
    struct cs_sched_index *idx = cs_sched_index_new((struct cs_sched_factors){1.0, 1.0});
    struct cs_err err = {0};
    /* inserted out of id order, in different clusters */
    put(idx, host(10, 1, 1, 1, 2, 1000, 2 * GIB));
    put(idx, host(7, 1, 1, 2, 2, 1000, 2 * GIB));
    put(idx, host(5, 1, 2, 3, 2, 1000, 2 * GIB));
    put(idx, host(8, 1, 1, 1, 2, 1000, 2 * GIB));
    int64_t order[] = {5, 5, 7, 7, 8, 8, 10, 10};
    for (size_t i = 0; i < 8; i++) {
        int64_t h = place(idx, vm(1, 1, 1000, GIB), &err);
        assert_int_equal(h, order[i]);
        assert_int_equal(cs_sched_reserve(idx, h, 1000, GIB, &err), 0);
    }
    assert_int_equal(place(idx, vm(1, 1, 1000, GIB), &err), -CS_ERR_CAPACITY);
    /* freeing the last host makes it the only fit; freeing a lower one wins again */
    cs_sched_release(idx, 10, 1000, GIB);
    assert_int_equal(place(idx, vm(1, 1, 1000, GIB), &err), 10);
    cs_sched_release(idx, 7, 1000, GIB);
    assert_int_equal(place(idx, vm(1, 1, 1000, GIB), &err), 7);
    cs_sched_index_free(idx);
}

static void test_cpu_and_memory_must_fit_on_one_host(void **state)
{
    struct cs_sched_index *idx = cs_sched_index_new((struct cs_sched_factors){1.0, 1.0});
    struct cs_err err = {0};
    /* host 1 has CPU but no memory, host 2 memory but no CPU: the maxima of the tree fit, no
     * host does; host 3 fits */
    put(idx, host(1, 1, 1, 1, 8, 2000, 1 * GIB));
    put(idx, host(2, 1, 1, 1, 1, 2000, 64 * GIB));
    assert_int_equal(place(idx, vm(1, 4, 1000, 4 * GIB), &err), -CS_ERR_CAPACITY);
    put(idx, host(3, 1, 1, 1, 8, 2000, 64 * GIB));
    assert_int_equal(place(idx, vm(1, 4, 1000, 4 * GIB), &err), 3);
    cs_sched_index_free(idx);
}

static void test_overcommit(void **state)
{
    struct cs_sched_index *idx = cs_sched_index_new((struct cs_sched_factors){1.0, 1.0});
    struct cs_err err = {0};
    put(idx, host(1, 1, 1, 1, 2, 1000, 4 * GIB)); /* 2000 MHz, 4 GiB */
    int n = 0;
    while (place(idx, vm(1, 1, 1000, GIB), &err) == 1) {
        assert_int_equal(cs_sched_reserve(idx, 1, 1000, GIB, &err), 0);
        n++;
    }
    assert_int_equal(n, 2); /* CPU bound */
    cs_sched_index_set_factors(idx, (struct cs_sched_factors){2.0, 1.0});
    while (place(idx, vm(1, 1, 1000, GIB), &err) == 1) {
        assert_int_equal(cs_sched_reserve(idx, 1, 1000, GIB, &err), 0);
        n++;
    }
    assert_int_equal(n, 4); /* now memory bound: 4 GiB */
    cs_sched_index_set_factors(idx, (struct cs_sched_factors){2.0, 2.0});
    assert_int_equal(place(idx, vm(1, 1, 1000, GIB), &err), -CS_ERR_CAPACITY); /* CPU 4000 */
    assert_int_equal(place(idx, vm(1, 1, 0, 4 * GIB), &err), 1);               /* mem 8 GiB */
    /* factor 1.5 floors: 2 x 1000 x 1.5 = 3000 MHz total */
    cs_sched_index_set_factors(idx, (struct cs_sched_factors){1.5, 2.0});
    int64_t cpu, mem;
    struct cs_sched_host h;
    assert_int_equal(cs_sched_index_get(idx, 1, &h, &err), 0);
    cs_sched_host_total(&h, cs_sched_index_factors(idx), &cpu, &mem);
    assert_int_equal(cpu, 3000);
    assert_int_equal(mem, 8 * GIB);
    /* used 4000 > 3000 now: nothing fits, reserve refused */
    assert_int_equal(place(idx, vm(1, 1, 0, 0), &err), -CS_ERR_CAPACITY);
    assert_int_equal(cs_sched_reserve(idx, 1, 1, 0, &err), -CS_ERR_CAPACITY);
    /* invalid factors count as 1.0 */
    cs_sched_index_set_factors(idx, (struct cs_sched_factors){0.0, -3.0});
    assert_true(cs_sched_index_factors(idx).cpu == 1.0);
    assert_true(cs_sched_index_factors(idx).mem == 1.0);
    cs_sched_index_free(idx);

    /* a factor given at creation applies too */
    idx = cs_sched_index_new((struct cs_sched_factors){2.0, 2.0});
    put(idx, host(1, 1, 1, 1, 2, 1000, 4 * GIB));
    assert_int_equal(place(idx, vm(1, 2, 2000, 8 * GIB), &err), -CS_ERR_CAPACITY); /* speed */
    assert_int_equal(place(idx, vm(1, 2, 1000, 8 * GIB), &err), 1);
    assert_int_equal(cs_sched_reserve(idx, 1, 4000, 8 * GIB, &err), 0);
    cs_sched_index_free(idx);
}

static void test_scopes(void **state)
{
    struct cs_sched_index *idx = topology();
    struct cs_err err = {0};
    struct cs_sched_request r = vm(1, 1, 500, GIB);
    r.pod_id = 2;
    assert_int_equal(place(idx, r, &err), 4);
    r.pod_id = 0;
    r.cluster_id = 2;
    assert_int_equal(place(idx, r, &err), 3);
    r.pod_id = 1; /* cluster 2 is in pod 1: consistent */
    assert_int_equal(place(idx, r, &err), 3);
    r.cluster_id = 3; /* cluster 3 is in pod 2 */
    assert_int_equal(place(idx, r, &err), -CS_ERR_CAPACITY);
    r.pod_id = 0;
    r.zone_id = 2; /* cluster 3 is in zone 1 */
    assert_int_equal(place(idx, r, &err), -CS_ERR_CAPACITY);
    assert_string_equal(err.msg, "no host in cluster '3' has capacity for 1 cpu x 500 MHz, "
                                 "1024 MiB");
    r = vm(2, 1, 500, GIB);
    assert_int_equal(place(idx, r, &err), 5);
    r.pod_id = 1; /* pod 1 is in zone 1 */
    assert_int_equal(place(idx, r, &err), -CS_ERR_CAPACITY);
    /* zone 0: any zone, lowest id across zones */
    r = vm(0, 1, 500, GIB);
    assert_int_equal(place(idx, r, &err), 1);
    for (int64_t h = 1; h <= 4; h++)
        assert_int_equal(cs_sched_reserve(idx, h, 8000, 0, &err), 0);
    assert_int_equal(place(idx, r, &err), 5);
    assert_int_equal(place(idx, vm(1, 1, 500, GIB), &err), -CS_ERR_CAPACITY);
    cs_sched_index_free(idx);
}

static void test_explicit_host(void **state)
{
    struct cs_sched_index *idx = topology();
    struct cs_err err = {0};
    struct cs_sched_request r = vm(1, 2, 1000, GIB);
    r.host_id = 4;
    assert_int_equal(place(idx, r, &err), 4);
    r.cluster_id = 3;
    assert_int_equal(place(idx, r, &err), 4);
    r.cluster_id = 1;
    assert_int_equal(place(idx, r, &err), -CS_ERR_CAPACITY);
    r.cluster_id = 0;
    r.zone_id = 2;
    assert_int_equal(place(idx, r, &err), -CS_ERR_CAPACITY);
    r.zone_id = 1;
    r.mem_bytes = 16 * GIB;
    assert_int_equal(place(idx, r, &err), -CS_ERR_CAPACITY);
    assert_string_equal(err.msg, "host '4' has insufficient capacity for 2 cpu x 1000 MHz, "
                                 "16384 MiB");
    r.mem_bytes = GIB;
    r.host_id = 99;
    assert_int_equal(place(idx, r, &err), -CS_ERR_NOT_FOUND);
    r.host_id = 2;
    int64_t avoid[] = {2};
    r.avoid = avoid;
    r.n_avoid = 1;
    assert_int_equal(place(idx, r, &err), -CS_ERR_CAPACITY);
    r.n_avoid = 0;
    assert_int_equal(cs_sched_index_set_state(idx, 2, false, true), 0);
    assert_int_equal(place(idx, r, &err), -CS_ERR_CAPACITY);
    cs_sched_index_free(idx);
}

static void test_avoid_set(void **state)
{
    struct cs_sched_index *idx = topology();
    struct cs_err err = {0};
    struct cs_sched_request r = vm(1, 1, 500, GIB);
    int64_t small[] = {2, 1};
    r.avoid = small;
    r.n_avoid = 2;
    assert_int_equal(place(idx, r, &err), 3);
    /* a long avoid set (sorted internally) */
    int64_t big[40];
    for (int i = 0; i < 40; i++)
        big[i] = 100 - 2 * i; /* 100, 98, ..., 22: none of ours */
    big[39] = 1;
    big[20] = 3;
    big[7] = 2;
    r.avoid = big;
    r.n_avoid = 40;
    assert_int_equal(place(idx, r, &err), 4);
    r.zone_id = 0;
    big[0] = 4;
    assert_int_equal(place(idx, r, &err), 5);
    big[1] = 5;
    assert_int_equal(place(idx, r, &err), -CS_ERR_CAPACITY);
    /* the caller's array is not reordered */
    assert_int_equal(big[0], 4);
    assert_int_equal(big[39], 1);
    cs_sched_index_free(idx);
}

static void test_down_and_disabled_skipped(void **state)
{
    struct cs_sched_index *idx = topology();
    struct cs_err err = {0};
    assert_int_equal(cs_sched_index_set_state(idx, 1, false, true), 0);
    assert_int_equal(place(idx, vm(1, 1, 500, GIB), &err), 2);
    assert_int_equal(cs_sched_index_set_state(idx, 2, true, false), 0);
    assert_int_equal(place(idx, vm(1, 1, 500, GIB), &err), 3);
    assert_int_equal(cs_sched_index_set_state(idx, 42, true, true), -CS_ERR_NOT_FOUND);
    struct cs_sched_host h = host(3, 1, 1, 2, 4, 2000, 8 * GIB);
    h.up = false;
    put(idx, h);
    assert_int_equal(place(idx, vm(1, 1, 500, GIB), &err), 4);
    assert_int_equal(cs_sched_index_set_state(idx, 1, true, true), 0);
    assert_int_equal(place(idx, vm(1, 1, 500, GIB), &err), 1);
    /* state survives the record */
    assert_int_equal(cs_sched_index_get(idx, 2, &h, &err), 0);
    assert_true(h.up);
    assert_false(h.enabled);
    cs_sched_index_free(idx);
}

static void test_reserve_beyond_capacity_changes_nothing(void **state)
{
    struct cs_sched_index *idx = topology();
    struct cs_err err = {0};
    struct cs_sched_host before, after;
    assert_int_equal(cs_sched_reserve(idx, 1, 3000, 2 * GIB, &err), 0);
    assert_int_equal(cs_sched_index_get(idx, 1, &before, &err), 0);
    assert_int_equal(cs_sched_reserve(idx, 1, 5001, GIB, &err), -CS_ERR_CAPACITY);
    assert_int_equal(err.code, CS_ERR_CAPACITY);
    assert_int_equal(cs_sched_reserve(idx, 1, 1000, 6 * GIB + 1, &err), -CS_ERR_CAPACITY);
    assert_int_equal(cs_sched_reserve(idx, 1, -1, 0, &err), -CS_ERR_PARAM);
    assert_int_equal(cs_sched_reserve(idx, 77, 1, 1, &err), -CS_ERR_NOT_FOUND);
    assert_int_equal(cs_sched_index_get(idx, 1, &after, &err), 0);
    assert_memory_equal(&before, &after, sizeof(before));
    /* the placement view did not change either: 5000 MHz and 6 GiB still fit on host 1 */
    assert_int_equal(place(idx, vm(1, 4, 1250, 6 * GIB), &err), 1);
    assert_int_equal(cs_sched_reserve(idx, 1, 5000, 6 * GIB, &err), 0);
    assert_int_equal(place(idx, vm(1, 1, 1, 1), &err), 2);
    cs_sched_index_free(idx);
}

static void test_release_restores_totals(void **state)
{
    struct cs_sched_index *idx = topology();
    struct cs_err err = {0};
    struct cs_sched_host orig, now;
    struct cs_sched_host seeded = host(2, 1, 1, 1, 4, 2000, 8 * GIB);
    seeded.cpu_used_mhz = 700;
    seeded.mem_used_bytes = 3 * MIB;
    put(idx, seeded);
    assert_int_equal(cs_sched_index_get(idx, 2, &orig, &err), 0);
    int64_t cpu[] = {100, 250, 1999, 3};
    int64_t mem[] = {MIB, 7 * MIB, GIB, 12345};
    for (int i = 0; i < 4; i++)
        assert_int_equal(cs_sched_reserve(idx, 2, cpu[i], mem[i], &err), 0);
    for (int i = 3; i >= 0; i--)
        cs_sched_release(idx, 2, cpu[i], mem[i]);
    assert_int_equal(cs_sched_index_get(idx, 2, &now, &err), 0);
    assert_memory_equal(&orig, &now, sizeof(orig));
    /* never below zero; unknown host ignored */
    cs_sched_release(idx, 2, 100000, 100 * GIB);
    cs_sched_release(idx, 55, 1, 1);
    assert_int_equal(cs_sched_index_get(idx, 2, &now, &err), 0);
    assert_int_equal(now.cpu_used_mhz, 0);
    assert_int_equal(now.mem_used_bytes, 0);
    /* the whole host is free again */
    struct cs_sched_request r = vm(1, 4, 2000, 8 * GIB);
    int64_t avoid[] = {1};
    r.avoid = avoid;
    r.n_avoid = 1;
    assert_int_equal(place(idx, r, &err), 2);
    cs_sched_index_free(idx);
}

static void test_put_replace_move_remove(void **state)
{
    struct cs_sched_index *idx = topology();
    struct cs_err err = {0};
    struct cs_sched_request r = vm(1, 1, 500, GIB);
    /* move host 1 to cluster 3 (pod 2) */
    put(idx, host(1, 1, 2, 3, 4, 2000, 8 * GIB));
    assert_int_equal(cs_sched_index_count(idx), 5);
    r.cluster_id = 1;
    assert_int_equal(place(idx, r, &err), 2);
    r.cluster_id = 3;
    assert_int_equal(place(idx, r, &err), 1);
    r.cluster_id = 0;
    r.pod_id = 1;
    assert_int_equal(place(idx, r, &err), 2);
    /* topology conflicts are refused and change nothing */
    struct cs_sched_host bad = host(9, 2, 1, 1, 4, 2000, 8 * GIB); /* pod 1 is in zone 1 */
    assert_int_equal(cs_sched_index_put(idx, &bad, &err), -CS_ERR_PARAM);
    bad = host(9, 1, 2, 1, 4, 2000, 8 * GIB); /* cluster 1 is in pod 1 */
    assert_int_equal(cs_sched_index_put(idx, &bad, &err), -CS_ERR_PARAM);
    bad = host(0, 1, 1, 1, 4, 2000, 8 * GIB);
    assert_int_equal(cs_sched_index_put(idx, &bad, &err), -CS_ERR_PARAM);
    bad = host(9, 1, 1, 1, -4, 2000, 8 * GIB);
    assert_int_equal(cs_sched_index_put(idx, &bad, &err), -CS_ERR_PARAM);
    assert_int_equal(cs_sched_index_count(idx), 5);
    assert_int_equal(cs_sched_index_get(idx, 9, &bad, &err), -CS_ERR_NOT_FOUND);
    /* remove */
    assert_int_equal(cs_sched_index_remove(idx, 2), 0);
    assert_int_equal(cs_sched_index_remove(idx, 2), -CS_ERR_NOT_FOUND);
    assert_int_equal(cs_sched_index_count(idx), 4);
    assert_int_equal(place(idx, r, &err), 3);
    r.pod_id = 0;
    r.cluster_id = 1;
    assert_int_equal(place(idx, r, &err), -CS_ERR_CAPACITY);
    /* an emptied cluster may be re-homed */
    put(idx, host(2, 2, 3, 1, 4, 2000, 8 * GIB));
    r.zone_id = 2;
    assert_int_equal(place(idx, r, &err), 2);
    cs_sched_index_free(idx);
    cs_sched_index_free(NULL);
}

static void test_many_hosts(void **state)
{
    /* 40k hosts in id order, 20 per cluster, 25 clusters per pod, 2 zones */
    struct cs_sched_index *idx = cs_sched_index_new((struct cs_sched_factors){1.0, 1.0});
    struct cs_err err = {0};
    for (int64_t id = 1; id <= 40000; id++) {
        int64_t cluster = (id - 1) / 20 + 1, pod = (cluster - 1) / 25 + 1, zone = pod <= 40 ? 1 : 2;
        put(idx, host(id, zone, pod, cluster, 8, 2000, 16 * GIB));
    }
    assert_int_equal(cs_sched_index_count(idx), 40000);
    /* fill zone 1 host by host: each placement of a full host takes the next id */
    for (int64_t id = 1; id <= 20000; id++) {
        int64_t h = place(idx, vm(1, 8, 2000, 16 * GIB), &err);
        assert_int_equal(h, id);
        assert_int_equal(cs_sched_reserve(idx, h, 16000, 16 * GIB, &err), 0);
    }
    assert_int_equal(place(idx, vm(1, 1, 1, 1), &err), -CS_ERR_CAPACITY);
    assert_int_equal(place(idx, vm(0, 1, 1, 1), &err), 20001);
    cs_sched_release(idx, 12345, 1, 1);
    assert_int_equal(place(idx, vm(1, 1, 1, 1), &err), 12345);
    cs_sched_index_free(idx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fits_and_no_fit),
        cmocka_unit_test(test_first_fit_is_lowest_id),
        cmocka_unit_test(test_cpu_and_memory_must_fit_on_one_host),
        cmocka_unit_test(test_overcommit),
        cmocka_unit_test(test_scopes),
        cmocka_unit_test(test_explicit_host),
        cmocka_unit_test(test_avoid_set),
        cmocka_unit_test(test_down_and_disabled_skipped),
        cmocka_unit_test(test_reserve_beyond_capacity_changes_nothing),
        cmocka_unit_test(test_release_restores_totals),
        cmocka_unit_test(test_put_replace_move_remove),
        cmocka_unit_test(test_many_hosts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
