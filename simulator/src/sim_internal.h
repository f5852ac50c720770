/* libcssim internals: the world's structures, shared by the sim_*.c files only. */
#ifndef SIM_INTERNAL_H
#define SIM_INTERNAL_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sim.h"

/* ---- string-keyed hash map (sim_map.c) --------------------------------------------------
 * Stores pointers to objects whose first bytes are their NUL-terminated key (a char id[] as
 * the first member, or the string itself). Open addressing, linear probing. */
struct sim_map_slot {
    uint64_t hash;
    void *val; /* NULL = empty */
};

struct sim_map {
    struct sim_map_slot *slots;
    size_t cap; /* 0 or a power of two */
    size_t len;
};

uint64_t sim_map_hash(const char *key);
/* borrowed, NULL if absent */
void *sim_map_get(const struct sim_map *m, const char *key);
/* Inserts val (its key must not be present). 0 or -SIM_ERR_NOMEM. */
int sim_map_put(struct sim_map *m, void *val);
/* Removes and returns the entry (NULL if absent). */
void *sim_map_del(struct sim_map *m, const char *key);
/* Iteration: start with *pos = 0; returns NULL at the end. Do not modify during iteration. */
void *sim_map_next(const struct sim_map *m, size_t *pos);
/* Frees the table, not the values. */
void sim_map_release(struct sim_map *m);

/* ---- PRNG (sim_dist.c) ---------------------------------------------------------------- */

/* xorshift64*: next value; state must be non-zero. */
uint64_t sim_rng_next(uint64_t *state);
/* Uniform in [0, 1). */
double sim_rng_unit(uint64_t *state);

/* ---- world structures ----------------------------------------------------------------- */

struct sim_host;

struct sim_vm {
    char id[SIM_ID_MAX]; /* first: the map key */
    struct sim_host *host;
    struct sim_vm *prev; /* the host's list of VMs */
    struct sim_vm *next;
    int64_t mem_mb;
    int32_t cpu_mhz;
    int16_t cpus;
    uint8_t power; /* enum sim_power */
};

struct sim_host {
    char id[SIM_ID_MAX]; /* first: the map key */
    const char *zone;    /* interned in the world, may be NULL */
    const char *pod;
    const char *cluster;
    struct sim_host_hw hw;
    uint32_t ip;
    bool up;
    size_t nvms;
    struct sim_vm *vms;
    struct sim_dist *latency; /* [SIM_OP__COUNT] per-host overrides, or NULL */
    uint32_t latency_mask;    /* bit op set = latency[op] applies */
};

/* A latency setting scoped to a zone, pod and/or cluster. */
struct sim_lat_rule {
    const char *zone; /* interned, NULL = any */
    const char *pod;
    const char *cluster;
    enum sim_op op;
    struct sim_dist dist;
};

struct sim_rule {
    long id;
    char name[64];
    char value[128];
    char *zone; /* owned, NULL = any */
    char *pod;
    char *cluster;
    char *host;
    long count;
    double probability;
    struct sim_rule_action act;
};

struct sim_world {
    pthread_mutex_t lock;
    struct sim_map hosts;   /* id -> struct sim_host */
    struct sim_map vms;     /* id -> struct sim_vm */
    struct sim_map strings; /* interned scope ids */
    uint64_t rng;
    double scale;
    struct sim_dist defaults[SIM_OP__COUNT];
    struct sim_lat_rule *lat;
    size_t nlat;
    size_t caplat;
    struct sim_rule **rules; /* sorted by id */
    size_t nrules;
    size_t caprules;
    long next_rule_id;
    uint32_t next_ip;
    size_t hosts_up;
    size_t vms_running;
    void (*on_host_state)(void *ud, const char *host_id, bool up);
    void *ud;
};

/* Interns s (NULL or "" -> NULL). Under the lock. Returns -SIM_ERR_NOMEM on failure. */
int sim_world_intern(struct sim_world *w, const char *s, const char **ret);
/* Copies a checked id: SIM_ERR_PARAM if NULL, empty or too long. */
int sim_id_check(const char *what, const char *id, struct sim_err *err);

/* ---- one operation's plan (sim_plan.c) ------------------------------------------------ */

struct sim_plan {
    long delay_us;
    enum sim_errc result; /* SIM_OK, SIM_ERR_FAIL or SIM_ERR_FAULT */
};

/* Under the lock: applies the first matching fault rule (consuming one use) and samples the
 * latency for op at a place described by where (host may be NULL for a host not yet added). */
void sim_plan_make(struct sim_world *w, const struct sim_scope *where, const struct sim_host *h,
                   enum sim_op op, struct sim_plan *ret_plan);
/* Outside the lock: sleeps the delay and returns the simulated result. */
int sim_plan_run(const struct sim_plan *p, enum sim_op op, struct sim_err *err);
/* The scope of an existing host. */
void sim_host_where(const struct sim_host *h, struct sim_scope *ret_where);
/* The latency distribution of op at a place (most specific wins). Under the lock. */
const struct sim_dist *sim_latency_pick(const struct sim_world *w, const struct sim_scope *where,
                                        const struct sim_host *h, enum sim_op op);
/* The first rule for op matching where with uses left, or NULL. Under the lock. */
struct sim_rule *sim_rule_match(struct sim_world *w, enum sim_op op, const struct sim_scope *where);

/* Host lookup that checks the id and reports a missing or down host. Under the lock. */
int sim_host_find_up(struct sim_world *w, const char *host_id, struct sim_host **ret_host,
                     struct sim_err *err);
/* Frees a host's VMs (and unlinks them from the VM map). Under the lock. */
void sim_host_drop_vms(struct sim_world *w, struct sim_host *h);

#endif
