/* Virtual machines: deploy, the lifecycle state machine, capacity, listing, reconciliation. */
#include "svc_vm.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "svc_account.h"
#include "svc_config.h"
#include "svc_event.h"
#include "util_log.h"
#include "util_uuid.h"

#define MIB (1024LL * 1024LL)
#define MAX_AVOID 32

/* ---- helpers ---- */

static int64_t vm_cpu(const struct cs_vm *vm)
{
    return (int64_t)vm->cpus * vm->cpu_mhz;
}

static int64_t vm_mem(const struct cs_vm *vm)
{
    return vm->mem_mb * MIB;
}

static void event(struct cs_svc *svc, const struct cs_svc_caller *caller, const struct cs_vm *vm,
                  const char *type, enum cs_event_level level, const char *fmt, const char *what)
{
    char desc[512];
    snprintf(desc, sizeof(desc), fmt, what, vm->uuid);
    struct cs_err ignored;
    if (cs_svc_event_emit(svc, caller, vm->account_id, vm->domain_id, type, level, "Completed",
                          "VirtualMachine", vm->uuid, desc, &ignored) < 0)
        cs_log_warn("cannot record event %s: %s", type, ignored.msg);
}

static void ok_event(struct cs_svc *svc, const struct cs_svc_caller *caller,
                     const struct cs_vm *vm, const char *type, const char *what)
{
    event(svc, caller, vm, type, CS_EVENT_INFO, "Successfully completed %s Vm. Vm Id: %s", what);
}

static void fail_event(struct cs_svc *svc, const struct cs_svc_caller *caller,
                       const struct cs_vm *vm, const char *type, const char *what)
{
    event(svc, caller, vm, type, CS_EVENT_ERROR, "Error while %s Vm. Vm Id: %s", what);
}

/* Runs one state transition in its own transaction. */
static int transition(struct cs_svc *svc, int64_t vm_id, const char *from, const char *to,
                      struct cs_err *err)
{
    if (cs_db_begin(svc->db, err) < 0)
        return -CS_ERR_INTERNAL;
    int rc = cs_db_vm_transition(svc->db, vm_id, from, to, -1, -1, err);
    if (rc < 0) {
        cs_db_rollback(svc->db);
        return rc;
    }
    return cs_db_commit(svc->db, err);
}

static int reload(struct cs_svc *svc, int64_t vm_id, struct cs_vm *ret_vm, struct cs_err *err)
{
    return ret_vm ? cs_db_vm_get(svc->db, vm_id, ret_vm, err) : 0;
}

static struct cs_hv *vm_driver(struct cs_svc *svc, const struct cs_vm *vm, struct cs_err *err)
{
    struct cs_hv *hv = cs_svc_hv(svc, vm->hypervisor);
    if (!hv)
        cs_err_set(err, CS_ERR_UNAVAILABLE, "no driver for hypervisor '%s'", vm->hypervisor);
    return hv;
}

static int host_uuid(struct cs_svc *svc, int64_t host_id, char out[37], struct cs_err *err)
{
    if (cs_db_uuid_by_id(svc->db, "host", host_id, out, err) < 0)
        return -CS_ERR_INTERNAL;
    if (!out[0])
        return cs_err_set(err, CS_ERR_NOT_FOUND, "no host %lld", (long long)host_id);
    return 0;
}

static void vm_spec(const struct cs_vm *vm, struct cs_hv_vm_spec *spec)
{
    *spec = (struct cs_hv_vm_spec){.uuid = vm->uuid, .instance_name = vm->instance_name,
                                   .cpus = vm->cpus, .cpu_mhz = vm->cpu_mhz,
                                   .mem_mb = vm->mem_mb, .template_uuid = vm->template_uuid};
}

static const char *state_error(const struct cs_vm *vm, const char *op)
{
    static __thread char buf[256];
    snprintf(buf, sizeof(buf), "unable to %s virtual machine %s in state %s", op, vm->uuid,
             vm->state);
    return buf;
}

/* ---- capacity: the index and the host rows change together, under sched_lock ---- */

