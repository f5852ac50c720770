/* Placement: an in-memory capacity index over hosts and a pure placement function over it. */
#ifndef CS_SCHED_H
#define CS_SCHED_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util_err.h"

/* One host as the scheduler sees it. Ids are the database row ids. */
struct cs_sched_host {
    int64_t id;
    int64_t zone_id, pod_id, cluster_id;
    bool up;           /* state Up */
    bool enabled;      /* resource state Enabled */
    int cpu_cores;     /* physical cores */
    int cpu_mhz;       /* per core */
    int64_t mem_bytes; /* physical memory */
    int64_t cpu_used_mhz;   /* reserved by VMs placed here */
    int64_t mem_used_bytes; /* reserved by VMs placed here */
    /* Added for planners and dedication; zero = a shared, untagged host as before. */
    uint64_t tags;          /* host tags: bits from cs_sched_index_tag() */
    int64_t dedication_id;  /* explicit dedication (of the host, its cluster or pod, resolved by
                             * the caller) registered with cs_sched_index_set_dedication; 0 = none */
    int64_t implicit_account_id; /* host reserved by ImplicitDedicationPlanner for this account
                                  * (op_host_planner_reservation); 0 = none */
};

/* Deployment planners (the offering's deploymentplanner / vm.deployment.planner). HOST_ORDER,
 * the zero value, is the plain first fit in host-id order over the scope (no cluster ordering,
 * no thresholds unless set). The others order the clusters of the scope as CloudStack does
 * (spec section 4.2) and skip clusters crossing their capacity disable thresholds. */
enum cs_sched_planner {
    CS_SCHED_PLANNER_HOST_ORDER = 0,
    CS_SCHED_PLANNER_FIRST_FIT,         /* clusters by utilisation ascending */
    CS_SCHED_PLANNER_USER_DISPERSING,   /* clusters by the account's VM count ascending */
    CS_SCHED_PLANNER_USER_CONCENTRATED, /* pods with the account's VMs first (zone scope) */
    CS_SCHED_PLANNER_IMPLICIT,          /* the account's implicit hosts, then empty hosts */
    CS_SCHED_PLANNER__COUNT
};

/* Host allocators (vm.allocation.algorithm): the order hosts are tried in within one unit of
 * search (a cluster, or the whole scope for HOST_ORDER). */
enum cs_sched_allocator {
    CS_SCHED_ALLOC_FIRST_FIT = 0,      /* lowest host id */
    CS_SCHED_ALLOC_RANDOM,             /* seeded: first fit from a random position, wrapping */
    CS_SCHED_ALLOC_LEAST_CONSUMED,     /* most free CPU (RAM when ordering by RAM) first */
    CS_SCHED_ALLOC__COUNT
};

/* The account's VMs on one host (Running/Starting), for the user planners. */
struct cs_sched_vm_count {
    int64_t host_id;
    int count;
};

/* What a VM needs and where it may go. 0 in a scope field means "any". */
struct cs_sched_request {
    int64_t zone_id;
    int64_t pod_id, cluster_id, host_id;
    int cpus;
    int cpu_mhz;       /* per vCPU */
    int64_t mem_bytes;
    const int64_t *avoid; /* host ids that must not be chosen (anti-affinity, retries) */
    size_t n_avoid;
    /* Added for issue 4; zero/NULL = the old behaviour. */
    const char *const *host_tags; /* the offering's host tags: a host must carry all of them */
    size_t n_host_tags;
    int64_t account_id;            /* the VM owner */
    const int64_t *domain_path;    /* the owner's domain and all its ancestors */
    size_t n_domain_path;
    bool owner_is_root_admin;      /* skips the zone dedication check */
    bool explicit_dedication;      /* VM in an ExplicitDedication group: owner's dedicated only */
    bool implicit_preferred;       /* ImplicitDedicationMode=Preferred (else Strict) */
    const int64_t *affinity_hosts; /* host affinity: must be one of these; empty = any host */
    size_t n_affinity_hosts;
    const struct cs_sched_vm_count *account_vms; /* for the user planners */
    size_t n_account_vms;
    enum cs_sched_planner planner;
    enum cs_sched_allocator allocator;
    uint64_t seed;                 /* for CS_SCHED_ALLOC_RANDOM */
    double dispersion_weight;      /* vm.user.dispersion.weight; 0 taken as 1 (the default) */
};

/* Overcommit factors (cpu.overprovisioning.factor, mem.overprovisioning.factor): a host offers
 * floor(cores*mhz*cpu_factor) MHz and floor(mem*mem_factor) bytes. A factor that is not a finite
 * number > 0 is taken as 1.0. */
struct cs_sched_factors {
    double cpu;
    double mem;
};

/* What a host offers in total (before subtracting what is used) under these factors. */
void cs_sched_host_total(const struct cs_sched_host *h, struct cs_sched_factors factors,
                         int64_t *ret_cpu_mhz, int64_t *ret_mem_bytes);

