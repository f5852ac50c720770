/* Tests of request building: encoding of what is sent and the signature over it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "client_request.h"
#include "util_sign.h"

#define NOW 1768471345 /* 2026-01-15T10:02:25Z */

static void test_unsigned_encoding(void **state)
{
    struct csc_param p[] = {
        {"name", "a b~c+d"}, {"tags[0].key", "x/y"}, {"displaytext", "ü*._-"}, {"empty", NULL}};
    char *q = csc_request_build("listZones", p, 4, NULL, NULL, NOW);
    assert_string_equal(q, "command=listZones&name=a%20b%7Ec%2Bd&tags%5B0%5D.key=x%2Fy"
                           "&displaytext=%C3%BC*._-&empty=&response=json");
    free(q);
}

static void test_response_not_duplicated(void **state)
{
    struct csc_param p[] = {{"response", "xml"}};
    char *q = csc_request_build("listZones", p, 1, NULL, NULL, NOW);
    assert_string_equal(q, "command=listZones&response=xml");
    free(q);
    assert_true(csc_request_wants_raw(p, 1));
    struct csc_param j[] = {{"Response", "JSON"}};
    assert_false(csc_request_wants_raw(j, 1));
    assert_false(csc_request_wants_raw(NULL, 0));
}

/* Vector computed outside this code base: openssl dgst -sha1 -hmac over the canonical string
 * "apikey=mivr6x7u6bn_...&command=listusers&response=json". */
static void test_signature_known_vector(void **state)
{
    const char *key = "miVr6X7u6bN_sdahOBpjNejPgEsT35eXq-jB8CG20YI3yaxXcgpyuaIRmFI_EJTVwZ0nUkkJbPmY3"
                      "y2bciKwFQ";
    const char *secret = "Lxx1DM40AjcXU_yanjCAtOTmPtXcXhcZh62jDR6Bl6g2zGOTqvi6W2N1Z9-96MvS-iS1xAbBxtp"
                         "5cJz9RNz0bA";
    struct csc_creds creds = {key, secret, NULL};
    char *q = csc_request_build("listUsers", NULL, 0, NULL, &creds, NOW);
    char want[512];
    snprintf(want, sizeof(want), "command=listUsers&response=json&apikey=%s"
                                 "&signature=2pT93JcRYwDAeak0JDJA2eURmWw%%3D", key);
    assert_string_equal(q, want);
    free(q);

    struct cs_kv kv[] = {{"command", "listUsers"}, {"response", "json"}, {"apikey", key}};
    char *sig = cs_util_cs_sign(kv, 3, secret);
    assert_string_equal(sig, "2pT93JcRYwDAeak0JDJA2eURmWw=");
    free(sig);
}

/* Space, '~' and a camel-case name: canonical "apikey=k&command=deployvirtualmachine&
 * name=my%20vm%7e1&response=json&zoneid=4", signed with "S3cr3t" by openssl. */
static void test_signature_encoded_values(void **state)
{
    struct csc_creds creds = {"K", "S3cr3t", NULL};
    struct csc_param p[] = {{"zoneId", "4"}, {"name", "my vm~1"}};
    char *q = csc_request_build("deployVirtualMachine", p, 2, NULL, &creds, NOW);
    assert_string_equal(q, "command=deployVirtualMachine&zoneId=4&name=my%20vm%7E1&response=json"
                           "&apikey=K&signature=u8DfnASYKXrQ2d86krr3fzkpxgU%3D");
    free(q);
}

/* signatureversion=3 + expires (now + 100 s = 2026-01-15T10:04:05+0000), signed by openssl. */
static void test_signature_v3_expires(void **state)
{
    struct csc_creds creds = {"K", "S3cr3t", NULL};
    struct csc_call_opts o = {.expires_in_s = 100};
    char *q = csc_request_build("listZones", NULL, 0, &o, &creds, NOW);
    assert_string_equal(q, "command=listZones&response=json&apikey=K&signatureversion=3"
                           "&expires=2026-01-15T10%3A04%3A05%2B0000"
                           "&signature=9QXTvnQdsQpHfzFjEn%2BhC9bWK7c%3D");
    free(q);
}

static void test_signature_overrides(void **state)
{
    struct csc_creds creds = {"K", "S3cr3t", NULL};
    struct csc_call_opts bad = {.signature = "bogus=", .apikey_name = "apiKey"};
    char *q = csc_request_build("listZones", NULL, 0, &bad, &creds, NOW);
    assert_string_equal(q, "command=listZones&response=json&apiKey=K&signature=bogus%3D");
    free(q);
    struct csc_call_opts none = {.omit_signature = true};
    q = csc_request_build("listZones", NULL, 0, &none, &creds, NOW);
    assert_string_equal(q, "command=listZones&response=json&apikey=K");
    free(q);
}

static void test_session_not_signed(void **state)
{
    struct csc_creds creds = {"K", "S3cr3t", "sess-key_1"};
    char *q = csc_request_build("listZones", NULL, 0, NULL, &creds, NOW);
    assert_string_equal(q, "command=listZones&response=json&sessionkey=sess-key_1");
    free(q);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_unsigned_encoding),
        cmocka_unit_test(test_response_not_duplicated),
        cmocka_unit_test(test_signature_known_vector),
        cmocka_unit_test(test_signature_encoded_values),
        cmocka_unit_test(test_signature_v3_expires),
        cmocka_unit_test(test_signature_overrides),
        cmocka_unit_test(test_session_not_signed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
