/* The banner cstackd prints once it serves: where, the admin keys, a ready-to-paste example. */
#ifndef CS_SERVER_WELCOME_H
#define CS_SERVER_WELCOME_H

#include <stdio.h>

#include "svc.h"

/* Prints the banner for the API at url. keys_path names the admin keys file (its keys are
 * shown), NULL when the keys came from --admin-keys. The example deploy names the first
 * enabled zone, user service offering and featured template, when there are some. */
void cs_server_welcome_print(FILE *out, struct cs_svc *svc, const char *url,
                             const char *keys_path);

#endif
