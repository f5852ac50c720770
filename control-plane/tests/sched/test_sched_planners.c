/* Tests of placement with tags, dedication, affinity, thresholds, planners and allocators. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "sched_index.h"

#define GIB (INT64_C(1) << 30)

static struct cs_sched_host host(int64_t id, int64_t zone, int64_t pod, int64_t cluster)
{
    return (struct cs_sched_host){.id = id, .zone_id = zone, .pod_id = pod, .cluster_id = cluster,
                                  .up = true, .enabled = true, .cpu_cores = 4, .cpu_mhz = 2000,
                                  .mem_bytes = 8 * GIB};
}

static void put(struct cs_sched_index *idx, struct cs_sched_host h)
{
    struct cs_err err = {0};
    assert_int_equal(cs_sched_index_put(idx, &h, &err), 0);
}

static int64_t place(const struct cs_sched_index *idx, struct cs_sched_request req,
                     struct cs_err *err)
{
    int64_t id = -1;
    int rc = cs_sched_place(idx, &req, &id, err);
    if (rc < 0) {
        assert_int_equal(id, -1);
        return rc;
    }
    return id;
}

static struct cs_sched_request vm(int64_t zone)
{
    return (struct cs_sched_request){.zone_id = zone, .cpus = 1, .cpu_mhz = 1000,
                                     .mem_bytes = GIB};
}

static void reserve(struct cs_sched_index *idx, int64_t id, int64_t cpu, int64_t mem)
{
    struct cs_err err = {0};
    assert_int_equal(cs_sched_reserve(idx, id, cpu, mem, &err), 0);
}

/* zone 1: pod 1 = clusters 1 (hosts 1-4) and 2 (hosts 5-8); pod 2 = cluster 3 (hosts 9-12). */
static struct cs_sched_index *topology(void)
{
    struct cs_sched_index *idx = cs_sched_index_new((struct cs_sched_factors){1.0, 1.0});
    assert_non_null(idx);
    for (int64_t id = 1; id <= 12; id++)
        put(idx, host(id, 1, id <= 8 ? 1 : 2, (id - 1) / 4 + 1));
    return idx;
}

static void test_host_tags(void **state)
{
    (void)state;
    struct cs_sched_index *idx = topology();
    struct cs_err err = {0};
    uint64_t ssd, gpu;
    assert_int_equal(cs_sched_index_tag(idx, "ssd", &ssd, &err), 0);
    assert_int_equal(cs_sched_index_tag(idx, "gpu", &gpu, &err), 0);
    struct cs_sched_host h = host(6, 1, 1, 2);
    h.tags = ssd;
    put(idx, h);
    h = host(10, 1, 2, 3);
    h.tags = ssd | gpu;
    put(idx, h);
    struct cs_sched_request r = vm(1);
    const char *one[] = {"ssd"}, *two[] = {"gpu", "ssd"}, *none[] = {"nvme"};
    assert_int_equal(place(idx, r, &err), 1);
    r.host_tags = one;
    r.n_host_tags = 1;
    assert_int_equal(place(idx, r, &err), 6);
    reserve(idx, 6, 8000, 0); /* host 6 full */
    assert_int_equal(place(idx, r, &err), 10);
    r.host_tags = two;
    r.n_host_tags = 2;
    assert_int_equal(place(idx, r, &err), 10);
    r.cluster_id = 2;
    assert_int_equal(place(idx, r, &err), -CS_ERR_CAPACITY);
    r.cluster_id = 0;
    r.host_tags = none;
    r.n_host_tags = 1;
    assert_int_equal(place(idx, r, &err), -CS_ERR_CAPACITY);
    assert_non_null(strstr(err.msg, "nvme"));
    /* retagging moves the host out of the tag's trees */
    h.tags = gpu;
    put(idx, h);
    r.host_tags = one;
    assert_int_equal(place(idx, r, &err), -CS_ERR_CAPACITY);
    r.planner = CS_SCHED_PLANNER_FIRST_FIT;
    assert_int_equal(place(idx, r, &err), -CS_ERR_CAPACITY);
    cs_sched_release(idx, 6, 8000, 0);
    assert_int_equal(place(idx, r, &err), 6);
    cs_sched_index_free(idx);
}

