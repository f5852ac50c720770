/* Global settings: the known names with defaults, typed reads, validated writes. */
#ifndef CS_SVC_CONFIG_H
#define CS_SVC_CONFIG_H

#include "db_config.h"
#include "svc.h"

/* Defines every known setting (first start inserts defaults; later starts add new ones). */
int cs_svc_config_define_all(struct cs_svc *svc, struct cs_err *err);
/* Typed reads with a fallback when the setting is missing or malformed. */
int64_t cs_svc_config_int(struct cs_svc *svc, const char *name, int64_t dflt);
bool cs_svc_config_bool(struct cs_svc *svc, const char *name, bool dflt);
double cs_svc_config_double(struct cs_svc *svc, const char *name, double dflt);
/* Sets a known setting; CS_ERR_PARAM for an unknown name. */
int cs_svc_config_set(struct cs_svc *svc, const char *name, const char *value,
                      struct cs_err *err);
int cs_svc_config_list(struct cs_svc *svc, const char *name, const char *category,
                       const char *keyword, struct cs_page page, struct cs_vec *ret,
                       struct cs_err *err);

#endif
