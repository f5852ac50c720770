/* Tests of each placement filter on its own, through the filter table. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "sched_filter.h"

#define GIB (INT64_C(1) << 30)

static struct cs_sched_host host(int64_t id, int64_t zone, int64_t pod, int64_t cluster)
{
    return (struct cs_sched_host){.id = id, .zone_id = zone, .pod_id = pod, .cluster_id = cluster,
                                  .up = true, .enabled = true, .cpu_cores = 4, .cpu_mhz = 2000,
                                  .mem_bytes = 8 * GIB};
}

static struct cs_sched_index *idx_new(void)
{
    struct cs_sched_index *idx = cs_sched_index_new((struct cs_sched_factors){1.0, 1.0});
    assert_non_null(idx);
    return idx;
}

static void put(struct cs_sched_index *idx, struct cs_sched_host h)
{
    struct cs_err err = {0};
    assert_int_equal(cs_sched_index_put(idx, &h, &err), 0);
}

/* Whether filter `name` passes host id for req. */
static bool passes(const struct cs_sched_index *idx, const char *name,
                   const struct cs_sched_request *req, int64_t id)
{
    const struct cs_sched_filter *f = cs_sched_filter_named(name);
    assert_non_null(f);
    struct cs_sched_ctx ctx;
    struct cs_err err = {0};
    assert_int_equal(cs_sched_ctx_init(&ctx, idx, req, &err), 0);
    struct cs_sched_host h;
    assert_int_equal(cs_sched_index_get(idx, id, &h, &err), 0);
    bool ok = f->ok(&ctx, &h);
    cs_sched_ctx_release(&ctx);
    return ok;
}

static struct cs_sched_request vm(void)
{
    return (struct cs_sched_request){.cpus = 1, .cpu_mhz = 1000, .mem_bytes = GIB};
}

static void test_table_is_complete(void **state)
{
    (void)state;
    const char *names[] = {"scope", "state",    "avoid",    "affinity",
                           "dedication", "tags", "capacity", "threshold"};
    assert_int_equal(cs_sched_n_filters, sizeof(names) / sizeof(names[0]));
    for (size_t i = 0; i < cs_sched_n_filters; i++) {
        assert_string_equal(cs_sched_filters[i].name, names[i]);
        assert_non_null(cs_sched_filters[i].ok);
        assert_non_null(cs_sched_filters[i].why);
    }
    assert_null(cs_sched_filter_named("nope"));
}

static void test_scope(void **state)
{
    (void)state;
    struct cs_sched_index *idx = idx_new();
    put(idx, host(1, 1, 1, 1));
    put(idx, host(2, 1, 2, 2));
    struct cs_sched_request r = vm();
    assert_true(passes(idx, "scope", &r, 1));
    r.zone_id = 2;
    assert_false(passes(idx, "scope", &r, 1));
    r = vm();
    r.pod_id = 2;
    assert_false(passes(idx, "scope", &r, 1));
    assert_true(passes(idx, "scope", &r, 2));
    r = vm();
    r.cluster_id = 1;
    assert_true(passes(idx, "scope", &r, 1));
    assert_false(passes(idx, "scope", &r, 2));
    cs_sched_index_free(idx);
}

static void test_state(void **state)
{
    (void)state;
    struct cs_sched_index *idx = idx_new();
    put(idx, host(1, 1, 1, 1));
    struct cs_sched_request r = vm();
    assert_true(passes(idx, "state", &r, 1));
    cs_sched_index_set_state(idx, 1, false, true);
    assert_false(passes(idx, "state", &r, 1));
    cs_sched_index_set_state(idx, 1, true, false);
    assert_false(passes(idx, "state", &r, 1));
    cs_sched_index_free(idx);
}

static void test_avoid_short_and_long(void **state)
{
    (void)state;
    struct cs_sched_index *idx = idx_new();
    put(idx, host(7, 1, 1, 1));
    struct cs_sched_request r = vm();
    int64_t few[] = {3, 7};
    r.avoid = few;
    r.n_avoid = 2;
    assert_false(passes(idx, "avoid", &r, 7));
    int64_t many[40];
    for (int i = 0; i < 40; i++)
        many[i] = 100 - i; /* unsorted, 61..100 */
    r.avoid = many;
    r.n_avoid = 40;
    assert_true(passes(idx, "avoid", &r, 7));
    many[17] = 7;
    assert_false(passes(idx, "avoid", &r, 7));
    cs_sched_index_free(idx);
}