static void test_dedicated_cluster(void **state)
{
    (void)state;
    struct cs_sched_index *idx = topology();
    struct cs_err err = {0};
    assert_int_equal(cs_sched_index_set_dedication(idx, 50, 3, 300, &err), 0);
    for (int64_t id = 1; id <= 4; id++) { /* cluster 1 dedicated to account 300 */
        struct cs_sched_host h = host(id, 1, 1, 1);
        h.dedication_id = 50;
        put(idx, h);
    }
    int64_t path[] = {1, 3};
    struct cs_sched_request r = vm(1);
    r.account_id = 300;
    r.domain_path = path;
    r.n_domain_path = 2;
    assert_int_equal(place(idx, r, &err), 5); /* no explicit dedication: shared hosts */
    r.explicit_dedication = true;
    assert_int_equal(place(idx, r, &err), 1);
    r.planner = CS_SCHED_PLANNER_FIRST_FIT;
    assert_int_equal(place(idx, r, &err), 1);
    r.account_id = 301; /* another account of the same domain: not an account dedication */
    assert_int_equal(place(idx, r, &err), -CS_ERR_CAPACITY);
    /* shared hosts full: others still never land on the dedicated cluster */
    for (int64_t id = 5; id <= 12; id++)
        reserve(idx, id, 8000, 0);
    struct cs_sched_request other = vm(1);
    other.account_id = 999;
    assert_int_equal(place(idx, other, &err), -CS_ERR_CAPACITY);
    other.planner = CS_SCHED_PLANNER_FIRST_FIT;
    assert_int_equal(place(idx, other, &err), -CS_ERR_CAPACITY);
    other.host_id = 2;
    assert_int_equal(place(idx, other, &err), -CS_ERR_CAPACITY);
    assert_non_null(strstr(err.msg, "dedicated"));
    /* releasing the dedication: hosts return to the shared pool */
    for (int64_t id = 1; id <= 4; id++)
        put(idx, host(id, 1, 1, 1));
    other.host_id = 0;
    assert_int_equal(place(idx, other, &err), 1);
    cs_sched_index_free(idx);
}

static void test_dedicated_zone(void **state)
{
    (void)state;
    struct cs_sched_index *idx = topology();
    struct cs_err err = {0};
    put(idx, host(20, 2, 3, 4));
    assert_int_equal(cs_sched_index_set_dedication(idx, 60, 1, 400, &err), 0);
    assert_int_equal(cs_sched_index_set_zone_dedication(idx, 1, 60, &err), 0);
    struct cs_sched_request r = vm(1);
    r.account_id = 401;
    assert_int_equal(place(idx, r, &err), -CS_ERR_PERMISSION);
    r.zone_id = 0; /* any zone: the dedicated one is skipped */
    assert_int_equal(place(idx, r, &err), 20);
    r.account_id = 400;
    r.zone_id = 1;
    assert_int_equal(place(idx, r, &err), 1);
    cs_sched_index_free(idx);
}

static void test_host_affinity(void **state)
{
    (void)state;
    struct cs_sched_index *idx = topology();
    struct cs_err err = {0};
    int64_t group[] = {11, 7};
    struct cs_sched_request r = vm(1);
    r.affinity_hosts = group;
    r.n_affinity_hosts = 2;
    assert_int_equal(place(idx, r, &err), 7);
    reserve(idx, 7, 8000, 0);
    assert_int_equal(place(idx, r, &err), 11);
    r.allocator = CS_SCHED_ALLOC_LEAST_CONSUMED;
    assert_int_equal(place(idx, r, &err), 11);
    reserve(idx, 11, 8000, 0);
    assert_int_equal(place(idx, r, &err), -CS_ERR_CAPACITY);
    r.n_affinity_hosts = 0; /* empty group: any host */
    assert_int_equal(place(idx, r, &err), 1);
    cs_sched_index_free(idx);
}

