/* Planners: FirstFit, UserDispersing, UserConcentratedPod and ImplicitDedication over the index. */
#include "sched_planner.h"

#include <math.h>
#include <stdlib.h>

#include "cs_banned.h"

/* ImplicitDedicationPlanner tries its stages in turn; the others have one. */
enum stage { ST_NORMAL, ST_IMPLICIT_OWN, ST_IMPLICIT_EMPTY, ST_IMPLICIT_SHARED };

/* What one stage searches: trees of these partitions, for this need. */
struct unit_plan {
    uint32_t *parts;
    size_t n;
    struct cs_sched_cap need;
};

/* The shared partition, or for a tagged request the tag partition with the fewest hosts. */
static uint32_t shared_part(const struct cs_sched_ctx *ctx)
{
    uint64_t want = ctx->need.tags & ~CS_SCHED_TAG_EMPTY;
    if (!want)
        return CS_SCHED_PART_SHARED;
    unsigned best = 0;
    size_t fewest = SIZE_MAX;
    for (unsigned b = 0; b < CS_SCHED_MAX_TAGS; b++) {
        if ((want & (UINT64_C(1) << b)) && ctx->idx->tag_hosts[b] < fewest) {
            fewest = ctx->idx->tag_hosts[b];
            best = b;
        }
    }
    return CS_SCHED_PART_TAG0 + best;
}

static void stage_plan(const struct cs_sched_ctx *ctx, enum cs_sched_zone_access access,
                       enum stage st, struct unit_plan *u)
{
    const struct cs_sched_request *r = ctx->req;
    u->n = 0;
    u->need = ctx->need;
    switch (st) {
    case ST_IMPLICIT_OWN: {
        uint32_t p = cs_sched_part_find(ctx->idx, CS_SCHED_PART_IMPLICIT, r->account_id);
        if (r->account_id && p != UINT32_MAX)
            u->parts[u->n++] = CS_SCHED_PART_DYN0 + p;
        return;
    }
    case ST_IMPLICIT_EMPTY: /* the usual hosts, but only empty ones */
        u->need.tags |= CS_SCHED_TAG_EMPTY;
        /* fall through */
    case ST_IMPLICIT_SHARED:
    case ST_NORMAL:
    default:
        if (!r->explicit_dedication)
            u->parts[u->n++] = shared_part(ctx);
        if (r->explicit_dedication || access == CS_SCHED_ZONE_OWNER) {
            for (size_t i = 0; i < ctx->n_owned; i++)
                u->parts[u->n++] = ctx->owned[i];
        }
        return;
    }
}

/* Searches the trees of one scope (lvl, id) in every partition of the plan. */
static struct cs_sched_hit search_unit(struct cs_sched_ctx *ctx, enum cs_sched_lvl lvl,
                                       int64_t id, const struct unit_plan *u, bool leaf_thr)
{
    struct cs_sched_hit best = {0, 0};
    size_t start = 0;
    if (ctx->req->allocator == CS_SCHED_ALLOC_RANDOM && u->n > 1)
        start = (size_t)(cs_sched_ctx_rand(ctx) % u->n);
    for (size_t k = 0; k < u->n; k++) {
        const struct cs_sched_tree *t =
            cs_sched_index_ptree(ctx->idx, lvl, u->parts[(start + k) % u->n], id);
        struct cs_sched_hit hit = cs_sched_alloc_tree(ctx, t, &u->need, leaf_thr);
        if (ctx->req->allocator == CS_SCHED_ALLOC_RANDOM && hit.id)
            return hit;
        if (cs_sched_alloc_better(ctx, hit, best))
            best = hit;
    }
    return best;
}

/* ---- clusters in planner order ---- */

struct walk {
    struct cs_sched_ctx *ctx;
    const struct unit_plan *u;
    struct cs_sched_hit hit;
};

/* Tries one cluster (by index); true when it yielded a host. */
static bool try_cluster(struct walk *w, uint32_t ci)
{
    const struct cs_sched_cluster *c = &w->ctx->idx->clusters[ci];
    if (w->ctx->thresholds && cs_sched_cluster_over(w->ctx, c))
        return false;
    w->hit = search_unit(w->ctx, CS_SCHED_CLUSTER, c->id, w->u, false);
    return w->hit.id != 0;
}

/* A sorted set of cluster or pod indices/ids to skip. */
static bool in_sorted(const int64_t *v, size_t n, int64_t x)
{
    struct cs_sched_avoid set = {v, n, true};
    return n && cs_sched_avoid_has(&set, x);
}

/* What the order trees may prune on: the need when thresholds apply, else nothing. */
static double oiter_need(const struct cs_sched_ctx *ctx, int mem)
{
    if (!ctx->thresholds)
        return -INFINITY;
    return (double)(mem ? ctx->need.mem : ctx->need.cpu);
}

/* The need the order trees may prune clusters on: only when every partition searched holds
 * shared hosts (shared or tag partitions), whose maxima the order trees keep. */
