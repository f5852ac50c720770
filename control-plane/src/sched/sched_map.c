/* Id map: an open-addressing hash map from a positive row id to a small index. */
#include "sched_map.h"

#include <stdlib.h>

#include "util_err.h"
#include "cs_banned.h"

static size_t home(int64_t key, size_t mask)
{
    uint64_t h = (uint64_t)key * UINT64_C(0x9E3779B97F4A7C15);
    return (size_t)(h >> 32) & mask;
}

/* Bucket holding key, or the empty bucket where it would go. */
static size_t probe(const struct cs_sched_map *m, int64_t key)
{
    size_t mask = m->cap - 1;
    size_t i = home(key, mask);
    while (m->keys[i] != 0 && m->keys[i] != key)
        i = (i + 1) & mask;
    return i;
}

static int grow(struct cs_sched_map *m)
{
    size_t cap = m->cap ? m->cap * 2 : 16;
    int64_t *keys = calloc(cap, sizeof(*keys));
    uint32_t *vals = calloc(cap, sizeof(*vals));
    if (!keys || !vals) {
        free(keys);
        free(vals);
        return -CS_ERR_NOMEM;
    }
    struct cs_sched_map nm = {keys, vals, cap, m->n};
    for (size_t i = 0; i < m->cap; i++) {
        if (m->keys[i] == 0)
            continue;
        size_t j = probe(&nm, m->keys[i]);
        nm.keys[j] = m->keys[i];
        nm.vals[j] = m->vals[i];
    }
    free(m->keys);
    free(m->vals);
    *m = nm;
    return 0;
}

int cs_sched_map_put(struct cs_sched_map *m, int64_t key, uint32_t val)
{
    if ((m->n + 1) * 2 > m->cap) {
        int rc = grow(m);
        if (rc < 0)
            return rc;
    }
    size_t i = probe(m, key);
    if (m->keys[i] == 0) {
        m->keys[i] = key;
        m->n++;
    }
    m->vals[i] = val;
    return 0;
}

bool cs_sched_map_get(const struct cs_sched_map *m, int64_t key, uint32_t *ret_val)
{
    if (m->cap == 0 || key <= 0)
        return false;
    size_t i = probe(m, key);
    if (m->keys[i] == 0)
        return false;
    *ret_val = m->vals[i];
    return true;
}

void cs_sched_map_del(struct cs_sched_map *m, int64_t key)
{
    if (m->cap == 0 || key <= 0)
        return;
    size_t mask = m->cap - 1;
    size_t i = probe(m, key);
    if (m->keys[i] == 0)
        return;
    /* Backward shift: pull later members of the probe run into the hole when their home
     * bucket does not lie (cyclically) between the hole and their bucket. */
    size_t j = i;
    for (;;) {
        j = (j + 1) & mask;
        if (m->keys[j] == 0)
            break;
        size_t k = home(m->keys[j], mask);
        bool stays = (i <= j) ? (i < k && k <= j) : (i < k || k <= j);
        if (stays)
            continue;
        m->keys[i] = m->keys[j];
        m->vals[i] = m->vals[j];
        i = j;
    }
    m->keys[i] = 0;
    m->n--;
}

void cs_sched_map_release(struct cs_sched_map *m)
{
    free(m->keys);
    free(m->vals);
    m->keys = NULL;
    m->vals = NULL;
    m->cap = 0;
    m->n = 0;
}
