/* Filter scope: the host lies in the request's zone, pod and cluster (each when given). */
#include "sched_filter.h"

bool cs_sched_filter_scope(const struct cs_sched_ctx *ctx, const struct cs_sched_host *h)
{
    const struct cs_sched_request *r = ctx->req;
    return (!r->zone_id || h->zone_id == r->zone_id) && (!r->pod_id || h->pod_id == r->pod_id) &&
           (!r->cluster_id || h->cluster_id == r->cluster_id);
}
