/* libcssim: an in-memory world of simulated hypervisor hosts and VMs, with latency and faults. */
#ifndef SIM_H
#define SIM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- errors ---------------------------------------------------------------------------- */

enum sim_errc {
    SIM_OK = 0,
    SIM_ERR_PARAM,     /* bad argument or url */
    SIM_ERR_NO_HOST,   /* the world has no host with that id (never connected, or removed) */
    SIM_ERR_NOT_FOUND, /* no such vm or rule */
    SIM_ERR_STATE,     /* vm in the wrong state (already running, not running) */
    SIM_ERR_HOST_DOWN, /* the host is powered down / unreachable */
    SIM_ERR_FAIL,      /* a fault rule said result:fail ("Simulated failure") */
    SIM_ERR_FAULT,     /* a fault rule said result:fault ("Simulated fault") */
    SIM_ERR_NOMEM,
    SIM_ERRC__COUNT
};

#define SIM_ERR_MSG_MAX 256

struct sim_err {
    enum sim_errc code;
    char msg[SIM_ERR_MSG_MAX];
};

/* Sets err (if not NULL) and returns -code. */
int sim_err_set(struct sim_err *err, enum sim_errc code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* "SIM_ERR_PARAM"... */
const char *sim_err_name(enum sim_errc code);

/* ---- identifiers, operations, scope ---------------------------------------------------- */

/* Ids of hosts and VMs (normally uuids) are at most this long, terminator included. */
#define SIM_ID_MAX 48

/* Operations the latency model and the fault rules know. Each has a CloudStack agent command
 * name, which is what fault rules are keyed by. */
enum sim_op {
    SIM_OP_HOST_CONNECT, /* "ReadyCommand" */
    SIM_OP_PING,         /* "PingCommand" */
    SIM_OP_VM_START,     /* "StartCommand" */
    SIM_OP_VM_STOP,      /* "StopCommand" */
    SIM_OP_VM_REBOOT,    /* "RebootCommand" */
    SIM_OP_VM_DESTROY,   /* "DestroyCommand" */
    SIM_OP_VM_POWER,     /* "CheckVirtualMachineCommand" */
    SIM_OP_VM_LIST,      /* "GetVmStatsCommand" */
    SIM_OP__COUNT
};

/* "StartCommand"... borrowed, static */
const char *sim_op_command(enum sim_op op);
/* Parses a command name back to an op; returns 0 or -SIM_ERR_NOT_FOUND. */
int sim_op_from_command(const char *name, enum sim_op *ret_op);

/* Where a latency setting or a fault rule applies. NULL (or "") members match anything; all NULL
 * = the whole world. */
struct sim_scope {
    const char *zone;
    const char *pod;
    const char *cluster;
    const char *host;
};

/* ---- the world ------------------------------------------------------------------------- */

struct sim_world;

struct sim_world_opts {
    uint64_t seed;        /* PRNG seed for latency and fault probabilities; 0 = a fixed default */
    double latency_scale; /* multiplies every sampled latency; < 0 = from the environment
                           * variable CSSIM_LATENCY_SCALE, else 1.0; 0 = no latency at all */
    /* Called (outside the world lock) when a host's power state changes. May be NULL. */
    void (*on_host_state)(void *ud, const char *host_id, bool up);
    void *ud;
};

/* opts may be NULL (defaults). returns: owned, NULL on allocation failure */
struct sim_world *sim_world_new(const struct sim_world_opts *opts);
void sim_world_free(struct sim_world *w);

struct sim_world_stats {
    size_t hosts;
    size_t hosts_up;
    size_t vms;
    size_t vms_running;
    size_t rules;
};
void sim_world_stats(struct sim_world *w, struct sim_world_stats *ret_stats);

/* ---- latency model --------------------------------------------------------------------- */

enum sim_dist_kind {
    SIM_DIST_FIXED,     /* a = ms */
    SIM_DIST_UNIFORM,   /* a = min ms, b = max ms */
    SIM_DIST_LOGNORMAL, /* a = median ms, b = sigma */
    SIM_DIST__COUNT
};

struct sim_dist {
    enum sim_dist_kind kind;
    double a;
    double b;
};

/* Parses "fixed:5", "uniform:1:10", "lognormal:5:0.5" (or a bare number = fixed). */
int sim_dist_parse(const char *s, struct sim_dist *ret_dist, struct sim_err *err);
/* Draws one sample in ms (>= 0) using the given xorshift state (updated). */
double sim_dist_sample(const struct sim_dist *d, uint64_t *state);

/* Sets the latency of op within scope (NULL scope = world default). The most specific setting
 * wins: host, then cluster, then pod, then zone, then world. */
int sim_latency_set(struct sim_world *w, const struct sim_scope *scope, enum sim_op op,
                    const struct sim_dist *d, struct sim_err *err);
/* Removes every scoped setting and restores the built-in world defaults. */
void sim_latency_reset(struct sim_world *w);
void sim_latency_set_scale(struct sim_world *w, double scale);
double sim_latency_scale(struct sim_world *w);
/* The built-in default of op: start 5 ms, stop 3 ms, reboot 5 ms, others 1 ms (fixed). */
struct sim_dist sim_latency_default(enum sim_op op);

/* ---- hosts ----------------------------------------------------------------------------- */

/* What a simulator URL says about a host. */
struct sim_host_hw {
    int cpu_cores;
    int cpu_mhz;
    int cpu_sockets;
    int64_t mem_bytes;
    int64_t local_storage_bytes;
    char arch[16];
};

/* The MockAgentManagerImpl defaults: 4 x 8000 MHz, 8 GiB, 1 TiB local, x86_64, 1 socket. */
void sim_host_hw_defaults(struct sim_host_hw *ret_hw);
/* Parses "http://sim.../<path>/<last>" where the authority starts with "sim" and the last
 * segment may carry '&'-separated cpuspeed=, cpucore=, memory=, localstorage=, arch=. */
int sim_url_parse(const char *url, struct sim_host_hw *ret_hw, struct sim_err *err);

struct sim_host_spec {
    const char *id;  /* required, < SIM_ID_MAX */
    const char *url; /* required */
    const char *zone; /* scope ids, may be NULL */
    const char *pod;
    const char *cluster;
};

struct sim_host_info {
    char id[SIM_ID_MAX];
    char name[96]; /* "SimulatedAgent.<id>" */
    char ipaddress[16];
    char version[16];
    char cpu_model[48];
    struct sim_host_hw hw;
    bool up;
    size_t vms;
};

/* Adds (connects) a host; if a host with that id exists, reports it unchanged (a reconnect).
 * Honors latency and fault rules for "ReadyCommand". */
int sim_host_add(struct sim_world *w, const struct sim_host_spec *spec,
                 struct sim_host_info *ret_info, struct sim_err *err);
/* Removes a host and every VM on it (a missing host is not an error). */
int sim_host_remove(struct sim_world *w, const char *host_id, struct sim_err *err);
int sim_host_get(struct sim_world *w, const char *host_id, struct sim_host_info *ret_info,
                 struct sim_err *err);
/* Powers a host up or down. A down host fails every operation with SIM_ERR_HOST_DOWN; its VMs
 * are kept (they come back as they were). Fires on_host_state on a change. */
int sim_host_set_up(struct sim_world *w, const char *host_id, bool up, struct sim_err *err);
/* A "PingCommand": succeeds when the host is up and no fault rule says otherwise. */
int sim_host_ping(struct sim_world *w, const char *host_id, struct sim_err *err);

/* ---- VMs ------------------------------------------------------------------------------- */

enum sim_power { SIM_POWER_OFF = 0, SIM_POWER_ON = 1 };

struct sim_vm_spec {
    const char *id; /* required, < SIM_ID_MAX */
    int cpus;
    int cpu_mhz;
    int64_t mem_mb;
};

struct sim_vm_info {
    char id[SIM_ID_MAX];
    char host_id[SIM_ID_MAX];
    enum sim_power power;
    int cpus;
    int cpu_mhz;
    int64_t mem_mb;
};

/* Starts a VM on a host (a stopped VM known elsewhere moves here). SIM_ERR_STATE if it runs. */
int sim_vm_start(struct sim_world *w, const char *host_id, const struct sim_vm_spec *vm,
                 struct sim_err *err);
/* Stops a VM; a VM that is not running on that host is not an error. */
int sim_vm_stop(struct sim_world *w, const char *host_id, const char *vm_id, struct sim_err *err);
/* Reboots a running VM: SIM_ERR_NOT_FOUND if the host does not know it, SIM_ERR_STATE if off. */
int sim_vm_reboot(struct sim_world *w, const char *host_id, const char *vm_id,
                  struct sim_err *err);
/* Forgets a VM (running or not); a VM the host does not know is not an error. */
int sim_vm_destroy(struct sim_world *w, const char *host_id, const char *vm_id,
                   struct sim_err *err);
/* Power state of a VM as the host sees it: a VM the host does not know is off. */
int sim_vm_power(struct sim_world *w, const char *host_id, const char *vm_id,
                 enum sim_power *ret_power, struct sim_err *err);
/* Full record of a VM, wherever it is. */
int sim_vm_get(struct sim_world *w, const char *vm_id, struct sim_vm_info *ret_info,
               struct sim_err *err);
/* Calls fn for every VM of the host (under the world lock: fn must not call back into w). */
int sim_vm_list(struct sim_world *w, const char *host_id,
                void (*fn)(void *ud, const struct sim_vm_info *vm), void *ud,
                struct sim_err *err);
/* Recreates a VM record with the given power state (after a control-plane restart). No latency,
 * no fault rules; replaces whatever the world knew about that VM. */
int sim_vm_adopt(struct sim_world *w, const char *host_id, const struct sim_vm_spec *vm,
                 enum sim_power power, struct sim_err *err);

/* ---- fault rules (configureSimulator) -------------------------------------------------- */

struct sim_rule_spec {
    const char *name;  /* agent command name, e.g. "StartCommand" */
    const char *value; /* "result:fail|result:fault|wait:<ms>|enabled:<bool>|timeout:<n>";
                        * NULL or "" = "result:fail" */
    struct sim_scope scope;
    long count;         /* times it applies; -1 = forever */
    double probability; /* chance it fires when selected, 0..1; use 1 for always */
};

struct sim_rule_info {
    long id;
    char name[64];
    char value[128];
    char zone[SIM_ID_MAX];
    char pod[SIM_ID_MAX];
    char cluster[SIM_ID_MAX];
    char host[SIM_ID_MAX];
    long count; /* remaining; -1 = forever */
    double probability;
    bool fail;
    bool fault;
    bool enabled;
    long wait_ms;
};

/* Parsed action of a rule value string. */
struct sim_rule_action {
    bool fail;
    bool fault;
    bool enabled;
    long wait_ms;
    long timeout;
};
int sim_rule_parse_value(const char *value, struct sim_rule_action *ret_action,
                         struct sim_err *err);

/* Adds a rule; ids grow from 1. */
int sim_rule_add(struct sim_world *w, const struct sim_rule_spec *spec, long *ret_id,
                 struct sim_err *err);
int sim_rule_remove(struct sim_world *w, long id, struct sim_err *err);
int sim_rule_get(struct sim_world *w, long id, struct sim_rule_info *ret_info,
                 struct sim_err *err);
/* Calls fn for every rule in id order (under the world lock: fn must not call back into w). */
void sim_rule_list(struct sim_world *w, void (*fn)(void *ud, const struct sim_rule_info *r),
                   void *ud);
void sim_rule_clear(struct sim_world *w);

#endif