/* Per-cluster capacity disable thresholds (cluster.cpu/memory.allocated.capacity.
 * disablethreshold): the cluster planners skip a cluster when (sum used + requested) /
 * (sum total x factor) exceeds one of them. A value that is not a finite number > 0 means none. */
struct cs_sched_thresholds {
    double cpu;
    double mem;
};

/* How the cluster planners order clusters (host.capacityType.to.order.clusters). */
enum cs_sched_order {
    CS_SCHED_ORDER_CPU = 0,
    CS_SCHED_ORDER_RAM,
    CS_SCHED_ORDER_COMBINED, /* cpu_weight x cpu ratio + (1 - cpu_weight) x ram ratio */
};

/* The index keeps, per zone, per pod and per cluster, the hosts in id order under a segment tree
 * of the maxima of (free MHz, free bytes, cores, per-core MHz, and min(free MHz * r, free bytes)
 * for a few memory/CPU ratios r; see sched_tree.h), so a first fit is a pruned descent rather
 * than a scan. Not thread-safe: the caller serializes every call with one lock.
 *
 * Each scope has one tree per partition: shared hosts, shared hosts per host tag, hosts of one
 * dedication, one account's implicit hosts (sched_priv.h), so tags and dedication are answered by
 * choosing trees, not by scanning. Per zone and pod, an order tree over the clusters (their
 * utilisation, threshold room and maxima) lets the cluster planners visit clusters in
 * CloudStack's order at O(log c) each.
 *
 * Costs (n = hosts in the scope, t = the host's tags): place O(log n) typical (backtracking when
 * the maxima of a subtree come from different hosts or hosts are avoided); reserve/release/
 * set_state O((1 + t) log n + log c); put of a new host with an id above all others (a load in id
 * order) O((1 + t) log n) amortised, with a lower id O(n); put of a known host in the same
 * cluster and partitions O(log n), moving it to another partition (tags, dedication) O(n);
 * remove O(n); set_factors, set_cluster, set_order O(hosts log n). */
struct cs_sched_index;

/* returns: owned; NULL only on allocation failure */
struct cs_sched_index *cs_sched_index_new(struct cs_sched_factors factors);
void cs_sched_index_free(struct cs_sched_index *idx);

/* Adds a host or replaces everything known about it (it may move to another cluster). Ids must
 * be > 0 and figures >= 0, and a pod stays in one zone and a cluster in one pod (CS_ERR_PARAM);
 * CS_ERR_NOMEM leaves the index unchanged. */
int cs_sched_index_put(struct cs_sched_index *idx, const struct cs_sched_host *h,
                       struct cs_err *err);
/* 0, or -CS_ERR_NOT_FOUND for an unknown host. */
int cs_sched_index_remove(struct cs_sched_index *idx, int64_t host_id);
/* Changes whether a host can take new VMs. 0, or -CS_ERR_NOT_FOUND for an unknown host. */
int cs_sched_index_set_state(struct cs_sched_index *idx, int64_t host_id, bool up, bool enabled);
void cs_sched_index_set_factors(struct cs_sched_index *idx, struct cs_sched_factors factors);
/* Copies the host's current record into ret_host; CS_ERR_NOT_FOUND if unknown. */
int cs_sched_index_get(const struct cs_sched_index *idx, int64_t host_id,
                       struct cs_sched_host *ret_host, struct cs_err *err);
size_t cs_sched_index_count(const struct cs_sched_index *idx);
/* The factors in force (after replacing invalid ones by 1.0). */
struct cs_sched_factors cs_sched_index_factors(const struct cs_sched_index *idx);

/* Per-cluster overcommit factors and thresholds; a factor that is not a finite number > 0 means
 * "the index's factors". May precede the cluster's first host. O(hosts log n). 0 or
 * CS_ERR_PARAM (cluster_id <= 0) / CS_ERR_NOMEM. */
int cs_sched_index_set_cluster(struct cs_sched_index *idx, int64_t cluster_id,
                               struct cs_sched_factors factors,
                               struct cs_sched_thresholds thresholds, struct cs_err *err);
/* Cluster ordering for the cluster planners; cpu_weight outside [0, 1] is taken as 0.5. */
void cs_sched_index_set_order(struct cs_sched_index *idx, enum cs_sched_order order,
                              double cpu_weight);

/* Interns a host tag (exact, case-sensitive) and returns its bit for cs_sched_host.tags. At most
 * CS_SCHED_MAX_TAGS distinct tags (CS_ERR_LIMIT beyond). */
#define CS_SCHED_MAX_TAGS 63
int cs_sched_index_tag(struct cs_sched_index *idx, const char *name, uint64_t *ret_bit,
                       struct cs_err *err);
/* The bit of a known tag, or 0. */
uint64_t cs_sched_index_tag_find(const struct cs_sched_index *idx, const char *name);

/* Declares who owns a dedication (dedicateZone/Pod/Cluster/Host): an account (account_id > 0)
 * or a whole domain and its subdomains (account_id 0). Hosts name it in dedication_id. 0, or
 * CS_ERR_PARAM / CS_ERR_NOMEM. */
