/* The physical infrastructure as stored: zones, pods, clusters, hosts, pools, image stores. */
#ifndef CS_DB_INFRA_H
#define CS_DB_INFRA_H

#include <stdbool.h>
#include <stdint.h>

#include "db.h"
#include "util_vec.h"

struct cs_zone {
    int64_t id;
    char uuid[37];
    char name[256];
    char description[512];
    char dns1[64], dns2[64], internaldns1[64], internaldns2[64];
    char guestcidr[64];
    char domain[256];
    char networktype[16];       /* Basic, Advanced */
    char allocation_state[16];  /* Enabled, Disabled */
    bool localstorage;
    bool securitygroups;
    int64_t created;
};

struct cs_pod {
    int64_t id;
    char uuid[37];
    char name[256];
    int64_t zone_id;
    char gateway[64], netmask[64], startip[64], endip[64];
    char allocation_state[16];
    int64_t created;
    /* joined, read only */
    char zone_uuid[37];
    char zone_name[256];
};

struct cs_cluster {
    int64_t id;
    char uuid[37];
    char name[256];
    int64_t zone_id, pod_id;
    char hypervisor[32];
    char cluster_type[32];     /* CloudManaged, ExternalManaged */
    char allocation_state[16];
    char managed_state[16];
    double cpu_overcommit, mem_overcommit;
    int64_t created;
    /* joined, read only */
    char zone_uuid[37], pod_uuid[37];
    char zone_name[256], pod_name[256];
};

struct cs_host {
    int64_t id;
    char uuid[37];
    char name[128];
    int64_t zone_id, pod_id, cluster_id;
    char hypervisor[32];
    char type[32];            /* Routing */
    char url[512];
    char status[16];          /* Up, Down, Disconnected, ... */
    char resource_state[32];  /* Enabled, Disabled, Maintenance, ... */
    char ipaddress[64];
    char hv_version[32];
    char arch[16];
    char cpu_model[64];
    int cpu_sockets, cpu_cores, cpu_mhz;
    int64_t mem_bytes, local_storage;
    int64_t cpu_used_mhz, mem_used_bytes;
    char hosttags[256];
    int64_t last_pinged;
    int64_t created;
    /* joined, read only */
    char zone_uuid[37], pod_uuid[37], cluster_uuid[37];
    char zone_name[256], pod_name[256], cluster_name[256];
    char cluster_type[32];
};

struct cs_storage_pool {
    int64_t id;
    char uuid[37];
    char name[256];
    int64_t zone_id, pod_id, cluster_id; /* pod/cluster 0 for zone scope */
    char scope[16];      /* CLUSTER, ZONE */
    char url[512];
    char type[32];       /* NetworkFilesystem, ... */
    char ipaddress[64];
    char path[256];
    char provider[64];
    int64_t capacity_bytes, used_bytes, allocated_bytes;
    char state[32];
    char tags[256];
    char hypervisor[32];
    int64_t created;
    /* joined, read only */
    char zone_uuid[37], pod_uuid[37], cluster_uuid[37];
    char zone_name[256], pod_name[256], cluster_name[256];
};

struct cs_image_store {
    int64_t id;
    char uuid[37];
    char name[256];
    int64_t zone_id;     /* 0 for region-wide stores */
    char url[512];
    char protocol[16];   /* nfs, http, ... */
    char provider[32];   /* NFS, ... */
    char scope[16];      /* ZONE, REGION */
    bool readonly;
    int64_t capacity_bytes, used_bytes;
    int64_t created;
    /* joined, read only */
    char zone_uuid[37];
    char zone_name[256];
};

/* List filters: 0 / NULL fields match everything. keyword is a substring of the name. */
struct cs_zone_filter {
    int64_t id;
    const char *name;
    const char *keyword;
    const char *networktype;
    const char *allocation_state;
};
struct cs_pod_filter {
    int64_t id, zone_id;
    const char *name;
    const char *keyword;
    const char *allocation_state;
};
struct cs_cluster_filter {
    int64_t id, zone_id, pod_id;
    const char *name;
    const char *keyword;
    const char *hypervisor;
    const char *cluster_type;
    const char *allocation_state;
    const char *managed_state;
};
struct cs_host_filter {
    int64_t id, zone_id, pod_id, cluster_id;
    const char *name;
    const char *keyword;
    const char *type;
    const char *status;
    const char *resource_state;
    const char *hypervisor;
    int64_t vm_id; /* hosts this VM runs on */
};
struct cs_storage_pool_filter {
    int64_t id, zone_id, pod_id, cluster_id;
    const char *name;
    const char *keyword;
    const char *ipaddress;
    const char *path;
    const char *scope;
    const char *state;
};
struct cs_image_store_filter {
    int64_t id, zone_id;
    const char *name;
    const char *keyword;
    const char *protocol;
    const char *provider;
    int readonly; /* 0 = any, 1 = read-only ones, 2 = writable ones */
};

