/* Owners: host tags, dedications and implicit-dedication accounts as index partitions. */
#include "sched_priv.h"

#include <stdlib.h>
#include <string.h>

#include "cs_banned.h"

int cs_sched_index_tag(struct cs_sched_index *idx, const char *name, uint64_t *ret_bit,
                       struct cs_err *err)
{
    if (!name || !*name)
        return cs_err_set(err, CS_ERR_PARAM, "empty host tag");
    uint64_t bit = cs_sched_index_tag_find(idx, name);
    if (bit) {
        *ret_bit = bit;
        return 0;
    }
    if (idx->n_tags == CS_SCHED_MAX_TAGS)
        return cs_err_set(err, CS_ERR_LIMIT, "more than %d distinct host tags, '%s' refused",
                          CS_SCHED_MAX_TAGS, name);
    char *copy = strdup(name);
    if (!copy)
        return cs_err_set(err, CS_ERR_NOMEM, "out of memory interning tag '%s'", name);
    idx->tag_names[idx->n_tags] = copy;
    *ret_bit = UINT64_C(1) << idx->n_tags++;
    return 0;
}

uint64_t cs_sched_index_tag_find(const struct cs_sched_index *idx, const char *name)
{
    for (size_t i = 0; name && i < idx->n_tags; i++) {
        if (strcmp(idx->tag_names[i], name) == 0)
            return UINT64_C(1) << i;
    }
    return 0;
}

static struct cs_sched_map *part_map(struct cs_sched_index *idx, enum cs_sched_part_kind kind)
{
    return kind == CS_SCHED_PART_DEDICATION ? &idx->ded_part : &idx->implicit_part;
}

uint32_t cs_sched_part_find(const struct cs_sched_index *idx, enum cs_sched_part_kind kind,
                            int64_t key)
{
    const struct cs_sched_map *m =
        kind == CS_SCHED_PART_DEDICATION ? &idx->ded_part : &idx->implicit_part;
    uint32_t p;
    return cs_sched_map_get(m, key, &p) ? p : UINT32_MAX;
}

uint32_t cs_sched_part_get(struct cs_sched_index *idx, enum cs_sched_part_kind kind, int64_t key)
{
    uint32_t p = cs_sched_part_find(idx, kind, key);
    if (p != UINT32_MAX)
        return p;
    if (idx->n_parts + CS_SCHED_PART_DYN0 >= (UINT32_C(1) << 23))
        return UINT32_MAX;
    if (idx->n_parts == idx->cap_parts) {
        size_t cap = idx->cap_parts ? idx->cap_parts * 2 : 8;
        struct cs_sched_part *v = realloc(idx->parts, cap * sizeof(*v));
        if (!v)
            return UINT32_MAX;
        idx->parts = v;
        idx->cap_parts = cap;
    }
    if (cs_sched_map_put(part_map(idx, kind), key, (uint32_t)idx->n_parts) < 0)
        return UINT32_MAX;
    idx->parts[idx->n_parts] = (struct cs_sched_part){.kind = kind, .key = key,
                                                      .next_owned = UINT32_MAX};
    return (uint32_t)idx->n_parts++;
}

/* Takes part p out of its owner's chain. */
static void unlink_owned(struct cs_sched_index *idx, uint32_t p)
{
    struct cs_sched_part *d = &idx->parts[p];
    if (!d->owned)
        return;
    struct cs_sched_map *m = d->account_id ? &idx->account_owned : &idx->domain_owned;
    int64_t owner = d->account_id ? d->account_id : d->domain_id;
    uint32_t head;
    if (!cs_sched_map_get(m, owner, &head))
        return;
    if (head == p) {
        if (d->next_owned == UINT32_MAX)
            cs_sched_map_del(m, owner);
        else
            cs_sched_map_put(m, owner, d->next_owned);
    } else {
        for (uint32_t q = head; q != UINT32_MAX; q = idx->parts[q].next_owned) {
            if (idx->parts[q].next_owned == p) {
                idx->parts[q].next_owned = d->next_owned;
                break;
            }
        }
    }
    d->owned = false;
    d->next_owned = UINT32_MAX;
}

int cs_sched_index_set_dedication(struct cs_sched_index *idx, int64_t dedication_id,
                                  int64_t domain_id, int64_t account_id, struct cs_err *err)
{
    if (dedication_id <= 0 || domain_id < 0 || account_id < 0 || (!domain_id && !account_id))
        return cs_err_set(err, CS_ERR_PARAM,
                          "dedication '%lld' needs a positive id and a domain or an account",
                          (long long)dedication_id);
    uint32_t p = cs_sched_part_get(idx, CS_SCHED_PART_DEDICATION, dedication_id);
    if (p == UINT32_MAX)
        return cs_err_set(err, CS_ERR_NOMEM, "out of memory adding dedication '%lld'",
                          (long long)dedication_id);
    unlink_owned(idx, p);
    struct cs_sched_map *m = account_id ? &idx->account_owned : &idx->domain_owned;
    int64_t owner = account_id ? account_id : domain_id;
    uint32_t head;
    bool had = cs_sched_map_get(m, owner, &head);
    if (cs_sched_map_put(m, owner, p) < 0)
        return cs_err_set(err, CS_ERR_NOMEM, "out of memory adding dedication '%lld'",
                          (long long)dedication_id);
    struct cs_sched_part *d = &idx->parts[p];
    d->domain_id = domain_id;
    d->account_id = account_id;
    d->owned = true;
    d->next_owned = had ? head : UINT32_MAX;
    return 0;
}

int cs_sched_index_set_zone_dedication(struct cs_sched_index *idx, int64_t zone_id,
                                       int64_t dedication_id, struct cs_err *err)
{
    if (zone_id <= 0 || dedication_id < 0)
        return cs_err_set(err, CS_ERR_PARAM, "invalid zone dedication");
    if (dedication_id == 0) {
        cs_sched_map_del(&idx->zone_ded, zone_id);
        return 0;
    }
    uint32_t p = cs_sched_part_get(idx, CS_SCHED_PART_DEDICATION, dedication_id);
    if (p == UINT32_MAX || cs_sched_map_put(&idx->zone_ded, zone_id, p) < 0)
        return cs_err_set(err, CS_ERR_NOMEM, "out of memory dedicating zone '%lld'",
                          (long long)zone_id);
    return 0;
}

void cs_sched_parts_release(struct cs_sched_index *idx)
{
    for (size_t i = 0; i < idx->n_tags; i++)
        free(idx->tag_names[i]);
    idx->n_tags = 0;
    free(idx->parts);
    idx->parts = NULL;
    idx->n_parts = idx->cap_parts = 0;
    cs_sched_map_release(&idx->ded_part);
    cs_sched_map_release(&idx->implicit_part);
    cs_sched_map_release(&idx->account_owned);
    cs_sched_map_release(&idx->domain_owned);
    cs_sched_map_release(&idx->zone_ded);
}
