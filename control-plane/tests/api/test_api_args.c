/* Unit tests of parameter validation from the command table: required, types, lengths, uuids
 * resolved against a real database, paging rules — with CloudStack's exact error texts. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "api_args.h"
#include "api_params.h"
#include "db.h"

static const struct cs_api_param_spec specs[] = {
    {"zoneid", CS_PT_UUID, CS_PF_REQUIRED, CS_ENT_DOMAIN, "a domain standing in for any entity", 0},
    {"name", CS_PT_STRING, 0, CS_ENT_NONE, "a name", 0},
    {"userdata", CS_PT_STRING, 0, CS_ENT_NONE, "long text", 32768},
    {"size", CS_PT_LONG, 0, CS_ENT_NONE, "a number", 0},
    {"startvm", CS_PT_BOOLEAN, 0, CS_ENT_NONE, "a flag", 0},
    {"startdate", CS_PT_DATE, 0, CS_ENT_NONE, "a date", 0},
    {"opaque", CS_PT_UUID, 0, CS_ENT_NONE, "a uuid no table backs", 0},
    {"templatezone", CS_PT_UUID, CS_PF_ALL, CS_ENT_ZONE, "-1 means all zones", 0},
    {NULL},
};

static const struct cs_api_cmd cmd = {
    .name = "deployVirtualMachine", .kind = CS_CMD_SYNC, .roles = CS_ROLE_ALL,
    .params = specs, .is_list = true,
};

static struct cs_svc *svc;
static char dir[128];
static char root_uuid[37];

static int group_setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof(dir), "/tmp/cstack-test-args-%d", (int)getpid());
    struct cs_svc_options o = {.data_dir = dir, .hv_config = "latency=0", .job_workers = 1,
                               .admin_keys = "k:s"};
    struct cs_err err;
    svc = cs_svc_new(&o, &err);
    if (!svc)
        fail_msg("svc: %s", err.msg);
    assert_int_equal(cs_db_uuid_by_id(svc->db, "domain", 1, root_uuid, &err), 0);
    return 0;
}

static int group_teardown(void **state)
{
    (void)state;
    cs_svc_free(svc);
    char cmdline[300];
    snprintf(cmdline, sizeof(cmdline), "rm -rf '%s'", dir);
    return system(cmdline) == 0 ? 0 : -1;
}

/* Binds "k=v&k=v" against the test command; returns the bind result, err filled. */
static int bind(const char *query, struct cs_api_call *call, struct cs_api_params **ret_p,
                struct cs_err *err)
{
    struct cs_api_params *p = cs_api_params_new();
    assert_non_null(p);
    assert_int_equal(cs_api_params_parse(p, query, strlen(query), err), 0);
    *call = (struct cs_api_call){.cmd = &cmd, .svc = svc, .params = p,
                                 .caller = cs_svc_system_caller()};
    *ret_p = p;
    int rc = cs_api_args_bind(call, err);
    if (rc == 0)
        rc = cs_api_args_paging(call, err);
    return rc;
}

static void expect_error(const char *query, enum cs_errc code, const char *text)
{
    struct cs_api_call call;
    struct cs_api_params *p;
    struct cs_err err;
    cs_err_clear(&err);
    int rc = bind(query, &call, &p, &err);
    if (rc == 0)
        fail_msg("'%s' was accepted", query);
    assert_int_equal(err.code, code);
    if (text && strcmp(err.msg, text) != 0)
        fail_msg("'%s': got \"%s\", want \"%s\"", query, err.msg, text);
    cs_api_params_free(p);
}

static void test_missing_required(void **state)
{
    (void)state;
    expect_error("name=x", CS_ERR_PARAM,
                 "Unable to execute API command deployvirtualmachine due to missing parameter "
                 "zoneid");
    /* An empty value counts as missing for non-string types, as in CloudStack. */
    expect_error("zoneid=", CS_ERR_PARAM,
                 "Unable to execute API command deployvirtualmachine due to missing parameter "
                 "zoneid");
}

