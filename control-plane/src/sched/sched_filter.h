/* Filters: the placement context and the table of host checks every placement applies. */
#ifndef CS_SCHED_FILTER_H
#define CS_SCHED_FILTER_H

#include "sched_priv.h"

/* One placement's view of its request, prepared once (sched_filter.c). */
struct cs_sched_ctx {
    const struct cs_sched_index *idx;
    const struct cs_sched_request *req;
    struct cs_sched_cap need;  /* cpu, memory, cores, MHz and the required tag bits */
    const char *unknown_tag;   /* a requested tag no host carries (then nothing fits) */
    struct cs_sched_avoid avoid;
    int64_t *avoid_buf;        /* owned: sorted copy of a long avoid list */
    int64_t *affinity;         /* owned: sorted copy of req->affinity_hosts */
    size_t n_affinity;
    uint32_t *owned;           /* owned: dedication partitions of the caller */
    size_t n_owned;
    bool thresholds;           /* cluster disable thresholds apply (not for an explicit host) */
    uint64_t rng;              /* CS_SCHED_ALLOC_RANDOM's state */
};

/* 0, or CS_ERR_PARAM for an invalid request, CS_ERR_NOMEM. Release even after a failure. */
int cs_sched_ctx_init(struct cs_sched_ctx *ctx, const struct cs_sched_index *idx,
                      const struct cs_sched_request *req, struct cs_err *err);
void cs_sched_ctx_release(struct cs_sched_ctx *ctx);
/* A seeded step of the context's PRNG (splitmix64). */
uint64_t cs_sched_ctx_rand(struct cs_sched_ctx *ctx);

enum cs_sched_zone_access {
    CS_SCHED_ZONE_DENIED, /* dedicated to someone else */
    CS_SCHED_ZONE_SHARED, /* not dedicated, dedicated to the caller's domain, or root admin */
    CS_SCHED_ZONE_OWNER,  /* dedicated to the caller's account: its dedicated hosts are usable */
};
enum cs_sched_zone_access cs_sched_zone_access(const struct cs_sched_ctx *ctx, int64_t zone_id);
/* Whether a dedication partition belongs to the caller (its account or a domain in its path). */
bool cs_sched_part_owned(const struct cs_sched_ctx *ctx, uint32_t part);
/* Whether a cluster crosses a disable threshold once need is added. */
bool cs_sched_cluster_over(const struct cs_sched_ctx *ctx, const struct cs_sched_cluster *c);

/* A filter: ok() says whether host h may take the request; why completes "host '7' ...". */
struct cs_sched_filter {
    const char *name;
    const char *why;
    bool (*ok)(const struct cs_sched_ctx *ctx, const struct cs_sched_host *h);
};

/* The table, in the order failures are reported (sched_filter.c). */
extern const struct cs_sched_filter cs_sched_filters[];
extern const size_t cs_sched_n_filters;

/* The first filter host h fails, or NULL when it passes them all. returns: borrowed. */
const struct cs_sched_filter *cs_sched_filter_check(const struct cs_sched_ctx *ctx,
                                                    const struct cs_sched_host *h);
/* The filter called name, or NULL. returns: borrowed. */
const struct cs_sched_filter *cs_sched_filter_named(const char *name);

/* One function per filter_<name>.c. */
bool cs_sched_filter_scope(const struct cs_sched_ctx *ctx, const struct cs_sched_host *h);
bool cs_sched_filter_state(const struct cs_sched_ctx *ctx, const struct cs_sched_host *h);
bool cs_sched_filter_avoid(const struct cs_sched_ctx *ctx, const struct cs_sched_host *h);
bool cs_sched_filter_affinity(const struct cs_sched_ctx *ctx, const struct cs_sched_host *h);
bool cs_sched_filter_dedication(const struct cs_sched_ctx *ctx, const struct cs_sched_host *h);
bool cs_sched_filter_tags(const struct cs_sched_ctx *ctx, const struct cs_sched_host *h);
bool cs_sched_filter_capacity(const struct cs_sched_ctx *ctx, const struct cs_sched_host *h);
bool cs_sched_filter_threshold(const struct cs_sched_ctx *ctx, const struct cs_sched_host *h);

#endif
