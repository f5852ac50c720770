/* Filters: the filter table and the placement context every filter reads. */
#include "sched_filter.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cs_banned.h"

/* Lists longer than this are copied and sorted so each check is a binary search. */
#define AVOID_SCAN_MAX 16

/* Adding a filter: one filter_<name>.c and one row here. Order = the order failures are
 * reported in for an explicit host. */
const struct cs_sched_filter cs_sched_filters[] = {
    {"scope", "is outside the requested scope", cs_sched_filter_scope},
    {"state", "is not up and enabled", cs_sched_filter_state},
    {"avoid", "is in the avoid set", cs_sched_filter_avoid},
    {"affinity", "is not among the affinity group's hosts", cs_sched_filter_affinity},
    {"dedication", "is dedicated to another owner or not to the caller",
     cs_sched_filter_dedication},
    {"tags", "does not carry the offering's host tags", cs_sched_filter_tags},
    {"capacity", "has insufficient capacity", cs_sched_filter_capacity},
    {"threshold", "is in a cluster over its capacity disable threshold",
     cs_sched_filter_threshold},
};
const size_t cs_sched_n_filters = sizeof(cs_sched_filters) / sizeof(cs_sched_filters[0]);

const struct cs_sched_filter *cs_sched_filter_check(const struct cs_sched_ctx *ctx,
                                                    const struct cs_sched_host *h)
{
    for (size_t i = 0; i < cs_sched_n_filters; i++) {
        if (!cs_sched_filters[i].ok(ctx, h))
            return &cs_sched_filters[i];
    }
    return NULL;
}

const struct cs_sched_filter *cs_sched_filter_named(const char *name)
{
    for (size_t i = 0; i < cs_sched_n_filters; i++) {
        if (strcmp(cs_sched_filters[i].name, name) == 0)
            return &cs_sched_filters[i];
    }
    return NULL;
}

