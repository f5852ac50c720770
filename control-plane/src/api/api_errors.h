/* The one table mapping service error codes to CloudStack wire errors. */
#ifndef CS_API_ERRORS_H
#define CS_API_ERRORS_H

#include "util_err.h"

struct cs_api_wire_error {
    int status;     /* HTTP status == errorcode */
    int cserrorcode; /* 0 = omitted */
};

/* CloudStack's errorcode / cserrorcode for a service error. */
struct cs_api_wire_error cs_api_wire_error(enum cs_errc code);

/* cserrorcode of errors raised by the dispatcher itself (ServerApiException). */
#define CS_API_CSERR_SERVER_API 9999

#endif
