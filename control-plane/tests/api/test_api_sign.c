/* Unit tests of api_sign: signatures as each real client computes them, v3 expiry, failures. */
#include <ctype.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cmocka.h>

#include "api_params.h"
#include "api_sign.h"
#include "util_buf.h"
#include "util_crypto.h"
#include "util_time.h"

static const char *const SECRET = "s3cr3t-K3y_for-tests";
static const int64_t NOW = 1736935445; /* 2025-01-15T10:04:05Z */

/* ---- the clients' encoders, reimplemented from their documented behaviour ---- */

static const char HEX[] = "0123456789ABCDEF";

static void pct(struct cs_buf *b, unsigned char c)
{
    char e[3] = {'%', HEX[c >> 4], HEX[c & 15]};
    cs_util_buf_add(b, e, 3);
}

/* Python urllib.parse.quote(v, safe=safe): unreserved A-Z a-z 0-9 _ . - ~ plus safe. */
static void py_quote(struct cs_buf *b, const char *v, const char *safe)
{
    for (const unsigned char *p = (const unsigned char *)v; *p; p++) {
        if (isalnum(*p) || strchr("_.-~", *p) || (*p && strchr(safe, *p)))
            cs_util_buf_addc(b, (char)*p);
        else
            pct(b, *p);
    }
}

/* Python quote_plus(v, safe=safe): as quote, but space becomes '+'. */
static void py_quote_plus(struct cs_buf *b, const char *v, const char *safe)
{
    for (const unsigned char *p = (const unsigned char *)v; *p; p++) {
        if (*p == ' ')
            cs_util_buf_addc(b, '+');
        else if (isalnum(*p) || strchr("_.-~", *p) || strchr(safe, *p))
            cs_util_buf_addc(b, (char)*p);
        else
            pct(b, *p);
    }
}

/* Go url.QueryEscape: unreserved A-Z a-z 0-9 - _ . ~, space → '+'. */
static void go_query_escape(struct cs_buf *b, const char *v)
{
    for (const unsigned char *p = (const unsigned char *)v; *p; p++) {
        if (*p == ' ')
            cs_util_buf_addc(b, '+');
        else if (isalnum(*p) || strchr("-_.~", *p))
            cs_util_buf_addc(b, (char)*p);
        else
            pct(b, *p);
    }
}

/* Replaces every occurrence of from by to in s (owned in, owned out). */
static char *replace_all(char *s, const char *from, const char *to)
{
    struct cs_buf b = CS_BUF_INIT;
    size_t fl = strlen(from);
    for (const char *p = s; *p;) {
        if (strncmp(p, from, fl) == 0) {
            cs_util_buf_adds(&b, to);
            p += fl;
        } else {
            cs_util_buf_addc(&b, *p++);
        }
    }
    free(s);
    return cs_util_buf_take(&b);
}

enum client { CL_CS, CL_CMK, CL_LIBCLOUD, CL_MARVIN, CL_JAVA_PLUS };

struct kv {
    const char *k, *v;
};

static const char *sort_mode;

static int cmp_exact(const void *a, const void *b)
{
    return strcmp(((const struct kv *)a)->k, ((const struct kv *)b)->k);
}

static int cmp_lower(const void *a, const void *b)
{
    return strcasecmp(((const struct kv *)a)->k, ((const struct kv *)b)->k);
}

