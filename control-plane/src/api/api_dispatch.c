/* The dispatcher: every request is authenticated, authorized, validated and run here, once,
 * for every command; async commands become persisted jobs. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "api.h"
#include "api_args.h"
#include "api_cmd.h"
#include "api_errors.h"
#include "api_login.h"
#include "api_render.h"
#include "api_session.h"
#include "api_sign.h"
#include "svc_account.h"
#include "util_log.h"
#include "util_time.h"

struct cs_api {
    struct cs_svc *svc;
    struct cs_api_sessions *sessions;
};

struct cs_api *cs_api_new(struct cs_svc *svc, struct cs_err *err)
{
    struct cs_api *api = calloc(1, sizeof(*api));
    if (!api) {
        cs_err_set(err, CS_ERR_NOMEM, "out of memory");
        return NULL;
    }
    api->svc = svc;
    api->sessions = cs_api_sessions_new(1800);
    if (!api->sessions) {
        free(api);
        cs_err_set(err, CS_ERR_NOMEM, "out of memory");
        return NULL;
    }
    return api;
}

void cs_api_free(struct cs_api *api)
{
    if (!api)
        return;
    cs_api_sessions_free(api->sessions);
    free(api);
}

void cs_api_response_release(struct cs_api_response *resp)
{
    free(resp->body);
    for (int i = 0; i < resp->n_headers; i++)
        free(resp->headers[i]);
    memset(resp, 0, sizeof(*resp));
}

struct cs_api_sessions *cs_api_sessions_of(struct cs_api *api)
{
    return api->sessions;
}

struct cs_svc *cs_api_svc(struct cs_api *api)
{
    return api->svc;
}

/* ---- responses ---- */

void cs_api_respond(struct cs_api_response *resp, enum cs_api_format fmt, int status,
                    const char *response_name, const json_t *body)
{
    resp->status = status;
    resp->content_type = fmt == CS_API_JSON ? "application/json; charset=UTF-8"
                                            : "text/xml; charset=UTF-8";
    resp->body = cs_api_render(fmt, response_name, body, &resp->body_len);
}

void cs_api_add_header(struct cs_api_response *resp, const char *name, const char *value)
{
    if (resp->n_headers == (int)(sizeof(resp->headers) / sizeof(resp->headers[0])))
        return;
    size_t n = strlen(name) + strlen(value) + 3;
    char *h = malloc(n);
    if (!h)
        abort();
    snprintf(h, n, "%s: %s", name, value);
    resp->headers[resp->n_headers++] = h;
}

void cs_api_respond_error(struct cs_api_response *resp, enum cs_api_format fmt,
                          const char *response_name, const struct cs_err *err, int cserr_override)
{
    struct cs_api_wire_error w = cs_api_wire_error(err->code);
    int cserr = cserr_override >= 0 ? cserr_override : w.cserrorcode;
    json_t *body = cs_api_error_body(w.status, cserr, err->msg);
    cs_api_respond(resp, fmt, w.status, response_name, body);
    json_decref(body);
    cs_api_add_header(resp, "X-Description", err->msg);
}

static void response_name_of(const char *command, const struct cs_api_cmd *cmd, char *out,
                             size_t n)
{
    if (cmd && cmd->response_name) {
        snprintf(out, n, "%s", cmd->response_name);
        return;
    }
    size_t i = 0;
    for (; command[i] && i + 9 < n; i++)
        out[i] = (char)tolower((unsigned char)command[i]);
    snprintf(out + i, n - i, "response");
}

/* ---- authentication ---- */

static int authenticate(struct cs_api *api, const struct cs_api_request *req,
                        struct cs_svc_caller *ret, struct cs_err *err)
{
    if (req->integration) {
        *ret = cs_svc_system_caller();
        return 0;
    }
    if (req->cookie_jsessionid) {
        const char *key = cs_api_params_get(req->params, "sessionkey");
        struct cs_api_session_who who;
        if (cs_api_sessions_lookup(api->sessions, req->cookie_jsessionid, req->cookie_sessionkey,
                                   key, &who) == 0) {
            *ret = (struct cs_svc_caller){.user_id = who.user_id,
                                          .account_id = who.account_id,
                                          .domain_id = who.domain_id,
                                          .account_type = (enum cs_account_type)who.account_type};
            if (cs_svc_caller_check(api->svc, ret, err) == 0)
                return 0;
        }
        /* A bad session falls through to the signature, as CloudStack tries both. */
    }
    const char *apikey = cs_api_sign_apikey(req->params);
    char *secret = NULL;
    if (!apikey || cs_svc_auth_apikey(api->svc, apikey, ret, &secret, err) < 0)
        return cs_err_set(err, CS_ERR_AUTH,
                          "unable to verify user credentials and/or request signature");
    int rc = cs_api_sign_verify(req->params, secret, cs_util_now(), err);
    free(secret);
    if (rc < 0)
        return cs_err_set(err, CS_ERR_AUTH,
                          "unable to verify user credentials and/or request signature");
    return 0;
}

