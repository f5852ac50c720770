/* Conformance: the response envelope (JSON and XML shapes, content types, parameter rules). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "cs_harness.h"

static struct cs_harness *H;
static char *zone_id;

static int setup(void **state)
{
    struct cs_harness_opts o = {.fixture = CS_HARNESS_TINY};
    H = cs_harness_start(&o);
    if (!H)
        return -1;
    zone_id = cs_harness_find_id(H->admin, "listZones", "zone", "name", "tiny");
    return zone_id ? 0 : -1;
}

static int teardown(void **state)
{
    free(zone_id);
    cs_harness_free(H);
    return 0;
}

static bool is_uuid(const char *s)
{
    static const int dash[] = {8, 13, 18, 23};
    if (!s || strlen(s) != 36)
        return false;
    for (int i = 0, d = 0; i < 36; i++) {
        if (d < 4 && i == dash[d]) {
            if (s[i] != '-')
                return false;
            d++;
        } else if (!isxdigit((unsigned char)s[i]) || isupper((unsigned char)s[i])) {
            return false;
        }
    }
    return true;
}

static void test_list_zones_json(void **state)
{
    struct csc_result r;
    assert_int_equal(csc_call(H->admin, "listZones", NULL, 0, &r), 0);
    assert_int_equal(r.http_status, 200);
    assert_non_null(r.content_type);
    assert_string_equal(r.content_type, "application/json; charset=UTF-8");
    assert_int_equal(json_object_size(r.root), 1);
    assert_string_equal(r.key, "listzonesresponse");
    json_t *count = json_object_get(r.obj, "count");
    json_t *zones = json_object_get(r.obj, "zone");
    assert_true(json_is_integer(count));
    assert_true(json_is_array(zones));
    assert_int_equal(json_integer_value(count), json_array_size(zones));
    assert_int_equal(json_array_size(zones), 1);
    size_t i;
    json_t *z;
    json_array_foreach(zones, i, z) {
        assert_true(is_uuid(json_string_value(json_object_get(z, "id"))));
        assert_string_equal(json_string_value(json_object_get(z, "name")), "tiny");
        assert_string_equal(json_string_value(json_object_get(z, "allocationstate")), "Enabled");
        assert_string_equal(json_string_value(json_object_get(z, "networktype")), "Advanced");
        /* Null fields are omitted, never sent as null. */
        const char *k;
        json_t *v;
        json_object_foreach(z, k, v) {
            assert_false(json_is_null(v));
        }
    }
    csc_result_release(&r);
}

/* The element right after the XML prolog, e.g. "listzonesresponse". */
static void assert_xml_root(const char *body, const char *root)
{
    assert_non_null(body);
    assert_true(strncmp(body, "<?xml", 5) == 0);
    const char *p = strstr(body, "?>");
    assert_non_null(p);
    p += 2;
    while (isspace((unsigned char)*p))
        p++;
    assert_int_equal(*p, '<');
    size_t n = strlen(root);
    assert_true(strncmp(p + 1, root, n) == 0);
    assert_true(p[1 + n] == ' ' || p[1 + n] == '>');
    char close[128];
    snprintf(close, sizeof(close), "</%s>", root);
    assert_non_null(strstr(body, close));
}

static void test_list_zones_xml(void **state)
{
    struct csc_param p[] = {{"response", "xml"}};
    struct csc_result r;
    assert_int_equal(csc_call(H->admin, "listZones", p, 1, &r), 0);
    assert_int_equal(r.http_status, 200);
    assert_non_null(r.content_type);
    assert_string_equal(r.content_type, "text/xml; charset=UTF-8");
    assert_null(r.root);
    assert_xml_root(r.body, "listzonesresponse");
    assert_non_null(strstr(r.body, "<count>1</count>"));
    assert_non_null(strstr(r.body, "<zone>"));
    assert_non_null(strstr(r.body, "<allocationstate>Enabled</allocationstate>"));
    char id[80];
    snprintf(id, sizeof(id), "<id>%s</id>", zone_id);
    assert_non_null(strstr(r.body, id));
    csc_result_release(&r);
}

static void test_empty_list(void **state)
{
    struct csc_param p[] = {{"name", "nomatch"}};
    struct csc_result r;
    assert_int_equal(csc_call(H->admin, "listZones", p, 1, &r), 0);
    assert_int_equal(r.http_status, 200);
    assert_string_equal(r.key, "listzonesresponse");
    assert_true(json_is_object(r.obj));
    assert_int_equal(json_object_size(r.obj), 0); /* {} : no count, no array */
    csc_result_release(&r);
}

static void test_unknown_params_ignored(void **state)
{
    struct csc_param p[] = {{"nosuchparameter", "x"}, {"listall", "true"}};
    assert_int_equal(cs_harness_count(H->admin, "listZones", p, 2), 1);
}

