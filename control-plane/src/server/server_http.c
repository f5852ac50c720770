/* The HTTP front: libmicrohttpd in thread-pool epoll mode serving /client/api. */
#include "server_http.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "util_buf.h"
#include "util_log.h"
#include "cs_banned.h"

#define DRAIN_WAIT_MS 10000

struct cs_server_http {
    struct MHD_Daemon *daemon;
    cs_http_handler handler;
    void *ud;
    bool integration;
    int port;
    atomic_int inflight; /* requests between URI callback and completion */
    atomic_bool stopping;
};

/* Per-request state, created by the URI callback (so it holds the raw query string) and freed
 * by the completion callback. */
struct req_ctx {
    char *uri; /* raw request target, path + '?' + query */
    struct cs_buf body;
    bool started;   /* the access handler has seen this request once */
    bool form;      /* body is application/x-www-form-urlencoded */
    bool too_large; /* body exceeded CS_HTTP_BODY_MAX; the rest is discarded */
};

static void *uri_cb(void *cls, const char *uri, struct MHD_Connection *conn)
{
    struct cs_server_http *s = cls;
    (void)conn;
    struct req_ctx *c = calloc(1, sizeof(*c));
    if (c)
        c->uri = strdup(uri ? uri : "");
    atomic_fetch_add(&s->inflight, 1);
    return c;
}

static void completed_cb(void *cls, struct MHD_Connection *conn, void **con_cls,
                         enum MHD_RequestTerminationCode toe)
{
    struct cs_server_http *s = cls;
    (void)conn;
    (void)toe;
    struct req_ctx *c = *con_cls;
    if (c) {
        free(c->uri);
        cs_util_buf_release(&c->body);
        free(c);
        *con_cls = NULL;
    }
    atomic_fetch_sub(&s->inflight, 1);
}

static enum MHD_Result send_plain(struct MHD_Connection *conn, unsigned status, const char *text,
                                  bool close)
{
    struct MHD_Response *r = MHD_create_response_from_buffer(strlen(text), (void *)text,
                                                             MHD_RESPMEM_PERSISTENT);
    if (!r)
        return MHD_NO;
    MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, "text/plain; charset=UTF-8");
    if (close)
        MHD_add_response_header(r, MHD_HTTP_HEADER_CONNECTION, "close");
    enum MHD_Result rc = MHD_queue_response(conn, status, r);
    MHD_destroy_response(r);
    return rc;
}

static bool api_path(const char *url)
{
    return strcmp(url, "/client/api") == 0 || strcmp(url, "/client/api/") == 0;
}

static bool is_form(const char *ct)
{
    static const char form[] = "application/x-www-form-urlencoded";
    if (!ct || strncasecmp(ct, form, sizeof(form) - 1) != 0)
        return false;
    char next = ct[sizeof(form) - 1];
    return next == '\0' || next == ';' || next == ' ' || next == '\t';
}

static void peer_addr(struct MHD_Connection *conn, char *out, size_t n)
{
    snprintf(out, n, "unknown");
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    if (!ci || !ci->client_addr)
        return;
    const struct sockaddr *sa = ci->client_addr;
    if (sa->sa_family == AF_INET)
        inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)sa)->sin_addr, out,
                  (socklen_t)n);
    else if (sa->sa_family == AF_INET6)
        inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr, out,
                  (socklen_t)n);
}

/* Hands the response to libmicrohttpd (which takes the body) and frees the rest. */
static enum MHD_Result send_response(struct MHD_Connection *conn, struct cs_http_response *out)
{
    struct MHD_Response *r = MHD_create_response_from_buffer(
        out->body ? out->body_len : 0, out->body ? out->body : (void *)"",
        out->body ? MHD_RESPMEM_MUST_FREE : MHD_RESPMEM_PERSISTENT);
    enum MHD_Result rc = MHD_NO;
    if (r) {
        out->body = NULL; /* owned by r now */
        if (out->content_type)
            MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, out->content_type);
        for (size_t i = 0; i < CS_HTTP_MAX_HEADERS; i++) {
            char *h = out->headers[i];
            char *colon = h ? strchr(h, ':') : NULL;
            if (!colon)
                continue;
            *colon = '\0';
            const char *v = colon + 1;
            while (*v == ' ')
                v++;
            /* MHD refuses values with CR/LF; a header is then dropped, not the response. */
            MHD_add_response_header(r, h, v);
        }
        unsigned status = out->status >= 100 && out->status <= 999 ? (unsigned)out->status : 500;
        rc = MHD_queue_response(conn, status, r);
        MHD_destroy_response(r);
    }
    free(out->body);
    free(out->content_type);
    for (size_t i = 0; i < CS_HTTP_MAX_HEADERS; i++)
        free(out->headers[i]);
    return rc;
}

