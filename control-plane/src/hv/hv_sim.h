/* The simulator driver, and the controls configureSimulator and the HA work need. */
#ifndef CS_HV_SIM_H
#define CS_HV_SIM_H

#include <stdbool.h>

#include "hv_driver.h"

/* name "sim", hypervisor "Simulator". open config: comma-separated k=v; unknown keys are ignored
 * (the same string goes to every driver). Keys:
 *   latency=<dist>        every operation: "0" (no latency), "5", "uniform:1:10", "lognormal:5:0.5"
 *   latency.<op>=<dist>   one operation: connect ping start stop reboot destroy power list
 *   scale=<x>             multiplies all latencies (default: env CSSIM_LATENCY_SCALE, else 1)
 *   seed=<n>              PRNG seed for latencies and rule probabilities */
extern const struct cs_hv_driver cs_hv_sim_driver;

/* True if hv is an opened simulator driver. */
bool cs_hv_is_sim(const struct cs_hv *hv);

/* A configureSimulator mock: agent command name, "result:fail|result:fault|wait:<ms>" value,
 * optional scope, count (-1 = forever) and probability (0..1, 1 = always). */
struct cs_hv_sim_mock {
    const char *name;
    const char *value; /* NULL = "result:fail" */
    const char *zone_uuid;
    const char *pod_uuid;
    const char *cluster_uuid;
    const char *host_uuid;
    long count;
    double probability;
};

struct cs_hv_sim_mock_info {
    long id;
    char name[64];
    char value[128];
    char zone_uuid[48]; /* "" = any */
    char pod_uuid[48];
    char cluster_uuid[48];
    char host_uuid[48];
    long count; /* uses left; -1 = forever */
    double probability;
};

/* Every function below fails with CS_ERR_UNSUPPORTED when hv is not the simulator. */
int cs_hv_sim_mock_add(struct cs_hv *hv, const struct cs_hv_sim_mock *mock, long *ret_id,
                       struct cs_err *err);
/* CS_ERR_NOT_FOUND for an unknown id. */
int cs_hv_sim_mock_remove(struct cs_hv *hv, long id, struct cs_err *err);
int cs_hv_sim_mock_get(struct cs_hv *hv, long id, struct cs_hv_sim_mock_info *ret_info,
                       struct cs_err *err);
/* Calls fn for every mock in id order. fn must not call back into the driver. */
int cs_hv_sim_mock_list(struct cs_hv *hv,
                        void (*fn)(void *ud, const struct cs_hv_sim_mock_info *mock), void *ud,
                        struct cs_err *err);

/* Powers a simulated host down or up; a change is reported through events->host_state. */
int cs_hv_sim_host_set_state(struct cs_hv *hv, const char *host_uuid, bool up,
                             struct cs_err *err);
/* A "PingCommand" to the host: fails when it is down or a mock says so. */
int cs_hv_sim_host_ping(struct cs_hv *hv, const char *host_uuid, struct cs_err *err);
/* Sets the latency of one operation (agent command name, e.g. "StartCommand") in a scope
 * (all NULL = world-wide); dist as in the open config. */
int cs_hv_sim_latency_set(struct cs_hv *hv, const char *zone_uuid, const char *pod_uuid,
                          const char *cluster_uuid, const char *host_uuid, const char *command,
                          const char *dist, struct cs_err *err);

#endif
