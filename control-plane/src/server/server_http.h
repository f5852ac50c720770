/* The HTTP front (libmicrohttpd): /client/api requests in, a handler's responses out. It knows
 * nothing of the API: it collects parameters and cookies and sends what the handler answers. */
#ifndef CS_SERVER_HTTP_H
#define CS_SERVER_HTTP_H

#include <stdbool.h>
#include <stddef.h>

#include "api_params.h"
#include "util_err.h"

/* Limits (reliability.md section 7). */
#define CS_HTTP_BODY_MAX (2 * 1024 * 1024) /* request body bytes; larger → 413 */
#define CS_HTTP_CONN_MEMORY (64 * 1024)    /* per-connection pool: request line + headers */
#define CS_HTTP_CONN_MAX 4096
#define CS_HTTP_CONN_PER_IP 256
#define CS_HTTP_IDLE_TIMEOUT_S 30
#define CS_HTTP_MAX_HEADERS 8

/* One request, valid only during the handler call (everything borrowed). */
struct cs_http_request {
    const char *method; /* "GET", "POST" */
    const char *url;    /* path without the query string */
    /* The query string and, for POST with Content-Type application/x-www-form-urlencoded, the body,
     * merged into one set (a name in both is a duplicate unless the values are equal). NULL when
     * param_error is set. On the integration port only the query string is read (spec 1.6). */
    const struct cs_api_params *params;
    /* Set when the parameters could not be collected: CS_ERR_PARAM with the reason (invalid
     * percent-encoding, invalid UTF-8, duplicate, too many or too long). The handler renders it
     * (CloudStack answers 431). */
    const struct cs_err *param_error;
    const char *cookie_jsessionid; /* JSESSIONID cookie or NULL */
    const char *cookie_sessionkey; /* sessionkey cookie or NULL */
    const char *remote_addr;       /* numeric address of the peer */
    bool integration;              /* this front serves the unauthenticated integration port */
};

/* The handler's answer. Everything owned by the response: the front frees it after sending. */
struct cs_http_response {
    int status;         /* sent as-is, including CloudStack's 431/530/533...; 0 means 500 */
    char *content_type; /* NULL: no Content-Type header */
    char *body;         /* may be NULL (empty body) */
    size_t body_len;
    char *headers[CS_HTTP_MAX_HEADERS]; /* "Name: value" lines (Set-Cookie, X-Description) */
};

/* Fills resp for req. Runs on one of the server's threads, concurrently with other calls. */
typedef void (*cs_http_handler)(void *ud, const struct cs_http_request *req,
                                struct cs_http_response *resp);

struct cs_server_http;

/* Serves http://bind_addr:port/client/api (and /client/api/; other paths → 404, methods other
 * than GET/POST → 405, both plain text) with a pool of one epoll thread per CPU. port 0 picks a
 * free port (see cs_server_http_port). returns: owned, NULL with err set on failure. */
struct cs_server_http *cs_server_http_start(const char *bind_addr, int port, bool integration,
                                            cs_http_handler handler, void *ud,
                                            struct cs_err *err);
/* The port actually bound. */
int cs_server_http_port(const struct cs_server_http *s);
/* Stops accepting, lets in-flight requests finish and send their answers (up to 10 s; requests
 * arriving meanwhile on open keep-alive connections get 503), then stops. Accepts NULL. */
void cs_server_http_stop(struct cs_server_http *s);

#endif
