/* The simulator driver: the cs_hv_driver vtable over libcssim (the only user of sim.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hv_sim.h"
#include "sim.h"
#include "util_mem.h"

#include "cs_banned.h"

struct hv_sim {
    struct sim_world *world;
    struct cs_hv_events events;
    bool has_events;
};

/* Translates a simulator error into the one error type. */
static int map_err(const struct sim_err *se, struct cs_err *err)
{
    enum cs_errc code;
    switch (se->code) {
    case SIM_ERR_PARAM: code = CS_ERR_PARAM; break;
    case SIM_ERR_NO_HOST: code = CS_ERR_UNAVAILABLE; break;
    case SIM_ERR_NOT_FOUND: code = CS_ERR_NOT_FOUND; break;
    case SIM_ERR_STATE: code = CS_ERR_STATE; break;
    case SIM_ERR_HOST_DOWN: code = CS_ERR_UNAVAILABLE; break;
    case SIM_ERR_NOMEM: code = CS_ERR_NOMEM; break;
    default: code = CS_ERR_INTERNAL; /* simulated failure or fault */
    }
    return cs_err_set(err, code, "%s", se->msg);
}

static void on_host_state(void *ud, const char *host_id, bool up)
{
    struct hv_sim *s = ud;
    if (s->has_events && s->events.host_state)
        s->events.host_state(s->events.ud, host_id, up);
}

/* ---- open config ---------------------------------------------------------------------- */

static const struct {
    const char *key;
    enum sim_op op;
} op_keys[] = {
    {"connect", SIM_OP_HOST_CONNECT}, {"ping", SIM_OP_PING},       {"start", SIM_OP_VM_START},
    {"stop", SIM_OP_VM_STOP},         {"reboot", SIM_OP_VM_REBOOT}, {"destroy", SIM_OP_VM_DESTROY},
    {"power", SIM_OP_VM_POWER},       {"list", SIM_OP_VM_LIST},
};

static int set_all(struct sim_world *w, const struct sim_dist *d, struct cs_err *err)
{
    struct sim_err se;
    for (int op = 0; op < SIM_OP__COUNT; op++) {
        if (sim_latency_set(w, NULL, (enum sim_op)op, d, &se) < 0)
            return map_err(&se, err);
    }
    return 0;
}

static int apply_option(struct sim_world *w, const char *key, const char *val, struct cs_err *err)
{
    struct sim_err se;
    struct sim_dist d;
    if (strcmp(key, "latency") == 0) {
        if (sim_dist_parse(val, &d, &se) < 0)
            return map_err(&se, err);
        /* "latency=0" switches the model off entirely: the fast path for benchmarks */
        if (d.kind == SIM_DIST_FIXED && d.a == 0) {
            sim_latency_set_scale(w, 0);
            return 0;
        }
        return set_all(w, &d, err);
    }
    if (strncmp(key, "latency.", 8) == 0) {
        for (size_t i = 0; i < CS_ARRAY_LEN(op_keys); i++) {
            if (strcmp(key + 8, op_keys[i].key) != 0)
                continue;
            if (sim_dist_parse(val, &d, &se) < 0 ||
                sim_latency_set(w, NULL, op_keys[i].op, &d, &se) < 0)
                return map_err(&se, err);
            return 0;
        }
        return cs_err_set(err, CS_ERR_PARAM, "unknown simulator operation in '%s'", key);
    }
    if (strcmp(key, "scale") == 0) {
        char *end;
        errno = 0;
        double v = strtod(val, &end);
        if (end == val || *end || errno || !(v >= 0))
            return cs_err_set(err, CS_ERR_PARAM, "bad simulator scale '%s'", val);
        sim_latency_set_scale(w, v);
        return 0;
    }
    return 0; /* seed is taken at creation; other keys belong to other drivers */
}

