/* Login sessions: an in-memory hash map of JSESSIONID to who + sessionkey, sharded by lock. */
#include "api_session.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "util_crypto.h"
#include "util_time.h"
#include "cs_banned.h"

#define SHARDS 16
#define SWEEP_INTERVAL_NS (60LL * 1000000000LL)

struct session {
    struct session *next;
    char *jsessionid;
    char *key;
    struct cs_api_session_who who;
    int64_t last_ns; /* monotonic time of the last use */
};

struct shard {
    pthread_mutex_t lock;
    struct session **buckets;
    size_t nbuckets; /* power of two */
    size_t n;
    int64_t last_sweep_ns;
};

struct cs_api_sessions {
    int timeout_s;
    struct shard shards[SHARDS];
};

static uint64_t hash_str(const char *s)
{
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ULL;
    }
    return h;
}

static void session_free(struct session *x)
{
    if (!x)
        return;
    free(x->jsessionid);
    if (x->key) {
        memset(x->key, 0, strlen(x->key));
        free(x->key);
    }
    free(x);
}

struct cs_api_sessions *cs_api_sessions_new(int idle_timeout_s)
{
    struct cs_api_sessions *s = calloc(1, sizeof(*s));
    if (!s)
        return NULL;
    s->timeout_s = idle_timeout_s > 0 ? idle_timeout_s : 1800;
    for (int i = 0; i < SHARDS; i++) {
        pthread_mutex_init(&s->shards[i].lock, NULL);
        s->shards[i].nbuckets = 64;
        s->shards[i].buckets = calloc(64, sizeof(struct session *));
        if (!s->shards[i].buckets) {
            cs_api_sessions_free(s);
            return NULL;
        }
    }
    return s;
}

void cs_api_sessions_free(struct cs_api_sessions *s)
{
    if (!s)
        return;
    for (int i = 0; i < SHARDS; i++) {
        struct shard *sh = &s->shards[i];
        for (size_t b = 0; sh->buckets && b < sh->nbuckets; b++) {
            struct session *x = sh->buckets[b];
            while (x) {
                struct session *next = x->next;
                session_free(x);
                x = next;
            }
        }
        free(sh->buckets);
        pthread_mutex_destroy(&sh->lock);
    }
    free(s);
}

int cs_api_sessions_timeout(const struct cs_api_sessions *s)
{
    return s->timeout_s;
}

static bool expired(const struct cs_api_sessions *s, const struct session *x, int64_t now_ns)
{
    return now_ns - x->last_ns > (int64_t)s->timeout_s * 1000000000LL;
}

/* Drops expired sessions of one shard (lock held). */
static void sweep(struct cs_api_sessions *s, struct shard *sh, int64_t now_ns)
{
    for (size_t b = 0; b < sh->nbuckets; b++) {
        struct session **pp = &sh->buckets[b];
        while (*pp) {
            struct session *x = *pp;
            if (expired(s, x, now_ns)) {
                *pp = x->next;
                session_free(x);
                sh->n--;
            } else {
                pp = &x->next;
            }
        }
    }
    sh->last_sweep_ns = now_ns;
}

static void rehash(struct shard *sh)
{
    size_t nb = sh->nbuckets * 2;
    struct session **buckets = calloc(nb, sizeof(*buckets));
    if (!buckets)
        return; /* chains just get longer */
    for (size_t b = 0; b < sh->nbuckets; b++) {
        struct session *x = sh->buckets[b];
        while (x) {
            struct session *next = x->next;
            size_t at = (hash_str(x->jsessionid) >> 4) & (nb - 1);
            x->next = buckets[at];
            buckets[at] = x;
            x = next;
        }
    }
    free(sh->buckets);
    sh->buckets = buckets;
    sh->nbuckets = nb;
}

static char *hex_id(size_t nbytes)
{
    static const char hex[] = "0123456789ABCDEF";
    unsigned char raw[32];
    cs_util_random(raw, nbytes);
    char *out = malloc(2 * nbytes + 1);
    if (!out)
        return NULL;
    for (size_t i = 0; i < nbytes; i++) {
        out[2 * i] = hex[raw[i] >> 4];
        out[2 * i + 1] = hex[raw[i] & 15];
    }
    out[2 * nbytes] = '\0';
    return out;
}

