/* The simulated world: lifecycle, options, interned scope ids and statistics. */
#include <stdlib.h>
#include <string.h>

#include "sim_internal.h"

#define SIM_DEFAULT_SEED 0x9e3779b97f4a7c15ULL

static double scale_from_env(void)
{
    const char *s = getenv("CSSIM_LATENCY_SCALE");
    if (!s || !*s)
        return 1.0;
    char *end;
    double v = strtod(s, &end);
    if (end == s || *end || !(v >= 0))
        return 1.0;
    return v;
}

struct sim_world *sim_world_new(const struct sim_world_opts *opts)
{
    struct sim_world *w = calloc(1, sizeof(*w));
    if (!w)
        return NULL;
    if (pthread_mutex_init(&w->lock, NULL) != 0) {
        free(w);
        return NULL;
    }
    w->rng = (opts && opts->seed) ? opts->seed : SIM_DEFAULT_SEED;
    w->scale = (opts && opts->latency_scale >= 0) ? opts->latency_scale : scale_from_env();
    if (opts) {
        w->on_host_state = opts->on_host_state;
        w->ud = opts->ud;
    }
    for (int op = 0; op < SIM_OP__COUNT; op++)
        w->defaults[op] = sim_latency_default((enum sim_op)op);
    w->next_rule_id = 1;
    return w;
}

void sim_world_free(struct sim_world *w)
{
    if (!w)
        return;
    size_t pos = 0;
    struct sim_host *h;
    while ((h = sim_map_next(&w->hosts, &pos))) {
        for (struct sim_vm *vm = h->vms, *next; vm; vm = next) {
            next = vm->next;
            free(vm);
        }
        free(h->latency);
        free(h);
    }
    pos = 0;
    char *s;
    while ((s = sim_map_next(&w->strings, &pos)))
        free(s);
    sim_map_release(&w->hosts);
    sim_map_release(&w->vms);
    sim_map_release(&w->strings);
    sim_rule_clear(w);
    free(w->rules);
    free(w->lat);
    pthread_mutex_destroy(&w->lock);
    free(w);
}

void sim_world_stats(struct sim_world *w, struct sim_world_stats *ret_stats)
{
    pthread_mutex_lock(&w->lock);
    ret_stats->hosts = w->hosts.len;
    ret_stats->hosts_up = w->hosts_up;
    ret_stats->vms = w->vms.len;
    ret_stats->vms_running = w->vms_running;
    ret_stats->rules = w->nrules;
    pthread_mutex_unlock(&w->lock);
}

int sim_world_intern(struct sim_world *w, const char *s, const char **ret)
{
    if (!s || !*s) {
        *ret = NULL;
        return 0;
    }
    char *found = sim_map_get(&w->strings, s);
    if (!found) {
        found = strdup(s);
        if (!found)
            return -SIM_ERR_NOMEM;
        if (sim_map_put(&w->strings, found) < 0) {
            free(found);
            return -SIM_ERR_NOMEM;
        }
    }
    *ret = found;
    return 0;
}

int sim_id_check(const char *what, const char *id, struct sim_err *err)
{
    if (!id || !*id)
        return sim_err_set(err, SIM_ERR_PARAM, "missing %s id", what);
    if (strlen(id) >= SIM_ID_MAX)
        return sim_err_set(err, SIM_ERR_PARAM, "%s id '%.60s...' is too long", what, id);
    return 0;
}
