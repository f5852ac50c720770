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
    cs_sched_host_total(h, cs_sched_index_cluster_factors(idx, h->cluster_id), &cpu, &mem);
    struct cs_sched_cap c = {cpu - h->cpu_used_mhz, mem - h->mem_used_bytes, h->cpu_cores,
                             h->cpu_mhz, {0}, h->tags & ~CS_SCHED_TAG_EMPTY};
    if (h->cpu_used_mhz == 0 && h->mem_used_bytes == 0)
        c.tags |= CS_SCHED_TAG_EMPTY;
    cs_sched_cap_mix(&c);
    return c;
}

uint32_t cs_sched_index_host_part(const struct cs_sched_index *idx,
                                  const struct cs_sched_host *h)
{
    uint32_t p = UINT32_MAX;
    if (h->implicit_account_id)
        p = cs_sched_part_find(idx, CS_SCHED_PART_IMPLICIT, h->implicit_account_id);
    else if (h->dedication_id)
        p = cs_sched_part_find(idx, CS_SCHED_PART_DEDICATION, h->dedication_id);
    else
        return CS_SCHED_PART_SHARED;
    return p == UINT32_MAX ? UINT32_MAX : CS_SCHED_PART_DYN0 + p;
}

/* The partitions a host's trees belong to: its primary one, and a shared host's tags. */
static size_t host_parts(const struct cs_sched_index *idx, const struct cs_sched_host *h,
                         uint32_t *ret_parts)
{
    size_t n = 0;
    uint32_t primary = cs_sched_index_host_part(idx, h);
    ret_parts[n++] = primary;
    if (primary != CS_SCHED_PART_SHARED)
        return n;
    for (uint64_t t = h->tags & ~CS_SCHED_TAG_EMPTY; t; t &= t - 1)
        ret_parts[n++] = CS_SCHED_PART_TAG0 + (uint32_t)__builtin_ctzll(t);
    return n;
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

const struct cs_sched_tree *cs_sched_index_ptree(const struct cs_sched_index *idx,
                                                 enum cs_sched_lvl lvl, uint32_t part,
                                                 int64_t id)
{
    return level_find(&idx->lvl[lvl], cs_sched_tree_key(part, id));
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
    idx->cpu_weight = 0.5;
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
    cs_sched_parts_release(idx);
    cs_sched_clusters_release(idx);
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

#define MAX_PARTS (1 + CS_SCHED_MAX_TAGS)

/* Pushes a host's current offer into all its trees. */
static void refresh(struct cs_sched_index *idx, const struct cs_sched_host *h)
{
    struct cs_sched_cap cap = cs_sched_index_cap(idx, h);
    uint32_t parts[MAX_PARTS];
    size_t np = host_parts(idx, h, parts);
    for (int l = 0; l < CS_SCHED_LVL__COUNT; l++) {
        for (size_t k = 0; k < np; k++) {
            struct cs_sched_tree *t =
                level_find(&idx->lvl[l], cs_sched_tree_key(parts[k], scope_id(h, l)));
            if (t)
                cs_sched_tree_update(t, h->id, cap);
        }
    }
}

static int check_host(const struct cs_sched_host *h, struct cs_err *err)
{
    if (h->id <= 0 || h->zone_id <= 0 || h->pod_id <= 0 || h->cluster_id <= 0 ||
        h->zone_id > CS_SCHED_ID_MAX || h->pod_id > CS_SCHED_ID_MAX ||
        h->cluster_id > CS_SCHED_ID_MAX)
        return cs_err_set(err, CS_ERR_PARAM,
                          "host '%lld' needs positive host, zone, pod and cluster ids",
                          (long long)h->id);
    if (h->dedication_id < 0 || h->implicit_account_id < 0 || (h->tags & CS_SCHED_TAG_EMPTY))
        return cs_err_set(err, CS_ERR_PARAM, "host '%lld' has an invalid dedication or tag",
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
        size_t others = t->members;
        const struct cs_sched_host *cur = cs_sched_index_host(idx, h->id);
        if (cur && scope_id(cur, l) == t->id)
            others--;
        if (others > 0)
            return cs_err_set(err, CS_ERR_PARAM, "%s '%lld' is in %s '%lld', not '%lld'",
                              lvl_name[l], (long long)t->id, lvl_name[l - 1],
                              (long long)t->parent, (long long)parent_id(h, l));
    }
    return 0;
}

/* Counts shared hosts per tag (sign 1 adds h, -1 takes it away). */
static void count_tags(struct cs_sched_index *idx, const struct cs_sched_host *h, int sign)
{
    if (cs_sched_index_host_part(idx, h) != CS_SCHED_PART_SHARED)
        return;
    for (uint64_t t = h->tags & ~CS_SCHED_TAG_EMPTY; t; t &= t - 1) {
        int b = __builtin_ctzll(t);
        idx->tag_hosts[b] = sign > 0 ? idx->tag_hosts[b] + 1 : idx->tag_hosts[b] - 1;
    }
}

static bool has_part(const uint32_t *parts, size_t n, uint32_t p)
{
    for (size_t i = 0; i < n; i++) {
        if (parts[i] == p)
            return true;
    }
    return false;
}

/* Everything put may allocate before it changes anything visible: partitions, the cluster
 * record and its order slots, the shared trees of the host's scopes. */
static int put_prepare(struct cs_sched_index *idx, const struct cs_sched_host *h)
{
    if (h->implicit_account_id &&
        cs_sched_part_get(idx, CS_SCHED_PART_IMPLICIT, h->implicit_account_id) == UINT32_MAX)
        return -CS_ERR_NOMEM;
    if (h->dedication_id &&
        cs_sched_part_get(idx, CS_SCHED_PART_DEDICATION, h->dedication_id) == UINT32_MAX)
        return -CS_ERR_NOMEM;
    struct cs_sched_cluster *c = cs_sched_cluster_get(idx, h->cluster_id);
    if (!c || cs_sched_cluster_place(idx, c, h->pod_id, h->zone_id) < 0)
        return -CS_ERR_NOMEM;
    for (int l = 0; l < CS_SCHED_LVL__COUNT; l++) {
        uint32_t ti;
        if (level_get_or_add(&idx->lvl[l], scope_id(h, l), parent_id(h, l), &ti) < 0)
            return -CS_ERR_NOMEM;
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
    if (put_prepare(idx, h) < 0)
        return cs_err_set(err, CS_ERR_NOMEM, "out of memory adding host '%lld'",
                          (long long)h->id);

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
    struct cs_sched_host old = exists ? idx->slots[slot].h : (struct cs_sched_host){0};

    /* The cap is computed under the new cluster's factors and the host's new figures. */
    struct cs_sched_cap cap = cs_sched_index_cap(idx, h);
    uint32_t np[MAX_PARTS], op[MAX_PARTS];
    size_t n_new = host_parts(idx, h, np), n_old = exists ? host_parts(idx, &old, op) : 0;

    /* Insert into every tree the host is new to; on failure undo those inserts. */
    int l = 0;
    size_t k = 0;
    for (l = 0; l < CS_SCHED_LVL__COUNT && rc == 0; l++) {
        bool same_scope = exists && scope_id(&old, l) == scope_id(h, l);
        for (k = 0; k < n_new; k++) {
            if (same_scope && has_part(op, n_old, np[k]))
                continue;
            uint32_t ti;
            rc = level_get_or_add(&idx->lvl[l], cs_sched_tree_key(np[k], scope_id(h, l)),
                                  parent_id(h, l), &ti);
            if (rc == 0)
                rc = cs_sched_tree_insert(&idx->lvl[l].v[ti], h->id, cap);
            if (rc < 0)
                break;
        }
        if (rc < 0)
            break;
    }
    if (rc < 0) {
        /* undo: levels before l fully, level l up to part k */
        for (int u = 0; u <= l && u < CS_SCHED_LVL__COUNT; u++) {
            bool same_scope = exists && scope_id(&old, u) == scope_id(h, u);
            size_t upto = u < l ? n_new : k;
            for (size_t j = 0; j < upto; j++) {
                if (same_scope && has_part(op, n_old, np[j]))
                    continue;
                struct cs_sched_tree *t =
                    level_find(&idx->lvl[u], cs_sched_tree_key(np[j], scope_id(h, u)));
                if (t)
                    cs_sched_tree_remove(t, h->id);
            }
        }
        if (!exists) {
            cs_sched_map_del(&idx->hosts, h->id);
            slot_free(idx, slot);
        }
        return cs_err_set(err, CS_ERR_NOMEM, "out of memory adding host '%lld'",
                          (long long)h->id);
    }

    /* Commit: update trees kept, leave trees no longer ours, fix counts and sums. */
    for (l = 0; l < CS_SCHED_LVL__COUNT; l++) {
        bool same_scope = exists && scope_id(&old, l) == scope_id(h, l);
        for (k = 0; k < n_old; k++) {
            struct cs_sched_tree *t =
                level_find(&idx->lvl[l], cs_sched_tree_key(op[k], scope_id(&old, l)));
            if (!t)
                continue;
            if (same_scope && has_part(np, n_new, op[k]))
                cs_sched_tree_update(t, h->id, cap);
            else
                cs_sched_tree_remove(t, h->id);
        }
        struct cs_sched_tree *shared = level_find(&idx->lvl[l], scope_id(h, l));
        if (exists) {
            struct cs_sched_tree *os = level_find(&idx->lvl[l], scope_id(&old, l));
            if (os)
                os->members--;
        }
        shared->members++;
        shared->parent = parent_id(h, l);
    }
    if (exists) {
        count_tags(idx, &old, -1);
        cs_sched_cluster_account(idx, &old, -1);
    }
    idx->slots[slot].h = *h;
    idx->slots[slot].live = true;
    count_tags(idx, h, 1);
    cs_sched_cluster_account(idx, h, 1);
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
    uint32_t parts[MAX_PARTS];
    size_t np = host_parts(idx, h, parts);
    for (int l = 0; l < CS_SCHED_LVL__COUNT; l++) {
        for (size_t k = 0; k < np; k++) {
            struct cs_sched_tree *t =
                level_find(&idx->lvl[l], cs_sched_tree_key(parts[k], scope_id(h, l)));
            if (t)
                cs_sched_tree_remove(t, host_id);
        }
        struct cs_sched_tree *shared = level_find(&idx->lvl[l], scope_id(h, l));
        if (shared)
            shared->members--;
    }
    count_tags(idx, h, -1);
    cs_sched_cluster_account(idx, h, -1);
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
    const struct cs_sched_cluster *c = cs_sched_index_cluster(idx, h->cluster_id);
    if (c)
        cs_sched_cluster_rekey(idx, c);
    return 0;
}

static void refresh_all(struct cs_sched_index *idx, int64_t cluster_id)
{
    for (size_t s = 0; s < idx->n_slots; s++) {
        if (idx->slots[s].live && (!cluster_id || idx->slots[s].h.cluster_id == cluster_id))
            refresh(idx, &idx->slots[s].h);
    }
    for (size_t c = 0; c < idx->n_clusters; c++) {
        if (!cluster_id || idx->clusters[c].id == cluster_id)
            cs_sched_cluster_rekey(idx, &idx->clusters[c]);
    }
}

void cs_sched_index_set_factors(struct cs_sched_index *idx, struct cs_sched_factors factors)
{
    idx->factors = sane_factors(factors);
    refresh_all(idx, 0);
}

static bool threshold_set(double t)
{
    return isfinite(t) && t > 0;
}

int cs_sched_index_set_cluster(struct cs_sched_index *idx, int64_t cluster_id,
                               struct cs_sched_factors factors,
                               struct cs_sched_thresholds thresholds, struct cs_err *err)
{
    if (cluster_id <= 0 || cluster_id > CS_SCHED_ID_MAX)
        return cs_err_set(err, CS_ERR_PARAM, "invalid cluster id '%lld'", (long long)cluster_id);
    struct cs_sched_cluster *c = cs_sched_cluster_get(idx, cluster_id);
    if (!c)
        return cs_err_set(err, CS_ERR_NOMEM, "out of memory configuring cluster '%lld'",
                          (long long)cluster_id);
    bool had = threshold_set(c->thr.cpu) || threshold_set(c->thr.mem);
    bool has = threshold_set(thresholds.cpu) || threshold_set(thresholds.mem);
    idx->n_thresholds = idx->n_thresholds - had + has;
    c->conf = factors;
    c->thr = thresholds;
    refresh_all(idx, cluster_id);
    return 0;
}

void cs_sched_index_set_order(struct cs_sched_index *idx, enum cs_sched_order order,
                              double cpu_weight)
{
    idx->order = order;
    idx->cpu_weight = (isfinite(cpu_weight) && cpu_weight >= 0 && cpu_weight <= 1) ? cpu_weight
                                                                                   : 0.5;
    refresh_all(idx, 0);
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
    cs_sched_host_total(h, cs_sched_index_cluster_factors(idx, h->cluster_id), &cpu_total,
                        &mem_total);
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
    cs_sched_cluster_use(idx, h->cluster_id, cpu_mhz, mem_bytes);
    return 0;
}

void cs_sched_release(struct cs_sched_index *idx, int64_t host_id, int64_t cpu_mhz,
                      int64_t mem_bytes)
{
    uint32_t slot;
    if (!cs_sched_map_get(&idx->hosts, host_id, &slot))
        return;
    struct cs_sched_host *h = &idx->slots[slot].h;
    int64_t cpu0 = h->cpu_used_mhz, mem0 = h->mem_used_bytes;
    if (cpu_mhz > 0)
        h->cpu_used_mhz = cpu_mhz < h->cpu_used_mhz ? h->cpu_used_mhz - cpu_mhz : 0;
    if (mem_bytes > 0)
        h->mem_used_bytes = mem_bytes < h->mem_used_bytes ? h->mem_used_bytes - mem_bytes : 0;
    refresh(idx, h);
    cs_sched_cluster_use(idx, h->cluster_id, h->cpu_used_mhz - cpu0, h->mem_used_bytes - mem0);
}
