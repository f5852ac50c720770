/* Index internals: the host table, partitions, clusters and the per-scope capacity trees. */
#ifndef CS_SCHED_PRIV_H
#define CS_SCHED_PRIV_H

#include "sched_index.h"
#include "sched_map.h"
#include "sched_order.h"
#include "sched_tree.h"

/* One slot of the host table; free slots are chained through next_free. */
struct cs_sched_slot {
    struct cs_sched_host h;
    bool live;
    uint32_t next_free;
};

/* The trees of one scope level, found by tree key (see cs_sched_tree_key). */
struct cs_sched_level {
    struct cs_sched_tree *v;
    size_t n, cap;
    struct cs_sched_map by_id;
};

enum cs_sched_lvl { CS_SCHED_ZONE, CS_SCHED_POD, CS_SCHED_CLUSTER, CS_SCHED_LVL__COUNT };

/* Partitions: every scope has one tree per partition that has hosts there. A host lives in
 * exactly one primary partition (shared, one explicit dedication, or one account's implicit
 * hosts) and, when shared, in one tag partition per tag it carries, so a tagged request searches
 * only hosts with its rarest tag and a plain request never meets dedicated hosts. */
#define CS_SCHED_PART_SHARED 0u
#define CS_SCHED_PART_TAG0 1u /* + tag bit number, 0..62 */
#define CS_SCHED_PART_DYN0 64u /* + index into idx->parts */
#define CS_SCHED_ID_MAX ((INT64_C(1) << 40) - 1)

enum cs_sched_part_kind { CS_SCHED_PART_DEDICATION, CS_SCHED_PART_IMPLICIT };

/* A dedication (owner: an account, or a domain when account_id is 0) or one account's implicit
 * hosts. Dedications of one owner are chained through next_owned. */
struct cs_sched_part {
    enum cs_sched_part_kind kind;
    int64_t key; /* dedication id, or the implicit account id */
    int64_t domain_id, account_id;
    bool owned;  /* owner declared */
    uint32_t next_owned; /* UINT32_MAX ends the chain */
};

/* One cluster's settings and sums (over all its hosts, any state), and its leaves in the order
 * trees of its zone and pod. */
struct cs_sched_cluster {
    int64_t id, pod_id, zone_id;
    struct cs_sched_factors conf;  /* as set; invalid = the index's factors */
    struct cs_sched_thresholds thr;
    int64_t raw_cpu, raw_mem;      /* sum of cores x MHz and memory, before factors */
    int64_t used_cpu, used_mem;
    size_t hosts;
    uint32_t zone_slot, pod_slot;  /* UINT32_MAX until the cluster has a pod */
};

struct cs_sched_index {
    struct cs_sched_factors factors;
    struct cs_sched_slot *slots;
    size_t n_slots, cap_slots;
    uint32_t free_head; /* UINT32_MAX when no slot is free */
    size_t count;
    struct cs_sched_map hosts; /* host id -> slot */
    struct cs_sched_level lvl[CS_SCHED_LVL__COUNT];

    char *tag_names[CS_SCHED_MAX_TAGS];
    size_t n_tags;
    size_t tag_hosts[CS_SCHED_MAX_TAGS]; /* shared hosts carrying each tag */

    struct cs_sched_part *parts;
    size_t n_parts, cap_parts;
    struct cs_sched_map ded_part, implicit_part;   /* dedication / account id -> part index */
    struct cs_sched_map account_owned, domain_owned; /* owner -> first owned part index */
    struct cs_sched_map zone_ded;                  /* zone id -> dedication id (as uint32 part) */

    struct cs_sched_cluster *clusters;
    size_t n_clusters, cap_clusters;
    struct cs_sched_map cluster_ix; /* cluster id -> index */
    size_t n_thresholds;            /* clusters with a threshold set */
    enum cs_sched_order order;
    double cpu_weight;
    struct cs_sched_otrees zone_order, pod_order;
};

/* The key of a scope's tree in one partition: (partition << 40) | scope id. */
static inline int64_t cs_sched_tree_key(uint32_t part, int64_t scope_id)
{
    return (int64_t)(((uint64_t)part << 40) | (uint64_t)scope_id);
}

/* What host h offers under its cluster's factors (CS_SCHED_CAP_NEVER unless up and enabled). */
struct cs_sched_cap cs_sched_index_cap(const struct cs_sched_index *idx,
                                       const struct cs_sched_host *h);
/* The factors in force for a cluster. */
struct cs_sched_factors cs_sched_index_cluster_factors(const struct cs_sched_index *idx,
                                                       int64_t cluster_id);
/* The tree of a scope in a partition, or NULL: returns: borrowed. */
const struct cs_sched_tree *cs_sched_index_ptree(const struct cs_sched_index *idx,
                                                 enum cs_sched_lvl lvl, uint32_t part,
                                                 int64_t id);
/* The shared tree of a zone, pod or cluster, or NULL: returns: borrowed. */
const struct cs_sched_tree *cs_sched_index_tree(const struct cs_sched_index *idx,
                                                enum cs_sched_lvl lvl, int64_t id);
/* The host with this id, or NULL: returns: borrowed. */
const struct cs_sched_host *cs_sched_index_host(const struct cs_sched_index *idx, int64_t id);
/* A cluster's record, or NULL: returns: borrowed. */
const struct cs_sched_cluster *cs_sched_index_cluster(const struct cs_sched_index *idx,
                                                      int64_t cluster_id);
/* The primary partition of a host (shared, its dedication's or its implicit account's). */
uint32_t cs_sched_index_host_part(const struct cs_sched_index *idx,
                                  const struct cs_sched_host *h);
/* The cluster's ordering key (utilisation ratio under the index's order setting). */
double cs_sched_cluster_key(const struct cs_sched_index *idx, const struct cs_sched_cluster *c);

/* sched_owner.c: partitions and owners. */
/* Finds or creates the partition of a dedication / an implicit account; UINT32_MAX on NOMEM. */
uint32_t cs_sched_part_get(struct cs_sched_index *idx, enum cs_sched_part_kind kind,
                           int64_t key);
/* The partition of a dedication / implicit account if known, else UINT32_MAX. */
uint32_t cs_sched_part_find(const struct cs_sched_index *idx, enum cs_sched_part_kind kind,
                            int64_t key);
void cs_sched_parts_release(struct cs_sched_index *idx);

/* sched_cluster.c: the cluster table, its sums and the order trees. */
/* Finds or creates a cluster record; NULL on NOMEM. returns: borrowed. */
struct cs_sched_cluster *cs_sched_cluster_get(struct cs_sched_index *idx, int64_t cluster_id);
/* Adds (sign 1) or takes away (-1) a host's figures from its cluster's sums. */
void cs_sched_cluster_account(struct cs_sched_index *idx, const struct cs_sched_host *h,
                              int sign);
/* Adds reserved (or, negative, released) capacity to a cluster's sums. */
void cs_sched_cluster_use(struct cs_sched_index *idx, int64_t cluster_id, int64_t cpu_mhz,
                          int64_t mem_bytes);
/* Places the cluster in the order trees of its zone and pod (after a move) and refreshes its
 * key. 0 or -CS_ERR_NOMEM. */
int cs_sched_cluster_place(struct cs_sched_index *idx, struct cs_sched_cluster *c,
                           int64_t pod_id, int64_t zone_id);
/* Recomputes the cluster's key in both order trees. */
void cs_sched_cluster_rekey(struct cs_sched_index *idx, const struct cs_sched_cluster *c);
void cs_sched_clusters_release(struct cs_sched_index *idx);

#endif
