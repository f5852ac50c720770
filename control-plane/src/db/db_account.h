/* Domains, accounts and users as stored. */
#ifndef CS_DB_ACCOUNT_H
#define CS_DB_ACCOUNT_H

#include <stdint.h>

#include "db.h"
#include "util_vec.h"

struct cs_domain {
    int64_t id;
    char uuid[37];
    char name[256];
    char path[1024]; /* "/" for ROOT, "/child/" below */
    int64_t parent_id;
    int level;
    char state[16];
    int64_t created;
};

struct cs_account {
    int64_t id;
    char uuid[37];
    char name[256];
    int type;
    int64_t domain_id;
    int64_t role_id;
    char state[16]; /* enabled, disabled, locked */
    int64_t created;
};

struct cs_user {
    int64_t id;
    char uuid[37];
    char username[256];
    char *password;   /* hash; owned */
    char firstname[256];
    char lastname[256];
    char email[256];
    char timezone[64];
    int64_t account_id;
    char state[16];
    char *api_key;    /* owned, may be NULL */
    char *secret_key; /* owned, may be NULL */
    int64_t created;
};

struct cs_role {
    int64_t id;
    char uuid[37];
    char name[128];
    char type[32];
    char description[256];
};

void cs_db_user_release(struct cs_user *u);
/* Releases every user of a vector of struct cs_user, then the vector. */
void cs_db_user_vec_release(struct cs_vec *vec);

int cs_db_domain_insert(struct cs_db *db, struct cs_domain *d, struct cs_err *err);
int cs_db_domain_get(struct cs_db *db, int64_t id, struct cs_domain *ret, struct cs_err *err);
/* Domains whose path starts with prefix (subtree), or all with prefix "/". */
int cs_db_domain_list(struct cs_db *db, int64_t id, const char *name, const char *path_prefix,
                      struct cs_page page, struct cs_vec *ret, struct cs_err *err);

int cs_db_role_insert(struct cs_db *db, struct cs_role *r, struct cs_err *err);
int cs_db_role_get(struct cs_db *db, int64_t id, struct cs_role *ret, struct cs_err *err);

int cs_db_account_insert(struct cs_db *db, struct cs_account *a, struct cs_err *err);
int cs_db_account_get(struct cs_db *db, int64_t id, struct cs_account *ret, struct cs_err *err);
/* By name in a domain; CS_ERR_NOT_FOUND when none. */
int cs_db_account_find(struct cs_db *db, int64_t domain_id, const char *name,
                       struct cs_account *ret, struct cs_err *err);
struct cs_account_filter {
    int64_t id;
    int64_t domain_id;      /* 0 = any */
    const char *domain_path; /* subtree prefix, NULL = any */
    const char *name;
    const char *keyword;
    int type;               /* -1 = any */
    const char *state;
    int64_t only_id;        /* caller restriction: 0 = none */
};
int cs_db_account_list(struct cs_db *db, const struct cs_account_filter *f, struct cs_page page,
                       struct cs_vec *ret, struct cs_err *err);

int cs_db_user_insert(struct cs_db *db, struct cs_user *u, struct cs_err *err);
int cs_db_user_get(struct cs_db *db, int64_t id, struct cs_user *ret, struct cs_err *err);
int cs_db_user_by_api_key(struct cs_db *db, const char *api_key, struct cs_user *ret,
                          struct cs_err *err);
int cs_db_user_by_name(struct cs_db *db, int64_t domain_id, const char *username,
                       struct cs_user *ret, struct cs_err *err);
int cs_db_user_set_keys(struct cs_db *db, int64_t id, const char *api_key, const char *secret,
                        struct cs_err *err);
struct cs_user_filter {
    int64_t id;
    int64_t account_id;      /* 0 = any */
    const char *domain_path; /* subtree prefix, NULL = any */
    const char *username;
    const char *keyword;
    const char *account_name;
    int64_t domain_id;
    const char *state;
    int account_type;        /* -1 = any */
};
int cs_db_user_list(struct cs_db *db, const struct cs_user_filter *f, struct cs_page page,
                    struct cs_vec *ret, struct cs_err *err);

#endif
