/* Simulated VMs: start, stop, reboot, destroy, power query, listing and adoption. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim_internal.h"

static void link_vm(struct sim_host *h, struct sim_vm *vm)
{
    vm->host = h;
    vm->prev = NULL;
    vm->next = h->vms;
    if (h->vms)
        h->vms->prev = vm;
    h->vms = vm;
    h->nvms++;
}

static void unlink_vm(struct sim_vm *vm)
{
    struct sim_host *h = vm->host;
    if (vm->prev)
        vm->prev->next = vm->next;
    else
        h->vms = vm->next;
    if (vm->next)
        vm->next->prev = vm->prev;
    vm->prev = vm->next = NULL;
    vm->host = NULL;
    h->nvms--;
}

static void set_power(struct sim_world *w, struct sim_vm *vm, enum sim_power p)
{
    if (vm->power == p)
        return;
    if (p == SIM_POWER_ON)
        w->vms_running++;
    else
        w->vms_running--;
    vm->power = (uint8_t)p;
}

/* The VM if the host knows it. */
static struct sim_vm *vm_on(struct sim_world *w, const struct sim_host *h, const char *vm_id)
{
    struct sim_vm *vm = sim_map_get(&w->vms, vm_id);
    return (vm && vm->host == h) ? vm : NULL;
}

static int check_spec(const struct sim_vm_spec *vm, struct sim_err *err)
{
    int rc = sim_id_check("vm", vm ? vm->id : NULL, err);
    if (rc < 0)
        return rc;
    if (vm->cpus < 0 || vm->cpus > INT16_MAX || vm->cpu_mhz < 0 || vm->mem_mb < 0)
        return sim_err_set(err, SIM_ERR_PARAM, "bad size for vm '%s'", vm->id);
    return 0;
}

/* Checks a VM start against the world's state. Under the lock. */
static int start_check(struct sim_world *w, const struct sim_host *h, const char *vm_id,
                       struct sim_err *err)
{
    const struct sim_vm *vm = sim_map_get(&w->vms, vm_id);
    if (vm && vm->power == SIM_POWER_ON) {
        if (vm->host == h)
            return sim_err_set(err, SIM_ERR_STATE, "vm '%s' is already running", vm_id);
        return sim_err_set(err, SIM_ERR_STATE, "vm '%s' is already running on host '%s'", vm_id,
                           vm->host->id);
    }
    return 0;
}

/* Records vm on h with the given power, moving or creating the record. Under the lock. */
static int place(struct sim_world *w, struct sim_host *h, const struct sim_vm_spec *spec,
                 enum sim_power p, struct sim_err *err)
{
    struct sim_vm *vm = sim_map_get(&w->vms, spec->id);
    if (!vm) {
        vm = calloc(1, sizeof(*vm));
        if (!vm)
            return sim_err_set(err, SIM_ERR_NOMEM, "out of memory");
        snprintf(vm->id, sizeof(vm->id), "%s", spec->id);
        if (sim_map_put(&w->vms, vm) < 0) {
            free(vm);
            return sim_err_set(err, SIM_ERR_NOMEM, "out of memory");
        }
        link_vm(h, vm);
    } else if (vm->host != h) {
        unlink_vm(vm);
        link_vm(h, vm);
    }
    vm->cpus = (int16_t)spec->cpus;
    vm->cpu_mhz = spec->cpu_mhz;
    vm->mem_mb = spec->mem_mb;
    set_power(w, vm, p);
    return 0;
}

/* Phase one of an operation: the host must be up; plans latency and faults. Under the lock. */
static int begin(struct sim_world *w, const char *host_id, enum sim_op op,
                 struct sim_host **ret_host, struct sim_plan *ret_plan, struct sim_err *err)
{
    struct sim_host *h;
    int rc = sim_host_find_up(w, host_id, &h, err);
    if (rc < 0)
        return rc;
    struct sim_scope where;
    sim_host_where(h, &where);
    sim_plan_make(w, &where, h, op, ret_plan);
    *ret_host = h;
    return 0;
}

