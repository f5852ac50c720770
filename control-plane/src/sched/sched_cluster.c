/* Clusters: per-cluster factors, thresholds and capacity sums, and their place in the orders. */
#include "sched_priv.h"

#include <math.h>
#include <stdlib.h>

#include "cs_banned.h"

#define NO_SLOT UINT32_MAX
#define KEY_EMPTY 1e9 /* a cluster with no capacity sorts last (INFINITY would hide it) */

static bool valid(double f)
{
    return isfinite(f) && f > 0;
}

const struct cs_sched_cluster *cs_sched_index_cluster(const struct cs_sched_index *idx,
                                                      int64_t cluster_id)
{
    uint32_t i;
    return cs_sched_map_get(&idx->cluster_ix, cluster_id, &i) ? &idx->clusters[i] : NULL;
}

struct cs_sched_factors cs_sched_index_cluster_factors(const struct cs_sched_index *idx,
                                                       int64_t cluster_id)
{
    const struct cs_sched_cluster *c = cs_sched_index_cluster(idx, cluster_id);
    struct cs_sched_factors f = idx->factors;
    if (c && valid(c->conf.cpu))
        f.cpu = c->conf.cpu;
    if (c && valid(c->conf.mem))
        f.mem = c->conf.mem;
    return f;
}

struct cs_sched_cluster *cs_sched_cluster_get(struct cs_sched_index *idx, int64_t cluster_id)
{
    uint32_t i;
    if (cs_sched_map_get(&idx->cluster_ix, cluster_id, &i))
        return &idx->clusters[i];
    if (idx->n_clusters == idx->cap_clusters) {
        size_t cap = idx->cap_clusters ? idx->cap_clusters * 2 : 16;
        struct cs_sched_cluster *v = realloc(idx->clusters, cap * sizeof(*v));
        if (!v)
            return NULL;
        idx->clusters = v;
        idx->cap_clusters = cap;
    }
    if (cs_sched_map_put(&idx->cluster_ix, cluster_id, (uint32_t)idx->n_clusters) < 0)
        return NULL;
    struct cs_sched_cluster *c = &idx->clusters[idx->n_clusters++];
    *c = (struct cs_sched_cluster){.id = cluster_id, .zone_slot = NO_SLOT, .pod_slot = NO_SLOT};
    return c;
}

static double ratio(int64_t used, int64_t raw, double factor)
{
    double total = (double)raw * factor;
    return total > 0 ? (double)used / total : KEY_EMPTY;
}

double cs_sched_cluster_key(const struct cs_sched_index *idx, const struct cs_sched_cluster *c)
{
    struct cs_sched_factors f = cs_sched_index_cluster_factors(idx, c->id);
    double cpu = ratio(c->used_cpu, c->raw_cpu, f.cpu), mem = ratio(c->used_mem, c->raw_mem, f.mem);
    switch (idx->order) {
    case CS_SCHED_ORDER_RAM:
        return mem;
    case CS_SCHED_ORDER_COMBINED:
        return idx->cpu_weight * cpu + (1 - idx->cpu_weight) * mem;
    case CS_SCHED_ORDER_CPU:
    default:
        return cpu;
    }
}

/* Room under a threshold: how much more the cluster may take before crossing it. */
static double room(double threshold, int64_t used, int64_t raw, double factor)
{
    if (!valid(threshold) || isinf(threshold))
        return INFINITY;
    double total = (double)raw * factor;
    return total > 0 ? threshold * total - (double)used : -INFINITY;
}

/* min(v, room), rounding room up so a need that fits the room is never refused. */
static int64_t clamp(int64_t v, double room)
{
    if (room >= (double)v)
        return v;
    if (room < -9e18)
        return INT64_MIN + 1;
    int64_t r = (int64_t)room + 2;
    return r < v ? r : v;
}

void cs_sched_cluster_rekey(struct cs_sched_index *idx, const struct cs_sched_cluster *c)
{
    if (c->zone_slot == NO_SLOT)
        return;
    struct cs_sched_factors f = cs_sched_index_cluster_factors(idx, c->id);
    const struct cs_sched_tree *t = cs_sched_index_tree(idx, CS_SCHED_CLUSTER, c->id);
    struct cs_sched_onode val = {cs_sched_cluster_key(idx, c),
                                 room(c->thr.cpu, c->used_cpu, c->raw_cpu, f.cpu),
                                 room(c->thr.mem, c->used_mem, c->raw_mem, f.mem),
                                 t && t->n ? t->node[1] : CS_SCHED_CAP_NEVER};
    /* The shared maxima capped by the room, so one test prunes on both at once. */
    if (val.cap.cpu != INT64_MIN)
        val.cap.cpu = clamp(val.cap.cpu, val.room_cpu);
    if (val.cap.mem != INT64_MIN)
        val.cap.mem = clamp(val.cap.mem, val.room_mem);
    struct cs_sched_cap room_mix = {val.cap.cpu, val.cap.mem, 0, 0, {0}, 0};
    cs_sched_cap_mix(&room_mix);
    for (int k = 0; k < CS_SCHED_MIX; k++) {
        if (room_mix.mix[k] < val.cap.mix[k])
            val.cap.mix[k] = room_mix.mix[k];
    }
    cs_sched_otrees_set(&idx->zone_order, c->zone_id, c->zone_slot, val);
    cs_sched_otrees_set(&idx->pod_order, c->pod_id, c->pod_slot, val);
}

