/* Request building: the parameter string a call sends, with its CloudStack signature. */
#include "client_request.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util_buf.h"
#include "util_sign.h"
#include "util_time.h"

static bool has_key(const struct csc_param *params, size_t n, const char *key)
{
    for (size_t i = 0; i < n; i++)
        if (params[i].key && strcasecmp(params[i].key, key) == 0)
            return true;
    return false;
}

bool csc_request_wants_raw(const struct csc_param *params, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (params[i].key && strcasecmp(params[i].key, "response") == 0)
            return !params[i].value || strcasecmp(params[i].value, "json") != 0;
    return false;
}

static void add_pair(struct cs_buf *b, const char *key, const char *value)
{
    if (b->len)
        cs_util_buf_addc(b, '&');
    cs_util_url_encode_java(b, key);
    cs_util_buf_addc(b, '=');
    cs_util_url_encode_java(b, value ? value : "");
}

char *csc_request_build(const char *command, const struct csc_param *params, size_t n,
                        const struct csc_call_opts *opts, const struct csc_creds *creds,
                        int64_t now)
{
    /* Everything sent, in order; extra slots for command, response, apikey, signatureversion,
     * expires and sessionkey. */
    struct cs_kv *kv = calloc(n + 6, sizeof(*kv));
    if (!kv)
        abort();
    size_t m = 0;
    kv[m++] = (struct cs_kv){"command", command};
    for (size_t i = 0; i < n; i++)
        if (params[i].key)
            kv[m++] = (struct cs_kv){params[i].key, params[i].value ? params[i].value : ""};
    if (!has_key(params, n, "response"))
        kv[m++] = (struct cs_kv){"response", "json"};

    bool session = creds && creds->sessionkey;
    bool signing = !session && creds && creds->apikey;
    char expires[CS_DATE_BUF];
    if (session) {
        kv[m++] = (struct cs_kv){"sessionkey", creds->sessionkey};
    } else if (signing) {
        const char *name = opts && opts->apikey_name ? opts->apikey_name : "apikey";
        kv[m++] = (struct cs_kv){name, creds->apikey};
        if (opts && opts->expires_in_s != 0) {
            cs_util_date_fmt(now + opts->expires_in_s, expires);
            kv[m++] = (struct cs_kv){"signatureversion", "3"};
            kv[m++] = (struct cs_kv){"expires", expires};
        }
    }

    struct cs_buf b = CS_BUF_INIT;
    for (size_t i = 0; i < m; i++)
        add_pair(&b, kv[i].key, kv[i].value);
    if (signing && !(opts && opts->omit_signature)) {
        if (opts && opts->signature) {
            add_pair(&b, "signature", opts->signature);
        } else {
            char *sig = cs_util_cs_sign(kv, m, creds->secret ? creds->secret : "");
            add_pair(&b, "signature", sig);
            free(sig);
        }
    }
    free(kv);
    return cs_util_buf_take(&b);
}
