/* Tests of the simulator's string-keyed hash map under heavy insert/delete churn. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <cmocka.h>

#include "sim_internal.h"

#define N 20000

struct item {
    char key[16];
};

static void test_churn(void **state)
{
    struct sim_map m = {0};
    struct item *items = calloc(N, sizeof(*items));
    assert_non_null(items);
    for (int i = 0; i < N; i++) {
        snprintf(items[i].key, sizeof(items[i].key), "k%d", i);
        assert_null(sim_map_get(&m, items[i].key));
        assert_int_equal(sim_map_put(&m, &items[i]), 0);
    }
    assert_int_equal(m.len, N);
    /* delete every odd key, then check everything */
    for (int i = 1; i < N; i += 2)
        assert_ptr_equal(sim_map_del(&m, items[i].key), &items[i]);
    assert_null(sim_map_del(&m, "k1"));
    assert_int_equal(m.len, N / 2);
    for (int i = 0; i < N; i++) {
        void *v = sim_map_get(&m, items[i].key);
        if (i % 2)
            assert_null(v);
        else
            assert_ptr_equal(v, &items[i]);
    }
    /* re-add and delete the even ones: all lookups stay exact */
    for (int i = 1; i < N; i += 2)
        assert_int_equal(sim_map_put(&m, &items[i]), 0);
    for (int i = 0; i < N; i += 2)
        assert_ptr_equal(sim_map_del(&m, items[i].key), &items[i]);
    size_t pos = 0, seen = 0;
    struct item *it;
    while ((it = sim_map_next(&m, &pos))) {
        assert_true(strtol(it->key + 1, NULL, 10) % 2 == 1);
        seen++;
    }
    assert_int_equal(seen, N / 2);
    for (int i = 1; i < N; i += 2)
        assert_ptr_equal(sim_map_get(&m, items[i].key), &items[i]);
    sim_map_release(&m);
    sim_map_release(NULL);
    free(items);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_churn),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
