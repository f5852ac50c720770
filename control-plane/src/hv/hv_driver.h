/* The hypervisor driver interface: a const vtable per driver, and the registry that finds them. */
#ifndef CS_HV_DRIVER_H
#define CS_HV_DRIVER_H

#include <stdbool.h>
#include <stdint.h>

#include "util_err.h"

/* What the control plane tells a driver about a host it should connect. */
struct cs_hv_host_spec {
    const char *uuid;      /* the host's public id: the key for every later call */
    const char *url;       /* addHost url, e.g. "http://sim/c0/h0/cpucore=32&memory=..." */
    const char *username;  /* may be NULL */
    const char *password;  /* may be NULL; never logged */
    const char *zone_uuid; /* scope, so fault rules and topology can match */
    const char *pod_uuid;
    const char *cluster_uuid;
};

/* What a connected host reports about itself. */
struct cs_hv_host_facts {
    char name[128];
    char ipaddress[64];
    char hypervisor_version[32];
    char arch[16];       /* "x86_64" */
    char cpu_model[64];
    int cpu_sockets;
    int cpu_cores;       /* total cores */
    int cpu_mhz;         /* per core */
    int64_t mem_bytes;   /* total physical memory */
    int64_t local_storage_bytes;
};

/* What the control plane asks a driver to run. */
struct cs_hv_vm_spec {
    const char *uuid;          /* public id */
    const char *instance_name; /* hypervisor-side name, "i-2-5-VM" */
    int cpus;
    int cpu_mhz;               /* per vCPU */
    int64_t mem_mb;
    const char *template_uuid; /* image to boot */
    int64_t root_disk_bytes;
};

enum cs_hv_power { CS_HV_POWER_UNKNOWN, CS_HV_POWER_ON, CS_HV_POWER_OFF };

/* One VM as a host reports it, for reconciliation. */
struct cs_hv_vm_report {
    const char *uuid;
    enum cs_hv_power power;
};

/* Asynchronous reports from a driver (host down, VM state changed underneath). Called from a
 * driver thread; the receiver must be thread-safe. */
struct cs_hv_events {
    void *ud;
    void (*host_state)(void *ud, const char *host_uuid, bool up);
    void (*vm_power)(void *ud, const char *host_uuid, const char *vm_uuid, enum cs_hv_power p);
};

/* A driver. Every operation is synchronous (the job engine runs it on a worker thread) and must
 * be safe to call concurrently for different VMs. A NULL entry means "unsupported": callers go
 * through the cs_hv_* wrappers below, which turn it into CS_ERR_UNSUPPORTED. */
struct cs_hv_driver {
    const char *name;       /* registry key: "sim", "libvirt" */
    const char *hypervisor; /* CloudStack hypervisor type it serves: "Simulator", "KVM" */

    /* Driver-wide state. config may be NULL. */
    int (*open)(void **ret_ctx, const char *config, const struct cs_hv_events *events,
                struct cs_err *err);
    void (*close)(void *ctx);

    int (*host_connect)(void *ctx, const struct cs_hv_host_spec *spec,
                        struct cs_hv_host_facts *ret_facts, struct cs_err *err);
    int (*host_disconnect)(void *ctx, const char *host_uuid, struct cs_err *err);

    /* Start a VM on a host. Fails with CS_ERR_STATE if it already runs there. */
    int (*vm_start)(void *ctx, const char *host_uuid, const struct cs_hv_vm_spec *vm,
                    struct cs_err *err);
    /* Stop (forced = power off). Stopping a VM that is not running succeeds (idempotent). */
    int (*vm_stop)(void *ctx, const char *host_uuid, const char *vm_uuid, bool forced,
                   struct cs_err *err);
    int (*vm_reboot)(void *ctx, const char *host_uuid, const char *vm_uuid, struct cs_err *err);
    /* Remove every trace of the VM from the host (idempotent). */
    int (*vm_destroy)(void *ctx, const char *host_uuid, const char *vm_uuid, struct cs_err *err);
    int (*vm_power)(void *ctx, const char *host_uuid, const char *vm_uuid,
                    enum cs_hv_power *ret_power, struct cs_err *err);
    /* Calls fn for every VM the host knows. */
    int (*vm_list)(void *ctx, const char *host_uuid,
                   void (*fn)(void *ud, const struct cs_hv_vm_report *vm), void *ud,
                   struct cs_err *err);
    /* Re-adopt a VM the control plane's database says runs on this host (after a restart of
     * cstackd, for drivers whose state lives in memory). NULL for drivers that keep real state. */
    int (*vm_adopt)(void *ctx, const char *host_uuid, const struct cs_hv_vm_spec *vm,
                    enum cs_hv_power power, struct cs_err *err);
};

/* An opened driver instance. */
struct cs_hv {
    const struct cs_hv_driver *drv;
    void *ctx;
};

/* The registry: every built-in driver, by name or by CloudStack hypervisor type. borrowed */
const struct cs_hv_driver *cs_hv_driver_find(const char *name);
const struct cs_hv_driver *cs_hv_driver_for_hypervisor(const char *hypervisor);
/* NULL-terminated list of all drivers. borrowed */
const struct cs_hv_driver *const *cs_hv_drivers(void);

int cs_hv_open(struct cs_hv *hv, const struct cs_hv_driver *drv, const char *config,
               const struct cs_hv_events *events, struct cs_err *err);
void cs_hv_close(struct cs_hv *hv);

/* Wrappers: NULL vtable entry → CS_ERR_UNSUPPORTED "<driver> does not support <op>". */
int cs_hv_host_connect(struct cs_hv *hv, const struct cs_hv_host_spec *spec,
                       struct cs_hv_host_facts *ret_facts, struct cs_err *err);
int cs_hv_host_disconnect(struct cs_hv *hv, const char *host_uuid, struct cs_err *err);
int cs_hv_vm_start(struct cs_hv *hv, const char *host_uuid, const struct cs_hv_vm_spec *vm,
                   struct cs_err *err);
int cs_hv_vm_stop(struct cs_hv *hv, const char *host_uuid, const char *vm_uuid, bool forced,
                  struct cs_err *err);
int cs_hv_vm_reboot(struct cs_hv *hv, const char *host_uuid, const char *vm_uuid,
                    struct cs_err *err);
int cs_hv_vm_destroy(struct cs_hv *hv, const char *host_uuid, const char *vm_uuid,
                     struct cs_err *err);
int cs_hv_vm_power(struct cs_hv *hv, const char *host_uuid, const char *vm_uuid,
                   enum cs_hv_power *ret_power, struct cs_err *err);
int cs_hv_vm_list(struct cs_hv *hv, const char *host_uuid,
                  void (*fn)(void *ud, const struct cs_hv_vm_report *vm), void *ud,
                  struct cs_err *err);
int cs_hv_vm_adopt(struct cs_hv *hv, const char *host_uuid, const struct cs_hv_vm_spec *vm,
                   enum cs_hv_power power, struct cs_err *err);

#endif
