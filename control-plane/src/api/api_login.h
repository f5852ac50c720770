/* Session login and logout (the two commands that run before authentication). */
#ifndef CS_API_LOGIN_H
#define CS_API_LOGIN_H

#include "api.h"
#include "api_render.h"

void cs_api_login_handle(struct cs_api *api, const struct cs_api_request *req,
                         const char *command, enum cs_api_format fmt,
                         struct cs_api_response *resp);

/* Shared with the dispatcher (api_dispatch.c). */
struct cs_api_sessions *cs_api_sessions_of(struct cs_api *api);
struct cs_svc *cs_api_svc(struct cs_api *api);
void cs_api_respond(struct cs_api_response *resp, enum cs_api_format fmt, int status,
                    const char *response_name, const json_t *body);
void cs_api_respond_error(struct cs_api_response *resp, enum cs_api_format fmt,
                          const char *response_name, const struct cs_err *err,
                          int cserr_override);
void cs_api_add_header(struct cs_api_response *resp, const char *name, const char *value);

#endif
