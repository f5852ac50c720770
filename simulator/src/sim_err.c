/* The simulator's small error type. */
#include <stdarg.h>
#include <stdio.h>

#include "sim.h"

int sim_err_set(struct sim_err *err, enum sim_errc code, const char *fmt, ...)
{
    if (err) {
        va_list ap;
        err->code = code;
        va_start(ap, fmt);
        vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
        va_end(ap);
    }
    return -(int)code;
}

const char *sim_err_name(enum sim_errc code)
{
    static const char *const names[SIM_ERRC__COUNT] = {
        [SIM_OK] = "SIM_OK",
        [SIM_ERR_PARAM] = "SIM_ERR_PARAM",
        [SIM_ERR_NO_HOST] = "SIM_ERR_NO_HOST",
        [SIM_ERR_NOT_FOUND] = "SIM_ERR_NOT_FOUND",
        [SIM_ERR_STATE] = "SIM_ERR_STATE",
        [SIM_ERR_HOST_DOWN] = "SIM_ERR_HOST_DOWN",
        [SIM_ERR_FAIL] = "SIM_ERR_FAIL",
        [SIM_ERR_FAULT] = "SIM_ERR_FAULT",
        [SIM_ERR_NOMEM] = "SIM_ERR_NOMEM",
    };
    if ((unsigned)code >= SIM_ERRC__COUNT)
        return "SIM_ERR_?";
    return names[code];
}
