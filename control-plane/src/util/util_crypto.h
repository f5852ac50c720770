/* Crypto wrappers over OpenSSL libcrypto: HMAC, hashes, Base64, random keys, password hashing. */
#ifndef CS_UTIL_CRYPTO_H
#define CS_UTIL_CRYPTO_H

#include <stdbool.h>
#include <stddef.h>

/* HMAC-SHA1 of msg with key; out receives 20 bytes. */
void cs_util_hmac_sha1(const void *key, size_t keylen, const void *msg, size_t msglen,
                       unsigned char out[20]);
/* HMAC-SHA256 of msg with key; out receives 32 bytes. */
void cs_util_hmac_sha256(const void *key, size_t keylen, const void *msg, size_t msglen,
                         unsigned char out[32]);
/* Standard Base64 with '=' padding. Returns: owned NUL-terminated string. */
char *cs_util_base64(const unsigned char *in, size_t n);
/* Base64-URL without padding, as CloudStack's keys and session keys. Returns: owned. */
char *cs_util_base64url(const unsigned char *in, size_t n);
/* n cryptographically random bytes (aborts if the CSPRNG fails). */
void cs_util_random(unsigned char *out, size_t n);
/* A random key of nbytes random bytes as Base64-URL. Returns: owned. */
char *cs_util_random_key(size_t nbytes);
/* Constant-time comparison of two NUL-terminated strings (time depends only on lengths). */
bool cs_util_ct_streq(const char *a, const char *b);
/* Salted PBKDF2-HMAC-SHA256 password hash: "pbkdf2-sha256$<iter>$<salt b64>$<hash b64>".
 * Returns: owned. */
char *cs_util_password_hash(const char *password);
/* True when password matches a hash made by cs_util_password_hash (constant time). */
bool cs_util_password_verify(const char *password, const char *stored);

#endif
