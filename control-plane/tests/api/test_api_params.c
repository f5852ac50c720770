/* Unit tests of api_params: form decoding, duplicates, limits, control characters, maps, JSON. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "api_params.h"

static struct cs_api_params *parse_ok(const char *text)
{
    struct cs_err err;
    cs_err_clear(&err);
    struct cs_api_params *p = cs_api_params_new();
    assert_non_null(p);
    int rc = cs_api_params_parse(p, text, strlen(text), &err);
    if (rc != 0)
        fail_msg("parse '%s': %s", text, err.msg);
    return p;
}

static int parse_err(const char *text, struct cs_err *err)
{
    cs_err_clear(err);
    struct cs_api_params *p = cs_api_params_new();
    int rc = cs_api_params_parse(p, text, strlen(text), err);
    cs_api_params_free(p);
    return rc;
}

static void test_decoding(void **state)
{
    struct cs_api_params *p = parse_ok(
        "command=listZones&name=a+b&plus=%2B&pct=100%25&sp=x%20y&utf=%C3%A9t%C3%A9&"
        "raw=%E2%82%AC&empty=&noeq&eq%3Din=v%3Dw&slash=a%2fb");
    assert_int_equal(cs_api_params_count(p), 11);
    assert_string_equal(cs_api_params_get(p, "name"), "a b");
    assert_string_equal(cs_api_params_get(p, "plus"), "+");
    assert_string_equal(cs_api_params_get(p, "pct"), "100%");
    assert_string_equal(cs_api_params_get(p, "sp"), "x y");
    assert_string_equal(cs_api_params_get(p, "utf"), "\xc3\xa9t\xc3\xa9");
    assert_string_equal(cs_api_params_get(p, "raw"), "\xe2\x82\xac");
    assert_string_equal(cs_api_params_get(p, "empty"), "");
    assert_string_equal(cs_api_params_get(p, "noeq"), "");
    assert_string_equal(cs_api_params_get(p, "eq=in"), "v=w");
    assert_string_equal(cs_api_params_get(p, "slash"), "a/b");
    assert_null(cs_api_params_get(p, "missing"));
    /* request order kept, names as sent */
    assert_string_equal(cs_api_params_name(p, 0), "command");
    assert_string_equal(cs_api_params_value(p, 0), "listZones");
    cs_api_params_free(p);

    /* empty input, stray ampersands */
    p = parse_ok("&&a=1&&");
    assert_int_equal(cs_api_params_count(p), 1);
    cs_api_params_free(p);
    p = parse_ok("");
    assert_int_equal(cs_api_params_count(p), 0);
    cs_api_params_free(p);
}

static void test_case_insensitive(void **state)
{
    /* "Command" and "command" collide case-insensitively with different values */
    struct cs_err err;
    assert_int_equal(parse_err("Command=x&command=listZones", &err), -CS_ERR_PARAM);
    assert_string_equal(err.msg, "duplicate parameter 'command'");

    struct cs_api_params *p = parse_ok("ZoneId=abc&apiKey=K&command=listZones");
    assert_string_equal(cs_api_params_get(p, "zoneid"), "abc");
    assert_string_equal(cs_api_params_get(p, "ZONEID"), "abc");
    assert_string_equal(cs_api_params_get(p, "apikey"), "K");
    assert_string_equal(cs_api_params_lname(p, 0), "zoneid");
    assert_string_equal(cs_api_params_name(p, 0), "ZoneId");
    assert_string_equal(cs_api_params_raw(p, "command"), "listZones");
    assert_null(cs_api_params_raw(p, "zoneid"));
    assert_string_equal(cs_api_params_raw(p, "ZoneId"), "abc");
    cs_api_params_free(p);
}

static void test_bad_escapes(void **state)
{
    struct cs_err err;
    const char *bad[] = {"a=%", "a=%4", "a=%zz", "a=%4g", "%=1", "a=b%", "a%2=1"};
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        assert_int_equal(parse_err(bad[i], &err), -CS_ERR_PARAM);
        assert_int_equal(err.code, CS_ERR_PARAM);
    }
    /* NUL, invalid UTF-8: overlong '/', lone surrogate, stray continuation, truncated */
    const char *bad_bytes[] = {"a=x%00y", "a=%C0%AF", "a=%ED%A0%80", "a=%80", "a=%E2%82",
                               "a=%F5%80%80%80", "%FF=1"};
    for (size_t i = 0; i < sizeof(bad_bytes) / sizeof(bad_bytes[0]); i++) {
        if (parse_err(bad_bytes[i], &err) != -CS_ERR_PARAM)
            fail_msg("accepted %s", bad_bytes[i]);
    }
    /* 4-byte UTF-8 (emoji) is fine */
    struct cs_api_params *p = parse_ok("a=%F0%9F%98%80");
    assert_string_equal(cs_api_params_get(p, "a"), "\xf0\x9f\x98\x80");
    cs_api_params_free(p);
}