static const struct cs_sched_cap *shared_need(const struct walk *w)
{
    for (size_t k = 0; k < w->u->n; k++) {
        if (w->u->parts[k] >= CS_SCHED_PART_DYN0)
            return NULL;
    }
    return &w->u->need;
}

/* Walks an order tree by ascending utilisation; skip_cl / skip_pod name clusters (by index)
 * and pods to pass over. -CS_ERR_NOMEM, 1 found, 0 not. */
static int walk_order(struct walk *w, const struct cs_sched_otree *t, const int64_t *skip_cl,
                      size_t n_skip_cl, const int64_t *skip_pod, size_t n_skip_pod)
{
    struct cs_sched_oiter it;
    cs_sched_oiter_init(&it, t, oiter_need(w->ctx, 0), oiter_need(w->ctx, 1), shared_need(w));
    uint32_t ci;
    double key;
    int rc = 0;
    while (rc == 0 && cs_sched_oiter_next(&it, &ci, &key)) {
        if (in_sorted(skip_cl, n_skip_cl, ci) ||
            in_sorted(skip_pod, n_skip_pod, w->ctx->idx->clusters[ci].pod_id))
            continue;
        if (try_cluster(w, ci))
            rc = 1;
    }
    if (rc == 0 && it.nomem)
        rc = -CS_ERR_NOMEM;
    cs_sched_oiter_release(&it);
    return rc;
}

static const struct cs_sched_otree *scope_order(const struct cs_sched_index *idx,
                                                const struct cs_sched_scope *s)
{
    return s->lvl == CS_SCHED_POD ? cs_sched_otrees_find(&idx->pod_order, s->id)
                                  : cs_sched_otrees_find(&idx->zone_order, s->id);
}

/* A (key, count) pair: a cluster index or a pod id with the account's VMs there. */
struct tally {
    int64_t key;
    int64_t count;
    double score;
};

static int cmp_key(const void *a, const void *b)
{
    const struct tally *x = a, *y = b;
    return (x->key > y->key) - (x->key < y->key);
}

/* Sums req->account_vms by cluster index (pods = false) or pod id (pods = true) within the
 * scope; returns: owned array (sorted by key, merged) and its length, or -1 on NOMEM. */
static long tally(const struct cs_sched_ctx *ctx, const struct cs_sched_scope *s, bool pods,
                  struct tally **ret, int64_t *ret_total)
{
    const struct cs_sched_request *r = ctx->req;
    struct tally *v = malloc((r->n_account_vms ? r->n_account_vms : 1) * sizeof(*v));
    if (!v)
        return -1;
    size_t n = 0;
    int64_t total = 0;
    for (size_t i = 0; i < r->n_account_vms; i++) {
        const struct cs_sched_host *h = cs_sched_index_host(ctx->idx, r->account_vms[i].host_id);
        if (!h || r->account_vms[i].count <= 0)
            continue;
        total += r->account_vms[i].count;
        if (h->zone_id != s->zone_id || (s->lvl == CS_SCHED_POD && h->pod_id != s->id))
            continue;
        uint32_t ci;
        if (!pods && !cs_sched_map_get(&ctx->idx->cluster_ix, h->cluster_id, &ci))
            continue;
        v[n++] = (struct tally){pods ? h->pod_id : (int64_t)ci, r->account_vms[i].count, 0};
    }
    qsort(v, n, sizeof(*v), cmp_key);
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        if (m && v[m - 1].key == v[i].key)
            v[m - 1].count += v[i].count;
        else
            v[m++] = v[i];
    }
    *ret = v;
    *ret_total = total;
    return (long)m;
}

static int cmp_score(const void *a, const void *b)
{
    const struct tally *x = a, *y = b;
    if (x->score != y->score)
        return x->score < y->score ? -1 : 1;
    return (x->key > y->key) - (x->key < y->key);
}

static int cmp_count_desc(const void *a, const void *b)
{
    const struct tally *x = a, *y = b;
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    return (x->key > y->key) - (x->key < y->key);
}

/* UserDispersingPlanner: score = (1 - w) x utilisation + w x (account VMs / all account VMs).
 * Clusters without the account's VMs come from the order tree (score (1 - w) x utilisation);
 * the few with VMs are scored and sorted apart; the two streams are merged. O(k log k + log c
 * per cluster tried). */
