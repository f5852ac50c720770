/* The one error type that flows up from every layer. */
#ifndef CS_UTIL_ERR_H
#define CS_UTIL_ERR_H

#include <stdarg.h>

/* What went wrong, in the terms of the cloud. The API layer maps each to a CloudStack wire error
 * (HTTP status, errorcode, cserrorcode) and the EC2 layer to an EC2 code; no layer below the API
 * knows those numbers. */
enum cs_errc {
    CS_OK = 0,
    CS_ERR_PARAM,        /* bad or missing parameter value (431) */
    CS_ERR_NOT_FOUND,    /* an id names nothing (431, "entity does not exist") */
    CS_ERR_MALFORMED,    /* malformed map parameter (430) */
    CS_ERR_STATE,        /* object in the wrong state for the operation (431) */
    CS_ERR_AUTH,         /* bad credentials or signature (401) */
    CS_ERR_LOGIN,        /* failed login (531) */
    CS_ERR_PERMISSION,   /* caller may not do this (531) */
    CS_ERR_METHOD,       /* wrong HTTP method (405) */
    CS_ERR_UNSUPPORTED,  /* operation not supported here (432) */
    CS_ERR_LIMIT,        /* resource limit exceeded (532) */
    CS_ERR_CAPACITY,     /* no host/pool with enough capacity (533) */
    CS_ERR_UNAVAILABLE,  /* host/agent/storage unavailable (534) */
    CS_ERR_IN_USE,       /* resource in use (536) */
    CS_ERR_CONFLICT,     /* duplicate name or rule conflict (431) */
    CS_ERR_SHUTDOWN,     /* server is shutting down (503) */
    CS_ERR_INTERNAL,     /* anything else (530) */
    CS_ERR_NOMEM,        /* allocation failure (530) */
    CS_ERRC__COUNT
};

#define CS_ERR_MSG_MAX 512

struct cs_err {
    enum cs_errc code;
    char msg[CS_ERR_MSG_MAX];
};

/* Sets err (if not NULL) and returns -code, so `return cs_err_set(err, ...)` reads naturally. */
int cs_err_set(struct cs_err *err, enum cs_errc code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
int cs_err_setv(struct cs_err *err, enum cs_errc code, const char *fmt, va_list ap);
void cs_err_clear(struct cs_err *err);
/* Name of a code, for logs and tests: "CS_ERR_PARAM". */
const char *cs_err_name(enum cs_errc code);

#endif
