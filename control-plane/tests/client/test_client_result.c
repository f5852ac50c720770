/* Tests of response parsing: success, list, empty list, error and malformed bodies. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "cstack/client.h"

static int parse(const char *body, struct csc_result *r)
{
    memset(r, 0, sizeof(*r));
    r->body = strdup(body);
    return csc_result_parse(r);
}

static void test_single_object(void **state)
{
    struct csc_result r;
    assert_int_equal(parse("{\"createzoneresponse\":{\"zone\":{\"id\":\"z\",\"name\":\"Z\"}}}", &r),
                     0);
    assert_string_equal(r.key, "createzoneresponse");
    assert_true(json_is_object(r.obj));
    assert_string_equal(json_string_value(json_object_get(json_object_get(r.obj, "zone"), "id")),
                        "z");
    assert_int_equal(r.errorcode, 0);
    assert_null(r.errortext);
    csc_result_release(&r);
    assert_null(r.body);
    assert_null(r.root);
}

static void test_list(void **state)
{
    struct csc_result r;
    assert_int_equal(
        parse("{\"listzonesresponse\":{\"count\":2,\"zone\":[{\"id\":\"a\"},{\"id\":\"b\"}]}}", &r),
        0);
    assert_string_equal(r.key, "listzonesresponse");
    assert_int_equal(json_integer_value(json_object_get(r.obj, "count")), 2);
    assert_int_equal(json_array_size(json_object_get(r.obj, "zone")), 2);
    csc_result_release(&r);
}

static void test_empty_list(void **state)
{
    struct csc_result r;
    assert_int_equal(parse("{ \"listzonesresponse\" : { } }", &r), 0);
    assert_string_equal(r.key, "listzonesresponse");
    assert_int_equal(json_object_size(r.obj), 0);
    assert_int_equal(r.errorcode, 0);
    csc_result_release(&r);
}

static void test_error(void **state)
{
    struct csc_result r;
    assert_int_equal(parse("{\"deployvirtualmachineresponse\":{\"uuidList\":[],\"errorcode\":431,"
                           "\"cserrorcode\":9999,\"errortext\":\"Unable to execute API command "
                           "deployvirtualmachine due to missing parameter zoneid\"}}",
                           &r),
                     0);
    assert_string_equal(r.key, "deployvirtualmachineresponse");
    assert_int_equal(r.errorcode, 431);
    assert_int_equal(r.cserrorcode, 9999);
    assert_string_equal(r.errortext,
                        "Unable to execute API command deployvirtualmachine due to missing "
                        "parameter zoneid");
    csc_result_release(&r);

    assert_int_equal(parse("{\"errorresponse\":{\"errorcode\":401,\"errortext\":\"unable to verify "
                           "user credentials and/or request signature\"}}",
                           &r),
                     0);
    assert_string_equal(r.key, "errorresponse");
    assert_int_equal(r.errorcode, 401);
    assert_int_equal(r.cserrorcode, 0);
    csc_result_release(&r);
}

static void test_async_and_job(void **state)
{
    struct csc_result r;
    assert_int_equal(parse("{\"deployvirtualmachineresponse\":{\"id\":\"v\",\"jobid\":\"j\"}}", &r),
                     0);
    assert_string_equal(json_string_value(json_object_get(r.obj, "jobid")), "j");
    csc_result_release(&r);
    assert_int_equal(parse("{\"queryasyncjobresultresponse\":{\"jobid\":\"j\",\"jobstatus\":2,"
                           "\"jobresultcode\":533,\"jobresulttype\":\"object\",\"jobresult\":{"
                           "\"errorcode\":533,\"errortext\":\"no capacity\"}}}",
                           &r),
                     0);
    /* A failed job is not an error response by itself: the top level has no errorcode. */
    assert_int_equal(r.errorcode, 0);
    assert_int_equal(json_integer_value(json_object_get(r.obj, "jobstatus")), 2);
    csc_result_release(&r);
}

static void test_malformed(void **state)
{
    struct csc_result r;
    assert_int_equal(parse("<?xml version=\"1.0\"?><x/>", &r), CSC_ETRANSPORT);
    assert_non_null(r.errortext);
    assert_null(r.root);
    csc_result_release(&r);
    assert_int_equal(parse("[1,2]", &r), CSC_ETRANSPORT);
    csc_result_release(&r);
    assert_int_equal(parse("{\"a\":1,\"b\":2}", &r), CSC_ETRANSPORT);
    csc_result_release(&r);
    assert_int_equal(parse("", &r), CSC_ETRANSPORT);
    csc_result_release(&r);
    csc_result_release(NULL);
}

static void test_keys_file(void **state)
{
    char path[] = "/tmp/csc-keys-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fputs("apikey=AK-1\nsecretkey=SK/2==\n", f);
    fclose(f);
    char *k = NULL, *s = NULL;
    assert_int_equal(csc_keys_load(path, &k, &s), 0);
    assert_string_equal(k, "AK-1");
    assert_string_equal(s, "SK/2==");
    free(k);
    free(s);
    f = fopen(path, "w");
    fputs("apikey=only\n", f);
    fclose(f);
    k = s = NULL;
    assert_int_equal(csc_keys_load(path, &k, &s), -1);
    assert_null(k);
    unlink(path);
    assert_int_equal(csc_keys_load(path, &k, &s), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_single_object), cmocka_unit_test(test_list),
        cmocka_unit_test(test_empty_list),    cmocka_unit_test(test_error),
        cmocka_unit_test(test_async_and_job), cmocka_unit_test(test_malformed),
        cmocka_unit_test(test_keys_file),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