/* Calls fn(key, value) for each "k=v" of a comma-separated config. */
static int each_option(const char *config,
                       int (*fn)(void *ud, const char *key, const char *val, struct cs_err *err),
                       void *ud, struct cs_err *err)
{
    if (!config)
        return 0;
    cs_autofree char *copy = strdup(config);
    if (!copy)
        return cs_err_set(err, CS_ERR_NOMEM, "out of memory");
    char *save = NULL;
    for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
        while (*tok == ' ')
            tok++;
        if (!*tok)
            continue;
        char *eq = strchr(tok, '=');
        if (!eq)
            return cs_err_set(err, CS_ERR_PARAM, "bad driver option '%s' (want key=value)", tok);
        *eq = '\0';
        int rc = fn(ud, tok, eq + 1, err);
        if (rc < 0)
            return rc;
    }
    return 0;
}

static int find_seed(void *ud, const char *key, const char *val, struct cs_err *err)
{
    if (strcmp(key, "seed") != 0)
        return 0;
    char *end;
    errno = 0;
    unsigned long long v = strtoull(val, &end, 10);
    if (end == val || *end || errno)
        return cs_err_set(err, CS_ERR_PARAM, "bad simulator seed '%s'", val);
    *(uint64_t *)ud = v;
    return 0;
}

static int apply_cb(void *ud, const char *key, const char *val, struct cs_err *err)
{
    return apply_option(ud, key, val, err);
}

static void sim_close(void *ctx)
{
    struct hv_sim *s = ctx;
    if (!s)
        return;
    sim_world_free(s->world);
    free(s);
}

static int sim_open(void **ret_ctx, const char *config, const struct cs_hv_events *events,
                    struct cs_err *err)
{
    uint64_t seed = 0;
    int rc = each_option(config, find_seed, &seed, err);
    if (rc < 0)
        return rc;
    struct hv_sim *s = calloc(1, sizeof(*s));
    if (!s)
        return cs_err_set(err, CS_ERR_NOMEM, "out of memory");
    if (events) {
        s->events = *events;
        s->has_events = true;
    }
    struct sim_world_opts o = {.seed = seed, .latency_scale = -1, .on_host_state = on_host_state,
                               .ud = s};
    s->world = sim_world_new(&o);
    if (!s->world) {
        free(s);
        return cs_err_set(err, CS_ERR_NOMEM, "out of memory");
    }
    rc = each_option(config, apply_cb, s->world, err);
    if (rc < 0) {
        sim_close(s);
        return rc;
    }
    *ret_ctx = s;
    return 0;
}

/* ---- hosts ---------------------------------------------------------------------------- */

static int sim_host_connect(void *ctx, const struct cs_hv_host_spec *spec,
                            struct cs_hv_host_facts *ret_facts, struct cs_err *err)
{
    struct hv_sim *s = ctx;
    struct sim_host_spec hs = {spec->uuid, spec->url, spec->zone_uuid, spec->pod_uuid,
                               spec->cluster_uuid};
    struct sim_host_info info;
    struct sim_err se;
    if (sim_host_add(s->world, &hs, &info, &se) < 0)
        return map_err(&se, err);
    struct cs_hv_host_facts f;
    memset(&f, 0, sizeof(f));
    snprintf(f.name, sizeof(f.name), "%s", info.name);
    snprintf(f.ipaddress, sizeof(f.ipaddress), "%s", info.ipaddress);
    snprintf(f.hypervisor_version, sizeof(f.hypervisor_version), "%s", info.version);
    snprintf(f.arch, sizeof(f.arch), "%s", info.hw.arch);
    snprintf(f.cpu_model, sizeof(f.cpu_model), "%s", info.cpu_model);
    f.cpu_sockets = info.hw.cpu_sockets;
    f.cpu_cores = info.hw.cpu_cores;
    f.cpu_mhz = info.hw.cpu_mhz;
    f.mem_bytes = info.hw.mem_bytes;
    f.local_storage_bytes = info.hw.local_storage_bytes;
    *ret_facts = f;
    return 0;
}

static int sim_host_disconnect(void *ctx, const char *host_uuid, struct cs_err *err)
{
    struct hv_sim *s = ctx;
    struct sim_err se;
    if (sim_host_remove(s->world, host_uuid, &se) < 0)
        return map_err(&se, err);
    return 0;
}