/* ---- running commands ---- */

/* The request's parameters as a job stores them: lowercased names, minus credentials. */
static char *job_params(const struct cs_api_params *p)
{
    static const char *const skip[] = {"signature", "apikey", "sessionkey", "command",
                                       "response", "signatureversion", "expires"};
    json_t *o = json_object();
    for (size_t i = 0; i < cs_api_params_count(p); i++) {
        const char *k = cs_api_params_lname(p, i);
        bool drop = false;
        for (size_t s = 0; s < sizeof(skip) / sizeof(skip[0]); s++)
            drop |= strcmp(k, skip[s]) == 0;
        if (!drop)
            json_object_set_new(o, k, json_string(cs_api_params_value(p, i)));
    }
    char *s = json_dumps(o, JSON_COMPACT);
    json_decref(o);
    return s;
}

static int submit_job(struct cs_api *api, struct cs_api_call *call, json_t **ret_body,
                      struct cs_err *err)
{
    struct cs_svc *svc = api->svc;
    if (cs_db_begin(svc->db, err) < 0)
        return -CS_ERR_INTERNAL;
    int rc = call->cmd->handler ? call->cmd->handler(call, err) : 0;
    if (rc == 0 && !call->instance_uuid[0]) {
        const char *id = cs_api_arg_str(call, "id");
        if (!id)
            id = cs_api_arg_str(call, "virtualmachineid");
        if (id)
            snprintf(call->instance_uuid, sizeof(call->instance_uuid), "%s", id);
    }
    struct cs_job job = {.user_id = call->caller.user_id, .account_id = call->caller.account_id,
                         .domain_id = call->caller.domain_id};
    if (rc == 0) {
        job.cmd = (char *)call->cmd->name;
        job.cmd_class = (char *)call->cmd->cmd_class;
        job.instance_type = (char *)(call->cmd->instance_type ? call->cmd->instance_type : "None");
        snprintf(job.instance_uuid, sizeof(job.instance_uuid), "%s", call->instance_uuid);
        job.params = job_params(call->params);
        rc = cs_job_insert(svc->jobs, &job, err);
        free(job.params);
    }
    if (rc == 0)
        rc = cs_db_commit(svc->db, err);
    if (rc < 0) {
        cs_db_rollback(svc->db);
        return rc;
    }
    cs_job_engine_kick(svc->jobs, job.id);
    json_t *body = json_object();
    if (call->cmd->kind == CS_CMD_ASYNC_CREATE)
        json_object_set_new(body, "id", json_string(call->instance_uuid));
    json_object_set_new(body, "jobid", json_string(job.uuid));
    *ret_body = body;
    return 0;
}

static void run_command(struct cs_api *api, const struct cs_api_request *req,
                        const struct cs_api_cmd *cmd, const struct cs_svc_caller *caller,
                        enum cs_api_format fmt, const char *respname,
                        struct cs_api_response *resp)
{
    struct cs_err err;
    cs_err_clear(&err);
    struct cs_api_call call = {.cmd = cmd, .svc = api->svc, .caller = *caller,
                               .params = req->params};
    int cserr = -1;
    int rc = cs_api_args_bind(&call, &err);
    if (rc == 0)
        rc = cs_api_args_paging(&call, &err);
    if (rc < 0)
        cserr = CS_API_CSERR_SERVER_API;
    json_t *body = NULL;
    if (rc == 0 && cmd->kind == CS_CMD_SYNC) {
        rc = cmd->handler(&call, &err);
        body = call.reply;
        call.reply = NULL;
    } else if (rc == 0) {
        rc = submit_job(api, &call, &body, &err);
    }
    json_decref(call.reply);
    if (rc < 0) {
        if (err.code == CS_OK)
            cs_err_set(&err, CS_ERR_INTERNAL, "internal error");
        if (err.code == CS_ERR_INTERNAL || err.code == CS_ERR_NOMEM)
            cs_log_error("%s: %s", cmd->name, err.msg);
        json_decref(body);
        cs_api_respond_error(resp, fmt, respname, &err, cserr);
        return;
    }
    if (!body)
        body = json_object();
    cs_api_respond(resp, fmt, 200, respname, body);
    json_decref(body);
}

