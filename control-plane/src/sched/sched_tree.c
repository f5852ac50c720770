/* Capacity tree: the hosts of one zone, pod or cluster in id order under a max segment tree. */
#include "sched_tree.h"

#include <stdlib.h>
#include <string.h>

#include "util_err.h"
#include "cs_banned.h"

bool cs_sched_avoid_has(const struct cs_sched_avoid *a, int64_t id)
{
    if (!a || a->n == 0)
        return false;
    if (!a->sorted) {
        for (size_t i = 0; i < a->n; i++) {
            if (a->ids[i] == id)
                return true;
        }
        return false;
    }
    size_t lo = 0, hi = a->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (a->ids[mid] < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < a->n && a->ids[lo] == id;
}

void cs_sched_cap_mix(struct cs_sched_cap *c)
{
    /* cpu clamped to +-2^36 MHz so cpu * 2^(18+5) cannot overflow */
    const int64_t lim = INT64_C(1) << 36;
    int64_t cpu = c->cpu > lim ? lim : c->cpu < -lim ? -lim : c->cpu;
    for (int k = 0; k < CS_SCHED_MIX; k++) {
        int64_t scaled = cpu * (INT64_C(1) << (CS_SCHED_MIX_SHIFT0 + k));
        if (c->cpu == INT64_MIN || c->mem == INT64_MIN)
            c->mix[k] = INT64_MIN;
        else
            c->mix[k] = scaled < c->mem ? scaled : c->mem;
    }
}

static bool cap_eq(const struct cs_sched_cap *a, const struct cs_sched_cap *b)
{
    bool eq = a->cpu == b->cpu && a->mem == b->mem && a->cores == b->cores && a->mhz == b->mhz &&
              a->tags == b->tags;
    for (int k = 0; eq && k < CS_SCHED_MIX; k++)
        eq = a->mix[k] == b->mix[k];
    return eq;
}

/* Recomputes every inner node from the leaves: O(leaves). */
static void rebuild(struct cs_sched_tree *t)
{
    for (size_t v = t->leaves - 1; v >= 1; v--)
        t->node[v] = cs_sched_cap_max(&t->node[2 * v], &t->node[2 * v + 1]);
}

/* Recomputes the ancestors of leaf i, stopping where nothing changes. */
static void fix_up(struct cs_sched_tree *t, size_t i)
{
    for (size_t v = (t->leaves + i) / 2; v >= 1; v /= 2) {
        struct cs_sched_cap m = cs_sched_cap_max(&t->node[2 * v], &t->node[2 * v + 1]);
        if (cap_eq(&m, &t->node[v]))
            break;
        t->node[v] = m;
    }
}

/* Position of id in ids, or where it would be inserted. */
static size_t lower_bound(const struct cs_sched_tree *t, int64_t id)
{
    size_t lo = 0, hi = t->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (t->ids[mid] < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Doubles the leaf count, copying the leaves and rebuilding. */
static int grow(struct cs_sched_tree *t)
{
    size_t leaves = t->leaves ? t->leaves * 2 : 4;
    int64_t *ids = realloc(t->ids, leaves * sizeof(*ids));
    if (!ids)
        return -CS_ERR_NOMEM;
    t->ids = ids;
    struct cs_sched_cap *node = malloc(2 * leaves * sizeof(*node));
    if (!node)
        return -CS_ERR_NOMEM;
    for (size_t i = 0; i < leaves; i++)
        node[leaves + i] = i < t->n ? t->node[t->leaves + i] : CS_SCHED_CAP_NEVER;
    node[0] = CS_SCHED_CAP_NEVER;
    free(t->node);
    t->node = node;
    t->leaves = leaves;
    rebuild(t);
    return 0;
}

int cs_sched_tree_insert(struct cs_sched_tree *t, int64_t id, struct cs_sched_cap cap)
{
    if (t->n == t->leaves) {
        int rc = grow(t);
        if (rc < 0)
            return rc;
    }
    size_t pos = lower_bound(t, id);
    if (pos == t->n) {
        t->ids[pos] = id;
        t->node[t->leaves + pos] = cap;
        t->n++;
        fix_up(t, pos);
        return 0;
    }
    struct cs_sched_cap *leaf = &t->node[t->leaves];
    memmove(&t->ids[pos + 1], &t->ids[pos], (t->n - pos) * sizeof(*t->ids));
    memmove(&leaf[pos + 1], &leaf[pos], (t->n - pos) * sizeof(*leaf));
    t->ids[pos] = id;
    leaf[pos] = cap;
    t->n++;
    rebuild(t);
    return 0;
}

void cs_sched_tree_remove(struct cs_sched_tree *t, int64_t id)
{
    size_t pos = lower_bound(t, id);
    if (pos == t->n || t->ids[pos] != id)
        return;
    struct cs_sched_cap *leaf = &t->node[t->leaves];
    memmove(&t->ids[pos], &t->ids[pos + 1], (t->n - pos - 1) * sizeof(*t->ids));
    memmove(&leaf[pos], &leaf[pos + 1], (t->n - pos - 1) * sizeof(*leaf));
    t->n--;
    leaf[t->n] = CS_SCHED_CAP_NEVER;
    rebuild(t);
}

void cs_sched_tree_update(struct cs_sched_tree *t, int64_t id, struct cs_sched_cap cap)
{
    size_t pos = lower_bound(t, id);
    if (pos == t->n || t->ids[pos] != id)
        return;
    t->node[t->leaves + pos] = cap;
    fix_up(t, pos);
}

/* Leftmost fitting leaf at position >= from under node v covering leaves [lo, hi). */
static size_t first_from(const struct cs_sched_tree *t, size_t v, size_t lo, size_t hi,
                         const struct cs_sched_cap *need, size_t from)
{
    if (hi <= from || lo >= t->n || !cs_sched_cap_fits(&t->node[v], need))
        return SIZE_MAX;
    if (v >= t->leaves)
        return lo;
    size_t mid = lo + (hi - lo) / 2;
    size_t i = first_from(t, 2 * v, lo, mid, need, from);
    return i != SIZE_MAX ? i : first_from(t, 2 * v + 1, mid, hi, need, from);
}

size_t cs_sched_tree_first_from(const struct cs_sched_tree *t, const struct cs_sched_cap *need,
                                size_t from)
{
    if (t->n == 0 || from >= t->n)
        return t->n;
    size_t i = first_from(t, 1, 0, t->leaves, need, from);
    return i == SIZE_MAX ? t->n : i;
}

size_t cs_sched_tree_find(const struct cs_sched_tree *t, int64_t id)
{
    size_t pos = lower_bound(t, id);
    return (pos < t->n && t->ids[pos] == id) ? pos : t->n;
}

void cs_sched_tree_release(struct cs_sched_tree *t)
{
    if (!t)
        return;
    free(t->ids);
    free(t->node);
    t->ids = NULL;
    t->node = NULL;
    t->n = 0;
    t->leaves = 0;
}