/* ---- VMs ------------------------------------------------------------------------------ */

static int to_sim_spec(const struct cs_hv_vm_spec *vm, struct sim_vm_spec *ret,
                       struct cs_err *err)
{
    if (!vm)
        return cs_err_set(err, CS_ERR_PARAM, "missing vm");
    *ret = (struct sim_vm_spec){vm->uuid, vm->cpus, vm->cpu_mhz, vm->mem_mb};
    return 0;
}

static int sim_vm_start_op(void *ctx, const char *host_uuid, const struct cs_hv_vm_spec *vm,
                           struct cs_err *err)
{
    struct hv_sim *s = ctx;
    struct sim_vm_spec vs;
    struct sim_err se;
    int rc = to_sim_spec(vm, &vs, err);
    if (rc < 0)
        return rc;
    if (sim_vm_start(s->world, host_uuid, &vs, &se) < 0)
        return map_err(&se, err);
    return 0;
}

static int sim_vm_stop_op(void *ctx, const char *host_uuid, const char *vm_uuid, bool forced,
                          struct cs_err *err)
{
    struct hv_sim *s = ctx;
    struct sim_err se;
    if (sim_vm_stop(s->world, host_uuid, vm_uuid, &se) < 0)
        return map_err(&se, err);
    return 0;
}

static int sim_vm_reboot_op(void *ctx, const char *host_uuid, const char *vm_uuid,
                            struct cs_err *err)
{
    struct hv_sim *s = ctx;
    struct sim_err se;
    if (sim_vm_reboot(s->world, host_uuid, vm_uuid, &se) < 0)
        return map_err(&se, err);
    return 0;
}

static int sim_vm_destroy_op(void *ctx, const char *host_uuid, const char *vm_uuid,
                             struct cs_err *err)
{
    struct hv_sim *s = ctx;
    struct sim_err se;
    if (sim_vm_destroy(s->world, host_uuid, vm_uuid, &se) < 0)
        return map_err(&se, err);
    return 0;
}

static int sim_vm_power_op(void *ctx, const char *host_uuid, const char *vm_uuid,
                           enum cs_hv_power *ret_power, struct cs_err *err)
{
    struct hv_sim *s = ctx;
    struct sim_err se;
    enum sim_power p;
    if (sim_vm_power(s->world, host_uuid, vm_uuid, &p, &se) < 0)
        return map_err(&se, err);
    *ret_power = p == SIM_POWER_ON ? CS_HV_POWER_ON : CS_HV_POWER_OFF;
    return 0;
}

/* VMs collected under the world lock, reported after it is released. */
struct vm_row {
    char uuid[SIM_ID_MAX];
    enum cs_hv_power power;
};

struct vm_rows {
    struct vm_row *rows;
    size_t n;
    size_t cap;
    bool nomem;
};

static void collect_vm(void *ud, const struct sim_vm_info *vm)
{
    struct vm_rows *r = ud;
    if (r->nomem)
        return;
    if (r->n == r->cap) {
        size_t ncap = r->cap ? r->cap * 2 : 32;
        struct vm_row *n = realloc(r->rows, ncap * sizeof(*n));
        if (!n) {
            r->nomem = true;
            return;
        }
        r->rows = n;
        r->cap = ncap;
    }
    struct vm_row *row = &r->rows[r->n++];
    snprintf(row->uuid, sizeof(row->uuid), "%s", vm->id);
    row->power = vm->power == SIM_POWER_ON ? CS_HV_POWER_ON : CS_HV_POWER_OFF;
}

static int sim_vm_list_op(void *ctx, const char *host_uuid,
                          void (*fn)(void *ud, const struct cs_hv_vm_report *vm), void *ud,
                          struct cs_err *err)
{
    struct hv_sim *s = ctx;
    struct sim_err se;
    struct vm_rows rows = {0};
    int rc = 0;
    if (sim_vm_list(s->world, host_uuid, collect_vm, &rows, &se) < 0)
        rc = map_err(&se, err);
    else if (rows.nomem)
        rc = cs_err_set(err, CS_ERR_NOMEM, "out of memory");
    for (size_t i = 0; rc == 0 && i < rows.n; i++) {
        struct cs_hv_vm_report rep = {rows.rows[i].uuid, rows.rows[i].power};
        fn(ud, &rep);
    }
    free(rows.rows);
    return rc;
}

