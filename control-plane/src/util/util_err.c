/* The one error type: setting, clearing and naming error codes. */
#include "util_err.h"

#include <stdio.h>
#include <string.h>

static const char *const names[CS_ERRC__COUNT] = {
    [CS_OK] = "CS_OK",
    [CS_ERR_PARAM] = "CS_ERR_PARAM",
    [CS_ERR_NOT_FOUND] = "CS_ERR_NOT_FOUND",
    [CS_ERR_MALFORMED] = "CS_ERR_MALFORMED",
    [CS_ERR_STATE] = "CS_ERR_STATE",
    [CS_ERR_AUTH] = "CS_ERR_AUTH",
    [CS_ERR_LOGIN] = "CS_ERR_LOGIN",
    [CS_ERR_PERMISSION] = "CS_ERR_PERMISSION",
    [CS_ERR_METHOD] = "CS_ERR_METHOD",
    [CS_ERR_UNSUPPORTED] = "CS_ERR_UNSUPPORTED",
    [CS_ERR_LIMIT] = "CS_ERR_LIMIT",
    [CS_ERR_CAPACITY] = "CS_ERR_CAPACITY",
    [CS_ERR_UNAVAILABLE] = "CS_ERR_UNAVAILABLE",
    [CS_ERR_IN_USE] = "CS_ERR_IN_USE",
    [CS_ERR_CONFLICT] = "CS_ERR_CONFLICT",
    [CS_ERR_SHUTDOWN] = "CS_ERR_SHUTDOWN",
    [CS_ERR_INTERNAL] = "CS_ERR_INTERNAL",
    [CS_ERR_NOMEM] = "CS_ERR_NOMEM",
};

int cs_err_setv(struct cs_err *err, enum cs_errc code, const char *fmt, va_list ap)
{
    if (err) {
        err->code = code;
        vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
    }
    return -(int)code;
}

int cs_err_set(struct cs_err *err, enum cs_errc code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int rc = cs_err_setv(err, code, fmt, ap);
    va_end(ap);
    return rc;
}

void cs_err_clear(struct cs_err *err)
{
    if (err) {
        err->code = CS_OK;
        err->msg[0] = '\0';
    }
}

const char *cs_err_name(enum cs_errc code)
{
    if ((unsigned)code >= CS_ERRC__COUNT)
        return "CS_ERR_?";
    return names[code];
}
