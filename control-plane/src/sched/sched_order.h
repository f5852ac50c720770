/* Cluster order: per zone and per pod, the clusters under a min tree of their ordering keys. */
#ifndef CS_SCHED_ORDER_H
#define CS_SCHED_ORDER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sched_map.h"

/* The clusters of one zone or pod: slot i holds cluster index cl[i] (UINT32_MAX once the cluster
 * left); node[] is a min tree over the slots' keys (node[leaves + i] = key of slot i, INFINITY for
 * an empty or dead slot). Updating one key is O(log c); enumerating clusters in ascending key
 * order is O(log c) per cluster (cs_sched_oiter). */
struct cs_sched_otree {
    int64_t scope_id;
    uint32_t *cl;
    double *node;
    size_t n, leaves;
};

/* The order trees of one level, found by zone or pod id. Zero-initialise. */
struct cs_sched_otrees {
    struct cs_sched_otree *v;
    size_t n, cap;
    struct cs_sched_map by_id;
};

/* Appends a slot for cluster index cl to the scope's tree (created on first use) with key
 * INFINITY; 0 and *ret_slot, or -CS_ERR_NOMEM. */
int cs_sched_otrees_add(struct cs_sched_otrees *s, int64_t scope_id, uint32_t cl,
                        uint32_t *ret_slot);
/* Sets a slot's key (INFINITY hides it). */
void cs_sched_otrees_set(struct cs_sched_otrees *s, int64_t scope_id, uint32_t slot, double key);
/* Marks a slot dead (its cluster moved away). */
void cs_sched_otrees_kill(struct cs_sched_otrees *s, int64_t scope_id, uint32_t slot);
/* returns: borrowed, or NULL */
const struct cs_sched_otree *cs_sched_otrees_find(const struct cs_sched_otrees *s,
                                                  int64_t scope_id);
void cs_sched_otrees_release(struct cs_sched_otrees *s);

/* Best-first enumeration of a tree's clusters by ascending key; does not change the tree. */
struct cs_sched_oiter_ent {
    double key;
    uint32_t v;
};
struct cs_sched_oiter {
    const struct cs_sched_otree *t;
    struct cs_sched_oiter_ent *heap;
    size_t n, cap;
    bool nomem; /* set when the heap could not grow; enumeration then ends early */
    struct cs_sched_oiter_ent buf[64];
};

void cs_sched_oiter_init(struct cs_sched_oiter *it, const struct cs_sched_otree *t);
/* The next cluster index and its key; false at the end. */
bool cs_sched_oiter_next(struct cs_sched_oiter *it, uint32_t *ret_cl, double *ret_key);
void cs_sched_oiter_release(struct cs_sched_oiter *it);

#endif
