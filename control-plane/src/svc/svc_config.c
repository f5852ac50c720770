/* Global settings: the known names with defaults, typed reads, validated writes. */
#include "svc_config.h"

#include <stdio.h>
#include <stdlib.h>
#include <strings.h>

static const struct {
    const char *name, *dflt, *category, *description;
} settings[] = {
    {"default.page.size", "500", "Advanced", "Default page size for API list* commands"},
    {"expunge.delay", "86400", "Advanced",
     "Determines how long (in seconds) to wait before actually expunging destroyed vm"},
    {"expunge.interval", "86400", "Advanced",
     "The interval (in seconds) to wait before running the expunge thread"},
    {"instance.name", "VM", "Hidden", "Name of the deployment instance"},
    {"start.retry", "10", "Advanced", "Number of times to retry create and start commands"},
    {"cpu.overprovisioning.factor", "1", "Advanced",
     "Used for CPU overprovisioning calculation; available CPU will be (actualCpuCapacity * "
     "cpu.overprovisioning.factor)"},
    {"mem.overprovisioning.factor", "1", "Advanced",
     "Used for memory overprovisioning calculation"},
    {"vm.allocation.algorithm", "random", "Advanced",
     "'random', 'firstfit', 'userdispersing', 'userconcentratedpod_random', "
     "'userconcentratedpod_firstfit', 'firstfitleastconsumed' : Order in which hosts within a "
     "cluster will be considered for VM/volume allocation."},
    {"vm.deployment.planner", "FirstFitPlanner", "Advanced",
     "Planner used for deploying VMs"},
    {"job.expire.minutes", "1440", "Advanced",
     "Time (in minutes) for async-jobs to be kept in system"},
    {"ping.interval", "60", "Advanced",
     "Interval to send application level pings to make sure the connection is still working"},
    {"ping.timeout", "2.5", "Advanced",
     "Multiplier to ping.interval before announcing an agent has timed out"},
    {"allow.user.expunge.recover.vm", "false", "Advanced",
     "Determines whether users can expunge or recover their vm"},
    {"enable.dynamic.scale.vm", "false", "Advanced", "Enables/Disables dynamically scaling a vm"},
    {"enforce.post.requests.and.timestamps", "false", "Advanced",
     "Enable/Disable enforcing POST requests and timestamps for state-changing API calls"},
    {"session.timeout", "1800", "Advanced", "Session timeout in seconds"},
    {"guest.domain.suffix", "cloud.internal", "Network", "Default domain name for vms"},
    {"network.gc.interval", "600", "Advanced", "Seconds to wait before checking for networks"},
    {"workers", "5", "Advanced", "Number of worker threads"},
};

int cs_svc_config_define_all(struct cs_svc *svc, struct cs_err *err)
{
    for (size_t i = 0; i < sizeof(settings) / sizeof(settings[0]); i++)
        if (cs_db_config_define(svc->db, settings[i].name, settings[i].dflt,
                                settings[i].category, settings[i].description, err) < 0)
            return -CS_ERR_INTERNAL;
    return 0;
}

int64_t cs_svc_config_int(struct cs_svc *svc, const char *name, int64_t dflt)
{
    char buf[64], *end;
    if (cs_db_config_get(svc->db, name, buf, sizeof(buf), NULL) < 0 || !buf[0])
        return dflt;
    long long v = strtoll(buf, &end, 10);
    return *end ? dflt : v;
}

bool cs_svc_config_bool(struct cs_svc *svc, const char *name, bool dflt)
{
    char buf[16];
    if (cs_db_config_get(svc->db, name, buf, sizeof(buf), NULL) < 0 || !buf[0])
        return dflt;
    return strcasecmp(buf, "true") == 0;
}

double cs_svc_config_double(struct cs_svc *svc, const char *name, double dflt)
{
    char buf[64], *end;
    if (cs_db_config_get(svc->db, name, buf, sizeof(buf), NULL) < 0 || !buf[0])
        return dflt;
    double v = strtod(buf, &end);
    return *end ? dflt : v;
}

int cs_svc_config_set(struct cs_svc *svc, const char *name, const char *value,
                      struct cs_err *err)
{
    return cs_db_config_set(svc->db, name, value, err);
}

int cs_svc_config_list(struct cs_svc *svc, const char *name, const char *category,
                       const char *keyword, struct cs_page page, struct cs_vec *ret,
                       struct cs_err *err)
{
    return cs_db_config_list(svc->db, name, category, keyword, page, ret, err);
}