static int sim_vm_adopt_op(void *ctx, const char *host_uuid, const struct cs_hv_vm_spec *vm,
                           enum cs_hv_power power, struct cs_err *err)
{
    struct hv_sim *s = ctx;
    struct sim_vm_spec vs;
    struct sim_err se;
    int rc = to_sim_spec(vm, &vs, err);
    if (rc < 0)
        return rc;
    if (power != CS_HV_POWER_ON && power != CS_HV_POWER_OFF)
        return cs_err_set(err, CS_ERR_PARAM, "cannot adopt vm '%s' in an unknown power state",
                          vm->uuid ? vm->uuid : "");
    enum sim_power p = power == CS_HV_POWER_ON ? SIM_POWER_ON : SIM_POWER_OFF;
    if (sim_vm_adopt(s->world, host_uuid, &vs, p, &se) < 0)
        return map_err(&se, err);
    return 0;
}

const struct cs_hv_driver cs_hv_sim_driver = {
    .name = "sim",
    .hypervisor = "Simulator",
    .open = sim_open,
    .close = sim_close,
    .host_connect = sim_host_connect,
    .host_disconnect = sim_host_disconnect,
    .vm_start = sim_vm_start_op,
    .vm_stop = sim_vm_stop_op,
    .vm_reboot = sim_vm_reboot_op,
    .vm_destroy = sim_vm_destroy_op,
    .vm_power = sim_vm_power_op,
    .vm_list = sim_vm_list_op,
    .vm_adopt = sim_vm_adopt_op,
};

/* ---- simulator controls (configureSimulator, HA) -------------------------------------- */

bool cs_hv_is_sim(const struct cs_hv *hv)
{
    return hv && hv->drv == &cs_hv_sim_driver && hv->ctx;
}

static int world_of(struct cs_hv *hv, struct sim_world **ret, struct cs_err *err)
{
    if (!cs_hv_is_sim(hv))
        return cs_err_set(err, CS_ERR_UNSUPPORTED, "driver '%s' is not the simulator",
                          hv && hv->drv ? hv->drv->name : "");
    *ret = ((struct hv_sim *)hv->ctx)->world;
    return 0;
}

int cs_hv_sim_mock_add(struct cs_hv *hv, const struct cs_hv_sim_mock *mock, long *ret_id,
                       struct cs_err *err)
{
    struct sim_world *w = NULL;
    int rc = world_of(hv, &w, err);
    if (rc < 0)
        return rc;
    struct sim_rule_spec rs = {
        .name = mock->name,
        .value = mock->value,
        .scope = {mock->zone_uuid, mock->pod_uuid, mock->cluster_uuid, mock->host_uuid},
        .count = mock->count,
        .probability = mock->probability,
    };
    struct sim_err se;
    long id;
    if (sim_rule_add(w, &rs, &id, &se) < 0)
        return map_err(&se, err);
    *ret_id = id;
    return 0;
}

int cs_hv_sim_mock_remove(struct cs_hv *hv, long id, struct cs_err *err)
{
    struct sim_world *w = NULL;
    int rc = world_of(hv, &w, err);
    if (rc < 0)
        return rc;
    struct sim_err se;
    if (sim_rule_remove(w, id, &se) < 0)
        return map_err(&se, err);
    return 0;
}

