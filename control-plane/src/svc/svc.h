/* The service context: everything a rule of the cloud needs (database, scheduler, drivers, jobs),
 * the caller identity, and the shared shapes of list queries. */
#ifndef CS_SVC_H
#define CS_SVC_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "db.h"
#include "hv_driver.h"
#include "job.h"
#include "sched_index.h"
#include "util_err.h"
#include "util_vec.h"

/* CloudStack account types. */
enum cs_account_type {
    CS_ACCOUNT_USER = 0,
    CS_ACCOUNT_ADMIN = 1,
    CS_ACCOUNT_DOMAIN_ADMIN = 2,
    CS_ACCOUNT_RESOURCE_ADMIN = 3,
    CS_ACCOUNT_READONLY_ADMIN = 4,
    CS_ACCOUNT_PROJECT = 5,
};

/* Who is calling: resolved by authentication, passed to every service function. */
struct cs_svc_caller {
    int64_t user_id;
    int64_t account_id;
    int64_t domain_id;
    enum cs_account_type account_type;
};

struct cs_svc_options {
    const char *data_dir;     /* holds cstack.db */
    const char *hv_config;    /* passed to every driver's open(), may be NULL */
    int job_workers;          /* async job worker threads */
    const char *admin_keys;   /* "KEY:SECRET" for the admin user, or NULL */
    const char *admin_password; /* first start only */
};

struct cs_svc {
    struct cs_db *db;
    struct cs_job_engine *jobs;
    pthread_mutex_t sched_lock; /* guards sched */
    struct cs_sched_index *sched;
    struct cs_hv hv[4];         /* opened drivers, by registry order */
    size_t n_hv;
    char msid[37];              /* this management server's id */
    int64_t started;
};

/* Opens the data dir's database (migrating it), bootstraps a fresh one (ROOT domain, system and
 * admin accounts, roles, os types, default settings), builds the capacity index from the hosts
 * table, opens the hypervisor drivers and reconnects every host. returns: owned */
struct cs_svc *cs_svc_new(const struct cs_svc_options *opt, struct cs_err *err);
/* Starts the job engine with fn as the step function of every job (the API layer's dispatcher)
 * and recovers jobs left in flight by a previous run. */
int cs_svc_start_jobs(struct cs_svc *svc, int workers, cs_job_run_fn fn, cs_job_code_fn code,
                      void *ud,
                      struct cs_err *err);
void cs_svc_free(struct cs_svc *svc);

/* The driver serving a CloudStack hypervisor type ("Simulator"), or NULL. borrowed */
struct cs_hv *cs_svc_hv(struct cs_svc *svc, const char *hypervisor);

/* The system caller (integration port, background work). */
struct cs_svc_caller cs_svc_system_caller(void);
bool cs_svc_caller_is_admin(const struct cs_svc_caller *c);

#endif
