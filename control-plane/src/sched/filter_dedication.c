/* Filter dedication: dedicated zones, pods, clusters and hosts only for their owners. */
#include "sched_filter.h"

/* CloudStack (spec 4.1 step 2, 4.2 ImplicitDedicationPlanner): a zone dedicated to someone else
 * is closed; a host with an explicit dedication only takes VMs of an ExplicitDedication group
 * of its owner (or any VM of the account a zone is dedicated to); a shared host takes no
 * explicit-dedication VM; a host reserved by the implicit planner only takes that planner's VMs
 * of the same account. */
bool cs_sched_filter_dedication(const struct cs_sched_ctx *ctx, const struct cs_sched_host *h)
{
    const struct cs_sched_request *r = ctx->req;
    enum cs_sched_zone_access zone = cs_sched_zone_access(ctx, h->zone_id);
    if (zone == CS_SCHED_ZONE_DENIED)
        return false;
    if (h->implicit_account_id)
        return r->planner == CS_SCHED_PLANNER_IMPLICIT && r->account_id == h->implicit_account_id;
    if (h->dedication_id) {
        uint32_t p = cs_sched_index_host_part(ctx->idx, h);
        return p != UINT32_MAX && (r->explicit_dedication || zone == CS_SCHED_ZONE_OWNER) &&
               cs_sched_part_owned(ctx, p);
    }
    return !r->explicit_dedication;
}
