/* The glue between the HTTP front and the API: one HTTP request in, the API's answer out. */
#include "server_glue.h"

#include <stdlib.h>
#include <string.h>

static void handle(void *ud, const struct cs_http_request *hreq, struct cs_http_response *hresp)
{
    struct cs_api *api = ud;
    struct cs_api_request req = {.method = hreq->method,
                                 .params = hreq->params,
                                 .param_error = hreq->param_error,
                                 .cookie_jsessionid = hreq->cookie_jsessionid,
                                 .cookie_sessionkey = hreq->cookie_sessionkey,
                                 .remote_addr = hreq->remote_addr,
                                 .integration = hreq->integration};
    struct cs_api_response resp;
    cs_api_handle(api, &req, &resp);
    hresp->status = resp.status;
    hresp->content_type = resp.content_type ? strdup(resp.content_type) : NULL;
    hresp->body = resp.body; /* handed over */
    hresp->body_len = resp.body_len;
    resp.body = NULL;
    for (int i = 0; i < resp.n_headers && i < CS_HTTP_MAX_HEADERS; i++) {
        hresp->headers[i] = resp.headers[i];
        resp.headers[i] = NULL;
    }
    cs_api_response_release(&resp);
}

struct cs_server_http *cs_server_glue_start(struct cs_api *api, const char *bind, int port,
                                            bool integration, struct cs_err *err)
{
    return cs_server_http_start(bind, port, integration, handle, api, err);
}
