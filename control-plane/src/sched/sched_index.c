/* Capacity index: the host table and its per-zone, per-pod and per-cluster capacity trees. */
#include "sched_priv.h"

#include <math.h>
#include <stdlib.h>

#include "cs_banned.h"

#define NO_SLOT UINT32_MAX

static const char *const lvl_name[CS_SCHED_LVL__COUNT] = {"zone", "pod", "cluster"};

static double sane_factor(double f)
{
    return (isfinite(f) && f > 0) ? f : 1.0;
}

static struct cs_sched_factors sane_factors(struct cs_sched_factors f)
{
    return (struct cs_sched_factors){sane_factor(f.cpu), sane_factor(f.mem)};
}

void cs_sched_host_total(const struct cs_sched_host *h, struct cs_sched_factors factors,
                         int64_t *ret_cpu_mhz, int64_t *ret_mem_bytes)
{
    factors = sane_factors(factors);
    *ret_cpu_mhz = (int64_t)((double)h->cpu_cores * (double)h->cpu_mhz * factors.cpu);
    *ret_mem_bytes = (int64_t)((double)h->mem_bytes * factors.mem);
}

struct cs_sched_cap cs_sched_index_cap(const struct cs_sched_index *idx,
                                       const struct cs_sched_host *h)
{
    if (!h->up || !h->enabled)
        return CS_SCHED_CAP_NEVER;
    int64_t cpu, mem;
    cs_sched_host_total(h, idx->factors, &cpu, &mem);
    struct cs_sched_cap c = {cpu - h->cpu_used_mhz, mem - h->mem_used_bytes, h->cpu_cores,
                             h->cpu_mhz, {0}};
    cs_sched_cap_mix(&c);
    return c;
}

static int64_t scope_id(const struct cs_sched_host *h, enum cs_sched_lvl lvl)
{
    return lvl == CS_SCHED_ZONE ? h->zone_id : lvl == CS_SCHED_POD ? h->pod_id : h->cluster_id;
}

static int64_t parent_id(const struct cs_sched_host *h, enum cs_sched_lvl lvl)
{
    return lvl == CS_SCHED_ZONE ? 0 : lvl == CS_SCHED_POD ? h->zone_id : h->pod_id;
}

static struct cs_sched_tree *level_find(const struct cs_sched_level *l, int64_t id)
{
    uint32_t i;
    return cs_sched_map_get(&l->by_id, id, &i) ? &l->v[i] : NULL;
}

const struct cs_sched_tree *cs_sched_index_tree(const struct cs_sched_index *idx,
                                                enum cs_sched_lvl lvl, int64_t id)
{
    return level_find(&idx->lvl[lvl], id);
}

const struct cs_sched_host *cs_sched_index_host(const struct cs_sched_index *idx, int64_t id)
{
    uint32_t s;
    return cs_sched_map_get(&idx->hosts, id, &s) ? &idx->slots[s].h : NULL;
}

/* Finds or creates the (empty) tree of a scope; *ret_i is its position in l->v. */
static int level_get_or_add(struct cs_sched_level *l, int64_t id, int64_t parent, uint32_t *ret_i)
{
    uint32_t i;
    if (cs_sched_map_get(&l->by_id, id, &i)) {
        *ret_i = i;
        return 0;
    }
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 8;
        struct cs_sched_tree *v = realloc(l->v, cap * sizeof(*v));
        if (!v)
            return -CS_ERR_NOMEM;
        l->v = v;
        l->cap = cap;
    }
    int rc = cs_sched_map_put(&l->by_id, id, (uint32_t)l->n);
    if (rc < 0)
        return rc;
    l->v[l->n] = (struct cs_sched_tree){.id = id, .parent = parent};
    *ret_i = (uint32_t)l->n++;
    return 0;
}

struct cs_sched_index *cs_sched_index_new(struct cs_sched_factors factors)
{
    struct cs_sched_index *idx = calloc(1, sizeof(*idx));
    if (!idx)
        return NULL;
    idx->factors = sane_factors(factors);
    idx->free_head = NO_SLOT;
    return idx;
}

void cs_sched_index_free(struct cs_sched_index *idx)
{
    if (!idx)
        return;
    for (int l = 0; l < CS_SCHED_LVL__COUNT; l++) {
        for (size_t i = 0; i < idx->lvl[l].n; i++)
            cs_sched_tree_release(&idx->lvl[l].v[i]);
        free(idx->lvl[l].v);
        cs_sched_map_release(&idx->lvl[l].by_id);
    }
    cs_sched_map_release(&idx->hosts);
    free(idx->slots);
    free(idx);
}

