/* The API entry points: one HTTP-independent request in, one rendered response out; and the
 * step function that runs async commands as jobs. */
#ifndef CS_API_H
#define CS_API_H

#include <stdbool.h>
#include <stddef.h>

#include "api_params.h"
#include "job.h"
#include "svc.h"

struct cs_api;

/* One request as the HTTP front hands it over. */
struct cs_api_request {
    const char *method;            /* "GET", "POST" */
    const struct cs_api_params *params; /* NULL when param_error is set */
    const struct cs_err *param_error;   /* the parameters could not be decoded (→ 431) */
    const char *cookie_jsessionid; /* may be NULL */
    const char *cookie_sessionkey; /* may be NULL */
    const char *remote_addr;
    bool integration;              /* the unauthenticated integration port */
};

/* The answer. Strings owned by the response; release with cs_api_response_release. */
struct cs_api_response {
    int status;
    const char *content_type; /* static */
    char *body;
    size_t body_len;
    char *headers[6]; /* "Name: value" lines (Set-Cookie, X-Description) */
    int n_headers;
};

/* returns: owned */
struct cs_api *cs_api_new(struct cs_svc *svc, struct cs_err *err);
void cs_api_free(struct cs_api *api);
/* Authenticates, authorizes, validates and runs one request. Thread-safe. */
void cs_api_handle(struct cs_api *api, const struct cs_api_request *req,
                   struct cs_api_response *resp);
void cs_api_response_release(struct cs_api_response *resp);

/* The job engine's step function and failure-code mapping (ud = struct cs_api *). */
int cs_api_job_run(void *ud, const struct cs_job *job, char **ret_result, struct cs_err *err);
int cs_api_job_code(void *ud, const struct cs_err *err);

#endif
