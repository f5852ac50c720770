/* CloudStack request signing: Java-style URL encoding, canonical string, HMAC-SHA1 signature.
 * Shared by the server (verification) and the client library (signing). */
#ifndef CS_UTIL_SIGN_H
#define CS_UTIL_SIGN_H

#include <stddef.h>

#include "util_buf.h"

struct cs_kv {
    const char *key;
    const char *value;
};

/* Appends s encoded as Java's URLEncoder.encode(s, "UTF-8") does, then with every '+' replaced by
 * "%20": A-Z a-z 0-9 . - * _ stay, every other byte becomes %XX (uppercase hex). */
void cs_util_url_encode_java(struct cs_buf *b, const char *s);
/* The string CloudStack signs: pairs sorted by key (case-sensitive byte order), each
 * key=ENC(value) with the key not encoded, joined by '&', then lowercased. Pairs whose key is
 * "signature" (any case) are skipped. Returns: owned. */
char *cs_util_cs_canonical(const struct cs_kv *kv, size_t n);
/* Variants of the canonical string that some clients sign (see api_sign.c for why a server may
 * accept them): sort by lowercased key (libcloud, Marvin); leave '~' unescaped (Python's quote
 * and Go's QueryEscape do). flags 0 is exactly cs_util_cs_canonical. */
enum {
    CS_UTIL_SIGN_SORT_LOWER = 1 << 0,
    CS_UTIL_SIGN_TILDE_RAW = 1 << 1,
};
/* Returns: owned. */
char *cs_util_cs_canonical_ex(const struct cs_kv *kv, size_t n, unsigned flags);
/* Base64(HMAC-SHA1(secret, canonical)). Returns: owned. */
char *cs_util_cs_sign(const struct cs_kv *kv, size_t n, const char *secret);

#endif