static int slot_alloc(struct cs_sched_index *idx, uint32_t *ret_slot)
{
    if (idx->free_head != NO_SLOT) {
        *ret_slot = idx->free_head;
        idx->free_head = idx->slots[*ret_slot].next_free;
        return 0;
    }
    if (idx->n_slots == idx->cap_slots) {
        size_t cap = idx->cap_slots ? idx->cap_slots * 2 : 64;
        if (cap >= NO_SLOT)
            return -CS_ERR_NOMEM;
        struct cs_sched_slot *s = realloc(idx->slots, cap * sizeof(*s));
        if (!s)
            return -CS_ERR_NOMEM;
        idx->slots = s;
        idx->cap_slots = cap;
    }
    idx->slots[idx->n_slots].live = false;
    *ret_slot = (uint32_t)idx->n_slots++;
    return 0;
}

static void slot_free(struct cs_sched_index *idx, uint32_t slot)
{
    idx->slots[slot].live = false;
    idx->slots[slot].next_free = idx->free_head;
    idx->free_head = slot;
}

/* Pushes a host's current offer into its three trees. */
static void refresh(struct cs_sched_index *idx, const struct cs_sched_host *h)
{
    struct cs_sched_cap cap = cs_sched_index_cap(idx, h);
    for (int l = 0; l < CS_SCHED_LVL__COUNT; l++) {
        struct cs_sched_tree *t = level_find(&idx->lvl[l], scope_id(h, l));
        if (t)
            cs_sched_tree_update(t, h->id, cap);
    }
}

static int check_host(const struct cs_sched_host *h, struct cs_err *err)
{
    if (h->id <= 0 || h->zone_id <= 0 || h->pod_id <= 0 || h->cluster_id <= 0)
        return cs_err_set(err, CS_ERR_PARAM,
                          "host '%lld' needs positive host, zone, pod and cluster ids",
                          (long long)h->id);
    if (h->cpu_cores < 0 || h->cpu_mhz < 0 || h->mem_bytes < 0 || h->cpu_used_mhz < 0 ||
        h->mem_used_bytes < 0)
        return cs_err_set(err, CS_ERR_PARAM, "host '%lld' has a negative capacity figure",
                          (long long)h->id);
    return 0;
}

/* A pod must stay in one zone and a cluster in one pod (unless the tree holds no other host). */
static int check_topology(const struct cs_sched_index *idx, const struct cs_sched_host *h,
                          struct cs_err *err)
{
    for (int l = CS_SCHED_POD; l < CS_SCHED_LVL__COUNT; l++) {
        const struct cs_sched_tree *t = level_find(&idx->lvl[l], scope_id(h, l));
        if (!t || t->parent == parent_id(h, l))
            continue;
        size_t others = t->n;
        if (others == 1 && t->ids[0] == h->id)
            others = 0;
        if (others > 0)
            return cs_err_set(err, CS_ERR_PARAM, "%s '%lld' is in %s '%lld', not '%lld'",
                              lvl_name[l], (long long)t->id, lvl_name[l - 1],
                              (long long)t->parent, (long long)parent_id(h, l));
    }
    return 0;
}

int cs_sched_index_put(struct cs_sched_index *idx, const struct cs_sched_host *h,
                       struct cs_err *err)
{
    int rc = check_host(h, err);
    if (rc == 0)
        rc = check_topology(idx, h, err);
    if (rc < 0)
        return rc;

    uint32_t slot;
    bool exists = cs_sched_map_get(&idx->hosts, h->id, &slot);
    if (!exists) {
        if (slot_alloc(idx, &slot) < 0)
            return cs_err_set(err, CS_ERR_NOMEM, "out of memory adding host '%lld'",
                              (long long)h->id);
        if (cs_sched_map_put(&idx->hosts, h->id, slot) < 0) {
            slot_free(idx, slot);
            return cs_err_set(err, CS_ERR_NOMEM, "out of memory adding host '%lld'",
                              (long long)h->id);
        }
    }
    const struct cs_sched_host *old = exists ? &idx->slots[slot].h : NULL;

    /* Insert into every tree the host is new to; on failure undo those inserts. */
    struct cs_sched_cap cap = cs_sched_index_cap(idx, h);
    uint32_t ti[CS_SCHED_LVL__COUNT];
    bool moved[CS_SCHED_LVL__COUNT] = {false};
    int l;
    for (l = 0; l < CS_SCHED_LVL__COUNT; l++) {
        rc = level_get_or_add(&idx->lvl[l], scope_id(h, l), parent_id(h, l), &ti[l]);
        if (rc < 0)
            break;
        moved[l] = !old || scope_id(old, l) != scope_id(h, l);
        if (moved[l]) {
            rc = cs_sched_tree_insert(&idx->lvl[l].v[ti[l]], h->id, cap);
            if (rc < 0)
                break;
        }
    }
    if (rc < 0) {
        while (--l >= 0) {
            if (moved[l])
                cs_sched_tree_remove(&idx->lvl[l].v[ti[l]], h->id);
        }
        if (!exists) {
            cs_sched_map_del(&idx->hosts, h->id);
            slot_free(idx, slot);
        }
        return cs_err_set(err, CS_ERR_NOMEM, "out of memory adding host '%lld'",
                          (long long)h->id);
    }