void cs_api_handle(struct cs_api *api, const struct cs_api_request *req,
                   struct cs_api_response *resp)
{
    memset(resp, 0, sizeof(*resp));
    struct cs_err err;
    cs_err_clear(&err);
    if (req->param_error || !req->params) {
        /* Undecodable parameters: nothing can be trusted, not even response=json. */
        if (req->param_error)
            err = *req->param_error;
        else
            cs_err_set(&err, CS_ERR_PARAM, "no parameters");
        cs_api_respond_error(resp, CS_API_XML, "errorresponse", &err, CS_API_CSERR_SERVER_API);
        return;
    }
    enum cs_api_format fmt = cs_api_format_parse(cs_api_params_get(req->params, "response"));
    const char *command = cs_api_params_raw(req->params, "command");
    if (!command || !*command) {
        cs_err_set(&err, CS_ERR_PARAM, "no command specified");
        cs_api_respond_error(resp, fmt, "errorresponse", &err, CS_API_CSERR_SERVER_API);
        resp->status = 400;
        return;
    }
    const struct cs_api_cmd *cmd = cs_api_cmd_find(command);
    char respname[160];
    response_name_of(command, cmd, respname, sizeof(respname));

    if (!req->integration && (strcmp(command, "login") == 0 || strcmp(command, "logout") == 0)) {
        cs_api_login_handle(api, req, command, fmt, resp);
        return;
    }
    if (req->integration && !cmd) {
        cs_err_set(&err, CS_ERR_UNSUPPORTED, "Unknown API command: %s", command);
        cs_api_respond_error(resp, fmt, "errorresponse", &err, CS_API_CSERR_SERVER_API);
        return;
    }
    /* Checked for every command before anything else reads a value (spec: reliability.md). */
    static const char *const ctl_exempt[] = {"activationrule", NULL};
    if (cs_api_params_check_ctl(req->params, ctl_exempt, &err) < 0 ||
        cs_api_params_check_maps(req->params, &err) < 0) {
        cs_api_respond_error(resp, fmt, cmd ? respname : "errorresponse", &err,
                             CS_API_CSERR_SERVER_API);
        return;
    }
    struct cs_svc_caller caller;
    if (authenticate(api, req, &caller, &err) < 0 || !cmd ||
        !cs_api_cmd_allowed(cmd, caller.account_type)) {
        cs_err_set(&err, CS_ERR_AUTH, "unable to verify user credentials and/or request signature");
        cs_api_respond_error(resp, fmt, cmd ? respname : "errorresponse", &err, 0);
        return;
    }
    run_command(api, req, cmd, &caller, fmt, respname, resp);
}

/* ---- jobs ---- */

int cs_api_job_code(void *ud, const struct cs_err *err)
{
    (void)ud;
    return cs_api_wire_error(err->code).status;
}

int cs_api_job_run(void *ud, const struct cs_job *job, char **ret_result, struct cs_err *err)
{
    struct cs_api *api = ud;
    const struct cs_api_cmd *cmd = cs_api_cmd_find(job->cmd);
    if (!cmd || !cmd->job)
        return cs_err_set(err, CS_ERR_INTERNAL, "no job step for command '%s'", job->cmd);
    struct cs_account acct;
    if (cs_svc_account_get(api->svc, job->account_id, &acct, err) < 0)
        return -CS_ERR_INTERNAL;
    struct cs_api_params *params = cs_api_params_from_json(job->params, err);
    if (!params)
        return -CS_ERR_INTERNAL;
    struct cs_api_call call = {.cmd = cmd, .svc = api->svc, .params = params,
                               .job_uuid = job->uuid,
                               .caller = {.user_id = job->user_id,
                                          .account_id = job->account_id,
                                          .domain_id = job->domain_id,
                                          .account_type = (enum cs_account_type)acct.type}};
    snprintf(call.instance_uuid, sizeof(call.instance_uuid), "%s", job->instance_uuid);
    int rc = cs_api_args_bind(&call, err);
    if (rc == 0)
        rc = cmd->job(&call, err);
    if (rc == 0) {
        if (!call.reply)
            call.reply = json_object();
        *ret_result = json_dumps(call.reply, JSON_COMPACT);
        if (!*ret_result)
            rc = cs_err_set(err, CS_ERR_NOMEM, "out of memory");
    }
    json_decref(call.reply);
    cs_api_params_free(params);
    if (rc < 0 && err->code == CS_OK)
        cs_err_set(err, CS_ERR_INTERNAL, "job failed");
    return rc;
}
