/* A string-keyed open-addressing hash map of objects that start with their own key. */
#include <stdlib.h>
#include <string.h>

#include "sim_internal.h"

#define SIM_MAP_MIN_CAP 16

uint64_t sim_map_hash(const char *key)
{
    /* FNV-1a, then a final mix so the low bits (the index) depend on every byte */
    uint64_t h = 0xcbf29ce484222325ULL;
    for (const unsigned char *p = (const unsigned char *)key; *p; p++) {
        h ^= *p;
        h *= 0x100000001b3ULL;
    }
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return h;
}

static size_t find_slot(const struct sim_map *m, const char *key, uint64_t h)
{
    size_t mask = m->cap - 1;
    size_t i = (size_t)h & mask;
    for (;;) {
        const struct sim_map_slot *s = &m->slots[i];
        if (!s->val)
            return i;
        if (s->hash == h && strcmp((const char *)s->val, key) == 0)
            return i;
        i = (i + 1) & mask;
    }
}

static int grow(struct sim_map *m)
{
    size_t ncap = m->cap ? m->cap * 2 : SIM_MAP_MIN_CAP;
    struct sim_map_slot *ns = calloc(ncap, sizeof(*ns));
    if (!ns)
        return -SIM_ERR_NOMEM;
    for (size_t i = 0; i < m->cap; i++) {
        struct sim_map_slot *s = &m->slots[i];
        if (!s->val)
            continue;
        size_t j = (size_t)s->hash & (ncap - 1);
        while (ns[j].val)
            j = (j + 1) & (ncap - 1);
        ns[j] = *s;
    }
    free(m->slots);
    m->slots = ns;
    m->cap = ncap;
    return 0;
}

void *sim_map_get(const struct sim_map *m, const char *key)
{
    if (!m->cap)
        return NULL;
    uint64_t h = sim_map_hash(key);
    return m->slots[find_slot(m, key, h)].val;
}

int sim_map_put(struct sim_map *m, void *val)
{
    /* keep the load factor under 0.75 */
    if ((m->len + 1) * 4 > m->cap * 3) {
        int rc = grow(m);
        if (rc < 0)
            return rc;
    }
    const char *key = val;
    uint64_t h = sim_map_hash(key);
    size_t i = find_slot(m, key, h);
    m->slots[i].hash = h;
    m->slots[i].val = val;
    m->len++;
    return 0;
}

void *sim_map_del(struct sim_map *m, const char *key)
{
    if (!m->cap)
        return NULL;
    uint64_t h = sim_map_hash(key);
    size_t mask = m->cap - 1;
    size_t i = find_slot(m, key, h);
    void *val = m->slots[i].val;
    if (!val)
        return NULL;
    /* backward-shift deletion: no tombstones */
    size_t j = i;
    for (;;) {
        j = (j + 1) & mask;
        if (!m->slots[j].val)
            break;
        size_t home = (size_t)m->slots[j].hash & mask;
        /* move j into the hole at i unless its home lies cyclically in (i, j] */
        bool stay = (i <= j) ? (i < home && home <= j) : (i < home || home <= j);
        if (stay)
            continue;
        m->slots[i] = m->slots[j];
        i = j;
    }
    m->slots[i].val = NULL;
    m->slots[i].hash = 0;
    m->len--;
    return val;
}

void *sim_map_next(const struct sim_map *m, size_t *pos)
{
    while (*pos < m->cap) {
        void *v = m->slots[(*pos)++].val;
        if (v)
            return v;
    }
    return NULL;
}

void sim_map_release(struct sim_map *m)
{
    if (!m)
        return;
    free(m->slots);
    m->slots = NULL;
    m->cap = 0;
    m->len = 0;
}
