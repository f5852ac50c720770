/* The async job object, with CloudStack's field names and types. */
#include "view_job.h"

#include "svc_account.h"
#include "view_util.h"

#include <string.h>

json_t *cs_view_job(struct cs_svc *svc, const struct cs_job *job)
{
    json_t *o = json_object();
    struct cs_account acct = {0};
    struct cs_domain dom = {0};
    struct cs_err ignored;
    char user_uuid[37] = "";
    cs_svc_account_get(svc, job->account_id, &acct, &ignored);
    cs_svc_domain_get(svc, job->domain_id, &dom, &ignored);
    cs_db_uuid_by_id(svc->db, "user", job->user_id, user_uuid, &ignored);
    cs_view_str(o, "jobid", job->uuid);
    cs_view_str(o, "accountid", acct.uuid);
    cs_view_str(o, "account", acct.name);
    cs_view_str(o, "domainid", dom.uuid);
    cs_view_str(o, "domainpath", dom.path[0] && dom.path[1] ? dom.path : "ROOT");
    cs_view_str(o, "userid", user_uuid);
    cs_view_str(o, "cmd", job->cmd_class ? job->cmd_class : job->cmd);
    cs_view_int(o, "jobstatus", job->status);
    cs_view_int(o, "jobprocstatus", 0);
    cs_view_int(o, "jobresultcode", job->result_code);
    if (job->status != CS_JOB_PENDING) {
        cs_view_str(o, "jobresulttype", job->result_type ? job->result_type : "object");
        json_t *res = job->result ? json_loads(job->result, 0, NULL) : NULL;
        json_object_set_new(o, "jobresult", res ? res : json_object());
    }
    if (job->instance_type && strcmp(job->instance_type, "None") != 0) {
        cs_view_str(o, "jobinstancetype", job->instance_type);
        cs_view_str(o, "jobinstanceid", job->instance_uuid);
    }
    cs_view_str(o, "managementserverid", job->msid);
    cs_view_date(o, "created", job->created);
    cs_view_date(o, "completed", job->completed);
    return o;
}
