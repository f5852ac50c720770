/* Planners: the order in which the clusters (or the whole scope) of a request are searched. */
#ifndef CS_SCHED_PLANNER_H
#define CS_SCHED_PLANNER_H

#include "sched_alloc.h"

/* A request's narrowest scope once resolved: a zone, pod or cluster and its zone. */
struct cs_sched_scope {
    enum cs_sched_lvl lvl;
    int64_t id;
    int64_t zone_id;
};

/* How many stages the request's planner has (ImplicitDedicationPlanner: own implicit hosts,
 * empty hosts, and in Preferred mode any host; the others: one). */
size_t cs_sched_plan_stages(const struct cs_sched_ctx *ctx);
/* Runs one stage of the request's planner over one scope in a zone the caller may use (access
 * from cs_sched_zone_access). 0 and *ret_hit (id 0 when nothing fits), or -CS_ERR_NOMEM. */
int cs_sched_plan(struct cs_sched_ctx *ctx, const struct cs_sched_scope *scope,
                  enum cs_sched_zone_access access, size_t stage, struct cs_sched_hit *ret_hit);

#endif
