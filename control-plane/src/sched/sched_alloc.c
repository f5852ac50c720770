/* Allocators: first fit, seeded random and first-fit-least-consumed over one capacity tree. */
#include "sched_alloc.h"

#include "cs_banned.h"

int64_t cs_sched_alloc_score(const struct cs_sched_index *idx, const struct cs_sched_cap *c)
{
    return idx->order == CS_SCHED_ORDER_RAM ? c->mem : c->cpu;
}

static bool leaf_ok(const struct cs_sched_ctx *ctx, const struct cs_sched_tree *t, size_t i,
                    bool leaf_thresholds)
{
    int64_t id = t->ids[i];
    if (cs_sched_avoid_has(&ctx->avoid, id))
        return false;
    if (leaf_thresholds) {
        const struct cs_sched_host *h = cs_sched_index_host(ctx->idx, id);
        const struct cs_sched_cluster *c = h ? cs_sched_index_cluster(ctx->idx, h->cluster_id)
                                             : NULL;
        if (c && cs_sched_cluster_over(ctx, c))
            return false;
    }
    return true;
}

/* The first acceptable fitting leaf in positions [from, to), or t->n. */
static size_t scan_from(const struct cs_sched_ctx *ctx, const struct cs_sched_tree *t,
                        const struct cs_sched_cap *need, size_t from, size_t to, bool thr)
{
    for (;;) {
        size_t i = cs_sched_tree_first_from(t, need, from);
        if (i >= to)
            return t->n;
        if (leaf_ok(ctx, t, i, thr))
            return i;
        from = i + 1;
    }
}

/* Branch and bound for the acceptable fitting leaf with the highest score. */
static void best_leaf(const struct cs_sched_ctx *ctx, const struct cs_sched_tree *t, size_t v,
                      const struct cs_sched_cap *need, bool thr, struct cs_sched_hit *best)
{
    const struct cs_sched_cap *c = &t->node[v];
    if (!cs_sched_cap_fits(c, need))
        return;
    int64_t bound = cs_sched_alloc_score(ctx->idx, c);
    if (best->id && bound <= best->score)
        return;
    if (v >= t->leaves) {
        size_t i = v - t->leaves;
        if (i < t->n && leaf_ok(ctx, t, i, thr))
            *best = (struct cs_sched_hit){t->ids[i], bound};
        return;
    }
    size_t a = 2 * v, b = 2 * v + 1;
    if (cs_sched_alloc_score(ctx->idx, &t->node[b]) > cs_sched_alloc_score(ctx->idx, &t->node[a])) {
        a = b;
        b = 2 * v;
    }
    best_leaf(ctx, t, a, need, thr, best);
    best_leaf(ctx, t, b, need, thr, best);
}

struct cs_sched_hit cs_sched_alloc_tree(struct cs_sched_ctx *ctx, const struct cs_sched_tree *t,
                                        const struct cs_sched_cap *need, bool leaf_thresholds)
{
    struct cs_sched_hit hit = {0, 0};
    if (!t || t->n == 0 || !cs_sched_cap_fits(&t->node[1], need))
        return hit;
    size_t i = t->n;
    switch (ctx->req->allocator) {
    case CS_SCHED_ALLOC_LEAST_CONSUMED:
        best_leaf(ctx, t, 1, need, leaf_thresholds, &hit);
        return hit;
    case CS_SCHED_ALLOC_RANDOM: {
        size_t start = (size_t)(cs_sched_ctx_rand(ctx) % t->n);
        i = scan_from(ctx, t, need, start, t->n, leaf_thresholds);
        if (i == t->n)
            i = scan_from(ctx, t, need, 0, start, leaf_thresholds);
        break;
    }
    case CS_SCHED_ALLOC_FIRST_FIT:
    default:
        i = scan_from(ctx, t, need, 0, t->n, leaf_thresholds);
        break;
    }
    if (i < t->n)
        hit = (struct cs_sched_hit){t->ids[i],
                                    cs_sched_alloc_score(ctx->idx, &t->node[t->leaves + i])};
    return hit;
}

bool cs_sched_alloc_better(const struct cs_sched_ctx *ctx, struct cs_sched_hit a,
                           struct cs_sched_hit best)
{
    if (!a.id)
        return false;
    if (!best.id)
        return true;
    switch (ctx->req->allocator) {
    case CS_SCHED_ALLOC_LEAST_CONSUMED:
        return a.score > best.score || (a.score == best.score && a.id < best.id);
    case CS_SCHED_ALLOC_RANDOM:
        return false;
    case CS_SCHED_ALLOC_FIRST_FIT:
    default:
        return a.id < best.id;
    }
}