static void test_anti_affinity_large_avoid(void **state)
{
    (void)state;
    struct cs_sched_index *idx = cs_sched_index_new((struct cs_sched_factors){1.0, 1.0});
    for (int64_t id = 1; id <= 2000; id++)
        put(idx, host(id, 1, 1 + (id - 1) / 500, 1 + (id - 1) / 25));
    static int64_t avoid[1500];
    for (int i = 0; i < 1500; i++)
        avoid[i] = 1500 - i; /* 1..1500, unsorted */
    struct cs_err err = {0};
    struct cs_sched_request r = vm(1);
    r.avoid = avoid;
    r.n_avoid = 1500;
    for (int p = 0; p < CS_SCHED_PLANNER__COUNT; p++) {
        r.planner = (enum cs_sched_planner)p;
        for (int a = 0; a < CS_SCHED_ALLOC__COUNT; a++) {
            r.allocator = (enum cs_sched_allocator)a;
            int64_t got = place(idx, r, &err);
            assert_true(got > 1500);
        }
    }
    cs_sched_index_free(idx);
}

static void test_first_fit_planner_orders_clusters(void **state)
{
    (void)state;
    struct cs_sched_index *idx = topology();
    struct cs_err err = {0};
    struct cs_sched_request r = vm(1);
    r.planner = CS_SCHED_PLANNER_FIRST_FIT;
    reserve(idx, 1, 2000, 0);             /* cluster 1 at 1/16 CPU */
    reserve(idx, 5, 1000, 6 * GIB);       /* cluster 2 at 1/32 CPU, 6/32 RAM */
    reserve(idx, 9, 1500, 0);             /* cluster 3 at 3/64 CPU */
    assert_int_equal(place(idx, r, &err), 5);
    r.pod_id = 2;
    assert_int_equal(place(idx, r, &err), 9);
    r.pod_id = 0;
    r.allocator = CS_SCHED_ALLOC_LEAST_CONSUMED; /* most free CPU within cluster 2 */
    assert_int_equal(place(idx, r, &err), 6);
    r.allocator = CS_SCHED_ALLOC_FIRST_FIT;
    reserve(idx, 9, 0, GIB / 4);
    cs_sched_index_set_order(idx, CS_SCHED_ORDER_RAM, 0.5);
    assert_int_equal(place(idx, r, &err), 1); /* RAM: cluster 1 at 0, 3 at 1/128 */
    cs_sched_index_set_order(idx, CS_SCHED_ORDER_COMBINED, 0.5);
    assert_int_equal(place(idx, r, &err), 9); /* 3/128 + 1/256 < 1/32 < cluster 2's */
    cs_sched_index_set_order(idx, CS_SCHED_ORDER_CPU, 0.5);
    /* a per-cluster factor lowers a cluster's ratio */
    assert_int_equal(cs_sched_index_set_cluster(idx, 1, (struct cs_sched_factors){4.0, 0},
                                                (struct cs_sched_thresholds){0, 0}, &err),
                     0);
    assert_int_equal(place(idx, r, &err), 1); /* 2000 / 128000 */
    cs_sched_index_free(idx);
}

