/* Capacity tree: the hosts of one zone, pod or cluster in id order under a max segment tree. */
#ifndef CS_SCHED_TREE_H
#define CS_SCHED_TREE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Memory-per-MHz ratios for the mixed maxima: 2^18 .. 2^23 bytes per MHz (0.25 .. 8 MiB per
 * MHz, compute- to memory-optimised offerings). */
#define CS_SCHED_MIX 6
#define CS_SCHED_MIX_SHIFT0 18

/* What a host offers (at a leaf) or the component-wise maximum over a subtree (inner node).
 * A host that may not take VMs offers CS_SCHED_CAP_NEVER. As a requirement: free CPU MHz, free
 * memory bytes, physical cores and per-core MHz all at least these.
 *
 * mix[k] = min(cpu * r_k, mem) with r_k = 2^(CS_SCHED_MIX_SHIFT0 + k) bytes per MHz. The plain
 * maxima of cpu and mem may come from different hosts, so on their own they prune badly once
 * hosts are partly full; a host that fits (c, m) has min(cpu * r, mem) >= min(c * r, m) for every
 * r, and for r = m / c that test is exact, so mixed maxima at ratios near the request's make the
 * test of a subtree nearly exact. */
struct cs_sched_cap {
    int64_t cpu;
    int64_t mem;
    int32_t cores;
    int32_t mhz;
    int64_t mix[CS_SCHED_MIX];
    uint64_t tags; /* host tag bits (an OR over a subtree); as a requirement: all of these */
};

/* A tag bit the index sets itself on hosts with nothing reserved (ImplicitDedicationPlanner). */
#define CS_SCHED_TAG_EMPTY (UINT64_C(1) << 63)

#define CS_SCHED_CAP_NEVER                                                                         \
    ((struct cs_sched_cap){INT64_MIN, INT64_MIN, INT32_MIN, INT32_MIN,                           \
                           {INT64_MIN, INT64_MIN, INT64_MIN, INT64_MIN, INT64_MIN, INT64_MIN},   \
                           0})

/* The component-wise maximum (tags: the union) of two offers. */
static inline struct cs_sched_cap cs_sched_cap_max(const struct cs_sched_cap *a,
                                                   const struct cs_sched_cap *b)
{
    struct cs_sched_cap m = {
        a->cpu > b->cpu ? a->cpu : b->cpu,
        a->mem > b->mem ? a->mem : b->mem,
        a->cores > b->cores ? a->cores : b->cores,
        a->mhz > b->mhz ? a->mhz : b->mhz,
        {0},
        a->tags | b->tags,
    };
    for (int k = 0; k < CS_SCHED_MIX; k++)
        m.mix[k] = a->mix[k] > b->mix[k] ? a->mix[k] : b->mix[k];
    return m;
}

/* Fills c->mix from c->cpu and c->mem (for a host's offer and for a requirement alike). */
void cs_sched_cap_mix(struct cs_sched_cap *c);

static inline bool cs_sched_cap_fits(const struct cs_sched_cap *have,
                                     const struct cs_sched_cap *need)
{
    if (have->cpu < need->cpu || have->mem < need->mem || have->cores < need->cores ||
        have->mhz < need->mhz || (have->tags & need->tags) != need->tags)
        return false;
    for (int k = 0; k < CS_SCHED_MIX; k++) {
        if (have->mix[k] < need->mix[k])
            return false;
    }
    return true;
}

/* Host ids a placement must skip: a short list scanned, or a sorted one searched. */
struct cs_sched_avoid {
    const int64_t *ids;
    size_t n;
    bool sorted;
};

bool cs_sched_avoid_has(const struct cs_sched_avoid *a, int64_t id);

/* One scope's hosts: ids sorted ascending, and over them a segment tree with `leaves` leaves
 * (a power of two >= n): node[1] is the root, node[v] has children 2v and 2v+1, and leaf i is
 * node[leaves + i]. Leaves past n hold CS_SCHED_CAP_NEVER. Zero-initialise, then set id/parent. */
struct cs_sched_tree {
    int64_t id;     /* the zone, pod or cluster id */
    int64_t parent; /* zone of a pod, pod of a cluster, 0 for a zone */
    int64_t *ids;
    size_t n;
    size_t leaves;
    struct cs_sched_cap *node;
    size_t members; /* hosts of the scope in any partition (kept on the shared tree only) */
};

/* Adds a host. Appending (id above every id present, the usual load order) is O(log n)
 * amortised; an id in the middle costs O(n). 0 or -CS_ERR_NOMEM (tree unchanged). The id must
 * not be present. */
int cs_sched_tree_insert(struct cs_sched_tree *t, int64_t id, struct cs_sched_cap cap);
/* Removes a host, O(n); absent ids are ignored. */
void cs_sched_tree_remove(struct cs_sched_tree *t, int64_t id);
/* Changes what a present host offers, O(log n). */
void cs_sched_tree_update(struct cs_sched_tree *t, int64_t id, struct cs_sched_cap cap);
/* The lowest leaf position >= from whose leaf fits need (avoid sets aside), or t->n. O(log n)
 * when the maxima are exact; callers skip unwanted leaves by calling again from pos + 1. */
size_t cs_sched_tree_first_from(const struct cs_sched_tree *t, const struct cs_sched_cap *need,
                                size_t from);
/* Position of a present id, or t->n. */
size_t cs_sched_tree_find(const struct cs_sched_tree *t, int64_t id);
void cs_sched_tree_release(struct cs_sched_tree *t);

#endif