/* Chooses a host and reserves the VM's capacity on it (index + host row + vm row). */
static int reserve(struct cs_svc *svc, const struct cs_vm *vm, int64_t want_host,
                   const int64_t *avoid, size_t n_avoid, int64_t *ret_host, struct cs_err *err)
{
    struct cs_sched_request req = {.zone_id = vm->zone_id, .host_id = want_host,
                                   .cpus = vm->cpus, .cpu_mhz = vm->cpu_mhz,
                                   .mem_bytes = vm_mem(vm), .avoid = avoid, .n_avoid = n_avoid};
    int64_t host = 0;
    pthread_mutex_lock(&svc->sched_lock);
    int rc = cs_sched_place(svc->sched, &req, &host, err);
    if (rc == 0)
        rc = cs_sched_reserve(svc->sched, host, vm_cpu(vm), vm_mem(vm), err);
    if (rc == 0) {
        rc = cs_db_begin(svc->db, err);
        if (rc == 0)
            rc = cs_db_vm_transition(svc->db, vm->id, "Starting", "Starting", host, host, err);
        if (rc == 0)
            rc = cs_db_host_add_used(svc->db, host, vm_cpu(vm), vm_mem(vm), err);
        if (rc == 0)
            rc = cs_db_commit(svc->db, err);
        if (rc < 0) {
            cs_db_rollback(svc->db);
            cs_sched_release(svc->sched, host, vm_cpu(vm), vm_mem(vm));
        }
    }
    pthread_mutex_unlock(&svc->sched_lock);
    if (rc == 0)
        *ret_host = host;
    return rc;
}

/* Returns the capacity a VM holds and moves it from `from` to `to`, clearing its host. */
static int release(struct cs_svc *svc, const struct cs_vm *vm, int64_t host, const char *from,
                   const char *to, struct cs_err *err)
{
    pthread_mutex_lock(&svc->sched_lock);
    int rc = cs_db_begin(svc->db, err);
    if (rc == 0)
        rc = cs_db_vm_transition(svc->db, vm->id, from, to, 0, 0, err);
    if (rc == 0 && host)
        rc = cs_db_host_add_used(svc->db, host, -vm_cpu(vm), -vm_mem(vm), err);
    if (rc == 0)
        rc = cs_db_commit(svc->db, err);
    if (rc < 0)
        cs_db_rollback(svc->db);
    else if (host)
        cs_sched_release(svc->sched, host, vm_cpu(vm), vm_mem(vm));
    pthread_mutex_unlock(&svc->sched_lock);
    return rc;
}

/* ---- deploy ---- */

/* CloudStack's hostname rule for VM names. */
static bool valid_hostname(const char *s)
{
    size_t n = strlen(s);
    if (n < 1 || n > 63 || !isalpha((unsigned char)s[0]) || s[n - 1] == '-')
        return false;
    for (size_t i = 0; i < n; i++)
        if (!isalnum((unsigned char)s[i]) && s[i] != '-')
            return false;
    return true;
}

int cs_svc_vm_deploy_prepare(struct cs_svc *svc, const struct cs_svc_caller *caller,
                             const struct cs_svc_deploy *d, struct cs_vm *ret_vm,
                             struct cs_err *err)
{
    struct cs_vm_deploy_facts f;
    if (cs_db_vm_deploy_facts(svc->db, d->zone_id, d->template_id, d->service_offering_id, &f,
                              err) < 0)
        return -err->code;
    bool admin = cs_svc_caller_is_admin(caller);
    if (!admin && strcmp(f.zone_state, "Enabled") != 0)
        return cs_err_set(err, CS_ERR_PERMISSION,
                          "Cannot perform this operation, Zone is currently disabled: %s",
                          f.zone_uuid);
    if (f.template_removed || (!f.template_public && !admin &&
                               f.template_account_id != caller->account_id))
        return cs_err_set(err, CS_ERR_PARAM, "Unable to use template %s", f.template_uuid);
    if (!f.template_ready)
        return cs_err_set(err, CS_ERR_PARAM, "Template %s has not been completely downloaded",
                          f.template_uuid);
    if (f.offering_removed || f.offering_system)
        return cs_err_set(err, CS_ERR_PARAM, "Unable to use the service offering");
    if (d->host_id && !admin)
        return cs_err_set(err, CS_ERR_PERMISSION, "only root admins may choose a host");
    if (d->name && !valid_hostname(d->name))
        return cs_err_set(err, CS_ERR_PARAM,
                          "Invalid name. Vm name can contain ASCII letters 'a' through 'z', the "
                          "digits '0' through '9', and the hyphen ('-'), must be between 1 and 63 "
                          "characters long, and can't start or end with \"-\" and can't start "
                          "with digit");
    if (!cs_svc_hv(svc, f.hypervisor))
        return cs_err_set(err, CS_ERR_PARAM, "no driver for hypervisor '%s'", f.hypervisor);