static void mock_info(const struct sim_rule_info *r, struct cs_hv_sim_mock_info *ret)
{
    memset(ret, 0, sizeof(*ret));
    ret->id = r->id;
    snprintf(ret->name, sizeof(ret->name), "%s", r->name);
    snprintf(ret->value, sizeof(ret->value), "%s", r->value);
    snprintf(ret->zone_uuid, sizeof(ret->zone_uuid), "%s", r->zone);
    snprintf(ret->pod_uuid, sizeof(ret->pod_uuid), "%s", r->pod);
    snprintf(ret->cluster_uuid, sizeof(ret->cluster_uuid), "%s", r->cluster);
    snprintf(ret->host_uuid, sizeof(ret->host_uuid), "%s", r->host);
    ret->count = r->count;
    ret->probability = r->probability;
}

int cs_hv_sim_mock_get(struct cs_hv *hv, long id, struct cs_hv_sim_mock_info *ret_info,
                       struct cs_err *err)
{
    struct sim_world *w = NULL;
    int rc = world_of(hv, &w, err);
    if (rc < 0)
        return rc;
    struct sim_err se;
    struct sim_rule_info ri;
    if (sim_rule_get(w, id, &ri, &se) < 0)
        return map_err(&se, err);
    mock_info(&ri, ret_info);
    return 0;
}

struct mock_rows {
    struct cs_hv_sim_mock_info *rows;
    size_t n;
    size_t cap;
    bool nomem;
};

static void collect_mock(void *ud, const struct sim_rule_info *r)
{
    struct mock_rows *m = ud;
    if (m->nomem)
        return;
    if (m->n == m->cap) {
        size_t ncap = m->cap ? m->cap * 2 : 8;
        struct cs_hv_sim_mock_info *n = realloc(m->rows, ncap * sizeof(*n));
        if (!n) {
            m->nomem = true;
            return;
        }
        m->rows = n;
        m->cap = ncap;
    }
    mock_info(r, &m->rows[m->n++]);
}

int cs_hv_sim_mock_list(struct cs_hv *hv,
                        void (*fn)(void *ud, const struct cs_hv_sim_mock_info *mock), void *ud,
                        struct cs_err *err)
{
    struct sim_world *w = NULL;
    int rc = world_of(hv, &w, err);
    if (rc < 0)
        return rc;
    struct mock_rows m = {0};
    sim_rule_list(w, collect_mock, &m);
    if (m.nomem)
        rc = cs_err_set(err, CS_ERR_NOMEM, "out of memory");
    for (size_t i = 0; rc == 0 && i < m.n; i++)
        fn(ud, &m.rows[i]);
    free(m.rows);
    return rc;
}

int cs_hv_sim_host_set_state(struct cs_hv *hv, const char *host_uuid, bool up,
                             struct cs_err *err)
{
    struct sim_world *w = NULL;
    int rc = world_of(hv, &w, err);
    if (rc < 0)
        return rc;
    struct sim_err se;
    if (sim_host_set_up(w, host_uuid, up, &se) < 0)
        return map_err(&se, err);
    return 0;
}

int cs_hv_sim_host_ping(struct cs_hv *hv, const char *host_uuid, struct cs_err *err)
{
    struct sim_world *w = NULL;
    int rc = world_of(hv, &w, err);
    if (rc < 0)
        return rc;
    struct sim_err se;
    if (sim_host_ping(w, host_uuid, &se) < 0)
        return map_err(&se, err);
    return 0;
}

int cs_hv_sim_latency_set(struct cs_hv *hv, const char *zone_uuid, const char *pod_uuid,
                          const char *cluster_uuid, const char *host_uuid, const char *command,
                          const char *dist, struct cs_err *err)
{
    struct sim_world *w = NULL;
    int rc = world_of(hv, &w, err);
    if (rc < 0)
        return rc;
    enum sim_op op;
    if (sim_op_from_command(command, &op) < 0)
        return cs_err_set(err, CS_ERR_PARAM, "the simulator has no latency for '%s'",
                          command ? command : "");
    struct sim_err se;
    struct sim_dist d;
    struct sim_scope scope = {zone_uuid, pod_uuid, cluster_uuid, host_uuid};
    if (sim_dist_parse(dist, &d, &se) < 0 || sim_latency_set(w, &scope, op, &d, &se) < 0)
        return map_err(&se, err);
    return 0;
}