static void test_uuid_resolution(void **state)
{
    (void)state;
    expect_error("zoneid=not-a-uuid", CS_ERR_NOT_FOUND,
                 "Unable to execute API command deployvirtualmachine due to invalid value. "
                 "Invalid parameter zoneid value=not-a-uuid due to incorrect long value format, "
                 "or entity does not exist or due to incorrect parameter annotation for the "
                 "field in api cmd class.");
    expect_error("zoneid=0b8c7d6e-1234-4abc-8def-0123456789ab", CS_ERR_NOT_FOUND,
                 "Unable to execute API command deployvirtualmachine due to invalid value. "
                 "Invalid parameter zoneid value=0b8c7d6e-1234-4abc-8def-0123456789ab due to "
                 "incorrect long value format, or entity does not exist or due to incorrect "
                 "parameter annotation for the field in api cmd class.");

    char q[200];
    snprintf(q, sizeof(q), "ZoneId=%s&opaque=anything", root_uuid);
    struct cs_api_call call;
    struct cs_api_params *p;
    struct cs_err err;
    assert_int_equal(bind(q, &call, &p, &err), 0);
    assert_int_equal(cs_api_arg_id(&call, "zoneid"), 1);
    assert_string_equal(cs_api_arg_str(&call, "opaque"), "anything");
    assert_false(cs_api_arg_has(&call, "name"));
    cs_api_params_free(p);

    /* "-1" means "all" only where the row says so. */
    snprintf(q, sizeof(q), "zoneid=%s&templatezone=-1", root_uuid);
    assert_int_equal(bind(q, &call, &p, &err), 0);
    assert_int_equal(cs_api_arg_id(&call, "templatezone"), -1);
    cs_api_params_free(p);
    expect_error("zoneid=-1", CS_ERR_NOT_FOUND, NULL);
}

static void test_types_and_lengths(void **state)
{
    (void)state;
    char q[2048];
    snprintf(q, sizeof(q), "zoneid=%s&size=12x", root_uuid);
    expect_error(q, CS_ERR_PARAM,
                 "Unable to execute API command deployvirtualmachine due to invalid value 12x "
                 "for parameter size");
    snprintf(q, sizeof(q), "zoneid=%s&startdate=yesterday", root_uuid);
    expect_error(q, CS_ERR_PARAM, NULL);

    char name[300];
    memset(name, 'a', 256);
    name[256] = '\0';
    snprintf(q, sizeof(q), "zoneid=%s&name=%s", root_uuid, name);
    expect_error(q, CS_ERR_PARAM,
                 "Unable to execute API command deployvirtualmachine due to length of parameter "
                 "name exceeds 255 characters");
    /* A parameter with its own larger bound takes the long value. */
    snprintf(q, sizeof(q), "zoneid=%s&userdata=%s&size=-42&startvm=TRUE", root_uuid, name);
    struct cs_api_call call;
    struct cs_api_params *p;
    struct cs_err err;
    assert_int_equal(bind(q, &call, &p, &err), 0);
    assert_int_equal(cs_api_arg_long(&call, "size", 0), -42);
    assert_true(cs_api_arg_bool(&call, "startvm", false));
    assert_int_equal(cs_api_arg_long(&call, "missing", 7), 7);
    cs_api_params_free(p);
}

static void test_paging(void **state)
{
    (void)state;
    char q[200];
    snprintf(q, sizeof(q), "zoneid=%s&pagesize=10", root_uuid);
    expect_error(q, CS_ERR_PARAM, "\"page\" parameter is required when \"pagesize\" is specified");
    snprintf(q, sizeof(q), "zoneid=%s&page=1&pagesize=501", root_uuid);
    expect_error(q, CS_ERR_PARAM, "Page size can't exceed max allowed page size value: 500");
    snprintf(q, sizeof(q), "zoneid=%s&page=0&pagesize=5", root_uuid);
    expect_error(q, CS_ERR_PARAM, NULL);

    snprintf(q, sizeof(q), "zoneid=%s&page=3&pagesize=20", root_uuid);
    struct cs_api_call call;
    struct cs_api_params *p;
    struct cs_err err;
    assert_int_equal(bind(q, &call, &p, &err), 0);
    assert_int_equal(call.page.offset, 40);
    assert_int_equal(call.page.limit, 20);
    cs_api_params_free(p);
    /* No paging asked: the default page size caps the answer. */
    snprintf(q, sizeof(q), "zoneid=%s", root_uuid);
    assert_int_equal(bind(q, &call, &p, &err), 0);
    assert_int_equal(call.page.offset, 0);
    assert_int_equal(call.page.limit, 500);
    cs_api_params_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_missing_required),
        cmocka_unit_test(test_uuid_resolution),
        cmocka_unit_test(test_types_and_lengths),
        cmocka_unit_test(test_paging),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
