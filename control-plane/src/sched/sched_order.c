/* Cluster order: per zone and per pod, the clusters under a min tree of their ordering keys. */
#include "sched_order.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util_err.h"
#include "cs_banned.h"

#define NONE ((struct cs_sched_onode){INFINITY, -INFINITY, -INFINITY, CS_SCHED_CAP_NEVER})

static struct cs_sched_onode join(const struct cs_sched_onode *a, const struct cs_sched_onode *b)
{
    return (struct cs_sched_onode){a->key < b->key ? a->key : b->key,
                                   a->room_cpu > b->room_cpu ? a->room_cpu : b->room_cpu,
                                   a->room_mem > b->room_mem ? a->room_mem : b->room_mem,
                                   cs_sched_cap_max(&a->cap, &b->cap)};
}

static bool same(const struct cs_sched_onode *a, const struct cs_sched_onode *b)
{
    return a->key == b->key && a->room_cpu == b->room_cpu && a->room_mem == b->room_mem &&
           memcmp(&a->cap, &b->cap, sizeof(a->cap)) == 0;
}

static struct cs_sched_otree *find(const struct cs_sched_otrees *s, int64_t scope_id)
{
    uint32_t i;
    return cs_sched_map_get(&s->by_id, scope_id, &i) ? &s->v[i] : NULL;
}

const struct cs_sched_otree *cs_sched_otrees_find(const struct cs_sched_otrees *s,
                                                  int64_t scope_id)
{
    return find(s, scope_id);
}

static void fix_up(struct cs_sched_otree *t, size_t slot)
{
    for (size_t v = (t->leaves + slot) / 2; v >= 1; v /= 2) {
        struct cs_sched_onode m = join(&t->node[2 * v], &t->node[2 * v + 1]);
        if (same(&m, &t->node[v]))
            break;
        t->node[v] = m;
    }
}

static int grow(struct cs_sched_otree *t)
{
    size_t leaves = t->leaves ? t->leaves * 2 : 8;
    uint32_t *cl = realloc(t->cl, leaves * sizeof(*cl));
    if (!cl)
        return -CS_ERR_NOMEM;
    t->cl = cl;
    struct cs_sched_onode *node = malloc(2 * leaves * sizeof(*node));
    if (!node)
        return -CS_ERR_NOMEM;
    for (size_t i = 0; i < leaves; i++)
        node[leaves + i] = i < t->n ? t->node[t->leaves + i] : NONE;
    for (size_t v = leaves - 1; v >= 1; v--)
        node[v] = join(&node[2 * v], &node[2 * v + 1]);
    node[0] = NONE;
    free(t->node);
    t->node = node;
    t->leaves = leaves;
    return 0;
}

int cs_sched_otrees_add(struct cs_sched_otrees *s, int64_t scope_id, uint32_t cl,
                        uint32_t *ret_slot)
{
    struct cs_sched_otree *t = find(s, scope_id);
    if (!t) {
        if (s->n == s->cap) {
            size_t cap = s->cap ? s->cap * 2 : 8;
            struct cs_sched_otree *v = realloc(s->v, cap * sizeof(*v));
            if (!v)
                return -CS_ERR_NOMEM;
            s->v = v;
            s->cap = cap;
        }
        if (cs_sched_map_put(&s->by_id, scope_id, (uint32_t)s->n) < 0)
            return -CS_ERR_NOMEM;
        t = &s->v[s->n++];
        *t = (struct cs_sched_otree){.scope_id = scope_id};
    }
    if (t->n == t->leaves && grow(t) < 0)
        return -CS_ERR_NOMEM;
    t->cl[t->n] = cl;
    t->node[t->leaves + t->n] = NONE;
    *ret_slot = (uint32_t)t->n++;
    return 0;
}

void cs_sched_otrees_set(struct cs_sched_otrees *s, int64_t scope_id, uint32_t slot,
                         struct cs_sched_onode val)
{
    struct cs_sched_otree *t = find(s, scope_id);
    if (!t || slot >= t->n || t->cl[slot] == UINT32_MAX)
        return;
    t->node[t->leaves + slot] = val;
    fix_up(t, slot);
}