int sim_vm_start(struct sim_world *w, const char *host_id, const struct sim_vm_spec *vm,
                 struct sim_err *err)
{
    int rc = sim_id_check("host", host_id, err);
    if (rc < 0 || (rc = check_spec(vm, err)) < 0)
        return rc;
    struct sim_host *h;
    struct sim_plan plan;
    pthread_mutex_lock(&w->lock);
    rc = sim_host_find_up(w, host_id, &h, err);
    if (rc == 0)
        rc = start_check(w, h, vm->id, err);
    if (rc == 0)
        rc = begin(w, host_id, SIM_OP_VM_START, &h, &plan, err);
    pthread_mutex_unlock(&w->lock);
    if (rc < 0 || (rc = sim_plan_run(&plan, SIM_OP_VM_START, err)) < 0)
        return rc;

    pthread_mutex_lock(&w->lock);
    rc = sim_host_find_up(w, host_id, &h, err);
    if (rc == 0)
        rc = start_check(w, h, vm->id, err); /* a concurrent start may have won */
    if (rc == 0)
        rc = place(w, h, vm, SIM_POWER_ON, err);
    pthread_mutex_unlock(&w->lock);
    return rc;
}

int sim_vm_stop(struct sim_world *w, const char *host_id, const char *vm_id, struct sim_err *err)
{
    int rc = sim_id_check("host", host_id, err);
    if (rc < 0 || (rc = sim_id_check("vm", vm_id, err)) < 0)
        return rc;
    struct sim_host *h;
    struct sim_plan plan;
    pthread_mutex_lock(&w->lock);
    rc = begin(w, host_id, SIM_OP_VM_STOP, &h, &plan, err);
    pthread_mutex_unlock(&w->lock);
    if (rc < 0 || (rc = sim_plan_run(&plan, SIM_OP_VM_STOP, err)) < 0)
        return rc;

    pthread_mutex_lock(&w->lock);
    rc = sim_host_find_up(w, host_id, &h, err);
    if (rc == 0) {
        struct sim_vm *vm = vm_on(w, h, vm_id);
        if (vm)
            set_power(w, vm, SIM_POWER_OFF);
    }
    pthread_mutex_unlock(&w->lock);
    return rc;
}

/* A reboot needs the VM running on that host. Under the lock. */
static int reboot_check(struct sim_world *w, const struct sim_host *h, const char *vm_id,
                        struct sim_err *err)
{
    const struct sim_vm *vm = vm_on(w, h, vm_id);
    if (!vm)
        return sim_err_set(err, SIM_ERR_NOT_FOUND, "no vm '%s' on host '%s'", vm_id, h->id);
    if (vm->power != SIM_POWER_ON)
        return sim_err_set(err, SIM_ERR_STATE, "vm '%s' is not running", vm_id);
    return 0;
}

int sim_vm_reboot(struct sim_world *w, const char *host_id, const char *vm_id,
                  struct sim_err *err)
{
    int rc = sim_id_check("host", host_id, err);
    if (rc < 0 || (rc = sim_id_check("vm", vm_id, err)) < 0)
        return rc;
    struct sim_host *h;
    struct sim_plan plan;
    pthread_mutex_lock(&w->lock);
    rc = sim_host_find_up(w, host_id, &h, err);
    if (rc == 0)
        rc = reboot_check(w, h, vm_id, err);
    if (rc == 0)
        rc = begin(w, host_id, SIM_OP_VM_REBOOT, &h, &plan, err);
    pthread_mutex_unlock(&w->lock);
    if (rc < 0 || (rc = sim_plan_run(&plan, SIM_OP_VM_REBOOT, err)) < 0)
        return rc;

    pthread_mutex_lock(&w->lock);
    rc = sim_host_find_up(w, host_id, &h, err);
    if (rc == 0)
        rc = reboot_check(w, h, vm_id, err); /* it comes back up as it was */
    pthread_mutex_unlock(&w->lock);
    return rc;
}

int sim_vm_destroy(struct sim_world *w, const char *host_id, const char *vm_id,
                   struct sim_err *err)
{
    int rc = sim_id_check("host", host_id, err);
    if (rc < 0 || (rc = sim_id_check("vm", vm_id, err)) < 0)
        return rc;
    struct sim_host *h;
    struct sim_plan plan;
    pthread_mutex_lock(&w->lock);
    rc = begin(w, host_id, SIM_OP_VM_DESTROY, &h, &plan, err);
    pthread_mutex_unlock(&w->lock);
    if (rc < 0 || (rc = sim_plan_run(&plan, SIM_OP_VM_DESTROY, err)) < 0)
        return rc;

