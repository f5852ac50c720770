/* Placement: resolves the request's scope, then an explicit host, affinity hosts or a planner. */
#include "sched_planner.h"

#include <stdio.h>
#include <stdlib.h>

#include "cs_banned.h"

static void describe_need(const struct cs_sched_request *req, char *buf, size_t len)
{
    snprintf(buf, len, "%d cpu x %d MHz, %lld MiB", req->cpus, req->cpu_mhz,
             (long long)(req->mem_bytes >> 20));
}

static void describe_scope(const struct cs_sched_request *req, char *buf, size_t len)
{
    if (req->cluster_id)
        snprintf(buf, len, "cluster '%lld'", (long long)req->cluster_id);
    else if (req->pod_id)
        snprintf(buf, len, "pod '%lld'", (long long)req->pod_id);
    else if (req->zone_id)
        snprintf(buf, len, "zone '%lld'", (long long)req->zone_id);
    else
        snprintf(buf, len, "any zone");
}

/* Only the named host: the filter table decides, and names the first filter it fails. */
static int place_explicit(const struct cs_sched_ctx *ctx, int64_t *ret_host_id,
                          struct cs_err *err)
{
    const struct cs_sched_request *req = ctx->req;
    const struct cs_sched_host *h = cs_sched_index_host(ctx->idx, req->host_id);
    long long id = (long long)req->host_id;
    if (!h)
        return cs_err_set(err, CS_ERR_NOT_FOUND, "no host '%lld'", id);
    const struct cs_sched_filter *f = cs_sched_filter_check(ctx, h);
    if (f && f->ok == cs_sched_filter_capacity) {
        char what[96];
        describe_need(req, what, sizeof(what));
        return cs_err_set(err, CS_ERR_CAPACITY, "host '%lld' %s for %s", id, f->why, what);
    }
    if (f)
        return cs_err_set(err, CS_ERR_CAPACITY, "host '%lld' %s", id, f->why);
    *ret_host_id = h->id;
    return 0;
}

/* ImplicitDedicationPlanner's preference: the account's implicit hosts (0), empty hosts (1),
 * others (2, only in Preferred mode); other planners have one class. */
static int implicit_class(const struct cs_sched_ctx *ctx, const struct cs_sched_host *h)
{
    if (ctx->req->planner != CS_SCHED_PLANNER_IMPLICIT || h->implicit_account_id)
        return 0;
    if (h->cpu_used_mhz == 0 && h->mem_used_bytes == 0)
        return 1;
    return ctx->req->implicit_preferred ? 2 : -1;
}

/* Host affinity: the group's hosts that pass every filter, chosen by the allocator (within the
 * implicit planner's best class). O(k). */
static int64_t place_affinity(struct cs_sched_ctx *ctx)
{
    struct cs_sched_hit best = {0, 0};
    size_t seen = 0;
    int best_class = 3;
    for (size_t i = 0; i < ctx->n_affinity; i++) {
        const struct cs_sched_host *h = cs_sched_index_host(ctx->idx, ctx->affinity[i]);
        if (!h || (i && ctx->affinity[i] == ctx->affinity[i - 1]) ||
            cs_sched_filter_check(ctx, h))
            continue;
        int cls = implicit_class(ctx, h);
        if (cls < 0 || cls > best_class)
            continue;
        if (cls < best_class) {
            best_class = cls;
            best = (struct cs_sched_hit){0, 0};
            seen = 0;
        }
        struct cs_sched_cap c = cs_sched_index_cap(ctx->idx, h);
        struct cs_sched_hit hit = {h->id, cs_sched_alloc_score(ctx->idx, &c)};
        seen++;
        if (ctx->req->allocator == CS_SCHED_ALLOC_RANDOM) {
            if (cs_sched_ctx_rand(ctx) % seen == 0) /* reservoir: uniform among fitting */
                best = hit;
        } else if (cs_sched_alloc_better(ctx, hit, best)) {
            best = hit;
        }
    }
    return best.id;
}

/* The request's narrowest scope and its zone; false when it names nothing known or is
 * inconsistent (a cluster outside the given pod, ...). Zone 0 alone means every zone:
 * *ret_all_zones. */
static bool resolve_scope(const struct cs_sched_index *idx, const struct cs_sched_request *req,
                          struct cs_sched_scope *ret, bool *ret_all_zones)
{
    *ret_all_zones = false;
    int64_t pod = req->pod_id, zone = req->zone_id;
    const struct cs_sched_tree *t, *p;
    if (req->cluster_id) {
        t = cs_sched_index_tree(idx, CS_SCHED_CLUSTER, req->cluster_id);
        if (!t || (pod && t->parent != pod))
            return false;
        p = cs_sched_index_tree(idx, CS_SCHED_POD, t->parent);
        if (!p || (zone && p->parent != zone))
            return false;
        *ret = (struct cs_sched_scope){CS_SCHED_CLUSTER, t->id, p->parent};
        return true;
    }
    if (pod) {
        t = cs_sched_index_tree(idx, CS_SCHED_POD, pod);
        if (!t || (zone && t->parent != zone))
            return false;
        *ret = (struct cs_sched_scope){CS_SCHED_POD, pod, t->parent};
        return true;
    }
    if (zone) {
        if (!cs_sched_index_tree(idx, CS_SCHED_ZONE, zone))
            return false;
        *ret = (struct cs_sched_scope){CS_SCHED_ZONE, zone, zone};
        return true;
    }
    *ret_all_zones = true;
    return false;
}