/* Inserts fill id (and uuid/created when empty). Gets load one row, removed ones included. */
int cs_db_zone_insert(struct cs_db *db, struct cs_zone *z, struct cs_err *err);
int cs_db_zone_get(struct cs_db *db, int64_t id, struct cs_zone *ret, struct cs_err *err);
/* A live zone by name; CS_ERR_NOT_FOUND when none. */
int cs_db_zone_find(struct cs_db *db, const char *name, struct cs_zone *ret, struct cs_err *err);
/* Writes every mutable column of z (by z->id). */
int cs_db_zone_update(struct cs_db *db, const struct cs_zone *z, struct cs_err *err);
int cs_db_zone_list(struct cs_db *db, const struct cs_zone_filter *f, struct cs_page page,
                    struct cs_vec *ret, struct cs_err *err);

int cs_db_pod_insert(struct cs_db *db, struct cs_pod *p, struct cs_err *err);
int cs_db_pod_get(struct cs_db *db, int64_t id, struct cs_pod *ret, struct cs_err *err);
int cs_db_pod_find(struct cs_db *db, int64_t zone_id, const char *name, struct cs_pod *ret,
                   struct cs_err *err);
int cs_db_pod_list(struct cs_db *db, const struct cs_pod_filter *f, struct cs_page page,
                   struct cs_vec *ret, struct cs_err *err);

int cs_db_cluster_insert(struct cs_db *db, struct cs_cluster *c, struct cs_err *err);
int cs_db_cluster_get(struct cs_db *db, int64_t id, struct cs_cluster *ret, struct cs_err *err);
int cs_db_cluster_find(struct cs_db *db, int64_t pod_id, const char *name,
                       struct cs_cluster *ret, struct cs_err *err);
int cs_db_cluster_list(struct cs_db *db, const struct cs_cluster_filter *f, struct cs_page page,
                       struct cs_vec *ret, struct cs_err *err);

int cs_db_host_insert(struct cs_db *db, struct cs_host *h, struct cs_err *err);
int cs_db_host_get(struct cs_db *db, int64_t id, struct cs_host *ret, struct cs_err *err);
/* A live host by its addHost url; CS_ERR_NOT_FOUND when none. */
int cs_db_host_find_url(struct cs_db *db, const char *url, struct cs_host *ret,
                        struct cs_err *err);
int cs_db_host_set_status(struct cs_db *db, int64_t id, const char *status, struct cs_err *err);
int cs_db_host_list(struct cs_db *db, const struct cs_host_filter *f, struct cs_page page,
                    struct cs_vec *ret, struct cs_err *err);
/* Calls fn for every live host (ordered by id), without holding them all in memory. fn
 * returning < 0 stops the walk with that result. */
int cs_db_host_each(struct cs_db *db, int (*fn)(void *ud, const struct cs_host *h), void *ud,
                    struct cs_err *err);

int cs_db_storage_pool_insert(struct cs_db *db, struct cs_storage_pool *p, struct cs_err *err);
int cs_db_storage_pool_get(struct cs_db *db, int64_t id, struct cs_storage_pool *ret,
                           struct cs_err *err);
int cs_db_storage_pool_find(struct cs_db *db, int64_t zone_id, const char *name,
                            struct cs_storage_pool *ret, struct cs_err *err);
int cs_db_storage_pool_list(struct cs_db *db, const struct cs_storage_pool_filter *f,
                            struct cs_page page, struct cs_vec *ret, struct cs_err *err);

int cs_db_image_store_insert(struct cs_db *db, struct cs_image_store *s, struct cs_err *err);
int cs_db_image_store_get(struct cs_db *db, int64_t id, struct cs_image_store *ret,
                          struct cs_err *err);
int cs_db_image_store_find_url(struct cs_db *db, const char *url, struct cs_image_store *ret,
                               struct cs_err *err);
int cs_db_image_store_list(struct cs_db *db, const struct cs_image_store_filter *f,
                           struct cs_page page, struct cs_vec *ret, struct cs_err *err);

#endif
