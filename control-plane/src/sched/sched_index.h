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
 * cores*mhz*cpu_factor MHz and mem*mem_factor bytes. */
struct cs_sched_factors {
    double cpu;
    double mem;
};

struct cs_sched_index;

/* returns: owned; NULL only on allocation failure */
struct cs_sched_index *cs_sched_index_new(struct cs_sched_factors factors);
void cs_sched_index_free(struct cs_sched_index *idx);

/* Adds a host or replaces everything known about it. */
int cs_sched_index_put(struct cs_sched_index *idx, const struct cs_sched_host *h,
                       struct cs_err *err);
int cs_sched_index_remove(struct cs_sched_index *idx, int64_t host_id);
/* Changes whether a host can take new VMs. */
int cs_sched_index_set_state(struct cs_sched_index *idx, int64_t host_id, bool up, bool enabled);
void cs_sched_index_set_factors(struct cs_sched_index *idx, struct cs_sched_factors factors);
/* Copies the host's current record into ret_host; CS_ERR_NOT_FOUND if unknown. */
int cs_sched_index_get(const struct cs_sched_index *idx, int64_t host_id,
                       struct cs_sched_host *ret_host, struct cs_err *err);
size_t cs_sched_index_count(const struct cs_sched_index *idx);

/* Chooses a host for req (first fit in host-id order within the scope): a pure function of the
 * request and the index. CS_ERR_CAPACITY when no host fits, CS_ERR_NOT_FOUND for an unknown
 * explicit host_id. Does not change the index. */
int cs_sched_place(const struct cs_sched_index *idx, const struct cs_sched_request *req,
                   int64_t *ret_host_id, struct cs_err *err);

/* Reserves / releases capacity on a host. Reserve fails with CS_ERR_CAPACITY (changing nothing)
 * if it would exceed the host's capacity with overcommit; release never goes below zero. */
int cs_sched_reserve(struct cs_sched_index *idx, int64_t host_id, int64_t cpu_mhz,
                     int64_t mem_bytes, struct cs_err *err);
void cs_sched_release(struct cs_sched_index *idx, int64_t host_id, int64_t cpu_mhz,
                      int64_t mem_bytes);

#endif
