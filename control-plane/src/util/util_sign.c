/* CloudStack request signing: Java-style URL encoding, canonical string, HMAC-SHA1 signature. */
#include "util_sign.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util_crypto.h"

static void encode(struct cs_buf *b, const char *s, bool tilde_raw)
{
    static const char hex[] = "0123456789ABCDEF";
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        unsigned char c = *p;
        if (isalnum(c) || c == '.' || c == '-' || c == '*' || c == '_' ||
            (tilde_raw && c == '~')) {
            cs_util_buf_addc(b, (char)c);
        } else {
            char e[3] = {'%', hex[c >> 4], hex[c & 15]};
            cs_util_buf_add(b, e, 3);
        }
    }
}

void cs_util_url_encode_java(struct cs_buf *b, const char *s)
{
    encode(b, s, false);
}

static int cmp_kv(const void *a, const void *b)
{
    const struct cs_kv *x = a, *y = b;
    return strcmp(x->key, y->key);
}

static int cmp_kv_lower(const void *a, const void *b)
{
    const struct cs_kv *x = a, *y = b;
    int c = strcasecmp(x->key, y->key);
    return c ? c : strcmp(x->key, y->key);
}

char *cs_util_cs_canonical(const struct cs_kv *kv, size_t n)
{
    return cs_util_cs_canonical_ex(kv, n, 0);
}

char *cs_util_cs_canonical_ex(const struct cs_kv *kv, size_t n, unsigned flags)
{
    struct cs_kv *sorted = malloc((n ? n : 1) * sizeof(*sorted));
    if (!sorted)
        abort();
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (strcasecmp(kv[i].key, "signature") != 0)
            sorted[m++] = kv[i];
    qsort(sorted, m, sizeof(*sorted), flags & CS_UTIL_SIGN_SORT_LOWER ? cmp_kv_lower : cmp_kv);
    struct cs_buf b = CS_BUF_INIT;
    for (size_t i = 0; i < m; i++) {
        if (i)
            cs_util_buf_addc(&b, '&');
        cs_util_buf_adds(&b, sorted[i].key);
        cs_util_buf_addc(&b, '=');
        encode(&b, sorted[i].value ? sorted[i].value : "", flags & CS_UTIL_SIGN_TILDE_RAW);
    }
    free(sorted);
    char *s = cs_util_buf_take(&b);
    for (char *p = s; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    return s;
}

char *cs_util_cs_sign(const struct cs_kv *kv, size_t n, const char *secret)
{
    char *canon = cs_util_cs_canonical(kv, n);
    unsigned char mac[20];
    cs_util_hmac_sha1(secret, strlen(secret), canon, strlen(canon), mac);
    free(canon);
    return cs_util_base64(mac, sizeof(mac));
}