    struct cs_vm vm = {.account_id = caller->account_id, .domain_id = caller->domain_id,
                       .user_id = caller->user_id, .zone_id = d->zone_id,
                       .template_id = d->template_id,
                       .service_offering_id = d->service_offering_id, .cpus = f.cpus,
                       .cpu_mhz = f.cpu_mhz, .mem_mb = f.mem_mb, .ha_enabled = f.offerha};
    snprintf(vm.state, sizeof(vm.state), "Stopped");
    char prefix[64] = "VM";
    cs_db_config_get(svc->db, "instance.name", prefix, sizeof(prefix), NULL);
    snprintf(vm.instance_name, sizeof(vm.instance_name), "%s", prefix);
    cs_util_uuid_new(vm.uuid);
    if (d->name)
        snprintf(vm.name, sizeof(vm.name), "%s", d->name);
    else
        snprintf(vm.name, sizeof(vm.name), "%s-%s", prefix, vm.uuid);
    snprintf(vm.displayname, sizeof(vm.displayname), "%s", d->displayname ? d->displayname
                                                                          : vm.name);
    snprintf(vm.group, sizeof(vm.group), "%s", d->group ? d->group : "");
    if (cs_db_vm_insert(svc->db, &vm, err) < 0)
        return -CS_ERR_INTERNAL;
    char desc[512];
    snprintf(desc, sizeof(desc), "Successfully created entity for deploying Vm. Vm Id: %s",
             vm.uuid);
    if (cs_svc_event_emit(svc, caller, vm.account_id, vm.domain_id, "VM.CREATE", CS_EVENT_INFO,
                          "Created", "VirtualMachine", vm.uuid, desc, err) < 0)
        return -CS_ERR_INTERNAL;
    return reload(svc, vm.id, ret_vm, err);
}

/* ---- lifecycle ---- */

int cs_svc_vm_get(struct cs_svc *svc, const struct cs_svc_caller *caller, int64_t vm_id,
                  struct cs_vm *ret_vm, struct cs_err *err)
{
    struct cs_vm vm;
    if (cs_db_vm_get(svc->db, vm_id, &vm, err) < 0)
        return -err->code;
    bool ok = caller->account_type == CS_ACCOUNT_ADMIN || vm.account_id == caller->account_id;
    if (!ok && caller->account_type == CS_ACCOUNT_DOMAIN_ADMIN) {
        char scope[1024];
        ok = cs_svc_caller_scope(svc, caller, scope, sizeof(scope), err) == 0 &&
             strncmp(vm.domain_path, scope, strlen(scope)) == 0;
    }
    if (!ok)
        return cs_err_set(err, CS_ERR_NOT_FOUND, "no virtual machine %lld", (long long)vm_id);
    *ret_vm = vm;
    return 0;
}

/* Starting -> a host with capacity where the driver starts it, retrying elsewhere. */
static int place_and_start(struct cs_svc *svc, struct cs_vm *vm, int64_t want_host,
                           struct cs_err *err)
{
    struct cs_hv *hv = vm_driver(svc, vm, err);
    if (!hv)
        return -err->code;
    int64_t avoid[MAX_AVOID];
    size_t n_avoid = 0;
    int64_t retries = cs_svc_config_int(svc, "start.retry", 10);
    struct cs_err last;
    cs_err_clear(&last);
    for (int64_t attempt = 0; attempt < retries && n_avoid < MAX_AVOID; attempt++) {
        int64_t host = 0;
        if (reserve(svc, vm, want_host, avoid, n_avoid, &host, &last) < 0)
            break;
        char huuid[37];
        struct cs_hv_vm_spec spec;
        vm_spec(vm, &spec);
        int rc = host_uuid(svc, host, huuid, &last);
        if (rc == 0)
            rc = cs_hv_vm_start(hv, huuid, &spec, &last);
        if (rc == 0) {
            vm->host_id = host;
            return 0;
        }
        cs_log_info("vm %s: start on host %s failed: %s", vm->uuid, huuid, last.msg);
        if (release(svc, vm, host, "Starting", "Starting", err) < 0)
            return -err->code;
        avoid[n_avoid++] = host;
        if (want_host)
            break;
    }
    if (last.code == CS_ERR_NOT_FOUND || last.code == CS_ERR_PARAM) {
        *err = last;
        return -last.code;
    }
    return cs_err_set(err, CS_ERR_CAPACITY, "Unable to create a deployment for VM instance %s%s%s",
                      vm->uuid, last.msg[0] ? ": " : "", last.msg);
}