static void test_thresholds_skip_clusters(void **state)
{
    (void)state;
    struct cs_sched_index *idx = topology();
    struct cs_err err = {0};
    struct cs_sched_thresholds thr = {0.5, 0.85};
    for (int64_t c = 1; c <= 3; c++)
        assert_int_equal(cs_sched_index_set_cluster(idx, c, (struct cs_sched_factors){0, 0}, thr,
                                                    &err),
                         0);
    reserve(idx, 1, 8000, 0);
    reserve(idx, 2, 8000, 0); /* cluster 1 at 0.5 CPU */
    struct cs_sched_request r = vm(1);
    assert_int_equal(place(idx, r, &err), 5); /* host order: cluster 1 would cross 0.5 */
    r.planner = CS_SCHED_PLANNER_FIRST_FIT;
    assert_int_equal(place(idx, r, &err), 5);
    r.cluster_id = 1;
    assert_int_equal(place(idx, r, &err), -CS_ERR_CAPACITY);
    r.cluster_id = 0;
    r.host_id = 3; /* explicit host: no planner, no threshold */
    assert_int_equal(place(idx, r, &err), 3);
    r.host_id = 0;
    r.mem_bytes = 28 * GIB; /* > 0.85 of any 32 GiB cluster */
    r.cpus = 1;
    assert_int_equal(place(idx, r, &err), -CS_ERR_CAPACITY);
    /* thresholds off again */
    for (int64_t c = 1; c <= 3; c++)
        assert_int_equal(cs_sched_index_set_cluster(idx, c, (struct cs_sched_factors){0, 0},
                                                    (struct cs_sched_thresholds){0, 0}, &err),
                         0);
    r.mem_bytes = GIB;
    r.planner = CS_SCHED_PLANNER_HOST_ORDER;
    assert_int_equal(place(idx, r, &err), 3);
    cs_sched_index_free(idx);
}

static void test_user_dispersing(void **state)
{
    (void)state;
    struct cs_sched_index *idx = topology();
    struct cs_err err = {0};
    reserve(idx, 5, 4000, 0); /* cluster 2 busier than 1 and 3 */
    struct cs_sched_vm_count mine[] = {{1, 2}, {9, 1}, {3, 1}};
    struct cs_sched_request r = vm(1);
    r.planner = CS_SCHED_PLANNER_USER_DISPERSING;
    r.account_id = 7;
    r.account_vms = mine;
    r.n_account_vms = 3;
    assert_int_equal(place(idx, r, &err), 5); /* the only cluster without the account's VMs */
    reserve(idx, 5, 4000, 0);
    reserve(idx, 6, 8000, 0);
    reserve(idx, 7, 8000, 0);
    reserve(idx, 8, 8000, 0);
    assert_int_equal(place(idx, r, &err), 9); /* then fewest VMs: cluster 3 (1) before 1 (3) */
    r.dispersion_weight = 0.001; /* almost pure capacity order: cluster 1 and 3 empty-ish */
    r.pod_id = 1;
    assert_int_equal(place(idx, r, &err), 1);
    cs_sched_index_free(idx);
}

static void test_user_concentrated(void **state)
{
    (void)state;
    struct cs_sched_index *idx = topology();
    struct cs_err err = {0};
    reserve(idx, 9, 6000, 0); /* pod 2 busier */
    struct cs_sched_vm_count mine[] = {{9, 1}, {10, 2}};
    struct cs_sched_request r = vm(1);
    r.planner = CS_SCHED_PLANNER_USER_CONCENTRATED;
    r.account_vms = mine;
    r.n_account_vms = 2;
    assert_int_equal(place(idx, r, &err), 9);
    r.n_account_vms = 0;
    assert_int_equal(place(idx, r, &err), 1);
    for (int64_t id = 9; id <= 12; id++)
        reserve(idx, id, id == 9 ? 2000 : 8000, 0);
    r.n_account_vms = 2;
    assert_int_equal(place(idx, r, &err), 1); /* pod 2 full: the others after */
    cs_sched_index_free(idx);
}

static void test_implicit_dedication(void **state)
{
    (void)state;
    struct cs_sched_index *idx = topology();
    struct cs_err err = {0};
    for (int64_t id = 1; id <= 12; id++) {
        if (id != 8 && id != 11)
            reserve(idx, id, 1000, 0); /* every host but 8 and 11 runs something */
    }
    struct cs_sched_host h = host(10, 1, 2, 3);
    h.implicit_account_id = 77;
    h.cpu_used_mhz = 1000;
    put(idx, h);
    h = host(12, 1, 2, 3);
    h.implicit_account_id = 78; /* another account's implicit host */
    put(idx, h);
    struct cs_sched_request r = vm(1);
    r.planner = CS_SCHED_PLANNER_IMPLICIT;
    r.account_id = 77;
    assert_int_equal(place(idx, r, &err), 10); /* own implicit host first */
    reserve(idx, 10, 7000, 0);
    assert_int_equal(place(idx, r, &err), 8); /* then an empty host, in cluster order */
    reserve(idx, 8, 100, 0);
    assert_int_equal(place(idx, r, &err), 11);
    reserve(idx, 11, 100, 0);
    assert_int_equal(place(idx, r, &err), -CS_ERR_CAPACITY); /* strict */
    r.implicit_preferred = true;
    int64_t got = place(idx, r, &err);
    assert_true(got > 0 && got != 12 && got != 10);
    /* nobody else uses either implicit host */
    struct cs_sched_request other = vm(1);
    int64_t avoid[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 11};
    other.avoid = avoid;
    other.n_avoid = 10;
    assert_int_equal(place(idx, other, &err), -CS_ERR_CAPACITY);
    cs_sched_index_free(idx);
}

