/* libcstack-client: signed CloudStack API calls over libcurl, sessions and async-job polling. */
#ifndef CSTACK_CLIENT_H
#define CSTACK_CLIENT_H

#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>

/* Return codes of the calls below (0 = success). */
#define CSC_EAPI (-1)       /* the server answered with an API error (see the result's error fields) */
#define CSC_ETRANSPORT (-2) /* no usable answer: connection failure, timeout, unparseable body */

/* One request parameter; both strings are borrowed for the duration of the call. */
struct csc_param {
    const char *key;
    const char *value;
};

/* Per-call options; a NULL options pointer means all defaults (GET, signed, no expiry). */
struct csc_call_opts {
    bool post;              /* send the parameters as a form body (POST) instead of a query */
    long expires_in_s;      /* != 0: add signatureversion=3 and expires = now + this (may be < 0) */
    const char *signature;  /* send this signature instead of the computed one */
    bool omit_signature;    /* send the api key but no signature */
    const char *apikey_name; /* parameter name for the api key; default "apikey" */
    const char *cookie;     /* extra "Cookie:" header content, e.g. "JSESSIONID=..; sessionkey=.." */
    long timeout_ms;        /* transfer timeout; 0 = 60 s */
};

/* The outcome of one call. Release with csc_result_release; a zeroed struct is a valid empty one. */
struct csc_result {
    long http_status;  /* 0 when nothing was received */
    char *body;        /* owned: raw response body */
    char *content_type; /* owned: Content-Type header, or NULL */
    json_t *root;      /* owned: the whole parsed document (NULL for XML or on parse failure) */
    json_t *obj;       /* borrowed from root: the object under the single "...response" key */
    char *key;         /* owned: that key's name, e.g. "listzonesresponse" */
    int errorcode;     /* 0 unless the response (or failed job) carries one */
    int cserrorcode;   /* 0 when absent */
    char *errortext;   /* owned; NULL when absent; transport errors are described here too */
};

struct csc_client;

/* endpoint: e.g. "http://127.0.0.1:8080/client/api". apikey NULL = unsigned calls (integration
 * port). Returns: owned (NULL on allocation failure).
 * Threads: a handle may be shared by several threads; its calls are then serialized by a
 * mutex. For parallel requests use one handle per thread. */
struct csc_client *csc_client_new(const char *endpoint, const char *apikey, const char *secret);
void csc_client_free(struct csc_client *c);

/* Calls command. "response=json" is added unless params contain "response" (then, if it is not
 * json, only body/content_type/http_status are filled). Signs with cs_util_cs_sign over every
 * parameter sent when the client has keys and no session.
 * returns: 0 on success, CSC_EAPI or CSC_ETRANSPORT; ret is filled in every case (release it). */
int csc_call(struct csc_client *c, const char *command, const struct csc_param *params, size_t n,
             struct csc_result *ret);
int csc_call_opts(struct csc_client *c, const char *command, const struct csc_param *params,
                  size_t n, const struct csc_call_opts *opts, struct csc_result *ret);

/* Polls queryAsyncJobResult (50 ms doubling to 1 s) until jobstatus != 0 or timeout_ms passes.
 * ret is the queryasyncjobresultresponse. returns: 0 when jobstatus is 1; CSC_EAPI when the job
 * failed (errorcode/errortext taken from jobresult) or the query failed; CSC_ETRANSPORT on
 * transport failure or timeout. */
int csc_wait_job(struct csc_client *c, const char *jobid, int timeout_ms, struct csc_result *ret);

/* csc_call; when the response carries "jobid", waits for the job and returns its result in ret
 * (the kick-off response is dropped). */
int csc_call_wait(struct csc_client *c, const char *command, const struct csc_param *params,
                  size_t n, int timeout_ms, struct csc_result *ret);

/* Session mode: POST login (domain may be NULL = ROOT). Keeps the cookies and sends the
 * sessionkey parameter instead of signing afterwards. returns: 0, CSC_EAPI, CSC_ETRANSPORT. */
int csc_login(struct csc_client *c, const char *user, const char *password, const char *domain,
              struct csc_result *ret);
/* Calls logout and leaves session mode (cookies and key forgotten even if the call fails). */
int csc_logout(struct csc_client *c, struct csc_result *ret);
/* The current session key, or NULL outside session mode. returns: borrowed. */
const char *csc_client_sessionkey(const struct csc_client *c);
/* The value of a cookie held by the client, or NULL. returns: owned. */
char *csc_client_cookie(struct csc_client *c, const char *name);

/* Parses ret->body (JSON) into root/obj/key and the error fields. Used by csc_call; exposed for
 * callers holding a body from elsewhere. returns: 0, or CSC_ETRANSPORT when the body is not a
 * JSON object with a "...response" key (errortext says why). Does not look at http_status. */
int csc_result_parse(struct csc_result *ret);
void csc_result_release(struct csc_result *r);

/* Reads a keys file of lines "apikey=..." and "secretkey=..." (the one cstackd writes).
 * returns: 0 and both owned strings, or -1 (nothing written). */
int csc_keys_load(const char *path, char **ret_apikey, char **ret_secret);

#endif
