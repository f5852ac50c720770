/* Index internals: the host table and the per-zone, per-pod and per-cluster trees. */
#ifndef CS_SCHED_PRIV_H
#define CS_SCHED_PRIV_H

#include "sched_index.h"
#include "sched_map.h"
#include "sched_tree.h"

/* One slot of the host table; free slots are chained through next_free. */
struct cs_sched_slot {
    struct cs_sched_host h;
    bool live;
    uint32_t next_free;
};

/* The trees of one scope level, found by zone, pod or cluster id. */
struct cs_sched_level {
    struct cs_sched_tree *v;
    size_t n, cap;
    struct cs_sched_map by_id;
};

enum cs_sched_lvl { CS_SCHED_ZONE, CS_SCHED_POD, CS_SCHED_CLUSTER, CS_SCHED_LVL__COUNT };

struct cs_sched_index {
    struct cs_sched_factors factors;
    struct cs_sched_slot *slots;
    size_t n_slots, cap_slots;
    uint32_t free_head; /* UINT32_MAX when no slot is free */
    size_t count;
    struct cs_sched_map hosts; /* host id -> slot */
    struct cs_sched_level lvl[CS_SCHED_LVL__COUNT];
};

/* What host h offers under the index's factors (CS_SCHED_CAP_NEVER unless up and enabled). */
struct cs_sched_cap cs_sched_index_cap(const struct cs_sched_index *idx,
                                       const struct cs_sched_host *h);
/* The tree of a zone, pod or cluster, or NULL: returns: borrowed. */
const struct cs_sched_tree *cs_sched_index_tree(const struct cs_sched_index *idx,
                                                enum cs_sched_lvl lvl, int64_t id);
/* The host with this id, or NULL: returns: borrowed. */
const struct cs_sched_host *cs_sched_index_host(const struct cs_sched_index *idx, int64_t id);

#endif