static void test_allocators(void **state)
{
    (void)state;
    struct cs_sched_index *idx = topology();
    struct cs_err err = {0};
    for (int64_t id = 1; id <= 12; id++)
        reserve(idx, id, id == 4 ? 500 : 3000, 0);
    struct cs_sched_request r = vm(1);
    r.allocator = CS_SCHED_ALLOC_LEAST_CONSUMED;
    assert_int_equal(place(idx, r, &err), 4);
    r.allocator = CS_SCHED_ALLOC_RANDOM;
    bool seen[13] = {false};
    size_t distinct = 0;
    for (uint64_t seed = 1; seed <= 200; seed++) {
        r.seed = seed;
        int64_t a = place(idx, r, &err), b = place(idx, r, &err);
        assert_int_equal(a, b); /* seeded: reproducible */
        assert_true(a >= 1 && a <= 12);
        if (!seen[a]) {
            seen[a] = true;
            distinct++;
        }
    }
    assert_true(distinct >= 8);
    r.cluster_id = 2;
    r.cpus = 3;
    r.cpu_mhz = 1700; /* 5100 MHz: only host 4 could, and it is in cluster 1 */
    assert_int_equal(place(idx, r, &err), -CS_ERR_CAPACITY);
    cs_sched_index_free(idx);
}

static void test_invalid_requests(void **state)
{
    (void)state;
    struct cs_sched_index *idx = topology();
    struct cs_err err = {0};
    struct cs_sched_request r = vm(1);
    r.planner = CS_SCHED_PLANNER__COUNT;
    assert_int_equal(place(idx, r, &err), -CS_ERR_PARAM);
    r = vm(1);
    r.allocator = (enum cs_sched_allocator)99;
    assert_int_equal(place(idx, r, &err), -CS_ERR_PARAM);
    r = vm(1);
    r.n_host_tags = 1;
    assert_int_equal(place(idx, r, &err), -CS_ERR_PARAM);
    r = vm(1);
    r.n_affinity_hosts = 2;
    assert_int_equal(place(idx, r, &err), -CS_ERR_PARAM);
    struct cs_sched_host h = host(99, 1, 1, 1);
    h.dedication_id = -1;
    assert_int_equal(cs_sched_index_put(idx, &h, &err), -CS_ERR_PARAM);
    assert_int_equal(cs_sched_index_set_cluster(idx, 0, (struct cs_sched_factors){1, 1},
                                                (struct cs_sched_thresholds){0, 0}, &err),
                     -CS_ERR_PARAM);
    cs_sched_index_free(idx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_host_tags),
        cmocka_unit_test(test_dedicated_cluster),
        cmocka_unit_test(test_dedicated_zone),
        cmocka_unit_test(test_host_affinity),
        cmocka_unit_test(test_anti_affinity_large_avoid),
        cmocka_unit_test(test_first_fit_planner_orders_clusters),
        cmocka_unit_test(test_thresholds_skip_clusters),
        cmocka_unit_test(test_user_dispersing),
        cmocka_unit_test(test_user_concentrated),
        cmocka_unit_test(test_implicit_dedication),
        cmocka_unit_test(test_allocators),
        cmocka_unit_test(test_invalid_requests),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
