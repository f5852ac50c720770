/* Conformance: authentication (signatures, v3 expiry, POST, sessions, integration port). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "cs_harness.h"

#define ADMIN_PASSWORD "conformance-pw"
#define AUTH_TEXT "unable to verify user credentials and/or request signature"

static struct cs_harness *H;

static int setup(void **state)
{
    static const char *const env[] = {"CSTACK_ADMIN_PASSWORD=" ADMIN_PASSWORD, NULL};
    struct cs_harness_opts o = {.fixture = CS_HARNESS_TINY, .integration_port = true, .env = env};
    H = cs_harness_start(&o);
    return H ? 0 : -1;
}

static int teardown(void **state)
{
    cs_harness_free(H);
    return 0;
}

static void assert_401(struct csc_result *r, int rc)
{
    assert_int_equal(rc, CSC_EAPI);
    assert_int_equal(r->http_status, 401);
    assert_int_equal(r->errorcode, 401);
    assert_non_null(r->errortext);
    assert_string_equal(r->errortext, AUTH_TEXT);
    /* The servlet's own 401 carries no cserrorcode. */
    assert_null(json_object_get(r->obj, "cserrorcode"));
}

static void test_bad_signature(void **state)
{
    struct csc_call_opts o = {.signature = "AAAAAAAAAAAAAAAAAAAAAAAAAAA="};
    struct csc_result r;
    int rc = csc_call_opts(H->admin, "listZones", NULL, 0, &o, &r);
    assert_401(&r, rc);
    assert_string_equal(r.key, "listzonesresponse");
    csc_result_release(&r);
}

static void test_unknown_apikey(void **state)
{
    struct csc_client *c = csc_client_new(H->url, "no-such-api-key", CS_HARNESS_SECRET);
    struct csc_result r;
    int rc = csc_call(c, "listZones", NULL, 0, &r);
    assert_401(&r, rc);
    csc_result_release(&r);
    csc_client_free(c);
}

static void test_missing_signature(void **state)
{
    struct csc_call_opts o = {.omit_signature = true};
    struct csc_result r;
    int rc = csc_call_opts(H->admin, "listZones", NULL, 0, &o, &r);
    assert_401(&r, rc);
    csc_result_release(&r);
    /* No credentials at all. */
    struct csc_client *c = csc_client_new(H->url, NULL, NULL);
    rc = csc_call(c, "listZones", NULL, 0, &r);
    assert_401(&r, rc);
    csc_result_release(&r);
    csc_client_free(c);
}

static void test_v3_expired(void **state)
{
    struct csc_call_opts o = {.expires_in_s = -60};
    struct csc_result r;
    int rc = csc_call_opts(H->admin, "listZones", NULL, 0, &o, &r);
    assert_401(&r, rc);
    csc_result_release(&r);
}

static void test_v3_valid(void **state)
{
    struct csc_call_opts o = {.expires_in_s = 300};
    struct csc_result r;
    assert_int_equal(csc_call_opts(H->admin, "listZones", NULL, 0, &o, &r), 0);
    assert_int_equal(r.http_status, 200);
    assert_int_equal(json_integer_value(json_object_get(r.obj, "count")), 1);
    csc_result_release(&r);
    /* camel-case names as ngine-io cs and cloudmonkey send them */
    struct csc_call_opts camel = {.expires_in_s = 300, .apikey_name = "apiKey"};
    assert_int_equal(csc_call_opts(H->admin, "listZones", NULL, 0, &camel, &r), 0);
    csc_result_release(&r);
}

static void test_post_form(void **state)
{
    struct csc_call_opts o = {.post = true};
    struct csc_param p[] = {{"name", "tiny"}};
    struct csc_result r;
    assert_int_equal(csc_call_opts(H->admin, "listZones", p, 1, &o, &r), 0);
    assert_int_equal(r.http_status, 200);
    assert_int_equal(json_integer_value(json_object_get(r.obj, "count")), 1);
    csc_result_release(&r);
    /* A bad signature over a form body is refused too. */
    struct csc_call_opts bad = {.post = true, .signature = "AAAAAAAAAAAAAAAAAAAAAAAAAAA="};
    int rc = csc_call_opts(H->admin, "listZones", p, 1, &bad, &r);
    assert_401(&r, rc);
    csc_result_release(&r);
}

