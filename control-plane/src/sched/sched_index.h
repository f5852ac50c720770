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
};

/* What a VM needs and where it may go. 0 in a scope field means "any". */
struct cs_sched_request {
    int64_t zone_id;
    int64_t pod_id, cluster_id, host_id;
    int cpus;
    int cpu_mhz;       /* per vCPU */
    int64_t mem_bytes;
    const int64_t *avoid; /* host ids that must not be chosen */
    size_t n_avoid;
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

/* The index keeps, per zone, per pod and per cluster, the hosts in id order under a segment tree
 * of the maxima of (free MHz, free bytes, cores, per-core MHz, and min(free MHz * r, free bytes)
 * for a few memory/CPU ratios r; see sched_tree.h), so a first fit is a pruned descent rather
 * than a scan. Not thread-safe: the caller serializes every call with one lock.
 *
 * Costs (n = hosts in the scope): place O(log n) typical (backtracking when the maxima of a
 * subtree come from different hosts or hosts are avoided); reserve/release/set_state O(log n);
 * put of a new host with an id above all others (a load in id order) O(log n) amortised, with a
 * lower id O(n); put of a known host in the same cluster O(log n); remove O(n); set_factors
 * O(hosts log n). */
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

/* Chooses a host for req: a pure function of the request and the index; does not change it.
 * Scope: cluster_id if set, else pod_id, else zone_id, else every zone; ids given alongside a
 * narrower one must agree with it. Order: the fitting host with the LOWEST host id in the scope
 * (first fit in host-id order). A host fits when it is up and enabled, not in req->avoid, has
 * cpu_cores >= cpus and cpu_mhz >= req->cpu_mhz (CloudStack's host.cpus / host.speed check), and
 * free CPU >= cpus*cpu_mhz and free memory >= mem_bytes, where free = total under the factors
 * minus used. With host_id set only that host is checked (and must lie in any given scope).
 * Errors: CS_ERR_CAPACITY when no host fits ("no host in zone '1' has capacity for 2 cpu x 1000
 * MHz, 1024 MiB", "host '7' has insufficient capacity for ..."), CS_ERR_NOT_FOUND for an unknown
 * explicit host_id, CS_ERR_PARAM for cpus < 1 or negative figures. */
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