    for (l = 0; l < CS_SCHED_LVL__COUNT; l++) {
        struct cs_sched_tree *t = &idx->lvl[l].v[ti[l]];
        if (moved[l] && old) {
            struct cs_sched_tree *ot = level_find(&idx->lvl[l], scope_id(old, l));
            if (ot)
                cs_sched_tree_remove(ot, h->id);
        }
        if (!moved[l])
            cs_sched_tree_update(t, h->id, cap);
        t->parent = parent_id(h, l);
    }
    idx->slots[slot].h = *h;
    idx->slots[slot].live = true;
    if (!exists)
        idx->count++;
    return 0;
}

int cs_sched_index_remove(struct cs_sched_index *idx, int64_t host_id)
{
    uint32_t slot;
    if (!cs_sched_map_get(&idx->hosts, host_id, &slot))
        return -CS_ERR_NOT_FOUND;
    const struct cs_sched_host *h = &idx->slots[slot].h;
    for (int l = 0; l < CS_SCHED_LVL__COUNT; l++) {
        struct cs_sched_tree *t = level_find(&idx->lvl[l], scope_id(h, l));
        if (t)
            cs_sched_tree_remove(t, host_id);
    }
    cs_sched_map_del(&idx->hosts, host_id);
    slot_free(idx, slot);
    idx->count--;
    return 0;
}

int cs_sched_index_set_state(struct cs_sched_index *idx, int64_t host_id, bool up, bool enabled)
{
    uint32_t slot;
    if (!cs_sched_map_get(&idx->hosts, host_id, &slot))
        return -CS_ERR_NOT_FOUND;
    struct cs_sched_host *h = &idx->slots[slot].h;
    h->up = up;
    h->enabled = enabled;
    refresh(idx, h);
    return 0;
}

void cs_sched_index_set_factors(struct cs_sched_index *idx, struct cs_sched_factors factors)
{
    idx->factors = sane_factors(factors);
    for (size_t s = 0; s < idx->n_slots; s++) {
        if (idx->slots[s].live)
            refresh(idx, &idx->slots[s].h);
    }
}

struct cs_sched_factors cs_sched_index_factors(const struct cs_sched_index *idx)
{
    return idx->factors;
}

int cs_sched_index_get(const struct cs_sched_index *idx, int64_t host_id,
                       struct cs_sched_host *ret_host, struct cs_err *err)
{
    const struct cs_sched_host *h = cs_sched_index_host(idx, host_id);
    if (!h)
        return cs_err_set(err, CS_ERR_NOT_FOUND, "no host '%lld'", (long long)host_id);
    *ret_host = *h;
    return 0;
}

size_t cs_sched_index_count(const struct cs_sched_index *idx)
{
    return idx->count;
}

int cs_sched_reserve(struct cs_sched_index *idx, int64_t host_id, int64_t cpu_mhz,
                     int64_t mem_bytes, struct cs_err *err)
{
    uint32_t slot;
    if (!cs_sched_map_get(&idx->hosts, host_id, &slot))
        return cs_err_set(err, CS_ERR_NOT_FOUND, "no host '%lld'", (long long)host_id);
    if (cpu_mhz < 0 || mem_bytes < 0)
        return cs_err_set(err, CS_ERR_PARAM, "cannot reserve a negative amount on host '%lld'",
                          (long long)host_id);
    struct cs_sched_host *h = &idx->slots[slot].h;
    int64_t cpu_total, mem_total;
    cs_sched_host_total(h, idx->factors, &cpu_total, &mem_total);
    int64_t cpu_free = cpu_total - h->cpu_used_mhz, mem_free = mem_total - h->mem_used_bytes;
    if (cpu_mhz > cpu_free || mem_bytes > mem_free)
        return cs_err_set(err, CS_ERR_CAPACITY,
                          "host '%lld' has insufficient capacity: %lld MHz and %lld MiB asked, "
                          "%lld MHz and %lld MiB free",
                          (long long)host_id, (long long)cpu_mhz, (long long)(mem_bytes >> 20),
                          (long long)(cpu_free > 0 ? cpu_free : 0),
                          (long long)(mem_free > 0 ? mem_free >> 20 : 0));
    h->cpu_used_mhz += cpu_mhz;
    h->mem_used_bytes += mem_bytes;
    refresh(idx, h);
    return 0;
}

void cs_sched_release(struct cs_sched_index *idx, int64_t host_id, int64_t cpu_mhz,
                      int64_t mem_bytes)
{
    uint32_t slot;
    if (!cs_sched_map_get(&idx->hosts, host_id, &slot))
        return;
    struct cs_sched_host *h = &idx->slots[slot].h;
    if (cpu_mhz > 0)
        h->cpu_used_mhz = cpu_mhz < h->cpu_used_mhz ? h->cpu_used_mhz - cpu_mhz : 0;
    if (mem_bytes > 0)
        h->mem_used_bytes = mem_bytes < h->mem_used_bytes ? h->mem_used_bytes - mem_bytes : 0;
    refresh(idx, h);
}