void cs_sched_cluster_account(struct cs_sched_index *idx, const struct cs_sched_host *h,
                              int sign)
{
    uint32_t i;
    if (!cs_sched_map_get(&idx->cluster_ix, h->cluster_id, &i))
        return;
    struct cs_sched_cluster *c = &idx->clusters[i];
    c->raw_cpu += sign * (int64_t)h->cpu_cores * h->cpu_mhz;
    c->raw_mem += sign * h->mem_bytes;
    c->used_cpu += sign * h->cpu_used_mhz;
    c->used_mem += sign * h->mem_used_bytes;
    c->hosts = sign > 0 ? c->hosts + 1 : c->hosts - 1;
    cs_sched_cluster_rekey(idx, c);
}

void cs_sched_cluster_use(struct cs_sched_index *idx, int64_t cluster_id, int64_t cpu_mhz,
                          int64_t mem_bytes)
{
    uint32_t i;
    if (!cs_sched_map_get(&idx->cluster_ix, cluster_id, &i))
        return;
    idx->clusters[i].used_cpu += cpu_mhz;
    idx->clusters[i].used_mem += mem_bytes;
    cs_sched_cluster_rekey(idx, &idx->clusters[i]);
}

int cs_sched_cluster_place(struct cs_sched_index *idx, struct cs_sched_cluster *c,
                           int64_t pod_id, int64_t zone_id)
{
    if (c->zone_slot != NO_SLOT && c->pod_id == pod_id && c->zone_id == zone_id)
        return 0;
    uint32_t ci = (uint32_t)(c - idx->clusters), zs, ps;
    if (cs_sched_otrees_add(&idx->zone_order, zone_id, ci, &zs) < 0)
        return -CS_ERR_NOMEM;
    if (cs_sched_otrees_add(&idx->pod_order, pod_id, ci, &ps) < 0) {
        cs_sched_otrees_kill(&idx->zone_order, zone_id, zs);
        return -CS_ERR_NOMEM;
    }
    if (c->zone_slot != NO_SLOT) {
        cs_sched_otrees_kill(&idx->zone_order, c->zone_id, c->zone_slot);
        cs_sched_otrees_kill(&idx->pod_order, c->pod_id, c->pod_slot);
    }
    c->zone_id = zone_id;
    c->pod_id = pod_id;
    c->zone_slot = zs;
    c->pod_slot = ps;
    cs_sched_cluster_rekey(idx, c);
    return 0;
}

static void add_cluster(const struct cs_sched_index *idx, const struct cs_sched_cluster *c,
                        struct cs_sched_capacity *sum)
{
    struct cs_sched_factors f = cs_sched_index_cluster_factors(idx, c->id);
    sum->cpu_total_mhz += (int64_t)((double)c->raw_cpu * f.cpu);
    sum->mem_total_bytes += (int64_t)((double)c->raw_mem * f.mem);
    sum->cpu_used_mhz += c->used_cpu;
    sum->mem_used_bytes += c->used_mem;
    sum->hosts += c->hosts;
}

int cs_sched_index_capacity(const struct cs_sched_index *idx, enum cs_sched_scope_level level,
                            int64_t id, struct cs_sched_capacity *ret_cap, struct cs_err *err)
{
    struct cs_sched_capacity sum = {0};
    const struct cs_sched_otree *t = NULL;
    if (level == CS_SCHED_SCOPE_CLUSTER) {
        const struct cs_sched_cluster *c = cs_sched_index_cluster(idx, id);
        if (!c || c->zone_slot == NO_SLOT)
            return cs_err_set(err, CS_ERR_NOT_FOUND, "no cluster '%lld'", (long long)id);
        add_cluster(idx, c, &sum);
    } else {
        t = cs_sched_otrees_find(level == CS_SCHED_SCOPE_POD ? &idx->pod_order : &idx->zone_order,
                                 id);
        if (!t)
            return cs_err_set(err, CS_ERR_NOT_FOUND, "no %s '%lld'",
                              level == CS_SCHED_SCOPE_POD ? "pod" : "zone", (long long)id);
        for (size_t i = 0; i < t->n; i++) {
            if (t->cl[i] != NO_SLOT)
                add_cluster(idx, &idx->clusters[t->cl[i]], &sum);
        }
    }
    *ret_cap = sum;
    return 0;
}

void cs_sched_clusters_release(struct cs_sched_index *idx)
{
    free(idx->clusters);
    idx->clusters = NULL;
    idx->n_clusters = idx->cap_clusters = 0;
    cs_sched_map_release(&idx->cluster_ix);
    cs_sched_otrees_release(&idx->zone_order);
    cs_sched_otrees_release(&idx->pod_order);
}