static void test_affinity(void **state)
{
    (void)state;
    struct cs_sched_index *idx = idx_new();
    put(idx, host(1, 1, 1, 1));
    put(idx, host(2, 1, 1, 1));
    struct cs_sched_request r = vm();
    assert_true(passes(idx, "affinity", &r, 1)); /* empty set: any host */
    int64_t group[] = {2, 9};
    r.affinity_hosts = group;
    r.n_affinity_hosts = 2;
    assert_false(passes(idx, "affinity", &r, 1));
    assert_true(passes(idx, "affinity", &r, 2));
    cs_sched_index_free(idx);
}

static void test_tags(void **state)
{
    (void)state;
    struct cs_sched_index *idx = idx_new();
    struct cs_err err = {0};
    uint64_t ssd, gpu;
    assert_int_equal(cs_sched_index_tag(idx, "ssd", &ssd, &err), 0);
    assert_int_equal(cs_sched_index_tag(idx, "gpu", &gpu, &err), 0);
    uint64_t again;
    assert_int_equal(cs_sched_index_tag(idx, "ssd", &again, &err), 0);
    assert_int_equal(again, ssd);
    assert_int_equal(cs_sched_index_tag_find(idx, "gpu"), gpu);
    assert_int_equal(cs_sched_index_tag_find(idx, "SSD"), 0);
    struct cs_sched_host a = host(1, 1, 1, 1), b = host(2, 1, 1, 1);
    a.tags = ssd;
    b.tags = ssd | gpu;
    put(idx, a);
    put(idx, b);
    put(idx, host(3, 1, 1, 1));
    struct cs_sched_request r = vm();
    assert_true(passes(idx, "tags", &r, 3)); /* untagged offering: tagged hosts too */
    assert_true(passes(idx, "tags", &r, 1));
    const char *one[] = {"ssd"}, *two[] = {"ssd", "gpu"}, *unknown[] = {"nvme"};
    r.host_tags = one;
    r.n_host_tags = 1;
    assert_true(passes(idx, "tags", &r, 1));
    assert_false(passes(idx, "tags", &r, 3));
    r.host_tags = two;
    r.n_host_tags = 2;
    assert_false(passes(idx, "tags", &r, 1));
    assert_true(passes(idx, "tags", &r, 2));
    r.host_tags = unknown;
    r.n_host_tags = 1;
    assert_false(passes(idx, "tags", &r, 2));
    cs_sched_index_free(idx);
}

static void test_tag_limit(void **state)
{
    (void)state;
    struct cs_sched_index *idx = idx_new();
    struct cs_err err = {0};
    uint64_t bit;
    char name[16];
    for (int i = 0; i < CS_SCHED_MAX_TAGS; i++) {
        snprintf(name, sizeof(name), "t%d", i);
        assert_int_equal(cs_sched_index_tag(idx, name, &bit, &err), 0);
    }
    assert_int_equal(cs_sched_index_tag(idx, "one-too-many", &bit, &err), -CS_ERR_LIMIT);
    assert_int_equal(cs_sched_index_tag(idx, "", &bit, &err), -CS_ERR_PARAM);
    cs_sched_index_free(idx);
}

static void test_dedication(void **state)
{
    (void)state;
    struct cs_sched_index *idx = idx_new();
    struct cs_err err = {0};
    /* dedication 10: account 100; dedication 20: domain 5 (and subdomains) */
    assert_int_equal(cs_sched_index_set_dedication(idx, 10, 1, 100, &err), 0);
    assert_int_equal(cs_sched_index_set_dedication(idx, 20, 5, 0, &err), 0);
    assert_int_equal(cs_sched_index_set_dedication(idx, 0, 5, 0, &err), -CS_ERR_PARAM);
    struct cs_sched_host a = host(1, 1, 1, 1), d = host(3, 1, 1, 2), im = host(4, 1, 1, 3);
    a.dedication_id = 10;
    d.dedication_id = 20;
    im.implicit_account_id = 100;
    put(idx, a);
    put(idx, host(2, 1, 1, 1));
    put(idx, d);
    put(idx, im);
    int64_t path_in[] = {1, 5, 6}, path_out[] = {1, 7};
    struct cs_sched_request r = vm();
    r.account_id = 100;
    r.domain_path = path_out;
    r.n_domain_path = 2;
    /* without explicit dedication: shared hosts only, even for the owner */
    assert_false(passes(idx, "dedication", &r, 1));
    assert_true(passes(idx, "dedication", &r, 2));
    assert_false(passes(idx, "dedication", &r, 4));
    r.explicit_dedication = true;
    assert_true(passes(idx, "dedication", &r, 1));
    assert_false(passes(idx, "dedication", &r, 2));
    assert_false(passes(idx, "dedication", &r, 3));
    r.account_id = 101;
    assert_false(passes(idx, "dedication", &r, 1));
    r.domain_path = path_in;
    r.n_domain_path = 3;
    assert_true(passes(idx, "dedication", &r, 3));
    /* implicit hosts: only the implicit planner of the same account */
    r = vm();
    r.account_id = 100;
    r.planner = CS_SCHED_PLANNER_IMPLICIT;
    assert_true(passes(idx, "dedication", &r, 4));
    r.account_id = 101;
    assert_false(passes(idx, "dedication", &r, 4));
    /* a dedicated zone: closed to others, open to its account (with its dedicated hosts) */
    assert_int_equal(cs_sched_index_set_zone_dedication(idx, 1, 10, &err), 0);
    r = vm();
    r.account_id = 101;
    assert_false(passes(idx, "dedication", &r, 2));
    r.owner_is_root_admin = true;
    assert_true(passes(idx, "dedication", &r, 2));
    r = vm();
    r.account_id = 100;
    assert_true(passes(idx, "dedication", &r, 2));
    assert_true(passes(idx, "dedication", &r, 1));
    assert_int_equal(cs_sched_index_set_zone_dedication(idx, 1, 0, &err), 0);
    assert_false(passes(idx, "dedication", &r, 1));
    cs_sched_index_free(idx);
}

