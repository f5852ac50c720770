/* Allocators: which fitting host of one capacity tree a request gets. */
#ifndef CS_SCHED_ALLOC_H
#define CS_SCHED_ALLOC_H

#include "sched_filter.h"

/* A host found by an allocator: id 0 = none; score = its free CPU (RAM when the index orders by
 * RAM), what least-consumed maximises. */
struct cs_sched_hit {
    int64_t id;
    int64_t score;
};

/* Searches one tree for need with the request's allocator. Leaves are accepted when not avoided
 * and, with leaf_thresholds, when their cluster is under its thresholds.
 * first fit: lowest id, O(log n) plus O(log n) per avoided host passed; random: first fit from
 * a random position, wrapping; least consumed: branch and bound on the subtree maxima. */
struct cs_sched_hit cs_sched_alloc_tree(struct cs_sched_ctx *ctx, const struct cs_sched_tree *t,
                                        const struct cs_sched_cap *need, bool leaf_thresholds);
/* Whether a hit is preferable to the best so far under the request's allocator (random: the
 * earlier one, the caller randomises the order of trees). */
bool cs_sched_alloc_better(const struct cs_sched_ctx *ctx, struct cs_sched_hit a,
                           struct cs_sched_hit best);
/* The score of a host (see struct cs_sched_hit). */
int64_t cs_sched_alloc_score(const struct cs_sched_index *idx, const struct cs_sched_cap *c);

#endif
