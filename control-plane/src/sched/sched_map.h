/* Id map: an open-addressing hash map from a positive row id to a small index. */
#ifndef CS_SCHED_MAP_H
#define CS_SCHED_MAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Keys are positive database row ids (0 marks an empty bucket). Linear probing, at most half
 * full, deletion by backward shift (no tombstones). Zero-initialise to get an empty map. */
struct cs_sched_map {
    int64_t *keys;
    uint32_t *vals;
    size_t cap; /* buckets, a power of two (0 before the first put) */
    size_t n;
};

/* Sets key -> val (replacing). 0, or -CS_ERR_NOMEM leaving the map unchanged. key must be > 0. */
int cs_sched_map_put(struct cs_sched_map *m, int64_t key, uint32_t val);
/* true and *ret_val when key is present. */
bool cs_sched_map_get(const struct cs_sched_map *m, int64_t key, uint32_t *ret_val);
void cs_sched_map_del(struct cs_sched_map *m, int64_t key);
/* Frees the storage; the map is empty afterwards. */
void cs_sched_map_release(struct cs_sched_map *m);

#endif
