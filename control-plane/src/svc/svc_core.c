/* The service context: opening the database, drivers, capacity index and job engine. */
#include "svc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "svc_account.h"
#include "svc_bootstrap.h"
#include "svc_infra.h"
#include "svc_vm.h"
#include "util_log.h"
#include "util_time.h"
#include "util_uuid.h"

struct cs_svc_caller cs_svc_system_caller(void)
{
    return (struct cs_svc_caller){.user_id = 1, .account_id = 1, .domain_id = 1,
                                  .account_type = CS_ACCOUNT_ADMIN};
}

bool cs_svc_caller_is_admin(const struct cs_svc_caller *c)
{
    return c->account_type == CS_ACCOUNT_ADMIN;
}

struct cs_hv *cs_svc_hv(struct cs_svc *svc, const char *hypervisor)
{
    for (size_t i = 0; i < svc->n_hv; i++)
        if (strcasecmp(svc->hv[i].drv->hypervisor, hypervisor) == 0)
            return &svc->hv[i];
    return NULL;
}

static int open_drivers(struct cs_svc *svc, const char *config, struct cs_err *err)
{
    for (const struct cs_hv_driver *const *d = cs_hv_drivers(); *d; d++) {
        if (svc->n_hv == sizeof(svc->hv) / sizeof(svc->hv[0]))
            break;
        if (cs_hv_open(&svc->hv[svc->n_hv], *d, config, NULL, err) < 0)
            return -CS_ERR_INTERNAL;
        svc->n_hv++;
    }
    return 0;
}

struct cs_svc *cs_svc_new(const struct cs_svc_options *opt, struct cs_err *err)
{
    struct cs_svc *svc = calloc(1, sizeof(*svc));
    if (!svc) {
        cs_err_set(err, CS_ERR_NOMEM, "out of memory");
        return NULL;
    }
    pthread_mutex_init(&svc->sched_lock, NULL);
    svc->started = cs_util_now();
    cs_util_uuid_new(svc->msid);
    mkdir(opt->data_dir, 0700);
    char path[4096];
    snprintf(path, sizeof(path), "%s/cstack.db", opt->data_dir);
    svc->db = cs_db_open(path, err);
    if (!svc->db)
        goto fail;
    svc->sched = cs_sched_index_new((struct cs_sched_factors){1.0, 1.0});
    svc->jobs = cs_job_engine_new(svc->db, svc->msid, err);
    if (!svc->sched || !svc->jobs)
        goto fail;
    if (open_drivers(svc, opt->hv_config, err) < 0)
        goto fail;
    if (cs_svc_bootstrap(svc, opt, err) < 0)
        goto fail;
    /* Order matters: settle VMs left mid-transition by a previous run (which fixes the hosts'
     * used capacity), then connect hosts into the index, then give drivers back their VMs. */
    if (cs_svc_vm_reconcile_db(svc, err) < 0 || cs_svc_infra_reconnect_all(svc, err) < 0 ||
        cs_svc_vm_readopt(svc, err) < 0)
        goto fail;
    return svc;
fail:
    cs_svc_free(svc);
    return NULL;
}

int cs_svc_start_jobs(struct cs_svc *svc, int workers, cs_job_run_fn fn, cs_job_code_fn code,
                      void *ud, struct cs_err *err)
{
    return cs_job_engine_start(svc->jobs, workers, fn, code, ud, err);
}

void cs_svc_free(struct cs_svc *svc)
{
    if (!svc)
        return;
    cs_job_engine_free(svc->jobs);
    for (size_t i = 0; i < svc->n_hv; i++)
        cs_hv_close(&svc->hv[i]);
    cs_sched_index_free(svc->sched);
    cs_db_free(svc->db);
    pthread_mutex_destroy(&svc->sched_lock);
    free(svc);
}
