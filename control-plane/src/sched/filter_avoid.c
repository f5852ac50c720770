/* Filter avoid: the host is not in the avoid set (anti-affinity group members, retries). */
#include "sched_filter.h"

bool cs_sched_filter_avoid(const struct cs_sched_ctx *ctx, const struct cs_sched_host *h)
{
    return !cs_sched_avoid_has(&ctx->avoid, h->id);
}
