/* Simulated hosts: add from a URL, remove, power up/down, ping, report facts. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim_internal.h"

#define SIM_HOST_VERSION "4.22"
#define SIM_HOST_CPU_MODEL "Simulated Intel(R) Xeon(R) CPU"

/* 172.16.0.1 onwards, skipping .0 and .255 in the last octet. */
static uint32_t ip_for(uint32_t n)
{
    uint32_t a = n / 254, b = n % 254 + 1;
    return (172u << 24) | ((16u + a / 256) << 16) | ((a % 256) << 8) | b;
}

static void fill_info(const struct sim_host *h, struct sim_host_info *ret)
{
    memset(ret, 0, sizeof(*ret));
    snprintf(ret->id, sizeof(ret->id), "%s", h->id);
    snprintf(ret->name, sizeof(ret->name), "SimulatedAgent.%s", h->id);
    snprintf(ret->ipaddress, sizeof(ret->ipaddress), "%u.%u.%u.%u", h->ip >> 24,
             (h->ip >> 16) & 0xff, (h->ip >> 8) & 0xff, h->ip & 0xff);
    snprintf(ret->version, sizeof(ret->version), "%s", SIM_HOST_VERSION);
    snprintf(ret->cpu_model, sizeof(ret->cpu_model), "%s", SIM_HOST_CPU_MODEL);
    ret->hw = h->hw;
    ret->up = h->up;
    ret->vms = h->nvms;
}

int sim_host_find_up(struct sim_world *w, const char *host_id, struct sim_host **ret_host,
                     struct sim_err *err)
{
    struct sim_host *h = sim_map_get(&w->hosts, host_id);
    if (!h)
        return sim_err_set(err, SIM_ERR_NO_HOST, "no simulated host '%s'", host_id);
    if (!h->up)
        return sim_err_set(err, SIM_ERR_HOST_DOWN, "host '%s' unreachable", host_id);
    *ret_host = h;
    return 0;
}

int sim_host_add(struct sim_world *w, const struct sim_host_spec *spec,
                 struct sim_host_info *ret_info, struct sim_err *err)
{
    int rc = sim_id_check("host", spec->id, err);
    if (rc < 0)
        return rc;
    struct sim_host_hw hw;
    rc = sim_url_parse(spec->url, &hw, err);
    if (rc < 0)
        return rc;

    struct sim_scope where = {spec->zone, spec->pod, spec->cluster, spec->id};
    struct sim_plan plan;
    pthread_mutex_lock(&w->lock);
    struct sim_host *h = sim_map_get(&w->hosts, spec->id);
    if (h) {
        /* a reconnect: the host is as it was */
        if (!h->up)
            rc = sim_err_set(err, SIM_ERR_HOST_DOWN, "host '%s' unreachable", spec->id);
        else
            fill_info(h, ret_info);
        pthread_mutex_unlock(&w->lock);
        return rc;
    }
    sim_plan_make(w, &where, NULL, SIM_OP_HOST_CONNECT, &plan);
    pthread_mutex_unlock(&w->lock);

    rc = sim_plan_run(&plan, SIM_OP_HOST_CONNECT, err);
    if (rc < 0)
        return rc;

    struct sim_host *n = calloc(1, sizeof(*n));
    if (!n)
        return sim_err_set(err, SIM_ERR_NOMEM, "out of memory");
    snprintf(n->id, sizeof(n->id), "%s", spec->id);
    n->hw = hw;
    n->up = true;
    pthread_mutex_lock(&w->lock);
    h = sim_map_get(&w->hosts, spec->id);
    if (h) {
        /* added concurrently while we slept: report that one */
        fill_info(h, ret_info);
        pthread_mutex_unlock(&w->lock);
        free(n);
        return 0;
    }
    if (sim_world_intern(w, spec->zone, &n->zone) < 0 ||
        sim_world_intern(w, spec->pod, &n->pod) < 0 ||
        sim_world_intern(w, spec->cluster, &n->cluster) < 0 || sim_map_put(&w->hosts, n) < 0) {
        pthread_mutex_unlock(&w->lock);
        free(n);
        return sim_err_set(err, SIM_ERR_NOMEM, "out of memory");
    }
    n->ip = ip_for(w->next_ip++);
    w->hosts_up++;
    fill_info(n, ret_info);
    pthread_mutex_unlock(&w->lock);
    return 0;
}

void sim_host_drop_vms(struct sim_world *w, struct sim_host *h)
{
    for (struct sim_vm *vm = h->vms, *next; vm; vm = next) {
        next = vm->next;
        sim_map_del(&w->vms, vm->id);
        if (vm->power == SIM_POWER_ON)
            w->vms_running--;
        free(vm);
    }
    h->vms = NULL;
    h->nvms = 0;
}

int sim_host_remove(struct sim_world *w, const char *host_id, struct sim_err *err)
{
    int rc = sim_id_check("host", host_id, err);
    if (rc < 0)
        return rc;
    pthread_mutex_lock(&w->lock);
    struct sim_host *h = sim_map_del(&w->hosts, host_id);
    if (h) {
        sim_host_drop_vms(w, h);
        if (h->up)
            w->hosts_up--;
    }
    pthread_mutex_unlock(&w->lock);
    if (h) {
        free(h->latency);
        free(h);
    }
    return 0;
}

int sim_host_get(struct sim_world *w, const char *host_id, struct sim_host_info *ret_info,
                 struct sim_err *err)
{
    int rc = sim_id_check("host", host_id, err);
    if (rc < 0)
        return rc;
    pthread_mutex_lock(&w->lock);
    struct sim_host *h = sim_map_get(&w->hosts, host_id);
    if (h)
        fill_info(h, ret_info);
    else
        rc = sim_err_set(err, SIM_ERR_NO_HOST, "no simulated host '%s'", host_id);
    pthread_mutex_unlock(&w->lock);
    return rc;
}

int sim_host_set_up(struct sim_world *w, const char *host_id, bool up, struct sim_err *err)
{
    int rc = sim_id_check("host", host_id, err);
    if (rc < 0)
        return rc;
    bool changed = false;
    char id[SIM_ID_MAX];
    pthread_mutex_lock(&w->lock);
    struct sim_host *h = sim_map_get(&w->hosts, host_id);
    if (!h) {
        rc = sim_err_set(err, SIM_ERR_NO_HOST, "no simulated host '%s'", host_id);
    } else if (h->up != up) {
        h->up = up;
        if (up)
            w->hosts_up++;
        else
            w->hosts_up--;
        changed = true;
        snprintf(id, sizeof(id), "%s", h->id);
    }
    void (*cb)(void *, const char *, bool) = w->on_host_state;
    void *ud = w->ud;
    pthread_mutex_unlock(&w->lock);
    if (changed && cb)
        cb(ud, id, up);
    return rc;
}

int sim_host_ping(struct sim_world *w, const char *host_id, struct sim_err *err)
{
    int rc = sim_id_check("host", host_id, err);
    if (rc < 0)
        return rc;
    struct sim_plan plan;
    struct sim_host *h;
    pthread_mutex_lock(&w->lock);
    rc = sim_host_find_up(w, host_id, &h, err);
    if (rc == 0) {
        struct sim_scope where;
        sim_host_where(h, &where);
        sim_plan_make(w, &where, h, SIM_OP_PING, &plan);
    }
    pthread_mutex_unlock(&w->lock);
    if (rc < 0)
        return rc;
    return sim_plan_run(&plan, SIM_OP_PING, err);
}