static void test_duplicates(void **state)
{
    struct cs_err err;
    assert_int_equal(parse_err("id=a&id=b", &err), -CS_ERR_PARAM);
    assert_string_equal(err.msg, "duplicate parameter 'id'");
    assert_int_equal(parse_err("apiKey=a&apikey=a", &err), -CS_ERR_PARAM);
    assert_int_equal(parse_err("signature=a&signature=b", &err), -CS_ERR_PARAM);
    /* the exact same pair twice (query and body of one request) is one parameter */
    struct cs_api_params *p = parse_ok("id=a&id=a");
    assert_int_equal(cs_api_params_count(p), 1);
    /* merging a body into the query set */
    cs_err_clear(&err);
    assert_int_equal(cs_api_params_add(p, "name", "x", &err), 0);
    assert_int_equal(cs_api_params_add(p, "NAME", "x", &err), -CS_ERR_PARAM);
    assert_int_equal(cs_api_params_add(p, "name", "y", &err), -CS_ERR_PARAM);
    assert_int_equal(cs_api_params_add(p, "name", "x", &err), 0);
    assert_int_equal(cs_api_params_count(p), 2);
    cs_api_params_free(p);
}

static void test_limits(void **state)
{
    struct cs_err err;
    struct cs_buf_like {
        char *s;
        size_t n;
    } b;
    /* CS_API_PARAMS_MAX parameters pass, one more fails */
    size_t cap = (CS_API_PARAMS_MAX + 2) * 16;
    b.s = malloc(cap);
    b.n = 0;
    for (int i = 0; i < CS_API_PARAMS_MAX; i++)
        b.n += (size_t)snprintf(b.s + b.n, cap - b.n, "p%d=v&", i);
    struct cs_api_params *p = parse_ok(b.s);
    assert_int_equal(cs_api_params_count(p), CS_API_PARAMS_MAX);
    assert_string_equal(cs_api_params_get(p, "p511"), "v");
    cs_api_params_free(p);
    b.n += (size_t)snprintf(b.s + b.n, cap - b.n, "one=more");
    assert_int_equal(parse_err(b.s, &err), -CS_ERR_PARAM);
    free(b.s);

    /* a value at the limit passes, one byte more fails */
    size_t vmax = CS_API_PARAMS_VALUE_MAX;
    char *v = malloc(vmax + 2);
    memset(v, 'a', vmax + 1);
    v[vmax] = '\0';
    p = cs_api_params_new();
    cs_err_clear(&err);
    assert_int_equal(cs_api_params_add(p, "userdata", v, &err), 0);
    v[vmax] = 'a';
    v[vmax + 1] = '\0';
    assert_int_equal(cs_api_params_add(p, "userdata2", v, &err), -CS_ERR_PARAM);
    /* total size: four more max-size values overflow the request total */
    v[vmax] = '\0';
    int rc = 0;
    for (int i = 0; i < 4 && rc == 0; i++) {
        char name[8];
        snprintf(name, sizeof(name), "u%d", i);
        rc = cs_api_params_add(p, name, v, &err);
    }
    assert_int_equal(rc, -CS_ERR_PARAM);
    cs_api_params_free(p);
    free(v);

    /* over-long name */
    char name[CS_API_PARAMS_NAME_MAX + 2];
    memset(name, 'n', sizeof(name) - 1);
    name[sizeof(name) - 1] = '\0';
    p = cs_api_params_new();
    assert_int_equal(cs_api_params_add(p, name, "v", &err), -CS_ERR_PARAM);
    cs_api_params_free(p);
}

static void test_control_chars(void **state)
{
    struct cs_err err;
    struct cs_api_params *p = parse_ok("name=a%07b&userdata=x%01y&cert=l1%0D%0Al2&tab=a%09b");
    cs_err_clear(&err);
    /* tab and BEL are refused, CR/LF allowed (certificates, SSH keys) */
    const char *const exempt[] = {"userdata", "name", NULL};
    assert_int_equal(cs_api_params_check_ctl(p, exempt, &err), -CS_ERR_PARAM);
    assert_non_null(strstr(err.msg, "tab"));
    const char *const exempt2[] = {"userdata", "name", "tab", NULL};
    assert_int_equal(cs_api_params_check_ctl(p, exempt2, &err), 0);
    assert_int_equal(cs_api_params_check_ctl(p, NULL, &err), -CS_ERR_PARAM);
    assert_int_equal(err.code, CS_ERR_PARAM);
    cs_api_params_free(p);
    p = parse_ok("a=%7F");
    assert_int_equal(cs_api_params_check_ctl(p, NULL, &err), -CS_ERR_PARAM);
    cs_api_params_free(p);
    p = parse_ok("a=plain+text&b=%C3%A9");
    assert_int_equal(cs_api_params_check_ctl(p, NULL, &err), 0);
    cs_api_params_free(p);
}

