/* Versioned schema migrations, run at open. */
#ifndef CS_DB_MIGRATE_H
#define CS_DB_MIGRATE_H

#include "db.h"

/* Applies every migration newer than the file's user_version, each in its own transaction. */
int cs_db_migrate(struct cs_db *db, int *ret_version, struct cs_err *err);

#endif