    struct sim_vm *gone = NULL;
    pthread_mutex_lock(&w->lock);
    rc = sim_host_find_up(w, host_id, &h, err);
    if (rc == 0 && (gone = vm_on(w, h, vm_id))) {
        set_power(w, gone, SIM_POWER_OFF);
        unlink_vm(gone);
        sim_map_del(&w->vms, vm_id);
    }
    pthread_mutex_unlock(&w->lock);
    free(gone);
    return rc;
}

int sim_vm_power(struct sim_world *w, const char *host_id, const char *vm_id,
                 enum sim_power *ret_power, struct sim_err *err)
{
    int rc = sim_id_check("host", host_id, err);
    if (rc < 0 || (rc = sim_id_check("vm", vm_id, err)) < 0)
        return rc;
    struct sim_host *h;
    struct sim_plan plan;
    pthread_mutex_lock(&w->lock);
    rc = begin(w, host_id, SIM_OP_VM_POWER, &h, &plan, err);
    pthread_mutex_unlock(&w->lock);
    if (rc < 0 || (rc = sim_plan_run(&plan, SIM_OP_VM_POWER, err)) < 0)
        return rc;

    pthread_mutex_lock(&w->lock);
    rc = sim_host_find_up(w, host_id, &h, err);
    if (rc == 0) {
        const struct sim_vm *vm = vm_on(w, h, vm_id);
        *ret_power = vm ? (enum sim_power)vm->power : SIM_POWER_OFF;
    }
    pthread_mutex_unlock(&w->lock);
    return rc;
}

static void fill_info(const struct sim_vm *vm, struct sim_vm_info *ret)
{
    memset(ret, 0, sizeof(*ret));
    snprintf(ret->id, sizeof(ret->id), "%s", vm->id);
    snprintf(ret->host_id, sizeof(ret->host_id), "%s", vm->host->id);
    ret->power = (enum sim_power)vm->power;
    ret->cpus = vm->cpus;
    ret->cpu_mhz = vm->cpu_mhz;
    ret->mem_mb = vm->mem_mb;
}

int sim_vm_get(struct sim_world *w, const char *vm_id, struct sim_vm_info *ret_info,
               struct sim_err *err)
{
    int rc = sim_id_check("vm", vm_id, err);
    if (rc < 0)
        return rc;
    pthread_mutex_lock(&w->lock);
    const struct sim_vm *vm = sim_map_get(&w->vms, vm_id);
    if (vm)
        fill_info(vm, ret_info);
    else
        rc = sim_err_set(err, SIM_ERR_NOT_FOUND, "no simulated vm '%s'", vm_id);
    pthread_mutex_unlock(&w->lock);
    return rc;
}

int sim_vm_list(struct sim_world *w, const char *host_id,
                void (*fn)(void *ud, const struct sim_vm_info *vm), void *ud,
                struct sim_err *err)
{
    int rc = sim_id_check("host", host_id, err);
    if (rc < 0)
        return rc;
    struct sim_host *h;
    struct sim_plan plan;
    pthread_mutex_lock(&w->lock);
    rc = begin(w, host_id, SIM_OP_VM_LIST, &h, &plan, err);
    pthread_mutex_unlock(&w->lock);
    if (rc < 0 || (rc = sim_plan_run(&plan, SIM_OP_VM_LIST, err)) < 0)
        return rc;

    struct sim_vm_info info;
    pthread_mutex_lock(&w->lock);
    rc = sim_host_find_up(w, host_id, &h, err);
    for (const struct sim_vm *vm = rc == 0 ? h->vms : NULL; vm; vm = vm->next) {
        fill_info(vm, &info);
        fn(ud, &info);
    }
    pthread_mutex_unlock(&w->lock);
    return rc;
}

int sim_vm_adopt(struct sim_world *w, const char *host_id, const struct sim_vm_spec *vm,
                 enum sim_power power, struct sim_err *err)
{
    int rc = sim_id_check("host", host_id, err);
    if (rc < 0 || (rc = check_spec(vm, err)) < 0)
        return rc;
    if (power != SIM_POWER_ON && power != SIM_POWER_OFF)
        return sim_err_set(err, SIM_ERR_PARAM, "bad power state for vm '%s'", vm->id);
    pthread_mutex_lock(&w->lock);
    struct sim_host *h = sim_map_get(&w->hosts, host_id);
    if (!h)
        rc = sim_err_set(err, SIM_ERR_NO_HOST, "no simulated host '%s'", host_id);
    else
        rc = place(w, h, vm, power, err);
    pthread_mutex_unlock(&w->lock);
    return rc;
}
