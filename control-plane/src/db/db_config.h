/* Global settings as stored (the configuration table). */
#ifndef CS_DB_CONFIG_H
#define CS_DB_CONFIG_H

#include "db.h"
#include "util_vec.h"

struct cs_config {
    char name[128];
    char *value;        /* owned, may be NULL */
    char *default_value; /* owned */
    char category[64];
    char *description;  /* owned */
    char scope[32];
};

void cs_db_config_vec_release(struct cs_vec *vec);
/* Inserts the setting if it is not there (first start), leaving an existing value alone. */
int cs_db_config_define(struct cs_db *db, const char *name, const char *default_value,
                        const char *category, const char *description, struct cs_err *err);
int cs_db_config_set(struct cs_db *db, const char *name, const char *value, struct cs_err *err);
/* Current value into out ("" when unset); CS_ERR_NOT_FOUND for an unknown name. */
int cs_db_config_get(struct cs_db *db, const char *name, char *out, size_t outlen,
                     struct cs_err *err);
int cs_db_config_list(struct cs_db *db, const char *name, const char *category,
                      const char *keyword, struct cs_page page, struct cs_vec *ret,
                      struct cs_err *err);

#endif