int cs_svc_vm_start(struct cs_svc *svc, const struct cs_svc_caller *caller, int64_t vm_id,
                    int64_t host_id, struct cs_vm *ret_vm, struct cs_err *err)
{
    struct cs_vm vm;
    if (cs_svc_vm_get(svc, caller, vm_id, &vm, err) < 0)
        return -err->code;
    if (strcmp(vm.state, "Stopped") != 0)
        return cs_err_set(err, CS_ERR_STATE, "%s", state_error(&vm, "start"));
    if (host_id && !cs_svc_caller_is_admin(caller))
        return cs_err_set(err, CS_ERR_PERMISSION, "only root admins may choose a host");
    if (transition(svc, vm.id, "Stopped", "Starting", err) < 0)
        return -err->code;
    if (place_and_start(svc, &vm, host_id, err) < 0) {
        struct cs_err ignored;
        transition(svc, vm.id, "Starting", "Stopped", &ignored);
        fail_event(svc, caller, &vm, "VM.START", "starting");
        return -err->code;
    }
    if (transition(svc, vm.id, "Starting", "Running", err) < 0)
        return -err->code;
    ok_event(svc, caller, &vm, "VM.START", "starting");
    return reload(svc, vm.id, ret_vm, err);
}

/* Running -> Stopping -> Stopped through the driver, returning the VM's capacity. */
static int stop_running(struct cs_svc *svc, const struct cs_svc_caller *caller, struct cs_vm *vm,
                        bool forced, struct cs_err *err)
{
    struct cs_hv *hv = vm_driver(svc, vm, err);
    if (!hv)
        return -err->code;
    if (transition(svc, vm->id, "Running", "Stopping", err) < 0)
        return -err->code;
    char huuid[37] = "";
    int rc = vm->host_id ? host_uuid(svc, vm->host_id, huuid, err) : 0;
    if (rc == 0 && huuid[0])
        rc = cs_hv_vm_stop(hv, huuid, vm->uuid, forced, err);
    if (rc < 0 && !forced) {
        struct cs_err ignored;
        transition(svc, vm->id, "Stopping", "Running", &ignored);
        fail_event(svc, caller, vm, "VM.STOP", "stopping");
        return rc;
    }
    /* A forced stop succeeds even when the host cannot be reached: the VM is recorded Stopped
     * and its capacity returned, as CloudStack does. */
    if (release(svc, vm, vm->capacity_host_id, "Stopping", "Stopped", err) < 0)
        return -err->code;
    ok_event(svc, caller, vm, "VM.STOP", "stopping");
    return 0;
}

int cs_svc_vm_stop(struct cs_svc *svc, const struct cs_svc_caller *caller, int64_t vm_id,
                   bool forced, struct cs_vm *ret_vm, struct cs_err *err)
{
    struct cs_vm vm;
    if (cs_svc_vm_get(svc, caller, vm_id, &vm, err) < 0)
        return -err->code;
    if (strcmp(vm.state, "Stopped") == 0) /* already stopped: nothing to do */
        return reload(svc, vm.id, ret_vm, err);
    if (strcmp(vm.state, "Running") != 0)
        return cs_err_set(err, CS_ERR_STATE, "%s", state_error(&vm, "stop"));
    if (stop_running(svc, caller, &vm, forced, err) < 0)
        return -err->code;
    return reload(svc, vm.id, ret_vm, err);
}

int cs_svc_vm_reboot(struct cs_svc *svc, const struct cs_svc_caller *caller, int64_t vm_id,
                     struct cs_vm *ret_vm, struct cs_err *err)
{
    struct cs_vm vm;
    if (cs_svc_vm_get(svc, caller, vm_id, &vm, err) < 0)
        return -err->code;
    if (strcmp(vm.state, "Running") != 0)
        return cs_err_set(err, CS_ERR_STATE, "%s", state_error(&vm, "reboot"));
    struct cs_hv *hv = vm_driver(svc, &vm, err);
    char huuid[37];
    if (!hv || host_uuid(svc, vm.host_id, huuid, err) < 0 ||
        cs_hv_vm_reboot(hv, huuid, vm.uuid, err) < 0) {
        fail_event(svc, caller, &vm, "VM.REBOOT", "rebooting");
        return -err->code;
    }
    ok_event(svc, caller, &vm, "VM.REBOOT", "rebooting");
    return reload(svc, vm.id, ret_vm, err);
}

