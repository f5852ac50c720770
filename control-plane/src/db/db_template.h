/* Templates, guest OS types and OS categories as stored. */
#ifndef CS_DB_TEMPLATE_H
#define CS_DB_TEMPLATE_H

#include <stdbool.h>
#include <stdint.h>

#include "db.h"
#include "util_vec.h"

struct cs_os_category {
    int64_t id;
    char uuid[37];
    char name[128];
};

struct cs_os_type {
    int64_t id;
    char uuid[37];
    char description[256];
    int64_t category_id;
    int64_t created;
    /* joined, read only */
    char category_uuid[37];
    char category_name[128];
};

struct cs_template {
    int64_t id;
    char uuid[37];
    char name[256];
    char displaytext[512];
    char format[16];      /* QCOW2, RAW, VHD, OVA, ... */
    char hypervisor[32];
    int64_t os_type_id;
    char url[1024];
    char checksum[160];
    char type[16];        /* USER, BUILTIN, SYSTEM, ... */
    bool ispublic, isfeatured, isextractable, passwordenabled, sshkeyenabled, bootable;
    bool requireshvm, isdynamicallyscalable;
    int64_t account_id, domain_id;
    int64_t zone_id;      /* 0 = cross-zone */
    int64_t size;         /* bytes */
    char status[64];      /* "Download Complete" */
    bool isready;
    int64_t created;
    int64_t removed;
    /* joined, read only */
    char os_type_uuid[37], os_type_name[256];
    char account_uuid[37], account_name[256];
    char domain_uuid[37], domain_name[256];
    /* the zone this list entry is for (a cross-zone template is listed once per zone) */
    int64_t listed_zone_id;
    char listed_zone_uuid[37], listed_zone_name[256];
};

/* Which templates a list returns, relative to f->account_id. */
enum cs_db_template_scope {
    CS_DB_TPL_ALL,
    CS_DB_TPL_FEATURED,        /* public and featured */
    CS_DB_TPL_COMMUNITY,       /* public, not featured */
    CS_DB_TPL_OWNED,           /* owned by account_id */
    CS_DB_TPL_OWNED_OR_PUBLIC, /* owned by account_id, or public */
};

struct cs_template_filter {
    int64_t id;
    const char *name;
    const char *keyword;
    const char *hypervisor;
    const char *type;
    int64_t zone_id;       /* listed in this zone */
    int64_t os_category_id;
    enum cs_db_template_scope scope;
    int64_t account_id;
    bool ready_only;
    bool show_removed;
};

struct cs_os_type_filter {
    int64_t id;
    int64_t category_id;
    const char *description;
    const char *keyword;
};

int cs_db_os_category_insert(struct cs_db *db, struct cs_os_category *c, struct cs_err *err);
int cs_db_os_category_list(struct cs_db *db, int64_t id, const char *name, const char *keyword,
                           struct cs_page page, struct cs_vec *ret, struct cs_err *err);
/* By uuid; CS_ERR_NOT_FOUND when none. */
int cs_db_os_category_find_uuid(struct cs_db *db, const char *uuid, struct cs_os_category *ret,
                                struct cs_err *err);

int cs_db_os_type_insert(struct cs_db *db, struct cs_os_type *t, struct cs_err *err);
int cs_db_os_type_get(struct cs_db *db, int64_t id, struct cs_os_type *ret, struct cs_err *err);
/* By exact description ("CentOS 5.6 (64-bit)"); CS_ERR_NOT_FOUND when none. */
int cs_db_os_type_find(struct cs_db *db, const char *description, struct cs_os_type *ret,
                       struct cs_err *err);
int cs_db_os_type_list(struct cs_db *db, const struct cs_os_type_filter *f, struct cs_page page,
                       struct cs_vec *ret, struct cs_err *err);

int cs_db_template_insert(struct cs_db *db, struct cs_template *t, struct cs_err *err);
/* One template (removed ones too), listed_zone_* left empty. */
int cs_db_template_get(struct cs_db *db, int64_t id, struct cs_template *ret,
                       struct cs_err *err);
/* A live template by name; CS_ERR_NOT_FOUND when none. */
int cs_db_template_find(struct cs_db *db, const char *name, struct cs_template *ret,
                        struct cs_err *err);
/* One entry per (template, zone it is available in); a cross-zone template with no zone yet is
 * listed once without a zone. */
int cs_db_template_list(struct cs_db *db, const struct cs_template_filter *f, struct cs_page page,
                        struct cs_vec *ret, struct cs_err *err);

#endif
