/* Service offerings as stored. */
#ifndef CS_DB_OFFERING_H
#define CS_DB_OFFERING_H

#include <stdbool.h>
#include <stdint.h>

#include "db.h"
#include "util_vec.h"

struct cs_service_offering {
    int64_t id;
    char uuid[37];
    char name[256];
    char displaytext[512];
    int cpunumber;   /* 0 = chosen at deploy time (custom offering) */
    int cpuspeed;    /* MHz per vCPU, 0 = custom */
    int64_t memory;  /* MiB, 0 = custom */
    bool offerha, limitcpuuse, isvolatile, issystem;
    char storagetype[16];      /* shared, local */
    char provisioningtype[16]; /* thin, sparse, fat */
    char hosttags[256];
    char storagetags[256];
    char deploymentplanner[64];
    int64_t domain_id; /* 0 = public */
    int64_t zone_id;   /* 0 = every zone */
    int64_t rootdisksize;
    char state[16];    /* Active, Inactive */
    int64_t created;
    /* joined, read only */
    char domain_uuid[37], domain_name[256];
    char zone_uuid[37], zone_name[256];
};

struct cs_service_offering_filter {
    int64_t id;
    const char *name;
    const char *keyword;
    bool issystem;      /* system offerings, or (false) user offerings */
    int64_t zone_id;    /* offerings usable in this zone */
    int64_t domain_id;  /* public offerings plus those of this domain; 0 = all */
    int64_t vm_id;      /* offerings a VM may change to (not its current one) */
    int cpunumber, cpuspeed;
    int64_t memory;
    const char *storagetype;
    const char *state;  /* NULL = Active, "all" = any */
};

int cs_db_service_offering_insert(struct cs_db *db, struct cs_service_offering *o,
                                  struct cs_err *err);
int cs_db_service_offering_get(struct cs_db *db, int64_t id, struct cs_service_offering *ret,
                               struct cs_err *err);
/* A live offering by name; CS_ERR_NOT_FOUND when none. */
int cs_db_service_offering_find(struct cs_db *db, const char *name,
                                struct cs_service_offering *ret, struct cs_err *err);
int cs_db_service_offering_list(struct cs_db *db, const struct cs_service_offering_filter *f,
                                struct cs_page page, struct cs_vec *ret, struct cs_err *err);

#endif
