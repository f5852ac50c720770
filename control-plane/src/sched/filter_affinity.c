/* Filter affinity: with host affinity, the host is one of the group's hosts (none = any host). */
#include "sched_filter.h"

bool cs_sched_filter_affinity(const struct cs_sched_ctx *ctx, const struct cs_sched_host *h)
{
    if (ctx->n_affinity == 0)
        return true;
    struct cs_sched_avoid set = {ctx->affinity, ctx->n_affinity, true};
    return cs_sched_avoid_has(&set, h->id);
}