void cs_sched_otrees_kill(struct cs_sched_otrees *s, int64_t scope_id, uint32_t slot)
{
    struct cs_sched_otree *t = find(s, scope_id);
    if (!t || slot >= t->n)
        return;
    t->node[t->leaves + slot] = NONE;
    fix_up(t, slot);
    t->cl[slot] = UINT32_MAX;
}

void cs_sched_otrees_release(struct cs_sched_otrees *s)
{
    for (size_t i = 0; i < s->n; i++) {
        free(s->v[i].cl);
        free(s->v[i].node);
    }
    free(s->v);
    cs_sched_map_release(&s->by_id);
    memset(s, 0, sizeof(*s));
}

/* ---- enumeration: a binary heap of tree nodes keyed by their minimum ---- */

static void push(struct cs_sched_oiter *it, double key, uint32_t v)
{
    if (it->n == it->cap) {
        size_t cap = it->cap * 2;
        struct cs_sched_oiter_ent *h = it->heap == it->buf ? malloc(cap * sizeof(*h))
                                                           : realloc(it->heap, cap * sizeof(*h));
        if (!h) {
            it->nomem = true;
            return;
        }
        if (it->heap == it->buf)
            memcpy(h, it->buf, sizeof(it->buf));
        it->heap = h;
        it->cap = cap;
    }
    size_t i = it->n++;
    while (i > 0) {
        size_t p = (i - 1) / 2;
        if (it->heap[p].key <= key)
            break;
        it->heap[i] = it->heap[p];
        i = p;
    }
    it->heap[i] = (struct cs_sched_oiter_ent){key, v};
}

static struct cs_sched_oiter_ent pop(struct cs_sched_oiter *it)
{
    struct cs_sched_oiter_ent top = it->heap[0], last = it->heap[--it->n];
    size_t i = 0;
    for (;;) {
        size_t c = 2 * i + 1;
        if (c >= it->n)
            break;
        if (c + 1 < it->n && it->heap[c + 1].key < it->heap[c].key)
            c++;
        if (last.key <= it->heap[c].key)
            break;
        it->heap[i] = it->heap[c];
        i = c;
    }
    if (it->n > 0)
        it->heap[i] = last;
    return top;
}

/* Whether a node may hold a cluster with room for the need (1 unit of slack for rounding). */
static bool roomy(const struct cs_sched_oiter *it, const struct cs_sched_onode *n)
{
    return isfinite(n->key) && n->room_cpu >= it->need_cpu - 1 &&
           n->room_mem >= it->need_mem - 1 && (!it->need || cs_sched_cap_fits(&n->cap, it->need));
}

void cs_sched_oiter_init(struct cs_sched_oiter *it, const struct cs_sched_otree *t,
                         double need_cpu, double need_mem, const struct cs_sched_cap *need)
{
    it->need = need;
    it->t = t;
    it->need_cpu = need_cpu;
    it->need_mem = need_mem;
    it->heap = it->buf;
    it->cap = sizeof(it->buf) / sizeof(it->buf[0]);
    it->n = 0;
    it->nomem = false;
    if (t && t->n > 0 && roomy(it, &t->node[1]))
        push(it, t->node[1].key, 1);
}

bool cs_sched_oiter_next(struct cs_sched_oiter *it, uint32_t *ret_cl, double *ret_key)
{
    const struct cs_sched_otree *t = it->t;
    while (it->n > 0) {
        struct cs_sched_oiter_ent e = pop(it);
        if (e.v >= t->leaves) {
            *ret_cl = t->cl[e.v - t->leaves];
            *ret_key = e.key;
            return true;
        }
        for (uint32_t c = 2 * e.v; c <= 2 * e.v + 1; c++) {
            if (roomy(it, &t->node[c]))
                push(it, t->node[c].key, c);
        }
    }
    return false;
}

void cs_sched_oiter_release(struct cs_sched_oiter *it)
{
    if (it && it->heap != it->buf)
        free(it->heap);
    if (it)
        it->heap = it->buf;
}
