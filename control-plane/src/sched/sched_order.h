/* Cluster order: per zone and per pod, the clusters under a min tree of their ordering keys. */
#ifndef CS_SCHED_ORDER_H
#define CS_SCHED_ORDER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sched_map.h"
#include "sched_tree.h"

/* A slot's (or, in an inner node, a subtree's) ordering key (the minimum) and the room left under
 * the cluster disable thresholds in MHz and bytes (the maxima; INFINITY without threshold). */
struct cs_sched_onode {
    double key;
    double room_cpu, room_mem;
    struct cs_sched_cap cap; /* the maxima over the clusters' shared hosts */
};

/* The clusters of one zone or pod: slot i holds cluster index cl[i] (UINT32_MAX once the cluster
 * left); node[] is a tree over the slots (node[leaves + i] = slot i; key INFINITY for an empty or
 * dead slot). Updating one slot is O(log c); enumerating clusters in ascending key order is
 * O(log c) per cluster yielded (cs_sched_oiter), and subtrees without room are skipped whole. */
struct cs_sched_otree {
    int64_t scope_id;
    uint32_t *cl;
    struct cs_sched_onode *node;
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
/* Sets a slot's key and threshold room (key INFINITY hides it). */
void cs_sched_otrees_set(struct cs_sched_otrees *s, int64_t scope_id, uint32_t slot,
                         struct cs_sched_onode val);
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
    double need_cpu, need_mem; /* subtrees whose room is clearly below these are skipped */
    const struct cs_sched_cap *need; /* and, unless NULL, those whose shared hosts cannot fit */
    struct cs_sched_oiter_ent *heap;
    size_t n, cap;
    bool nomem; /* set when the heap could not grow; enumeration then ends early */
    struct cs_sched_oiter_ent buf[64];
};

/* Enumerates t's clusters whose threshold room may hold need_cpu / need_mem (-INFINITY to
 * enumerate all) and, when need is not NULL, whose shared hosts' maxima fit need; the caller
 * still checks each cluster exactly. */
void cs_sched_oiter_init(struct cs_sched_oiter *it, const struct cs_sched_otree *t,
                         double need_cpu, double need_mem, const struct cs_sched_cap *need);
/* The next cluster index and its key; false at the end. */
bool cs_sched_oiter_next(struct cs_sched_oiter *it, uint32_t *ret_cl, double *ret_key);
void cs_sched_oiter_release(struct cs_sched_oiter *it);

#endif
