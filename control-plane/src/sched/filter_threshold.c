/* Filter threshold: the host's cluster stays under its capacity disable thresholds. */
#include "sched_filter.h"

bool cs_sched_filter_threshold(const struct cs_sched_ctx *ctx, const struct cs_sched_host *h)
{
    if (!ctx->thresholds)
        return true;
    const struct cs_sched_cluster *c = cs_sched_index_cluster(ctx->idx, h->cluster_id);
    return !c || !cs_sched_cluster_over(ctx, c);
}