static void test_maps(void **state)
{
    struct cs_err err;
    struct cs_api_params *p = parse_ok(
        "tags%5B1%5D.key=k1&tags[1].value=v1&Tags[0].Key=k0&tags[0].value=v0&"
        "details[0].cpuNumber=2&tagsx=1&tags=flat");
    struct cs_api_map m;
    cs_err_clear(&err);
    assert_int_equal(cs_api_params_map(p, "tags", &m, &err), 0);
    assert_int_equal(m.n, 2);
    assert_int_equal(m.entries[0].index, 0);
    assert_int_equal(m.entries[1].index, 1);
    assert_int_equal(m.entries[0].n, 2);
    assert_string_equal(m.entries[0].fields[0].field, "Key");
    assert_string_equal(cs_api_map_entry_get(&m.entries[0], "key"), "k0");
    assert_string_equal(cs_api_map_entry_get(&m.entries[0], "value"), "v0");
    assert_string_equal(cs_api_map_entry_get(&m.entries[1], "key"), "k1");
    assert_string_equal(cs_api_map_entry_get(&m.entries[1], "value"), "v1");
    assert_null(cs_api_map_entry_get(&m.entries[1], "other"));
    cs_api_map_release(&m);
    assert_int_equal(cs_api_params_map(p, "details", &m, &err), 0);
    assert_int_equal(m.n, 1);
    assert_string_equal(cs_api_map_entry_get(&m.entries[0], "cpunumber"), "2");
    cs_api_map_release(&m);
    assert_int_equal(cs_api_params_map(p, "none", &m, &err), 0);
    assert_int_equal(m.n, 0);
    cs_api_map_release(&m);
    assert_int_equal(cs_api_params_check_maps(p, &err), 0);
    cs_api_params_free(p);

    const char *bad[] = {"tags[x].k=1",   "tags[0][1].k=1", "tags[0]=1",  "tags[0].=1",
                         "tags[].k=1",      "tags[0.k=1",     "a]b[0].k=1", "tags[0]k.x=1",
                         "tags.a[0].k=1", "tags[99999999999].k=1", "tags[0]].k=1"};
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        p = parse_ok(bad[i]);
        cs_err_clear(&err);
        if (cs_api_params_check_maps(p, &err) != -CS_ERR_MALFORMED)
            fail_msg("check_maps accepted %s", bad[i]);
        assert_non_null(strstr(err.msg, "Unable to decode parameter"));
        if (strncmp(bad[i], "tags[", 5) == 0) {
            assert_int_equal(cs_api_params_map(p, "tags", &m, &err), -CS_ERR_MALFORMED);
            assert_int_equal(err.code, CS_ERR_MALFORMED);
        }
        cs_api_params_free(p);
    }
}

static void test_json_roundtrip(void **state)
{
    struct cs_err err;
    struct cs_api_params *p = parse_ok("ZoneId=z&name=a+%22q%22&utf=%C3%A9");
    char *json = cs_api_params_to_json(p);
    assert_non_null(json);
    assert_string_equal(json, "{\"ZoneId\":\"z\",\"name\":\"a \\\"q\\\"\",\"utf\":\"\xc3\xa9\"}");
    cs_err_clear(&err);
    struct cs_api_params *q = cs_api_params_from_json(json, &err);
    assert_non_null(q);
    assert_int_equal(cs_api_params_count(q), 3);
    assert_string_equal(cs_api_params_get(q, "zoneid"), "z");
    assert_string_equal(cs_api_params_name(q, 0), "ZoneId");
    assert_string_equal(cs_api_params_get(q, "name"), "a \"q\"");
    free(json);
    cs_api_params_free(q);
    cs_api_params_free(p);

    assert_null(cs_api_params_from_json("[1]", &err));
    assert_int_equal(err.code, CS_ERR_PARAM);
    assert_null(cs_api_params_from_json("{\"a\":1}", &err));
    assert_null(cs_api_params_from_json("not json", &err));
    assert_null(cs_api_params_from_json("{\"a\":\"1\",\"A\":\"2\"}", &err));
    q = cs_api_params_from_json("{}", &err);
    assert_int_equal(cs_api_params_count(q), 0);
    cs_api_params_free(q);
    cs_api_params_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_decoding),        cmocka_unit_test(test_case_insensitive),
        cmocka_unit_test(test_bad_escapes),     cmocka_unit_test(test_duplicates),
        cmocka_unit_test(test_limits),          cmocka_unit_test(test_control_chars),
        cmocka_unit_test(test_maps),            cmocka_unit_test(test_json_roundtrip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