static void test_capacity_uses_cluster_factors(void **state)
{
    (void)state;
    struct cs_sched_index *idx = idx_new();
    struct cs_err err = {0};
    put(idx, host(1, 1, 1, 1)); /* 8000 MHz, 8 GiB */
    struct cs_sched_request r = {.cpus = 4, .cpu_mhz = 2000, .mem_bytes = 8 * GIB};
    assert_true(passes(idx, "capacity", &r, 1));
    r.cpu_mhz = 1500;
    r.cpus = 4;
    r.mem_bytes = 9 * GIB;
    assert_false(passes(idx, "capacity", &r, 1));
    assert_int_equal(cs_sched_index_set_cluster(idx, 1, (struct cs_sched_factors){1.0, 2.0},
                                                (struct cs_sched_thresholds){0, 0}, &err),
                     0);
    assert_true(passes(idx, "capacity", &r, 1));
    r.cpus = 5; /* more vCPUs than cores never fits, whatever the factor */
    assert_int_equal(cs_sched_index_set_cluster(idx, 1, (struct cs_sched_factors){4.0, 2.0},
                                                (struct cs_sched_thresholds){0, 0}, &err),
                     0);
    assert_false(passes(idx, "capacity", &r, 1));
    cs_sched_index_free(idx);
}

static void test_threshold(void **state)
{
    (void)state;
    struct cs_sched_index *idx = idx_new();
    struct cs_err err = {0};
    put(idx, host(1, 1, 1, 1)); /* cluster 1: 8000 MHz, 8 GiB */
    put(idx, host(2, 1, 1, 1)); /* cluster 1 total: 16000 MHz, 16 GiB */
    assert_int_equal(cs_sched_index_set_cluster(idx, 1, (struct cs_sched_factors){0, 0},
                                                (struct cs_sched_thresholds){0.5, 0.85}, &err),
                     0);
    struct cs_sched_request r = {.cpus = 4, .cpu_mhz = 2000, .mem_bytes = GIB};
    assert_true(passes(idx, "threshold", &r, 2)); /* 8000 / 16000 = 0.5: not above */
    assert_int_equal(cs_sched_reserve(idx, 1, 1, 0, &err), 0);
    assert_false(passes(idx, "threshold", &r, 2)); /* 8001 / 16000 > 0.5 */
    r.host_id = 2;                                 /* an explicit host skips the planner */
    assert_true(passes(idx, "threshold", &r, 2));
    r.host_id = 0;
    cs_sched_release(idx, 1, 1, 0);
    r.mem_bytes = 14 * GIB; /* 14/16 > 0.85 */
    r.cpus = 1;
    assert_false(passes(idx, "threshold", &r, 2));
    cs_sched_index_free(idx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_table_is_complete),
        cmocka_unit_test(test_scope),
        cmocka_unit_test(test_state),
        cmocka_unit_test(test_avoid_short_and_long),
        cmocka_unit_test(test_affinity),
        cmocka_unit_test(test_tags),
        cmocka_unit_test(test_tag_limit),
        cmocka_unit_test(test_dedication),
        cmocka_unit_test(test_capacity_uses_cluster_factors),
        cmocka_unit_test(test_threshold),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