static void test_param_names_case_insensitive(void **state)
{
    struct csc_param by_id[] = {{"ID", zone_id}};
    assert_int_equal(cs_harness_count(H->admin, "listZones", by_id, 1), 1);
    /* If NAME were not recognised it would be ignored and the zone listed. */
    struct csc_param by_name[] = {{"NAME", "nomatch"}};
    assert_int_equal(cs_harness_count(H->admin, "listZones", by_name, 1), 0);
    struct csc_param pods[] = {{"ZoneId", zone_id}};
    assert_int_equal(cs_harness_count(H->admin, "listPods", pods, 1), 1);
}

static void test_command_case_sensitive(void **state)
{
    struct csc_result r;
    assert_int_equal(csc_call(H->admin, "listzones", NULL, 0, &r), CSC_EAPI);
    assert_int_equal(r.http_status, 401);
    assert_int_equal(r.errorcode, 401);
    csc_result_release(&r);
}

static void expect_431(const struct csc_param *p, size_t n)
{
    struct csc_result r;
    assert_int_equal(csc_call(H->admin, "listZones", p, n, &r), CSC_EAPI);
    assert_int_equal(r.http_status, 431);
    assert_int_equal(r.errorcode, 431);
    assert_string_equal(r.key, "listzonesresponse");
    assert_non_null(r.errortext);
    csc_result_release(&r);
}

static void test_paging(void **state)
{
    struct csc_param no_page[] = {{"pagesize", "10"}};
    expect_431(no_page, 1);
    struct csc_param too_big[] = {{"page", "1"}, {"pagesize", "501"}};
    expect_431(too_big, 2);

    struct csc_param ok[] = {{"page", "1"}, {"pagesize", "1"}};
    struct csc_result r;
    assert_int_equal(csc_call(H->admin, "listZones", ok, 2, &r), 0);
    assert_int_equal(json_integer_value(json_object_get(r.obj, "count")), 1);
    assert_int_equal(json_array_size(json_object_get(r.obj, "zone")), 1);
    csc_result_release(&r);

    /* count is the total before paging; page 2 of size 1 holds nothing of one zone. */
    struct csc_param page2[] = {{"page", "2"}, {"pagesize", "1"}};
    assert_int_equal(csc_call(H->admin, "listZones", page2, 2, &r), 0);
    assert_int_equal(json_array_size(json_object_get(r.obj, "zone")), 0);
    csc_result_release(&r);
}

static json_t *find_api(json_t *apis, const char *name)
{
    size_t i;
    json_t *a;
    json_array_foreach(apis, i, a) {
        const char *n = json_string_value(json_object_get(a, "name"));
        if (n && strcmp(n, name) == 0)
            return a;
    }
    return NULL;
}

static void test_list_apis(void **state)
{
    struct csc_param p[] = {{"listall", "true"}};
    struct csc_result r;
    assert_int_equal(csc_call(H->admin, "listApis", p, 1, &r), 0);
    assert_string_equal(r.key, "listapisresponse");
    json_t *apis = json_object_get(r.obj, "api");
    assert_true(json_is_array(apis));
    assert_int_equal(json_integer_value(json_object_get(r.obj, "count")), json_array_size(apis));
    json_t *deploy = find_api(apis, "deployVirtualMachine");
    json_t *list = find_api(apis, "listZones");
    assert_non_null(deploy);
    assert_non_null(list);
    assert_true(json_is_true(json_object_get(deploy, "isasync")));
    assert_true(json_is_false(json_object_get(list, "isasync")));
    assert_true(json_is_string(json_object_get(deploy, "description")));
    json_t *params = json_object_get(deploy, "params");
    assert_true(json_is_array(params));
    bool zone_required = false;
    size_t i;
    json_t *prm;
    json_array_foreach(params, i, prm) {
        assert_true(json_is_string(json_object_get(prm, "name")));
        assert_true(json_is_string(json_object_get(prm, "type")));
        assert_true(json_is_boolean(json_object_get(prm, "required")));
        if (strcmp(json_string_value(json_object_get(prm, "name")), "zoneid") == 0) {
            zone_required = json_is_true(json_object_get(prm, "required"));
            assert_string_equal(json_string_value(json_object_get(prm, "type")), "uuid");
        }
    }
    assert_true(zone_required);
    csc_result_release(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_list_zones_json),
        cmocka_unit_test(test_list_zones_xml),
        cmocka_unit_test(test_empty_list),
        cmocka_unit_test(test_unknown_params_ignored),
        cmocka_unit_test(test_param_names_case_insensitive),
        cmocka_unit_test(test_command_case_sensitive),
        cmocka_unit_test(test_paging),
        cmocka_unit_test(test_list_apis),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
