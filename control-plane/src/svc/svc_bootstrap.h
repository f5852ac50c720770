/* First start of a data dir: the ROOT domain, system and admin accounts, roles, settings. */
#ifndef CS_SVC_BOOTSTRAP_H
#define CS_SVC_BOOTSTRAP_H

#include "svc.h"

/* Creates what a fresh database needs (idempotent), defines every known setting, and sets or
 * generates the admin user's API keys (written to <data_dir>/admin.keys, mode 0600). */
int cs_svc_bootstrap(struct cs_svc *svc, const struct cs_svc_options *opt, struct cs_err *err);

#endif
