/* Crypto wrappers over OpenSSL libcrypto: HMAC, hashes, Base64, random keys, password hashing. */
#include "util_crypto.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PBKDF2_ITER 20000

void cs_util_hmac_sha1(const void *key, size_t keylen, const void *msg, size_t msglen,
                       unsigned char out[20])
{
    unsigned int n = 20;
    HMAC(EVP_sha1(), key, (int)keylen, msg, msglen, out, &n);
}

void cs_util_hmac_sha256(const void *key, size_t keylen, const void *msg, size_t msglen,
                         unsigned char out[32])
{
    unsigned int n = 32;
    HMAC(EVP_sha256(), key, (int)keylen, msg, msglen, out, &n);
}

char *cs_util_base64(const unsigned char *in, size_t n)
{
    char *out = malloc(4 * ((n + 2) / 3) + 1);
    if (!out)
        abort();
    EVP_EncodeBlock((unsigned char *)out, in, (int)n);
    return out;
}

char *cs_util_base64url(const unsigned char *in, size_t n)
{
    char *s = cs_util_base64(in, n);
    size_t len = strlen(s);
    while (len && s[len - 1] == '=')
        s[--len] = '\0';
    for (char *p = s; *p; p++) {
        if (*p == '+')
            *p = '-';
        else if (*p == '/')
            *p = '_';
    }
    return s;
}

void cs_util_random(unsigned char *out, size_t n)
{
    if (RAND_bytes(out, (int)n) != 1)
        abort();
}

char *cs_util_random_key(size_t nbytes)
{
    unsigned char buf[128];
    if (nbytes > sizeof(buf))
        nbytes = sizeof(buf);
    cs_util_random(buf, nbytes);
    return cs_util_base64url(buf, nbytes);
}

bool cs_util_ct_streq(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la != lb)
        return false;
    return CRYPTO_memcmp(a, b, la) == 0;
}

static void derive(const char *password, const unsigned char *salt, size_t saltlen, int iter,
                   unsigned char out[32])
{
    PKCS5_PBKDF2_HMAC(password, (int)strlen(password), salt, (int)saltlen, iter, EVP_sha256(), 32,
                      out);
}

char *cs_util_password_hash(const char *password)
{
    unsigned char salt[16], hash[32];
    cs_util_random(salt, sizeof(salt));
    derive(password, salt, sizeof(salt), PBKDF2_ITER, hash);
    char *s64 = cs_util_base64(salt, sizeof(salt));
    char *h64 = cs_util_base64(hash, sizeof(hash));
    size_t n = strlen(s64) + strlen(h64) + 48;
    char *out = malloc(n);
    if (!out)
        abort();
    snprintf(out, n, "pbkdf2-sha256$%d$%s$%s", PBKDF2_ITER, s64, h64);
    free(s64);
    free(h64);
    return out;
}

bool cs_util_password_verify(const char *password, const char *stored)
{
    int iter = 0;
    char salt64[64], hash64[64];
    if (!stored || sscanf(stored, "pbkdf2-sha256$%d$%63[^$]$%63s", &iter, salt64, hash64) != 3 ||
        iter <= 0)
        return false;
    unsigned char salt[64], hash[32];
    int saltlen = EVP_DecodeBlock(salt, (const unsigned char *)salt64, (int)strlen(salt64));
    if (saltlen < 0)
        return false;
    for (const char *p = salt64 + strlen(salt64); p > salt64 && p[-1] == '='; p--)
        saltlen--;
    derive(password, salt, (size_t)saltlen, iter, hash);
    char *h64 = cs_util_base64(hash, sizeof(hash));
    bool ok = cs_util_ct_streq(h64, hash64);
    free(h64);
    return ok;
}