static int cmp_id(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

static int64_t *sorted_copy(const int64_t *v, size_t n)
{
    int64_t *c = malloc(n * sizeof(*c));
    if (!c)
        return NULL;
    memcpy(c, v, n * sizeof(*c));
    qsort(c, n, sizeof(*c), cmp_id);
    return c;
}

uint64_t cs_sched_ctx_rand(struct cs_sched_ctx *ctx)
{
    uint64_t z = (ctx->rng += UINT64_C(0x9E3779B97F4A7C15));
    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    return z ^ (z >> 31);
}

static int add_owned(struct cs_sched_ctx *ctx, const struct cs_sched_map *m, int64_t owner,
                     size_t *cap)
{
    const struct cs_sched_index *idx = ctx->idx;
    uint32_t p;
    if (owner <= 0 || !cs_sched_map_get(m, owner, &p))
        return 0;
    for (; p != UINT32_MAX; p = idx->parts[p].next_owned) {
        if (ctx->n_owned == *cap) {
            size_t nc = *cap ? *cap * 2 : 8;
            uint32_t *v = realloc(ctx->owned, nc * sizeof(*v));
            if (!v)
                return -CS_ERR_NOMEM;
            ctx->owned = v;
            *cap = nc;
        }
        ctx->owned[ctx->n_owned++] = CS_SCHED_PART_DYN0 + p;
    }
    return 0;
}

static bool valid_request(const struct cs_sched_request *r)
{
    return r->cpus >= 1 && r->cpu_mhz >= 0 && r->mem_bytes >= 0 && r->zone_id >= 0 &&
           r->pod_id >= 0 && r->cluster_id >= 0 && r->host_id >= 0 &&
           !(r->n_avoid && !r->avoid) && !(r->n_host_tags && !r->host_tags) &&
           !(r->n_domain_path && !r->domain_path) &&
           !(r->n_affinity_hosts && !r->affinity_hosts) &&
           !(r->n_account_vms && !r->account_vms) && r->account_id >= 0 &&
           (unsigned)r->planner < CS_SCHED_PLANNER__COUNT &&
           (unsigned)r->allocator < CS_SCHED_ALLOC__COUNT;
}

int cs_sched_ctx_init(struct cs_sched_ctx *ctx, const struct cs_sched_index *idx,
                      const struct cs_sched_request *req, struct cs_err *err)
{
    memset(ctx, 0, sizeof(*ctx));
    ctx->idx = idx;
    ctx->req = req;
    if (!valid_request(req))
        return cs_err_set(err, CS_ERR_PARAM, "invalid placement request");
    ctx->need = (struct cs_sched_cap){(int64_t)req->cpus * req->cpu_mhz, req->mem_bytes,
                                      req->cpus, req->cpu_mhz, {0}, 0};
    cs_sched_cap_mix(&ctx->need);
    for (size_t i = 0; i < req->n_host_tags; i++) {
        const char *name = req->host_tags[i];
        if (!name || !*name)
            continue; /* an empty tag asks for nothing */
        uint64_t bit = cs_sched_index_tag_find(idx, name);
        if (!bit && !ctx->unknown_tag)
            ctx->unknown_tag = name;
        ctx->need.tags |= bit;
    }
    ctx->avoid = (struct cs_sched_avoid){req->avoid, req->n_avoid, false};
    if (req->n_avoid > AVOID_SCAN_MAX) {
        ctx->avoid_buf = sorted_copy(req->avoid, req->n_avoid);
        if (!ctx->avoid_buf)
            return cs_err_set(err, CS_ERR_NOMEM, "out of memory sorting the avoid set");
        ctx->avoid = (struct cs_sched_avoid){ctx->avoid_buf, req->n_avoid, true};
    }
    if (req->n_affinity_hosts) {
        ctx->affinity = sorted_copy(req->affinity_hosts, req->n_affinity_hosts);
        if (!ctx->affinity)
            return cs_err_set(err, CS_ERR_NOMEM, "out of memory sorting the affinity set");
        ctx->n_affinity = req->n_affinity_hosts;
    }
    size_t cap = 0;
    int rc = add_owned(ctx, &idx->account_owned, req->account_id, &cap);
    for (size_t i = 0; rc == 0 && i < req->n_domain_path; i++)
        rc = add_owned(ctx, &idx->domain_owned, req->domain_path[i], &cap);
    if (rc < 0)
        return cs_err_set(err, CS_ERR_NOMEM, "out of memory listing dedications");
    ctx->thresholds = req->host_id == 0;
    ctx->rng = req->seed;
    return 0;
}

void cs_sched_ctx_release(struct cs_sched_ctx *ctx)
{
    if (!ctx)
        return;
    free(ctx->avoid_buf);
    free(ctx->affinity);
    free(ctx->owned);
    ctx->avoid_buf = ctx->affinity = NULL;
    ctx->owned = NULL;
}

static bool in_path(const struct cs_sched_request *r, int64_t domain_id)
{
    for (size_t i = 0; i < r->n_domain_path; i++) {
        if (r->domain_path[i] == domain_id)
            return true;
    }
    return false;
}

bool cs_sched_part_owned(const struct cs_sched_ctx *ctx, uint32_t part)
{
    if (part < CS_SCHED_PART_DYN0 || part - CS_SCHED_PART_DYN0 >= ctx->idx->n_parts)
        return false;
    const struct cs_sched_part *d = &ctx->idx->parts[part - CS_SCHED_PART_DYN0];
    if (d->kind != CS_SCHED_PART_DEDICATION || !d->owned)
        return false;
    if (d->account_id)
        return ctx->req->account_id && d->account_id == ctx->req->account_id;
    return in_path(ctx->req, d->domain_id);
}

enum cs_sched_zone_access cs_sched_zone_access(const struct cs_sched_ctx *ctx, int64_t zone_id)
{
    uint32_t p;
    if (!cs_sched_map_get(&ctx->idx->zone_ded, zone_id, &p) || ctx->req->owner_is_root_admin)
        return CS_SCHED_ZONE_SHARED;
    const struct cs_sched_part *d = &ctx->idx->parts[p];
    if (!d->owned)
        return CS_SCHED_ZONE_DENIED;
    if (d->account_id)
        return ctx->req->account_id == d->account_id ? CS_SCHED_ZONE_OWNER
                                                     : CS_SCHED_ZONE_DENIED;
    return in_path(ctx->req, d->domain_id) ? CS_SCHED_ZONE_SHARED : CS_SCHED_ZONE_DENIED;
}

static bool crosses(double threshold, int64_t used, int64_t need, int64_t raw, double factor)
{
    if (!(threshold > 0) || threshold == INFINITY)
        return false;
    double total = (double)raw * factor;
    return total <= 0 || (double)(used + need) / total > threshold;
}

bool cs_sched_cluster_over(const struct cs_sched_ctx *ctx, const struct cs_sched_cluster *c)
{
    struct cs_sched_factors f = cs_sched_index_cluster_factors(ctx->idx, c->id);
    return crosses(c->thr.cpu, c->used_cpu, ctx->need.cpu, c->raw_cpu, f.cpu) ||
           crosses(c->thr.mem, c->used_mem, ctx->need.mem, c->raw_mem, f.mem);
}
