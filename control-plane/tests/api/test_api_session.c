/* Unit tests of api_session: create, lookup with cookie/parameter keys, expiry, destroy, scale. */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "api_session.h"
#include "util_time.h"

static const struct cs_api_session_who WHO = {.user_id = 7, .account_id = 3, .domain_id = 1,
                                              .account_type = 2};

static void test_create_lookup(void **state)
{
    struct cs_api_sessions *s = cs_api_sessions_new(0);
    assert_non_null(s);
    assert_int_equal(cs_api_sessions_timeout(s), 1800);
    char *key = NULL, *id = NULL;
    assert_int_equal(cs_api_sessions_create(s, &WHO, &key, &id), 0);
    /* 20 random bytes as Base64-URL without padding = 27 characters */
    assert_int_equal(strlen(key), 27);
    assert_null(strpbrk(key, "+/="));
    assert_true(strlen(id) >= 32);

    struct cs_api_session_who who = {0};
    assert_int_equal(cs_api_sessions_lookup(s, id, key, key, &who), 0);
    assert_int_equal(who.user_id, 7);
    assert_int_equal(who.account_id, 3);
    assert_int_equal(who.domain_id, 1);
    assert_int_equal(who.account_type, 2);
    assert_int_equal(cs_api_sessions_lookup(s, id, key, NULL, &who), 0);
    assert_int_equal(cs_api_sessions_lookup(s, id, NULL, key, &who), 0);

    /* no key, wrong key in either place, unknown id: refused and who untouched */
    struct cs_api_session_who untouched = {.user_id = -1};
    assert_true(cs_api_sessions_lookup(s, id, NULL, NULL, &untouched) < 0);
    assert_true(cs_api_sessions_lookup(s, id, "wrong", key, &untouched) < 0);
    assert_true(cs_api_sessions_lookup(s, id, key, "wrong", &untouched) < 0);
    char *shorter = strdup(key);
    shorter[10] = '\0';
    assert_true(cs_api_sessions_lookup(s, id, NULL, shorter, &untouched) < 0);
    free(shorter);
    assert_true(cs_api_sessions_lookup(s, "nope", key, key, &untouched) < 0);
    assert_true(cs_api_sessions_lookup(s, NULL, key, key, &untouched) < 0);
    assert_int_equal(untouched.user_id, -1);

    /* a second session has different keys; keys are not interchangeable */
    char *key2 = NULL, *id2 = NULL;
    assert_int_equal(cs_api_sessions_create(s, &WHO, &key2, &id2), 0);
    assert_string_not_equal(key, key2);
    assert_string_not_equal(id, id2);
    assert_true(cs_api_sessions_lookup(s, id2, key, key, &who) < 0);
    assert_int_equal(cs_api_sessions_count(s), 2);

    /* destroy: gone; the other survives; destroying twice or unknown is harmless */
    cs_api_sessions_destroy(s, id);
    assert_true(cs_api_sessions_lookup(s, id, key, key, &who) < 0);
    cs_api_sessions_destroy(s, id);
    cs_api_sessions_destroy(s, "unknown");
    cs_api_sessions_destroy(s, NULL);
    assert_int_equal(cs_api_sessions_lookup(s, id2, key2, key2, &who), 0);
    assert_int_equal(cs_api_sessions_count(s), 1);
    free(key);
    free(id);
    free(key2);
    free(id2);
    cs_api_sessions_free(s);
    cs_api_sessions_free(NULL);
}

static void sleep_ms(int ms)
{
    struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}

static void test_idle_expiry(void **state)
{
    struct cs_api_sessions *s = cs_api_sessions_new(1);
    assert_int_equal(cs_api_sessions_timeout(s), 1);
    char *k1, *i1, *k2, *i2;
    assert_int_equal(cs_api_sessions_create(s, &WHO, &k1, &i1), 0);
    assert_int_equal(cs_api_sessions_create(s, &WHO, &k2, &i2), 0);
    struct cs_api_session_who who;
    /* keep session 2 busy: each lookup refreshes its idle time */
    for (int i = 0; i < 3; i++) {
        sleep_ms(500);
        assert_int_equal(cs_api_sessions_lookup(s, i2, NULL, k2, &who), 0);
    }
    /* 1.5 s without use: session 1 expired */
    assert_true(cs_api_sessions_lookup(s, i1, NULL, k1, &who) < 0);
    assert_int_equal(cs_api_sessions_count(s), 1);
    sleep_ms(1200);
    assert_true(cs_api_sessions_lookup(s, i2, NULL, k2, &who) < 0);
    assert_int_equal(cs_api_sessions_count(s), 0);
    free(k1);
    free(i1);
    free(k2);
    free(i2);
    cs_api_sessions_free(s);
}

struct worker {
    struct cs_api_sessions *s;
    int n;
    int failures;
};

static void *churn(void *arg)
{
    struct worker *w = arg;
    for (int i = 0; i < w->n; i++) {
        char *k, *id;
        struct cs_api_session_who who;
        struct cs_api_session_who mine = {.user_id = i};
        if (cs_api_sessions_create(w->s, &mine, &k, &id) < 0) {
            w->failures++;
            continue;
        }
        if (cs_api_sessions_lookup(w->s, id, k, k, &who) < 0 || who.user_id != i)
            w->failures++;
        if (i % 2)
            cs_api_sessions_destroy(w->s, id);
        free(k);
        free(id);
    }
    return NULL;
}

static void test_many_sessions_threads(void **state)
{
    struct cs_api_sessions *s = cs_api_sessions_new(600);
    enum { THREADS = 4, PER = 5000 };
    pthread_t t[THREADS];
    struct worker w[THREADS];
    int64_t t0 = cs_util_mono_ns();
    for (int i = 0; i < THREADS; i++) {
        w[i] = (struct worker){s, PER, 0};
        pthread_create(&t[i], NULL, churn, &w[i]);
    }
    for (int i = 0; i < THREADS; i++) {
        pthread_join(t[i], NULL);
        assert_int_equal(w[i].failures, 0);
    }
    double ms = (double)(cs_util_mono_ns() - t0) / 1e6;
    print_message("%d sessions created and looked up in %.1f ms\n", THREADS * PER, ms);
    assert_int_equal(cs_api_sessions_count(s), THREADS * PER / 2);
    cs_api_sessions_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_create_lookup),
        cmocka_unit_test(test_idle_expiry),
        cmocka_unit_test(test_many_sessions_threads),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
