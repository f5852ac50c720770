/* Request building: the parameter string a call sends, with its CloudStack signature. */
#ifndef CSC_CLIENT_REQUEST_H
#define CSC_CLIENT_REQUEST_H

#include <stdint.h>

#include "cstack/client.h"

/* Credentials a request is built with; all borrowed, any may be NULL. A sessionkey wins over
 * keys (session calls are not signed); no apikey and no sessionkey = unsigned call. */
struct csc_creds {
    const char *apikey;
    const char *secret;
    const char *sessionkey;
};

/* Builds "command=<command>&<params...>&response=json&apikey=..&signature=.." with every key and
 * value encoded like Java's URLEncoder (space as %20). response=json is added unless params
 * contain a "response" key (any case). With opts->expires_in_s != 0, signatureversion=3 and
 * expires=<now + expires_in_s as yyyy-MM-ddTHH:mm:ss+0000> are added before signing.
 * returns: owned. */
char *csc_request_build(const char *command, const struct csc_param *params, size_t n,
                        const struct csc_call_opts *opts, const struct csc_creds *creds,
                        int64_t now);

/* True when params hold a "response" key whose value is not "json" (any case). */
bool csc_request_wants_raw(const struct csc_param *params, size_t n);

#endif