/* The signature a client sends for these parameters. returns: owned */
static char *client_sign(enum client cl, const struct kv *in, size_t n, const char *secret)
{
    struct kv *kv = malloc(n * sizeof(*kv));
    memcpy(kv, in, n * sizeof(*kv));
    bool lower_sort = cl == CL_LIBCLOUD || cl == CL_MARVIN;
    sort_mode = lower_sort ? "lower" : "exact";
    qsort(kv, n, sizeof(*kv), lower_sort ? cmp_lower : cmp_exact);
    struct cs_buf b = CS_BUF_INIT;
    for (size_t i = 0; i < n; i++) {
        if (i)
            cs_util_buf_addc(&b, '&');
        cs_util_buf_adds(&b, kv[i].k);
        cs_util_buf_addc(&b, '=');
        struct cs_buf v = CS_BUF_INIT;
        switch (cl) {
        case CL_CS: py_quote(&v, kv[i].v, "*"); break;
        case CL_LIBCLOUD: py_quote(&v, kv[i].v, "[]*"); break;
        case CL_CMK: go_query_escape(&v, kv[i].v); break;
        case CL_MARVIN:
        case CL_JAVA_PLUS: py_quote_plus(&v, kv[i].v, "*"); break;
        }
        char *enc = cs_util_buf_take(&v);
        if (cl == CL_CMK) {
            enc = replace_all(enc, "+", "%20");
            enc = replace_all(enc, "%2A", "*");
        } else if (cl == CL_MARVIN) {
            enc = replace_all(enc, "+", "%20");
        }
        cs_util_buf_adds(&b, enc);
        free(enc);
    }
    free(kv);
    char *s = cs_util_buf_take(&b);
    for (char *p = s; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    unsigned char mac[20];
    cs_util_hmac_sha1(secret, strlen(secret), s, strlen(s), mac);
    free(s);
    return cs_util_base64(mac, sizeof(mac));
}

static struct cs_api_params *make(const struct kv *kv, size_t n, const char *sig)
{
    struct cs_err err;
    cs_err_clear(&err);
    struct cs_api_params *p = cs_api_params_new();
    for (size_t i = 0; i < n; i++)
        assert_int_equal(cs_api_params_add(p, kv[i].k, kv[i].v, &err), 0);
    if (sig)
        assert_int_equal(cs_api_params_add(p, "signature", sig, &err), 0);
    return p;
}

static int verify(const struct kv *kv, size_t n, const char *sig, const char *secret,
                  int64_t now)
{
    struct cs_api_params *p = make(kv, n, sig);
    struct cs_err err;
    cs_err_clear(&err);
    int rc = cs_api_sign_verify(p, secret, now, &err);
    if (rc < 0) {
        assert_int_equal(err.code, CS_ERR_AUTH);
        assert_string_equal(err.msg, CS_API_SIGN_FAIL_MSG);
    }
    cs_api_params_free(p);
    return rc;
}

#define N(a) (sizeof(a) / sizeof((a)[0]))

static void test_docs_example(void **state)
{
    /* The CloudStack documentation's "Signing API Requests" example. */
    const char *secret =
        "VDaACYb0LV9eNjTetIOElcVQkvJck_J_QljX_FcHRj87ZKiy0z0ty0ZsYBkoXkY9b7eq1EhwJaw7FF3akA3KBQ";
    struct kv kv[] = {
        {"command", "listUsers"},
        {"response", "json"},
        {"apiKey", "plgWJfZK4gyS3mOMTVmjUVg-X-jlWlnfaUJ9GAbBbf9EdM-kAYMmAiLqzzq1ElZLYq_u38zCm0"
                   "bewzGUdP66mg"},
    };
    assert_int_equal(verify(kv, N(kv), "TTpdDq/7j/J58XCRHomKoQXEQds=", secret, NOW), 0);
    /* the same through the form decoder, as the URL in the docs is sent */
    const char *q = "command=listUsers&response=json&apiKey=plgWJfZK4gyS3mOMTVmjUVg-X-jlWlnfaUJ9G"
                    "AbBbf9EdM-kAYMmAiLqzzq1ElZLYq_u38zCm0bewzGUdP66mg&signature=TTpdDq%2F7j%2F"
                    "J58XCRHomKoQXEQds%3D";
    struct cs_err err;
    struct cs_api_params *p = cs_api_params_new();
    assert_int_equal(cs_api_params_parse(p, q, strlen(q), &err), 0);
    assert_int_equal(cs_api_sign_verify(p, secret, NOW, &err), 0);
    assert_string_equal(cs_api_sign_apikey(p), kv[2].v);
    cs_api_params_free(p);
    /* wrong secret; signature with altered letter case */
    assert_int_equal(verify(kv, N(kv), "TTpdDq/7j/J58XCRHomKoQXEQds=", "wrong", NOW),
                     -CS_ERR_AUTH);
    assert_int_equal(verify(kv, N(kv), "ttpddq/7j/j58xcrhomkoqxeqds=", secret, NOW),
                     -CS_ERR_AUTH);
}

/* Values and names that exercise every client's differences. */
static const struct kv TRICKY[] = {
    {"command", "createNetwork"},
    {"response", "json"},
    {"apiKey", "AK-123_x"},
    {"displayText", "hello world"},
    {"displayname", "a*b"},
    {"name", "x~y"},
    {"expr", "1+1=2"},
    {"path", "dir/sub/file"},
    {"utf", "\xc3\xa9t\xc3\xa9 \xe2\x82\xac"},
    {"ZoneId", "Mixed Case"},
    {"tags[0].key", "env"},
    {"tags[0].value", "prod & test"},
};

static void check_client(enum client cl, const struct kv *kv, size_t n)
{
    char *sig = client_sign(cl, kv, n, SECRET);
    if (verify(kv, n, sig, SECRET, NOW) != 0)
        fail_msg("client %d (%s sort) signature refused", (int)cl, sort_mode);
    /* a different secret, or any changed value, fails */
    assert_int_equal(verify(kv, n, sig, "other-secret", NOW), -CS_ERR_AUTH);
    struct kv *mod = malloc(n * sizeof(*mod));
    memcpy(mod, kv, n * sizeof(*mod));
    mod[n - 1].v = "tampered";
    assert_int_equal(verify(mod, n, sig, SECRET, NOW), -CS_ERR_AUTH);
    free(mod);
    free(sig);
}

static void test_clients(void **state)
{
    check_client(CL_CS, TRICKY, N(TRICKY));
    check_client(CL_CMK, TRICKY, N(TRICKY));
    check_client(CL_MARVIN, TRICKY, N(TRICKY));
    /* libcloud keeps '[' and ']' raw in values; without them it matches */
    check_client(CL_LIBCLOUD, TRICKY, N(TRICKY));
    /* plain values: every client agrees with Java */
    struct kv plain[] = {{"command", "listZones"}, {"apikey", "k"}, {"available", "true"}};
    check_client(CL_CS, plain, N(plain));
    check_client(CL_LIBCLOUD, plain, N(plain));
}

static void test_java_exact(void **state)
{
    /* The server's own canonical form (Java URLEncoder + %20) is accepted. */
    struct cs_buf b = CS_BUF_INIT;
    struct kv kv[] = {{"command", "deployVirtualMachine"}, {"apiKey", "K"}, {"name", "a b~c*d"}};
    /* sorted exactly: apiKey, command, name; Java encodes '~' */
    cs_util_buf_adds(&b, "apiKey=K&command=deployVirtualMachine&name=a%20b%7Ec*d");
    char *s = cs_util_buf_take(&b);
    for (char *p = s; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    unsigned char mac[20];
    cs_util_hmac_sha1(SECRET, strlen(SECRET), s, strlen(s), mac);
    char *sig = cs_util_base64(mac, 20);
    assert_int_equal(verify(kv, N(kv), sig, SECRET, NOW), 0);
    free(sig);
    free(s);
}

static void test_plus_for_space_refused(void **state)
{
    /* A client signing spaces as '+' (quote_plus without the %20 fix) is refused, as by Java. */
    struct kv kv[] = {{"command", "listZones"}, {"apiKey", "K"}, {"keyword", "a b"}};
    char *sig = client_sign(CL_JAVA_PLUS, kv, N(kv), SECRET);
    assert_int_equal(verify(kv, N(kv), sig, SECRET, NOW), -CS_ERR_AUTH);
    free(sig);
}

static void test_missing_parts(void **state)
{
    struct kv kv[] = {{"command", "listZones"}, {"apiKey", "K"}};
    char *sig = client_sign(CL_CS, kv, N(kv), SECRET);
    assert_int_equal(verify(kv, N(kv), NULL, SECRET, NOW), -CS_ERR_AUTH);
    assert_int_equal(verify(kv, N(kv), "", SECRET, NOW), -CS_ERR_AUTH);
    assert_int_equal(verify(kv, N(kv), sig, "", NOW), -CS_ERR_AUTH);
    assert_int_equal(verify(kv, N(kv), sig, NULL, NOW), -CS_ERR_AUTH);
    /* unpadded Base64 is a different string: refused */
    char *unpadded = strdup(sig);
    unpadded[strcspn(unpadded, "=")] = '\0';
    assert_int_equal(verify(kv, N(kv), unpadded, SECRET, NOW), -CS_ERR_AUTH);
    free(unpadded);
    /* the signature parameter is matched case-insensitively and never signed */
    struct cs_api_params *p = make(kv, N(kv), NULL);
    struct cs_err err;
    assert_int_equal(cs_api_params_add(p, "Signature", sig, &err), 0);
    assert_int_equal(cs_api_sign_verify(p, SECRET, NOW, &err), 0);
    cs_api_params_free(p);
    p = make(NULL, 0, NULL);
    assert_null(cs_api_sign_apikey(p));
    assert_int_equal(cs_api_sign_verify(p, SECRET, NOW, &err), -CS_ERR_AUTH);
    cs_api_params_free(p);
    free(sig);
}

static void v3_case(const char *ver_name, const char *expires, int64_t now, int expect)
{
    struct kv kv[] = {{"command", "listZones"},
                      {"apiKey", "K"},
                      {ver_name, "3"},
                      {"expires", expires}};
    size_t n = expires ? N(kv) : N(kv) - 1;
    char *sig = client_sign(CL_CS, kv, n, SECRET);
    int rc = verify(kv, n, sig, SECRET, now);
    if (rc != expect)
        fail_msg("%s expires=%s: got %d, want %d", ver_name, expires ? expires : "(none)", rc,
                 expect);
    free(sig);
}

static void test_v3_expires(void **state)
{
    /* cs: %Y-%m-%dT%H:%M:%S%z, 10 minutes ahead */
    v3_case("signatureVersion", "2025-01-15T10:14:05+0000", NOW, 0);
    /* cloudstack-go: RFC 3339 UTC, 15 minutes ahead */
    v3_case("signatureversion", "2025-01-15T10:19:05Z", NOW, 0);
    v3_case("SignatureVersion", "2025-01-15T11:19:05+01:00", NOW, 0);
    v3_case("signatureversion", "2025-01-15T10:19:05.123456Z", NOW, 0);
    /* exactly now is not yet expired; one second past is */
    v3_case("signatureversion", "2025-01-15T10:04:05Z", NOW, 0);
    v3_case("signatureversion", "2025-01-15T10:04:04Z", NOW, -CS_ERR_AUTH);
    v3_case("signatureversion", "2025-01-15T10:14:05+0000", NOW + 601, -CS_ERR_AUTH);
    /* unparseable or missing */
    v3_case("signatureversion", "tomorrow", NOW, -CS_ERR_AUTH);
    v3_case("signatureversion", "2025-01-15T10:14", NOW, -CS_ERR_AUTH);
    v3_case("signatureversion", "", NOW, -CS_ERR_AUTH);
    v3_case("signatureversion", NULL, NOW, -CS_ERR_AUTH);

    /* without v3, expires is ignored (even stale or garbage) */
    struct kv kv[] = {{"command", "listZones"}, {"apiKey", "K"}, {"expires", "garbage"}};
    char *sig = client_sign(CL_CMK, kv, N(kv), SECRET);
    assert_int_equal(verify(kv, N(kv), sig, SECRET, NOW), 0);
    free(sig);
    struct kv kv2[] = {{"command", "listZones"},
                       {"apiKey", "K"},
                       {"signatureversion", "2"},
                       {"expires", "2000-01-01T00:00:00Z"}};
    sig = client_sign(CL_CMK, kv2, N(kv2), SECRET);
    assert_int_equal(verify(kv2, N(kv2), sig, SECRET, NOW), 0);
    free(sig);

    /* the optional maximum lifetime */
    cs_api_sign_set_max_lifetime(900);
    v3_case("signatureversion", "2025-01-15T10:19:05Z", NOW, 0);    /* +900 s */
    v3_case("signatureversion", "2025-01-15T10:19:06Z", NOW, -CS_ERR_AUTH); /* +901 s */
    cs_api_sign_set_max_lifetime(0);
    v3_case("signatureversion", "2030-01-01T00:00:00Z", NOW, 0);
}

static void test_expiry_needs_good_signature(void **state)
{
    /* a valid expires does not rescue a wrong signature */
    struct kv kv[] = {{"command", "listZones"},
                      {"apiKey", "K"},
                      {"signatureversion", "3"},
                      {"expires", "2025-01-15T10:14:05Z"}};
    char *sig = client_sign(CL_CS, kv, N(kv), "not-the-secret");
    assert_int_equal(verify(kv, N(kv), sig, SECRET, NOW), -CS_ERR_AUTH);
    free(sig);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_docs_example),
        cmocka_unit_test(test_clients),
        cmocka_unit_test(test_java_exact),
        cmocka_unit_test(test_plus_for_space_refused),
        cmocka_unit_test(test_missing_parts),
        cmocka_unit_test(test_v3_expires),
        cmocka_unit_test(test_expiry_needs_good_signature),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
