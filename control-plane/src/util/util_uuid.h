/* Random (v4) UUIDs, the public identity of every object. */
#ifndef CS_UTIL_UUID_H
#define CS_UTIL_UUID_H

#include <stdbool.h>

#define CS_UUID_LEN 36
#define CS_UUID_BUF 37

/* Writes a new random lowercase v4 UUID into out (37 bytes). */
void cs_util_uuid_new(char out[CS_UUID_BUF]);
/* True when s is a UUID of 8-4-4-4-12 hex digits (any case). */
bool cs_util_uuid_valid(const char *s);

#endif