/* One stage in every zone the caller may use; first fit takes the lowest id across zones, the
 * cluster planners the first zone (in index order) that yields a host. */
static int plan_all_zones(struct cs_sched_ctx *ctx, size_t stage, struct cs_sched_hit *ret_hit)
{
    const struct cs_sched_level *zones = &ctx->idx->lvl[CS_SCHED_ZONE];
    struct cs_sched_hit best = {0, 0};
    for (size_t i = 0; i < zones->n; i++) {
        const struct cs_sched_tree *z = &zones->v[i];
        if (z->id > CS_SCHED_ID_MAX) /* a partition's tree, not a zone */
            continue;
        enum cs_sched_zone_access access = cs_sched_zone_access(ctx, z->id);
        if (access == CS_SCHED_ZONE_DENIED)
            continue;
        struct cs_sched_scope s = {CS_SCHED_ZONE, z->id, z->id};
        struct cs_sched_hit hit;
        int rc = cs_sched_plan(ctx, &s, access, stage, &hit);
        if (rc < 0)
            return rc;
        if (ctx->req->planner == CS_SCHED_PLANNER_HOST_ORDER
                ? cs_sched_alloc_better(ctx, hit, best) || (!best.id && hit.id)
                : (!best.id && hit.id))
            best = hit;
    }
    *ret_hit = best;
    return 0;
}

int cs_sched_place(const struct cs_sched_index *idx, const struct cs_sched_request *req,
                   int64_t *ret_host_id, struct cs_err *err)
{
    struct cs_sched_ctx ctx;
    int rc = cs_sched_ctx_init(&ctx, idx, req, err);
    if (rc < 0)
        goto cleanup;
    if (req->host_id) {
        rc = place_explicit(&ctx, ret_host_id, err);
        goto cleanup;
    }

    char scope_s[64], what[96];
    if (ctx.unknown_tag) {
        describe_scope(req, scope_s, sizeof(scope_s));
        rc = cs_err_set(err, CS_ERR_CAPACITY, "no host in %s carries host tag '%s'", scope_s,
                        ctx.unknown_tag);
        goto cleanup;
    }
    struct cs_sched_hit hit = {0, 0};
    struct cs_sched_scope scope;
    bool all_zones;
    if (ctx.n_affinity) {
        hit.id = place_affinity(&ctx);
    } else if (resolve_scope(idx, req, &scope, &all_zones)) {
        enum cs_sched_zone_access access = cs_sched_zone_access(&ctx, scope.zone_id);
        if (access == CS_SCHED_ZONE_DENIED) {
            rc = cs_err_set(err, CS_ERR_PERMISSION,
                            "zone '%lld' is dedicated and not available to the caller",
                            (long long)scope.zone_id);
            goto cleanup;
        }
        for (size_t st = 0; rc == 0 && !hit.id && st < cs_sched_plan_stages(&ctx); st++)
            rc = cs_sched_plan(&ctx, &scope, access, st, &hit);
    } else if (all_zones) {
        for (size_t st = 0; rc == 0 && !hit.id && st < cs_sched_plan_stages(&ctx); st++)
            rc = plan_all_zones(&ctx, st, &hit);
    }
    if (rc < 0) {
        rc = cs_err_set(err, CS_ERR_NOMEM, "out of memory placing a VM");
        goto cleanup;
    }
    if (!hit.id) {
        describe_scope(req, scope_s, sizeof(scope_s));
        describe_need(req, what, sizeof(what));
        rc = cs_err_set(err, CS_ERR_CAPACITY, "no host in %s has capacity for %s", scope_s,
                        what);
        goto cleanup;
    }
    /* The final check of CloudStack's planner: the filter table has the last word. */
    const struct cs_sched_host *h = cs_sched_index_host(idx, hit.id);
    const struct cs_sched_filter *f = h ? cs_sched_filter_check(&ctx, h) : NULL;
    if (!h || f) {
        rc = cs_err_set(err, CS_ERR_INTERNAL, "index chose host '%lld' which %s",
                        (long long)hit.id, f ? f->why : "is unknown");
        goto cleanup;
    }
    *ret_host_id = hit.id;
cleanup:
    cs_sched_ctx_release(&ctx);
    return rc;
}
