/* Filter capacity: cores, per-core MHz, free CPU and free memory under the cluster's factors. */
#include "sched_filter.h"

bool cs_sched_filter_capacity(const struct cs_sched_ctx *ctx, const struct cs_sched_host *h)
{
    struct cs_sched_host usable = *h;
    usable.up = usable.enabled = true; /* state is its own filter */
    struct cs_sched_cap have = cs_sched_index_cap(ctx->idx, &usable), need = ctx->need;
    need.tags = 0;
    return cs_sched_cap_fits(&have, &need);
}
