/* Unit tests of util: dates, UUIDs, crypto wrappers, errors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "util_crypto.h"
#include "util_err.h"
#include "util_time.h"
#include "util_uuid.h"

static void test_date_roundtrip(void **state)
{
    char buf[CS_DATE_BUF];
    cs_util_date_fmt(1736935445, buf);
    assert_string_equal(buf, "2025-01-15T10:04:05+0000");
    int64_t t = 0;
    assert_true(cs_util_date_parse("2025-01-15T10:04:05+0000", &t));
    assert_int_equal(t, 1736935445);
    assert_true(cs_util_date_parse("2025-01-15T10:04:05Z", &t));
    assert_int_equal(t, 1736935445);
    assert_true(cs_util_date_parse("2025-01-15T11:04:05+01:00", &t));
    assert_int_equal(t, 1736935445);
    assert_true(cs_util_date_parse("2025-01-15T10:04:05.123456Z", &t));
    assert_int_equal(t, 1736935445);
    assert_true(cs_util_date_parse("2025-01-15 10:04:05", &t));
    assert_int_equal(t, 1736935445);
    assert_true(cs_util_date_parse("2025-01-15", &t));
    assert_int_equal(t, 1736899200);
}

static void test_date_rejects(void **state)
{
    int64_t t = 0;
    const char *bad[] = {"", "2025", "2025-13-01", "2025-01-15T10:04", "2025-01-15T10:04:05+00",
                         "2025-01-15X", "tomorrow", "2025-01-15T10:04:05+0000x"};
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
        assert_false(cs_util_date_parse(bad[i], &t));
}

static void test_uuid(void **state)
{
    char a[CS_UUID_BUF], b[CS_UUID_BUF];
    cs_util_uuid_new(a);
    cs_util_uuid_new(b);
    assert_true(cs_util_uuid_valid(a));
    assert_string_not_equal(a, b);
    assert_int_equal(a[14], '4');
    assert_false(cs_util_uuid_valid("not-a-uuid"));
    assert_false(cs_util_uuid_valid("0123456789abcdef0123456789abcdef0123"));
    assert_true(cs_util_uuid_valid("01234567-89AB-cdef-0123-456789abcdef"));
}

static void test_hmac_base64(void **state)
{
    /* RFC 2202 test case 2 */
    unsigned char mac[20];
    cs_util_hmac_sha1("Jefe", 4, "what do ya want for nothing?", 28, mac);
    char *b64 = cs_util_base64(mac, 20);
    assert_string_equal(b64, "7/zfauXrL6LSdBbV8YTfnCWafHk=");
    free(b64);
    unsigned char raw[] = {0xfb, 0xff};
    char *u = cs_util_base64url(raw, 2);
    assert_string_equal(u, "-_8");
    free(u);
}

static void test_password(void **state)
{
    char *h = cs_util_password_hash("password");
    assert_non_null(strstr(h, "pbkdf2-sha256$"));
    assert_null(strstr(h, "password$"));
    assert_true(cs_util_password_verify("password", h));
    assert_false(cs_util_password_verify("Password", h));
    assert_false(cs_util_password_verify("password", "garbage"));
    char *h2 = cs_util_password_hash("password");
    assert_string_not_equal(h, h2); /* salted */
    free(h);
    free(h2);
}

static void test_ct_streq(void **state)
{
    assert_true(cs_util_ct_streq("abc", "abc"));
    assert_false(cs_util_ct_streq("abc", "abd"));
    assert_false(cs_util_ct_streq("abc", "abcd"));
}

static void test_err(void **state)
{
    struct cs_err err;
    int rc = cs_err_set(&err, CS_ERR_CAPACITY, "no host for '%s'", "vm1");
    assert_int_equal(rc, -CS_ERR_CAPACITY);
    assert_string_equal(err.msg, "no host for 'vm1'");
    assert_string_equal(cs_err_name(CS_ERR_CAPACITY), "CS_ERR_CAPACITY");
    assert_int_equal(cs_err_set(NULL, CS_ERR_PARAM, "x"), -CS_ERR_PARAM);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_date_roundtrip), cmocka_unit_test(test_date_rejects),
        cmocka_unit_test(test_uuid),           cmocka_unit_test(test_hmac_base64),
        cmocka_unit_test(test_password),       cmocka_unit_test(test_ct_streq),
        cmocka_unit_test(test_err),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
