/* The one table mapping service error codes to CloudStack wire errors. */
#include "api_errors.h"

static const struct cs_api_wire_error table[CS_ERRC__COUNT] = {
    [CS_OK] = {200, 0},
    [CS_ERR_PARAM] = {431, 4350},       /* InvalidParameterValueException */
    [CS_ERR_NOT_FOUND] = {431, 4350},
    [CS_ERR_MALFORMED] = {430, 9999},
    [CS_ERR_STATE] = {431, 4350},
    [CS_ERR_AUTH] = {401, 0},
    [CS_ERR_LOGIN] = {531, 0},
    [CS_ERR_PERMISSION] = {531, 4365},  /* PermissionDeniedException */
    [CS_ERR_METHOD] = {405, 9999},
    [CS_ERR_UNSUPPORTED] = {432, 9999},
    [CS_ERR_LIMIT] = {532, 4280},       /* AccountLimitException */
    [CS_ERR_CAPACITY] = {533, 4335},    /* InsufficientServerCapacityException */
    [CS_ERR_UNAVAILABLE] = {534, 4380}, /* ResourceUnavailableException */
    [CS_ERR_IN_USE] = {536, 4375},      /* ResourceInUseException */
    [CS_ERR_CONFLICT] = {431, 4350},
    [CS_ERR_SHUTDOWN] = {503, 9999},
    [CS_ERR_INTERNAL] = {530, 4250},    /* CloudRuntimeException */
    [CS_ERR_NOMEM] = {530, 4250},
};

struct cs_api_wire_error cs_api_wire_error(enum cs_errc code)
{
    if ((unsigned)code >= CS_ERRC__COUNT || !table[code].status)
        return table[CS_ERR_INTERNAL];
    return table[code];
}