static int walk_dispersing(struct walk *w, const struct cs_sched_scope *s)
{
    const struct cs_sched_index *idx = w->ctx->idx;
    double wt = w->ctx->req->dispersion_weight;
    if (!(wt > 0 && wt <= 1))
        wt = 1;
    struct tally *v;
    int64_t total;
    long n = tally(w->ctx, s, false, &v, &total);
    if (n < 0)
        return -CS_ERR_NOMEM;
    int64_t *touched = malloc(((size_t)n + 1) * sizeof(*touched));
    if (!touched) {
        free(v);
        return -CS_ERR_NOMEM;
    }
    for (long i = 0; i < n; i++) {
        touched[i] = v[i].key;
        v[i].score = (1 - wt) * cs_sched_cluster_key(idx, &idx->clusters[v[i].key]) +
                     wt * (double)v[i].count / (double)(total ? total : 1);
    }
    qsort(v, (size_t)n, sizeof(*v), cmp_score);

    struct cs_sched_oiter it;
    cs_sched_oiter_init(&it, scope_order(idx, s), oiter_need(w->ctx, 0), oiter_need(w->ctx, 1),
                        shared_need(w));
    uint32_t ci;
    double key;
    bool have_a = false;
    long b = 0;
    int rc = 0;
    while (rc == 0) {
        while (!have_a && cs_sched_oiter_next(&it, &ci, &key))
            have_a = !in_sorted(touched, (size_t)n, ci);
        if (!have_a && b >= n)
            break;
        if (have_a && (b >= n || (1 - wt) * key <= v[b].score)) {
            have_a = false;
            rc = try_cluster(w, ci);
        } else {
            rc = try_cluster(w, (uint32_t)v[b++].key);
        }
    }
    if (rc == 0 && it.nomem)
        rc = -CS_ERR_NOMEM;
    cs_sched_oiter_release(&it);
    free(touched);
    free(v);
    return rc;
}

/* UserConcentratedPodPlanner (zone scope): the pods holding the account's VMs, most VMs first,
 * each in utilisation order; then the other pods' clusters. */
static int walk_concentrated(struct walk *w, const struct cs_sched_scope *s)
{
    const struct cs_sched_index *idx = w->ctx->idx;
    struct tally *v;
    int64_t total;
    long n = tally(w->ctx, s, true, &v, &total);
    if (n < 0)
        return -CS_ERR_NOMEM;
    int64_t *pods = malloc(((size_t)n + 1) * sizeof(*pods));
    if (!pods) {
        free(v);
        return -CS_ERR_NOMEM;
    }
    for (long i = 0; i < n; i++)
        pods[i] = v[i].key; /* sorted by pod id */
    qsort(v, (size_t)n, sizeof(*v), cmp_count_desc);
    int rc = 0;
    for (long i = 0; rc == 0 && i < n; i++)
        rc = walk_order(w, cs_sched_otrees_find(&idx->pod_order, v[i].key), NULL, 0, NULL, 0);
    if (rc == 0)
        rc = walk_order(w, scope_order(idx, s), NULL, 0, pods, (size_t)n);
    free(pods);
    free(v);
    return rc;
}

static int walk_clusters(struct walk *w, const struct cs_sched_scope *s)
{
    if (s->lvl == CS_SCHED_CLUSTER) {
        uint32_t ci;
        if (!cs_sched_map_get(&w->ctx->idx->cluster_ix, s->id, &ci))
            return 0;
        return try_cluster(w, ci);
    }
    switch (w->ctx->req->planner) {
    case CS_SCHED_PLANNER_USER_DISPERSING:
        return walk_dispersing(w, s);
    case CS_SCHED_PLANNER_USER_CONCENTRATED:
        if (s->lvl == CS_SCHED_ZONE)
            return walk_concentrated(w, s);
        return walk_order(w, scope_order(w->ctx->idx, s), NULL, 0, NULL, 0);
    default:
        return walk_order(w, scope_order(w->ctx->idx, s), NULL, 0, NULL, 0);
    }
}

size_t cs_sched_plan_stages(const struct cs_sched_ctx *ctx)
{
    if (ctx->req->planner != CS_SCHED_PLANNER_IMPLICIT)
        return 1;
    return ctx->req->implicit_preferred ? 3 : 2;
}

int cs_sched_plan(struct cs_sched_ctx *ctx, const struct cs_sched_scope *scope,
                  enum cs_sched_zone_access access, size_t stage, struct cs_sched_hit *ret_hit)
{
    static const enum stage implicit[] = {ST_IMPLICIT_OWN, ST_IMPLICIT_EMPTY, ST_IMPLICIT_SHARED};
    enum stage st = ctx->req->planner == CS_SCHED_PLANNER_IMPLICIT && stage < 3 ? implicit[stage]
                                                                               : ST_NORMAL;
    uint32_t buf[16];
    uint32_t *parts = ctx->n_owned + 2 <= 16 ? buf : malloc((ctx->n_owned + 2) * sizeof(*parts));
    if (!parts)
        return -CS_ERR_NOMEM;
    struct unit_plan u = {.parts = parts};
    struct cs_sched_hit hit = {0, 0};
    int rc = 0;
    stage_plan(ctx, access, st, &u);
    if (u.n == 0) {
        /* nothing to search in this stage */
    } else if (ctx->req->planner == CS_SCHED_PLANNER_HOST_ORDER) {
        hit = search_unit(ctx, scope->lvl, scope->id, &u, ctx->idx->n_thresholds > 0);
    } else {
        struct walk w = {ctx, &u, {0, 0}};
        rc = walk_clusters(&w, scope);
        if (rc > 0) {
            hit = w.hit;
            rc = 0;
        }
    }
    if (parts != buf)
        free(parts);
    if (rc < 0)
        return rc;
    *ret_hit = hit;
    return 0;
}