static enum MHD_Result finish(struct cs_server_http *s, struct MHD_Connection *conn,
                              const char *url, const char *method, struct req_ctx *c)
{
    if (c->too_large)
        return send_plain(conn, 413, "request body too large\n", true);
    struct cs_err err;
    cs_err_clear(&err);
    struct cs_api_params *params = cs_api_params_new();
    if (!params)
        return send_plain(conn, MHD_HTTP_SERVICE_UNAVAILABLE, "out of memory\n", true);
    const char *q = strchr(c->uri, '?');
    int rc = q ? cs_api_params_parse(params, q + 1, strlen(q + 1), &err) : 0;
    if (rc == 0 && c->form && !s->integration && c->body.len)
        rc = cs_api_params_parse(params, c->body.data, c->body.len, &err);

    char addr[INET6_ADDRSTRLEN + 1];
    peer_addr(conn, addr, sizeof(addr));
    struct cs_http_request req = {
        .method = method,
        .url = url,
        .params = rc == 0 ? params : NULL,
        .param_error = rc == 0 ? NULL : &err,
        .cookie_jsessionid = MHD_lookup_connection_value(conn, MHD_COOKIE_KIND, "JSESSIONID"),
        .cookie_sessionkey = MHD_lookup_connection_value(conn, MHD_COOKIE_KIND, "sessionkey"),
        .remote_addr = addr,
        .integration = s->integration,
    };
    struct cs_http_response out;
    memset(&out, 0, sizeof(out));
    s->handler(s->ud, &req, &out);
    cs_api_params_free(params);
    return send_response(conn, &out);
}

static enum MHD_Result access_cb(void *cls, struct MHD_Connection *conn, const char *url,
                                 const char *method, const char *version,
                                 const char *upload_data, size_t *upload_data_size,
                                 void **con_cls)
{
    struct cs_server_http *s = cls;
    struct req_ctx *c = *con_cls;
    (void)version;
    if (!c || !c->uri)
        return MHD_NO; /* out of memory in uri_cb: drop the connection */
    if (!c->started) {
        c->started = true;
        if (atomic_load(&s->stopping))
            return send_plain(conn, MHD_HTTP_SERVICE_UNAVAILABLE, "server is shutting down\n",
                              true);
        const char *cl = MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
                                                     MHD_HTTP_HEADER_CONTENT_LENGTH);
        if (cl && strtoull(cl, NULL, 10) > CS_HTTP_BODY_MAX)
            return send_plain(conn, 413, "request body too large\n", true);
        c->form = is_form(MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
                                                      MHD_HTTP_HEADER_CONTENT_TYPE));
        /* Answer on a later callback: queueing on the first one makes MHD close the connection
         * (performance.md), so even the plain errors wait for the end of the request. */
        return MHD_YES;
    }
    if (*upload_data_size) {
        if (!c->too_large && c->body.len + *upload_data_size > CS_HTTP_BODY_MAX) {
            c->too_large = true;
            cs_util_buf_release(&c->body);
        }
        if (!c->too_large && c->form)
            cs_util_buf_add(&c->body, upload_data, *upload_data_size);
        *upload_data_size = 0;
        return MHD_YES;
    }
    if (!api_path(url))
        return send_plain(conn, MHD_HTTP_NOT_FOUND, "not found\n", false);
    if (strcmp(method, "GET") != 0 && strcmp(method, "POST") != 0)
        return send_plain(conn, MHD_HTTP_METHOD_NOT_ALLOWED, "method not allowed\n", false);
    return finish(s, conn, url, method, c);
}