int cs_sched_index_set_dedication(struct cs_sched_index *idx, int64_t dedication_id,
                                  int64_t domain_id, int64_t account_id, struct cs_err *err);
/* A zone dedicated with this dedication (0 = not dedicated). Only its owner may deploy there
 * (root admins excepted); when the owner is the account, the zone's hosts dedicated to it are
 * usable without explicit dedication, as in CloudStack. */
int cs_sched_index_set_zone_dedication(struct cs_sched_index *idx, int64_t zone_id,
                                       int64_t dedication_id, struct cs_err *err);

/* Capacity of a zone, pod or cluster (listCapacity): totals under the clusters' factors and
 * what is reserved, over all its hosts whatever their state. */
enum cs_sched_scope_level { CS_SCHED_SCOPE_ZONE, CS_SCHED_SCOPE_POD, CS_SCHED_SCOPE_CLUSTER };
struct cs_sched_capacity {
    int64_t cpu_total_mhz, cpu_used_mhz;
    int64_t mem_total_bytes, mem_used_bytes;
    size_t hosts;
};
/* 0, or CS_ERR_NOT_FOUND when no host was ever put there. O(clusters in scope). */
int cs_sched_index_capacity(const struct cs_sched_index *idx, enum cs_sched_scope_level level,
                            int64_t id, struct cs_sched_capacity *ret_cap, struct cs_err *err);

/* Chooses a host for req: a pure function of the request and the index; does not change it.
 * Scope: cluster_id if set, else pod_id, else zone_id, else every zone; ids given alongside a
 * narrower one must agree with it. Order: the fitting host with the LOWEST host id in the scope
 * (first fit in host-id order). A host fits when it is up and enabled, not in req->avoid, has
 * cpu_cores >= cpus and cpu_mhz >= req->cpu_mhz (CloudStack's host.cpus / host.speed check), and
 * free CPU >= cpus*cpu_mhz and free memory >= mem_bytes, where free = total under the factors
 * minus used. With host_id set only that host is checked (and must lie in any given scope).
 *
 * The fields added for issue 4 narrow this further (see sched_filter.h for the filter table):
 * host tags (all of req->host_tags on the host), dedication (hosts with a dedication_id only
 * for explicit-dedication requests of their owner; shared hosts only without explicit
 * dedication; implicit hosts only for ImplicitDedicationPlanner requests of their account; a
 * dedicated zone only for its owner), host affinity (one of affinity_hosts) and, with a cluster
 * planner, the cluster disable thresholds; planner and allocator then choose among the fitting
 * hosts. Costs: O(log n) per tree searched with first fit; anti-affinity/avoid sets cost
 * O(log n) per avoided host that would otherwise have been chosen; affinity sets O(k); the
 * cluster planners O(log c) per cluster tried (c = clusters in scope) plus O(k log k) for k
 * account_vms entries.
 * Planners over a pod or zone: FIRST_FIT visits clusters by utilisation ascending;
 * USER_DISPERSING by (1 - w) x utilisation + w x the account's share of its VMs there;
 * USER_CONCENTRATED (zone scope) the pods holding the account's VMs first, most VMs first;
 * IMPLICIT: the account's implicit hosts, then empty hosts, then (implicit_preferred) others, each
 * stage in FIRST_FIT order. With zone 0 the cluster planners take the first zone, in the order
 * zones were first put, that yields a host. Within a cluster (or the scope for HOST_ORDER) the
 * allocator picks the host. Host affinity ignores the planner (the group's hosts are few) but
 * keeps the implicit stages.
 * Errors: CS_ERR_CAPACITY when no host fits ("no host in zone '1' has capacity for 2 cpu x 1000
 * MHz, 1024 MiB", "host '7' has insufficient capacity for ...", "... carries host tag 'x'"),
 * CS_ERR_PERMISSION when the scope's zone is dedicated to someone else, CS_ERR_NOT_FOUND for an
 * unknown explicit host_id, CS_ERR_PARAM for cpus < 1, negative figures, NULL lists with a
 * count, or an unknown planner/allocator, CS_ERR_INTERNAL if the index and the filter table ever
 * disagree on the chosen host (a bug; nothing is chosen). */
int cs_sched_place(const struct cs_sched_index *idx, const struct cs_sched_request *req,
                   int64_t *ret_host_id, struct cs_err *err);

/* Reserves / releases capacity on a host. Reserve fails with CS_ERR_CAPACITY (changing nothing)
 * if it would exceed the host's capacity with overcommit (whatever the host's state: state only
 * gates placement), CS_ERR_NOT_FOUND for an unknown host, CS_ERR_PARAM for negative amounts;
 * release never goes below zero and ignores unknown hosts and negative amounts. */
int cs_sched_reserve(struct cs_sched_index *idx, int64_t host_id, int64_t cpu_mhz,
                     int64_t mem_bytes, struct cs_err *err);
void cs_sched_release(struct cs_sched_index *idx, int64_t host_id, int64_t cpu_mhz,
                      int64_t mem_bytes);

#endif
