/* Conformance: parameter validation errors, and that a failed call changes nothing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "cs_harness_vm.h"

#define UNKNOWN_UUID "0b6a2b3e-5c1d-4e8f-9a7b-3c2d1e0f9a8b"

static struct cs_harness *H;
static struct cs_harness_ids ids;

static int setup(void **state)
{
    struct cs_harness_opts o = {.fixture = CS_HARNESS_TINY};
    H = cs_harness_start(&o);
    return H && cs_harness_ids_load(H->admin, &ids) == 0 ? 0 : -1;
}

static int teardown(void **state)
{
    cs_harness_ids_release(&ids);
    cs_harness_free(H);
    return 0;
}

static long vm_count(void)
{
    struct csc_param p[] = {{"listall", "true"}};
    return cs_harness_count(H->admin, "listVirtualMachines", p, 1);
}

/* Calls deployVirtualMachine and checks a 431 under deployvirtualmachineresponse. */
static void deploy_expect_431(const struct csc_param *p, size_t n, const char *text_part,
                              bool exact)
{
    long before = vm_count();
    assert_true(before >= 0);
    struct csc_result r;
    assert_int_equal(csc_call(H->admin, "deployVirtualMachine", p, n, &r), CSC_EAPI);
    assert_int_equal(r.http_status, 431);
    assert_int_equal(r.errorcode, 431);
    assert_int_equal(r.cserrorcode, 9999);
    assert_string_equal(r.key, "deployvirtualmachineresponse");
    assert_true(json_is_array(json_object_get(r.obj, "uuidList")));
    assert_null(json_object_get(r.obj, "jobid"));
    assert_non_null(r.errortext);
    if (exact)
        assert_string_equal(r.errortext, text_part);
    else if (!strstr(r.errortext, text_part))
        fail_msg("errortext '%s' lacks '%s'", r.errortext, text_part);
    csc_result_release(&r);
    assert_int_equal(vm_count(), before);
}

static void test_missing_required(void **state)
{
    struct csc_param p[] = {{"serviceofferingid", ids.small}, {"templateid", ids.template_id}};
    deploy_expect_431(p, 2,
                      "Unable to execute API command deployvirtualmachine due to missing "
                      "parameter zoneid",
                      true);
}

static void test_bad_uuid(void **state)
{
    struct csc_param p[] = {{"zoneid", "not-a-uuid"},
                            {"serviceofferingid", ids.small},
                            {"templateid", ids.template_id}};
    deploy_expect_431(p, 3, "zoneid", false);
}

static void test_unknown_id(void **state)
{
    struct csc_param p[] = {{"zoneid", UNKNOWN_UUID},
                            {"serviceofferingid", ids.small},
                            {"templateid", ids.template_id}};
    deploy_expect_431(p, 3,
                      "Invalid parameter zoneid value=" UNKNOWN_UUID
                      " due to incorrect long value format, or entity does not exist",
                      false);
}

static void test_unknown_offering(void **state)
{
    struct csc_param p[] = {{"zoneid", ids.zone},
                            {"serviceofferingid", UNKNOWN_UUID},
                            {"templateid", ids.template_id}};
    deploy_expect_431(p, 3, "Invalid parameter serviceofferingid value=" UNKNOWN_UUID, false);
}

/* Same rule on an async command: the error comes synchronously, no job is created. */
static void test_unknown_vm_id(void **state)
{
    struct csc_param p[] = {{"id", UNKNOWN_UUID}};
    struct csc_result r;
    assert_int_equal(csc_call(H->admin, "stopVirtualMachine", p, 1, &r), CSC_EAPI);
    assert_int_equal(r.http_status, 431);
    assert_string_equal(r.key, "stopvirtualmachineresponse");
    assert_null(json_object_get(r.obj, "jobid"));
    if (!strstr(r.errortext, "Invalid parameter id value=" UNKNOWN_UUID
                             " due to incorrect long value format, or entity does not exist"))
        fail_msg("errortext '%s'", r.errortext);
    csc_result_release(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_missing_required), cmocka_unit_test(test_bad_uuid),
        cmocka_unit_test(test_unknown_id),       cmocka_unit_test(test_unknown_offering),
        cmocka_unit_test(test_unknown_vm_id),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
