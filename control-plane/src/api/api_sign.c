/* Server-side verification of CloudStack request signatures (ApiServer.verifyRequest).
 *
 * The canonical string is built exactly like Java CloudStack (util_sign.h). Two tolerated
 * variants are also accepted, because real clients sign them and real CloudStack would reject
 * those requests only by accident of the values sent:
 *   - '~' left unescaped: Python's urllib quote (cs, Marvin, libcloud) and Go's QueryEscape
 *     (cloudmonkey, cloudstack-go) treat '~' as unreserved; Java's URLEncoder encodes it as %7E.
 *     A value containing '~' would otherwise fail for every one of those clients.
 *   - parameters sorted by lowercased name: libcloud and Marvin sort that way; the orders only
 *     differ when two names compare differently with and without case (e.g. displayText vs
 *     displayname, or camel-case apiKey against a name starting with 'apik'...).
 * Both variants cover exactly the same parameters and values, so accepting them does not let a
 * caller change what was signed; they only change the spelling of the same content. Each
 * comparison runs in constant time; a variant is only computed when it differs from the strict
 * string. Nothing here logs parameter values, secrets or computed signatures. */
#include "api_sign.h"

#include <stdatomic.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "util_crypto.h"
#include "util_sign.h"
#include "util_time.h"
#include "cs_banned.h"

static _Atomic int64_t max_lifetime_s;

void cs_api_sign_set_max_lifetime(int64_t seconds)
{
    atomic_store(&max_lifetime_s, seconds > 0 ? seconds : 0);
}

const char *cs_api_sign_apikey(const struct cs_api_params *p)
{
    return cs_api_params_get(p, "apikey");
}

static int fail(struct cs_err *err)
{
    return cs_err_set(err, CS_ERR_AUTH, CS_API_SIGN_FAIL_MSG);
}

/* Base64(HMAC-SHA1(secret, canonical)) compared with sig in constant time. */
static bool matches(const char *canonical, const char *secret, const char *sig)
{
    unsigned char mac[20];
    cs_util_hmac_sha1(secret, strlen(secret), canonical, strlen(canonical), mac);
    char *b64 = cs_util_base64(mac, sizeof(mac));
    bool ok = b64 && cs_util_ct_streq(b64, sig);
    if (b64) {
        memset(b64, 0, strlen(b64));
        free(b64);
    }
    memset(mac, 0, sizeof(mac));
    return ok;
}

static int check_expiry(const struct cs_api_params *p, int64_t now, struct cs_err *err)
{
    const char *ver = cs_api_params_get(p, "signatureversion");
    if (!ver || strcmp(ver, "3") != 0)
        return 0; /* without v3, expires is ignored */
    const char *exp = cs_api_params_get(p, "expires");
    int64_t t;
    if (!exp || !cs_util_date_parse(exp, &t))
        return fail(err);
    if (t < now)
        return fail(err);
    int64_t max = atomic_load(&max_lifetime_s);
    if (max > 0 && t - now > max)
        return fail(err);
    return 0;
}

int cs_api_sign_verify(const struct cs_api_params *p, const char *secret, int64_t now,
                       struct cs_err *err)
{
    const char *sig = cs_api_params_get(p, "signature");
    size_t n = cs_api_params_count(p);
    if (!sig || !*sig || !secret || !*secret || n == 0)
        return fail(err);
    if (check_expiry(p, now, err) < 0)
        return -CS_ERR_AUTH;
    struct cs_kv *kv = malloc(n * sizeof(*kv));
    if (!kv)
        return fail(err);
    bool has_tilde = false;
    for (size_t i = 0; i < n; i++) {
        kv[i].key = cs_api_params_name(p, i);
        kv[i].value = cs_api_params_value(p, i);
        has_tilde |= strchr(kv[i].value, '~') != NULL;
    }
    char *strict = cs_util_cs_canonical_ex(kv, n, 0);
    char *lower = cs_util_cs_canonical_ex(kv, n, CS_UTIL_SIGN_SORT_LOWER);
    bool lower_differs = strcmp(strict, lower) != 0;
    bool ok = matches(strict, secret, sig);
    if (lower_differs)
        ok |= matches(lower, secret, sig);
    if (has_tilde) {
        for (unsigned f = CS_UTIL_SIGN_TILDE_RAW;
             f <= (CS_UTIL_SIGN_TILDE_RAW | CS_UTIL_SIGN_SORT_LOWER); f++) {
            if ((f & CS_UTIL_SIGN_SORT_LOWER) && !lower_differs)
                continue;
            char *c = cs_util_cs_canonical_ex(kv, n, f);
            ok |= matches(c, secret, sig);
            free(c);
        }
    }
    free(strict);
    free(lower);
    free(kv);
    return ok ? 0 : fail(err);
}
