/* The glue between the HTTP front and the API: one HTTP request in, the API's answer out. */
#ifndef CS_SERVER_GLUE_H
#define CS_SERVER_GLUE_H

#include <stdbool.h>

#include "api.h"
#include "server_http.h"

/* Serves api on bind:port (port 0 picks one; see cs_server_http_port). integration = the
 * unauthenticated integration port. returns: owned (stop with cs_server_http_stop). */
struct cs_server_http *cs_server_glue_start(struct cs_api *api, const char *bind, int port,
                                            bool integration, struct cs_err *err);

#endif
