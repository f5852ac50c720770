/* Server-side verification of CloudStack request signatures (apikey + HMAC-SHA1, version 3). */
#ifndef CS_API_SIGN_H
#define CS_API_SIGN_H

#include <stdint.h>

#include "api_params.h"
#include "util_err.h"

/* The message of every verification failure, as CloudStack sends it. */
#define CS_API_SIGN_FAIL_MSG "unable to verify user credentials and/or request signature"

/* The apikey parameter (name matched case-insensitively). borrowed or NULL */
const char *cs_api_sign_apikey(const struct cs_api_params *p);
/* 0 when the `signature` parameter is the Base64 HMAC-SHA1 of the canonical request string under
 * secret (or one of the tolerated client variants, see api_sign.c), and, for signatureversion=3,
 * `expires` parses and is not before now (and not further ahead than the configured maximum
 * lifetime). Otherwise CS_ERR_AUTH with CS_API_SIGN_FAIL_MSG. */
int cs_api_sign_verify(const struct cs_api_params *p, const char *secret, int64_t now,
                       struct cs_err *err);
/* Maximum seconds a v3 `expires` may lie in the future; 0 (default) = no limit. Process-wide. */
void cs_api_sign_set_max_lifetime(int64_t seconds);

#endif
