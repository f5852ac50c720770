/* The persistent async job engine: a job row is committed before the caller answers, workers
 * run it, the result is stored; jobs in flight when a server died are failed at the next start. */
#ifndef CS_JOB_H
#define CS_JOB_H

#include <stdbool.h>
#include <stdint.h>

#include "db.h"
#include "util_err.h"
#include "util_vec.h"

enum cs_job_status { CS_JOB_PENDING = 0, CS_JOB_SUCCEEDED = 1, CS_JOB_FAILED = 2 };

/* One job as stored. Strings owned by the struct. */
struct cs_job {
    int64_t id;
    char uuid[37];
    char *cmd;           /* API command name */
    char *cmd_class;     /* CloudStack command class reported in `cmd` */
    char *params;        /* request parameters as a JSON object text */
    int64_t user_id, account_id, domain_id;
    char *instance_type; /* "VirtualMachine", ... */
    char instance_uuid[37];
    enum cs_job_status status;
    int result_code;
    char *result_type;   /* "object" or "text" */
    char *result;        /* JSON text */
    char msid[37];
    int64_t created, completed;
};

void cs_job_release(struct cs_job *job);

/* The step function: runs the job, returns 0 with *ret_result (owned JSON text, the jobresult
 * object) or a negative code with err set. */
typedef int (*cs_job_run_fn)(void *ud, const struct cs_job *job, char **ret_result,
                             struct cs_err *err);
/* Maps a failure to the jobresultcode stored with it (the API layer's wire error code). */
typedef int (*cs_job_code_fn)(void *ud, const struct cs_err *err);

struct cs_job_engine;

/* returns: owned */
struct cs_job_engine *cs_job_engine_new(struct cs_db *db, const char *msid, struct cs_err *err);
/* Starts workers. Before that, every job still pending from another run of this or any
 * server whose heartbeat stopped is failed with "job interrupted by management server restart". */
int cs_job_engine_start(struct cs_job_engine *eng, int workers, cs_job_run_fn run,
                        cs_job_code_fn code, void *ud, struct cs_err *err);
/* Stops accepting, lets running jobs finish, joins workers. */
void cs_job_engine_stop(struct cs_job_engine *eng);
void cs_job_engine_free(struct cs_job_engine *eng);

/* Inserts a pending job inside the caller's open transaction (so the job and the rows it acts
 * on commit together); cs_job_engine_kick() after the commit hands it to a worker. */
int cs_job_insert(struct cs_job_engine *eng, struct cs_job *job, struct cs_err *err);
void cs_job_engine_kick(struct cs_job_engine *eng, int64_t job_id);

int cs_job_load(struct cs_db *db, const char *uuid, struct cs_job *ret_job, struct cs_err *err);
/* Jobs of an account (account_id 0 = all), newest first. Vector of struct cs_job. */
int cs_job_list(struct cs_db *db, int64_t account_id, int64_t since, int64_t offset,
                int64_t limit, struct cs_vec *ret, struct cs_err *err);

#endif
