/* Filter state: the host is Up and its resource state Enabled. */
#include "sched_filter.h"

bool cs_sched_filter_state(const struct cs_sched_ctx *ctx, const struct cs_sched_host *h)
{
    (void)ctx;
    return h->up && h->enabled;
}
