/* Async job commands: queryAsyncJobResult and listAsyncJobs. */
#include "api_cmd.h"
#include "view_job.h"

/* A job is visible to its account and to root admins. */
static bool visible(const struct cs_api_call *call, const struct cs_job *job)
{
    return cs_svc_caller_is_admin(&call->caller) || job->account_id == call->caller.account_id;
}

static int query(struct cs_api_call *call, struct cs_err *err)
{
    struct cs_job job = {0};
    const char *id = cs_api_arg_str(call, "jobid");
    if (cs_job_load(call->svc->db, id, &job, err) < 0 || !visible(call, &job)) {
        cs_job_release(&job);
        return cs_err_set(err, CS_ERR_NOT_FOUND,
                          "Unable to execute API command queryasyncjobresult due to invalid value."
                          " Invalid parameter jobid value=%s due to incorrect long value format, "
                          "or entity does not exist or due to incorrect parameter annotation for "
                          "the field in api cmd class.",
                          id);
    }
    json_decref(call->reply);
    call->reply = cs_view_job(call->svc, &job); /* flat, no object name */
    cs_job_release(&job);
    return 0;
}

static int list(struct cs_api_call *call, struct cs_err *err)
{
    struct cs_vec v = CS_VEC_INIT(struct cs_job);
    int64_t account = cs_svc_caller_is_admin(&call->caller) && call->listall
                          ? 0
                          : call->caller.account_id;
    int rc = cs_job_list(call->svc->db, account, cs_api_arg_long(call, "startdate", 0),
                         call->page.offset, call->page.limit, &v, err);
    if (rc == 0) {
        json_t *items = json_array();
        for (size_t i = 0; i < v.n; i++)
            json_array_append_new(items, cs_view_job(call->svc, CS_VEC_AT(&v, struct cs_job, i)));
        cs_api_reply_list(call, "asyncjobs", items, v.total);
    }
    for (size_t i = 0; i < v.n; i++)
        cs_job_release(CS_VEC_AT(&v, struct cs_job, i));
    cs_util_vec_release(&v);
    return rc;
}

static const struct cs_api_param_spec query_params[] = {
    {"jobid", CS_PT_UUID, CS_PF_REQUIRED, CS_ENT_NONE, "the ID of the asynchronous job", 0},
    {NULL},
};

static const struct cs_api_param_spec list_params[] = {
    CS_API_ACCOUNT_LIST_PARAMS,
    {"startdate", CS_PT_DATE, 0, CS_ENT_NONE, "The start date of the async job", 0},
    {"managementserverid", CS_PT_UUID, 0, CS_ENT_NONE, "The id of the management server", 0},
    {NULL},
};

static const struct cs_api_cmd cmds[] = {
    {"listAsyncJobs", CS_CMD_SYNC, CS_ROLE_ALL, list, NULL, list_params,
     "Lists all pending asynchronous jobs for the account.", NULL, NULL, NULL, false, true},
    {"queryAsyncJobResult", CS_CMD_SYNC, CS_ROLE_ALL, query, NULL, query_params,
     "Retrieves the current status of asynchronous job.", NULL, NULL, NULL, false, false},
};

const struct cs_api_cmd_group cs_api_cmds_job = {cmds, sizeof(cmds) / sizeof(cmds[0])};