static void test_login_get_refused(void **state)
{
    struct csc_client *c = csc_client_new(H->url, NULL, NULL);
    struct csc_param p[] = {{"username", "admin"}, {"password", ADMIN_PASSWORD}};
    struct csc_result r;
    assert_int_equal(csc_call(c, "login", p, 2, &r), CSC_EAPI);
    assert_int_equal(r.http_status, 405);
    assert_int_equal(r.errorcode, 405);
    csc_result_release(&r);
    csc_client_free(c);
}

static void test_login_bad_password(void **state)
{
    struct csc_client *c = csc_client_new(H->url, NULL, NULL);
    struct csc_result r;
    assert_int_equal(csc_login(c, "admin", "wrong-password", NULL, &r), CSC_EAPI);
    assert_int_equal(r.http_status, 531);
    assert_int_equal(r.errorcode, 531);
    assert_string_equal(r.key, "loginresponse");
    assert_non_null(r.errortext);
    assert_null(csc_client_sessionkey(c));
    csc_result_release(&r);
    csc_client_free(c);
}

static void test_session(void **state)
{
    struct csc_client *c = csc_client_new(H->url, NULL, NULL);
    struct csc_result r;
    assert_int_equal(csc_login(c, "admin", ADMIN_PASSWORD, "/", &r), 0);
    assert_string_equal(r.key, "loginresponse");
    const char *key = json_string_value(json_object_get(r.obj, "sessionkey"));
    assert_non_null(key);
    assert_true(strlen(key) > 0);
    assert_string_equal(json_string_value(json_object_get(r.obj, "username")), "admin");
    assert_true(json_is_integer(json_object_get(r.obj, "timeout")));
    assert_true(json_is_string(json_object_get(r.obj, "userid")));
    assert_true(json_is_string(json_object_get(r.obj, "type")));
    char *jsession = csc_client_cookie(c, "JSESSIONID");
    char *key_cookie = csc_client_cookie(c, "sessionkey");
    assert_non_null(jsession);
    assert_non_null(key_cookie);
    assert_string_equal(key_cookie, key);
    char *saved_key = strdup(key);
    csc_result_release(&r);

    /* A session call (cookies + sessionkey parameter, no signature) works. */
    assert_int_equal(csc_call(c, "listZones", NULL, 0, &r), 0);
    assert_int_equal(json_integer_value(json_object_get(r.obj, "count")), 1);
    csc_result_release(&r);

    assert_int_equal(csc_logout(c, &r), 0);
    assert_string_equal(r.key, "logoutresponse");
    assert_string_equal(json_string_value(json_object_get(r.obj, "description")), "success");
    csc_result_release(&r);

    /* The old session, replayed with both cookies and the key, is refused. */
    char cookie[1024];
    snprintf(cookie, sizeof(cookie), "JSESSIONID=%s; sessionkey=%s", jsession, saved_key);
    struct csc_client *replay = csc_client_new(H->url, NULL, NULL);
    struct csc_call_opts o = {.cookie = cookie};
    struct csc_param p[] = {{"sessionkey", saved_key}};
    int rc = csc_call_opts(replay, "listZones", p, 1, &o, &r);
    assert_int_equal(rc, CSC_EAPI);
    assert_int_equal(r.http_status, 401);
    assert_int_equal(r.errorcode, 401);
    csc_result_release(&r);
    csc_client_free(replay);
    free(jsession);
    free(key_cookie);
    free(saved_key);
    csc_client_free(c);
}

static void test_integration_port(void **state)
{
    struct csc_client *c = cs_harness_client(H, true);
    struct csc_result r;
    assert_int_equal(csc_call(c, "listZones", NULL, 0, &r), 0);
    assert_int_equal(r.http_status, 200);
    assert_string_equal(r.key, "listzonesresponse");
    assert_int_equal(json_integer_value(json_object_get(r.obj, "count")), 1);
    csc_result_release(&r);

    assert_int_equal(csc_call(c, "noSuchCommand", NULL, 0, &r), CSC_EAPI);
    assert_int_equal(r.http_status, 432);
    assert_int_equal(r.errorcode, 432);
    assert_string_equal(r.key, "errorresponse");
    assert_non_null(r.errortext);
    csc_result_release(&r);
    csc_client_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bad_signature),      cmocka_unit_test(test_unknown_apikey),
        cmocka_unit_test(test_missing_signature),  cmocka_unit_test(test_v3_expired),
        cmocka_unit_test(test_v3_valid),           cmocka_unit_test(test_post_form),
        cmocka_unit_test(test_login_get_refused),  cmocka_unit_test(test_login_bad_password),
        cmocka_unit_test(test_session),            cmocka_unit_test(test_integration_port),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