int cs_api_sessions_create(struct cs_api_sessions *s, const struct cs_api_session_who *who,
                           char **ret_sessionkey, char **ret_jsessionid)
{
    struct session *x = calloc(1, sizeof(*x));
    char *key_copy = NULL, *id_copy = NULL;
    if (!x)
        return -1;
    x->jsessionid = hex_id(16);
    x->key = cs_util_random_key(20);
    if (x->jsessionid && x->key) {
        key_copy = strdup(x->key);
        id_copy = strdup(x->jsessionid);
    }
    if (!key_copy || !id_copy) {
        free(key_copy);
        free(id_copy);
        session_free(x);
        return -1;
    }
    x->who = *who;
    int64_t now = cs_util_mono_ns();
    x->last_ns = now;
    uint64_t h = hash_str(x->jsessionid);
    struct shard *sh = &s->shards[h % SHARDS];
    pthread_mutex_lock(&sh->lock);
    if (now - sh->last_sweep_ns > SWEEP_INTERVAL_NS)
        sweep(s, sh, now);
    if (sh->n >= sh->nbuckets)
        rehash(sh);
    size_t at = (h >> 4) & (sh->nbuckets - 1);
    x->next = sh->buckets[at];
    sh->buckets[at] = x;
    sh->n++;
    pthread_mutex_unlock(&sh->lock);
    *ret_sessionkey = key_copy;
    *ret_jsessionid = id_copy;
    return 0;
}

/* The session with this id in its shard (lock held), unlinking it when unlink is set. */
static struct session *find(struct shard *sh, const char *jsessionid, uint64_t h, bool unlink)
{
    struct session **pp = &sh->buckets[(h >> 4) & (sh->nbuckets - 1)];
    for (; *pp; pp = &(*pp)->next) {
        struct session *x = *pp;
        if (strcmp(x->jsessionid, jsessionid) == 0) {
            if (unlink) {
                *pp = x->next;
                sh->n--;
            }
            return x;
        }
    }
    return NULL;
}

int cs_api_sessions_lookup(struct cs_api_sessions *s, const char *jsessionid,
                           const char *cookie_key, const char *param_key,
                           struct cs_api_session_who *ret_who)
{
    if (!s || !jsessionid || (!cookie_key && !param_key))
        return -1;
    uint64_t h = hash_str(jsessionid);
    struct shard *sh = &s->shards[h % SHARDS];
    int64_t now = cs_util_mono_ns();
    int rc = -1;
    pthread_mutex_lock(&sh->lock);
    struct session *x = find(sh, jsessionid, h, false);
    if (x && expired(s, x, now)) {
        find(sh, jsessionid, h, true);
        session_free(x);
        x = NULL;
    }
    /* Every key given must match: a request carrying a right cookie and a wrong parameter (or
     * the reverse) is refused. Both comparisons always run, in constant time. */
    bool ok = x != NULL;
    if (x) {
        bool ck = !cookie_key || cs_util_ct_streq(x->key, cookie_key);
        bool pk = !param_key || cs_util_ct_streq(x->key, param_key);
        ok = ck && pk;
    }
    if (ok) {
        x->last_ns = now;
        *ret_who = x->who;
        rc = 0;
    }
    pthread_mutex_unlock(&sh->lock);
    return rc;
}

void cs_api_sessions_destroy(struct cs_api_sessions *s, const char *jsessionid)
{
    if (!s || !jsessionid)
        return;
    uint64_t h = hash_str(jsessionid);
    struct shard *sh = &s->shards[h % SHARDS];
    pthread_mutex_lock(&sh->lock);
    struct session *x = find(sh, jsessionid, h, true);
    pthread_mutex_unlock(&sh->lock);
    session_free(x);
}

size_t cs_api_sessions_count(struct cs_api_sessions *s)
{
    size_t n = 0;
    int64_t now = cs_util_mono_ns();
    for (int i = 0; i < SHARDS; i++) {
        struct shard *sh = &s->shards[i];
        pthread_mutex_lock(&sh->lock);
        sweep(s, sh, now);
        n += sh->n;
        pthread_mutex_unlock(&sh->lock);
    }
    return n;
}
