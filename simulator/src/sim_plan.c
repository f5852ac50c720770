/* One simulated operation: fault rule and latency picked under the lock, sleep outside it. */
#include <errno.h>
#include <string.h>
#include <time.h>

#include "sim_internal.h"

static const char *const op_commands[SIM_OP__COUNT] = {
    [SIM_OP_HOST_CONNECT] = "ReadyCommand",
    [SIM_OP_PING] = "PingCommand",
    [SIM_OP_VM_START] = "StartCommand",
    [SIM_OP_VM_STOP] = "StopCommand",
    [SIM_OP_VM_REBOOT] = "RebootCommand",
    [SIM_OP_VM_DESTROY] = "DestroyCommand",
    [SIM_OP_VM_POWER] = "CheckVirtualMachineCommand",
    [SIM_OP_VM_LIST] = "GetVmStatsCommand",
};

const char *sim_op_command(enum sim_op op)
{
    if ((unsigned)op >= SIM_OP__COUNT)
        return "?";
    return op_commands[op];
}

int sim_op_from_command(const char *name, enum sim_op *ret_op)
{
    for (int op = 0; name && op < SIM_OP__COUNT; op++) {
        if (strcmp(op_commands[op], name) == 0) {
            *ret_op = (enum sim_op)op;
            return 0;
        }
    }
    return -SIM_ERR_NOT_FOUND;
}

void sim_host_where(const struct sim_host *h, struct sim_scope *ret_where)
{
    ret_where->zone = h->zone;
    ret_where->pod = h->pod;
    ret_where->cluster = h->cluster;
    ret_where->host = h->id;
}

void sim_plan_make(struct sim_world *w, const struct sim_scope *where, const struct sim_host *h,
                   enum sim_op op, struct sim_plan *ret_plan)
{
    struct sim_plan p = {0, SIM_OK};
    struct sim_rule *r = w->nrules ? sim_rule_match(w, op, where) : NULL;
    if (r) {
        bool fire = r->probability >= 1.0 || sim_rng_unit(&w->rng) < r->probability;
        if (fire) {
            if (r->count > 0)
                r->count--;
            p.delay_us += r->act.wait_ms * 1000;
            if (r->act.fault)
                p.result = SIM_ERR_FAULT;
            else if (r->act.fail)
                p.result = SIM_ERR_FAIL;
        }
    }
    if (w->scale > 0) {
        const struct sim_dist *d = sim_latency_pick(w, where, h, op);
        double ms = sim_dist_sample(d, &w->rng) * w->scale;
        p.delay_us += (long)(ms * 1000.0);
    }
    *ret_plan = p;
}

int sim_plan_run(const struct sim_plan *p, enum sim_op op, struct sim_err *err)
{
    if (p->delay_us > 0) {
        struct timespec ts = {p->delay_us / 1000000, (p->delay_us % 1000000) * 1000};
        while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
            ;
    }
    if (p->result == SIM_ERR_FAIL)
        return sim_err_set(err, SIM_ERR_FAIL, "Simulated failure");
    if (p->result == SIM_ERR_FAULT)
        return sim_err_set(err, SIM_ERR_FAULT, "Simulated fault");
    return 0;
}