static int pool_size(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 64 ? 64 : (int)n;
}

struct cs_server_http *cs_server_http_start(const char *bind_addr, int port, bool integration,
                                            cs_http_handler handler, void *ud,
                                            struct cs_err *err)
{
    if (port < 0 || port > 65535) {
        cs_err_set(err, CS_ERR_PARAM, "invalid port %d", port);
        return NULL;
    }
    struct sockaddr_storage ss;
    memset(&ss, 0, sizeof(ss));
    struct sockaddr_in *v4 = (struct sockaddr_in *)&ss;
    struct sockaddr_in6 *v6 = (struct sockaddr_in6 *)&ss;
    const char *addr = bind_addr && *bind_addr ? bind_addr : "127.0.0.1";
    unsigned flags = MHD_USE_EPOLL_INTERNAL_THREAD | MHD_USE_ITC;
    if (inet_pton(AF_INET, addr, &v4->sin_addr) == 1) {
        v4->sin_family = AF_INET;
        v4->sin_port = htons((uint16_t)port);
    } else if (inet_pton(AF_INET6, addr, &v6->sin6_addr) == 1) {
        v6->sin6_family = AF_INET6;
        v6->sin6_port = htons((uint16_t)port);
        flags |= MHD_USE_IPv6;
    } else {
        cs_err_set(err, CS_ERR_PARAM, "invalid bind address '%s'", addr);
        return NULL;
    }
    struct cs_server_http *s = calloc(1, sizeof(*s));
    if (!s) {
        cs_err_set(err, CS_ERR_NOMEM, "out of memory");
        return NULL;
    }
    s->handler = handler;
    s->ud = ud;
    s->integration = integration;
    atomic_init(&s->inflight, 0);
    atomic_init(&s->stopping, false);
    s->daemon = MHD_start_daemon(
        flags, (uint16_t)port, NULL, NULL, access_cb, s, MHD_OPTION_SOCK_ADDR,
        (struct sockaddr *)&ss, MHD_OPTION_THREAD_POOL_SIZE, (unsigned)pool_size(),
        MHD_OPTION_URI_LOG_CALLBACK, uri_cb, s, MHD_OPTION_NOTIFY_COMPLETED, completed_cb, s,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)CS_HTTP_CONN_MEMORY,
        MHD_OPTION_CONNECTION_LIMIT, (unsigned)CS_HTTP_CONN_MAX,
        MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)CS_HTTP_CONN_PER_IP,
        MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)CS_HTTP_IDLE_TIMEOUT_S,
        MHD_OPTION_LISTENING_ADDRESS_REUSE, (unsigned)1, MHD_OPTION_STRICT_FOR_CLIENT, (int)1,
        MHD_OPTION_END);
    if (!s->daemon) {
        cs_err_set(err, CS_ERR_UNAVAILABLE, "cannot listen on %s:%d", addr, port);
        free(s);
        return NULL;
    }
    const union MHD_DaemonInfo *di = MHD_get_daemon_info(s->daemon, MHD_DAEMON_INFO_BIND_PORT);
    s->port = di ? di->port : port;
    return s;
}

int cs_server_http_port(const struct cs_server_http *s)
{
    return s->port;
}

void cs_server_http_stop(struct cs_server_http *s)
{
    if (!s)
        return;
    atomic_store(&s->stopping, true);
    MHD_socket fd = MHD_quiesce_daemon(s->daemon);
    if (fd != MHD_INVALID_SOCKET)
        close(fd);
    /* Let requests being handled finish and their responses go out. */
    for (int waited = 0; atomic_load(&s->inflight) > 0 && waited < DRAIN_WAIT_MS; waited += 5) {
        struct timespec ts = {0, 5 * 1000 * 1000};
        nanosleep(&ts, NULL);
    }
    if (atomic_load(&s->inflight) > 0)
        cs_log_warn("http: stopping with %d requests still in flight",
                    atomic_load(&s->inflight));
    MHD_stop_daemon(s->daemon);
    free(s);
}
