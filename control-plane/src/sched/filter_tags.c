/* Filter tags: the host carries every host tag of the offering (tags attract, never repel). */
#include "sched_filter.h"

bool cs_sched_filter_tags(const struct cs_sched_ctx *ctx, const struct cs_sched_host *h)
{
    uint64_t want = ctx->need.tags & ~CS_SCHED_TAG_EMPTY;
    return !ctx->unknown_tag && (h->tags & want) == want;
}