/* Destroyed|Stopped|Error -> Expunging -> removed, cleaning the hypervisor. */
static int expunge(struct cs_svc *svc, const struct cs_svc_caller *caller, struct cs_vm *vm,
                   struct cs_err *err)
{
    if (transition(svc, vm->id, vm->state, "Expunging", err) < 0)
        return -err->code;
    struct cs_hv *hv = cs_svc_hv(svc, vm->hypervisor);
    int64_t host = vm->host_id ? vm->host_id : vm->last_host_id;
    char huuid[37] = "";
    struct cs_err derr;
    if (hv && host && host_uuid(svc, host, huuid, &derr) == 0 &&
        cs_hv_vm_destroy(hv, huuid, vm->uuid, &derr) < 0)
        cs_log_warn("vm %s: hypervisor cleanup on %s failed: %s", vm->uuid, huuid, derr.msg);
    pthread_mutex_lock(&svc->sched_lock);
    int rc = cs_db_begin(svc->db, err);
    if (rc == 0 && vm->capacity_host_id)
        rc = cs_db_host_add_used(svc->db, vm->capacity_host_id, -vm_cpu(vm), -vm_mem(vm), err);
    if (rc == 0)
        rc = cs_db_vm_remove(svc->db, vm->id, err);
    if (rc == 0)
        rc = cs_db_commit(svc->db, err);
    if (rc < 0)
        cs_db_rollback(svc->db);
    else if (vm->capacity_host_id)
        cs_sched_release(svc->sched, vm->capacity_host_id, vm_cpu(vm), vm_mem(vm));
    pthread_mutex_unlock(&svc->sched_lock);
    if (rc < 0)
        return rc;
    ok_event(svc, caller, vm, "VM.EXPUNGE", "expunging");
    return 0;
}

int cs_svc_vm_destroy(struct cs_svc *svc, const struct cs_svc_caller *caller, int64_t vm_id,
                      bool expunge_now, struct cs_vm *ret_vm, struct cs_err *err)
{
    struct cs_vm vm;
    if (cs_svc_vm_get(svc, caller, vm_id, &vm, err) < 0)
        return -err->code;
    if (expunge_now && !cs_svc_caller_is_admin(caller) &&
        !cs_svc_config_bool(svc, "allow.user.expunge.recover.vm", false))
        return cs_err_set(err, CS_ERR_PERMISSION, "Parameter expunge can be passed by Admin only");
    if (strcmp(vm.state, "Running") == 0) {
        if (stop_running(svc, caller, &vm, true, err) < 0)
            return -err->code;
        snprintf(vm.state, sizeof(vm.state), "Stopped");
        vm.capacity_host_id = 0;
    }
    if (strcmp(vm.state, "Error") == 0 ||
        (expunge_now && strcmp(vm.state, "Stopped") == 0)) {
        if (expunge(svc, caller, &vm, err) < 0)
            return -err->code;
        ok_event(svc, caller, &vm, "VM.DESTROY", "destroying");
        snprintf(vm.state, sizeof(vm.state), "Expunging");
        if (ret_vm)
            *ret_vm = vm;
        return 0;
    }
    if (strcmp(vm.state, "Stopped") != 0)
        return cs_err_set(err, CS_ERR_STATE, "%s", state_error(&vm, "destroy"));
    if (transition(svc, vm.id, "Stopped", "Destroyed", err) < 0)
        return -err->code;
    ok_event(svc, caller, &vm, "VM.DESTROY", "destroying");
    return reload(svc, vm.id, ret_vm, err);
}

int cs_svc_vm_expunge(struct cs_svc *svc, const struct cs_svc_caller *caller, int64_t vm_id,
                      struct cs_err *err)
{
    struct cs_vm vm;
    if (cs_svc_vm_get(svc, caller, vm_id, &vm, err) < 0)
        return -err->code;
    if (strcmp(vm.state, "Destroyed") != 0 && strcmp(vm.state, "Error") != 0)
        return cs_err_set(err, CS_ERR_STATE,
                          "Please destroy vm with specified vmId before expunge");
    return expunge(svc, caller, &vm, err);
}

