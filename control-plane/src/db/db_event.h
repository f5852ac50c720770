/* Events as stored, with the names of their owners. */
#ifndef CS_DB_EVENT_H
#define CS_DB_EVENT_H

#include <stdint.h>

#include "db.h"
#include "util_vec.h"

struct cs_event {
    int64_t id;
    char uuid[37];
    char type[64];        /* VM.CREATE */
    char level[8];        /* INFO, WARN, ERROR */
    char state[16];       /* Created, Scheduled, Started, Completed */
    char description[512];
    int64_t user_id, account_id, domain_id;
    char resource_type[32];
    char resource_uuid[37];
    int64_t start_id;     /* the Scheduled/Started event this one completes */
    int64_t created;
    /* Joined, read-only. */
    char username[256], account[256], domain[256], domain_path[1024], domain_uuid[37];
    char start_uuid[37];
};

struct cs_event_filter {
    int64_t id;
    int64_t account_id;      /* 0 = any */
    const char *domain_path; /* subtree prefix */
    const char *type;
    const char *level;
    const char *keyword;
    int64_t start, end;      /* created range; 0 = open */
    const char *resource_uuid;
};

int cs_db_event_insert(struct cs_db *db, struct cs_event *ev, struct cs_err *err);
int cs_db_event_list(struct cs_db *db, const struct cs_event_filter *f, struct cs_page page,
                     struct cs_vec *ret, struct cs_err *err);

#endif
