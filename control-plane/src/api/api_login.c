/* Session login and logout (the two commands that run before authentication). */
#include "api_login.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api_session.h"
#include "svc_account.h"

static void login(struct cs_api *api, const struct cs_api_request *req, enum cs_api_format fmt,
                  struct cs_api_response *resp)
{
    struct cs_err err;
    cs_err_clear(&err);
    if (strcmp(req->method, "POST") != 0) {
        cs_err_set(&err, CS_ERR_METHOD, "Method not allowed");
        cs_api_respond_error(resp, fmt, "loginresponse", &err, 0);
        return;
    }
    const char *username = cs_api_params_get(req->params, "username");
    const char *password = cs_api_params_get(req->params, "password");
    const char *domain = cs_api_params_get(req->params, "domain");
    const char *domainid = cs_api_params_get(req->params, "domainid");
    struct cs_svc *svc = cs_api_svc(api);
    int64_t did = 0;
    if (domainid && cs_db_id_by_uuid(svc->db, "domain", domainid, &did, &err) < 0)
        did = 0;
    struct cs_svc_caller caller;
    struct cs_user user = {0};
    if (!username || !password || (domainid && !did) ||
        cs_svc_login(svc, username, password, domain, did, &caller, &user, &err) < 0) {
        cs_err_set(&err, CS_ERR_LOGIN,
                   "Failed to authenticate user %s in domain %s; please provide valid credentials",
                   username ? username : "", domain ? domain : "/");
        cs_api_respond_error(resp, fmt, "loginresponse", &err, 0);
        return;
    }
    char *sessionkey = NULL, *jsessionid = NULL;
    int timeout = cs_api_sessions_timeout(cs_api_sessions_of(api));
    struct cs_api_session_who who = {.user_id = caller.user_id,
                                     .account_id = caller.account_id,
                                     .domain_id = caller.domain_id,
                                     .account_type = (int)caller.account_type};
    if (cs_api_sessions_create(cs_api_sessions_of(api), &who, &sessionkey, &jsessionid) < 0) {
        cs_db_user_release(&user);
        cs_err_set(&err, CS_ERR_INTERNAL, "cannot create session");
        cs_api_respond_error(resp, fmt, "loginresponse", &err, -1);
        return;
    }
    struct cs_account acct = {0};
    struct cs_domain dom = {0};
    cs_svc_account_get(svc, caller.account_id, &acct, &err);
    cs_svc_domain_get(svc, caller.domain_id, &dom, &err);
    char type[8];
    snprintf(type, sizeof(type), "%d", (int)caller.account_type);
    json_t *o = json_object();
    /* CloudStack sends every login field as a string except timeout. */
    json_object_set_new(o, "username", json_string(user.username));
    json_object_set_new(o, "userid", json_string(user.uuid));
    json_object_set_new(o, "domainid", json_string(dom.uuid));
    json_object_set_new(o, "timeout", json_integer(timeout));
    json_object_set_new(o, "account", json_string(acct.name));
    json_object_set_new(o, "firstname", json_string(user.firstname));
    json_object_set_new(o, "lastname", json_string(user.lastname));
    json_object_set_new(o, "type", json_string(type));
    json_object_set_new(o, "timezone", json_string(user.timezone[0] ? user.timezone : "UTC"));
    json_object_set_new(o, "timezoneoffset", json_string("0.0"));
    json_object_set_new(o, "registered", json_string("false"));
    json_object_set_new(o, "sessionkey", json_string(sessionkey));
    json_object_set_new(o, "is2faenabled", json_string("false"));
    json_object_set_new(o, "is2faverified", json_string("true"));
    if (caller.account_type == CS_ACCOUNT_ADMIN)
        json_object_set_new(o, "managementserverid", json_string(svc->msid));
    cs_api_respond(resp, fmt, 200, "loginresponse", o);
    json_decref(o);
    char cookie[512];
    snprintf(cookie, sizeof(cookie), "JSESSIONID=%s; Path=/client; HttpOnly", jsessionid);
    cs_api_add_header(resp, "Set-Cookie", cookie);
    snprintf(cookie, sizeof(cookie), "sessionkey=%s; Path=/client; HttpOnly; SameSite=Lax",
             sessionkey);
    cs_api_add_header(resp, "Set-Cookie", cookie);
    free(sessionkey);
    free(jsessionid);
    cs_db_user_release(&user);
}

static void logout(struct cs_api *api, const struct cs_api_request *req, enum cs_api_format fmt,
                   struct cs_api_response *resp)
{
    struct cs_err err;
    struct cs_api_session_who who;
    const char *key = cs_api_params_get(req->params, "sessionkey");
    if (!req->cookie_jsessionid ||
        cs_api_sessions_lookup(cs_api_sessions_of(api), req->cookie_jsessionid,
                               req->cookie_sessionkey, key, &who) < 0) {
        cs_err_set(&err, CS_ERR_PARAM, "no session to log out of");
        cs_api_respond_error(resp, fmt, "logoutresponse", &err, -1);
        return;
    }
    cs_api_sessions_destroy(cs_api_sessions_of(api), req->cookie_jsessionid);
    json_t *o = json_pack("{s:s}", "description", "success");
    cs_api_respond(resp, fmt, 200, "logoutresponse", o);
    json_decref(o);
    cs_api_add_header(resp, "Set-Cookie",
                      "JSESSIONID=; Path=/client; Max-Age=0; HttpOnly");
    cs_api_add_header(resp, "Set-Cookie", "sessionkey=; Path=/client; Max-Age=0; HttpOnly");
}

void cs_api_login_handle(struct cs_api *api, const struct cs_api_request *req,
                         const char *command, enum cs_api_format fmt,
                         struct cs_api_response *resp)
{
    if (strcmp(command, "login") == 0)
        login(api, req, fmt, resp);
    else
        logout(api, req, fmt, resp);
}