int cs_svc_vm_recover(struct cs_svc *svc, const struct cs_svc_caller *caller, int64_t vm_id,
                      struct cs_vm *ret_vm, struct cs_err *err)
{
    struct cs_vm vm;
    if (cs_svc_vm_get(svc, caller, vm_id, &vm, err) < 0)
        return -err->code;
    if (strcmp(vm.state, "Destroyed") != 0)
        return cs_err_set(err, CS_ERR_STATE, "vm %s is not in the right state to recover",
                          vm.uuid);
    if (transition(svc, vm.id, "Destroyed", "Stopped", err) < 0)
        return -err->code;
    ok_event(svc, caller, &vm, "VM.RECOVER", "recovering");
    return reload(svc, vm.id, ret_vm, err);
}

int cs_svc_vm_list(struct cs_svc *svc, const struct cs_svc_caller *caller, bool listall,
                   struct cs_vm_filter *f, struct cs_page page, struct cs_vec *ret,
                   struct cs_err *err)
{
    char scope[1024];
    if (cs_svc_caller_scope(svc, caller, scope, sizeof(scope), err) < 0)
        return -CS_ERR_INTERNAL;
    if (!scope[0] || !listall) {
        if (!f->account_id || !scope[0])
            f->account_id = caller->account_id;
    } else {
        f->domain_path = scope;
    }
    f->include_destroyed = cs_svc_caller_is_admin(caller) || f->include_destroyed;
    int rc = cs_db_vm_list(svc->db, f, page, ret, err);
    f->domain_path = NULL;
    return rc;
}

/* ---- start-up ---- */

int cs_svc_vm_reconcile_db(struct cs_svc *svc, struct cs_err *err)
{
    static const char *const transitional[] = {"Starting", "Stopping", "Expunging", "Migrating",
                                               NULL};
    struct cs_vec v = CS_VEC_INIT(struct cs_vm);
    int rc = cs_db_vm_list_in_states(svc->db, transitional, &v, err);
    if (rc == 0)
        rc = cs_db_begin(svc->db, err);
    for (size_t i = 0; rc == 0 && i < v.n; i++) {
        struct cs_vm *vm = CS_VEC_AT(&v, struct cs_vm, i);
        cs_log_warn("vm %s was %s when the server stopped", vm->uuid, vm->state);
        if (strcmp(vm->state, "Expunging") == 0)
            rc = cs_db_vm_remove(svc->db, vm->id, err);
        else if (strcmp(vm->state, "Migrating") == 0)
            rc = cs_db_vm_transition(svc->db, vm->id, vm->state, "Running", -1, -1, err);
        else
            rc = cs_db_vm_transition(svc->db, vm->id, vm->state, "Stopped", 0, 0, err);
    }
    if (rc == 0)
        rc = cs_db_host_recompute_used(svc->db, err);
    if (rc == 0)
        rc = cs_db_commit(svc->db, err);
    else
        cs_db_rollback(svc->db);
    cs_util_vec_release(&v);
    return rc;
}

int cs_svc_vm_readopt(struct cs_svc *svc, struct cs_err *err)
{
    static const char *const running[] = {"Running", NULL};
    struct cs_vec v = CS_VEC_INIT(struct cs_vm);
    int rc = cs_db_vm_list_in_states(svc->db, running, &v, err);
    for (size_t i = 0; rc == 0 && i < v.n; i++) {
        struct cs_vm *vm = CS_VEC_AT(&v, struct cs_vm, i);
        struct cs_hv *hv = cs_svc_hv(svc, vm->hypervisor);
        if (!hv || !hv->drv->vm_adopt || !vm->host_id)
            continue;
        struct cs_hv_vm_spec spec;
        vm_spec(vm, &spec);
        struct cs_err aerr;
        if (cs_hv_vm_adopt(hv, vm->host_uuid, &spec, CS_HV_POWER_ON, &aerr) < 0)
            cs_log_warn("vm %s: cannot re-adopt on host %s: %s", vm->uuid, vm->host_uuid,
                        aerr.msg);
    }
    cs_util_vec_release(&v);
    return rc;
}
