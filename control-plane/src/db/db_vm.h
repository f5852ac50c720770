/* Virtual machines as stored, with the names of what they refer to (for responses). */
#ifndef CS_DB_VM_H
#define CS_DB_VM_H

#include <stdint.h>

#include "db.h"
#include "util_vec.h"

struct cs_vm {
    int64_t id;
    char uuid[37];
    char name[256];
    char displayname[256];
    char instance_name[128];
    int64_t account_id, domain_id, user_id;
    int64_t zone_id, pod_id, host_id, last_host_id;
    int64_t template_id, service_offering_id;
    int64_t capacity_host_id; /* host whose capacity this VM holds, 0 = none */
    char state[16];
    bool ha_enabled;
    int cpus;
    int cpu_mhz;
    int64_t mem_mb;
    char group[256];
    int64_t created, updated;
    /* Joined, read-only. */
    char account[256], domain[256], domain_path[1024], username[256];
    char account_uuid[37], domain_uuid[37], user_uuid[37];
    char zone_uuid[37], zone_name[256];
    char host_uuid[37], host_name[256];
    char template_uuid[37], template_name[256], template_displaytext[256];
    char offering_uuid[37], offering_name[256];
    char hypervisor[32];
    bool password_enabled;
    char ostype_uuid[37], ostype_name[256];
};

struct cs_vm_filter {
    int64_t id;
    const char *ids_csv;  /* comma list of uuids */
    int64_t account_id;   /* 0 = any */
    const char *domain_path; /* subtree prefix */
    const char *name;
    const char *keyword;
    const char *state;
    int64_t zone_id, host_id, template_id, service_offering_id;
    bool include_destroyed; /* Destroyed VMs are listed to admins as CloudStack does */
};

int cs_db_vm_insert(struct cs_db *db, struct cs_vm *vm, struct cs_err *err);
/* Loads one VM (removed ones too: expunged VMs still resolve). */
int cs_db_vm_get(struct cs_db *db, int64_t id, struct cs_vm *ret, struct cs_err *err);
int cs_db_vm_list(struct cs_db *db, const struct cs_vm_filter *f, struct cs_page page,
                  struct cs_vec *ret, struct cs_err *err);
/* VMs in any of the given states (NULL-terminated), all accounts, for reconciliation. */
int cs_db_vm_list_in_states(struct cs_db *db, const char *const *states, struct cs_vec *ret,
                            struct cs_err *err);
/* Moves a VM from state `from` to `to` (compare-and-set); CS_ERR_STATE when it was not in
 * `from`. host_id/capacity_host_id: -1 keeps, 0 clears, >0 sets. */
int cs_db_vm_transition(struct cs_db *db, int64_t id, const char *from, const char *to,
                        int64_t host_id, int64_t capacity_host_id, struct cs_err *err);
/* Marks an expunged VM removed. */
int cs_db_vm_remove(struct cs_db *db, int64_t id, struct cs_err *err);
/* Adds (or with negative values subtracts) used capacity on a host row. */
int cs_db_host_add_used(struct cs_db *db, int64_t host_id, int64_t cpu_mhz, int64_t mem_bytes,
                        struct cs_err *err);



/* What deploying a VM needs to know about its zone, template and offering. */
struct cs_vm_deploy_facts {
    char zone_state[16];
    char zone_uuid[37];
    bool template_ready, template_public, template_removed;
    int64_t template_account_id;
    char template_uuid[37];
    char hypervisor[32];
    int64_t template_size;
    int cpus, cpu_mhz;
    int64_t mem_mb;
    bool offerha, offering_removed, offering_system;
};

int cs_db_vm_deploy_facts(struct cs_db *db, int64_t zone_id, int64_t template_id,
                          int64_t offering_id, struct cs_vm_deploy_facts *ret, struct cs_err *err);
/* Sets every host's used capacity to the sum over the VMs holding capacity on it. */
int cs_db_host_recompute_used(struct cs_db *db, struct cs_err *err);
#endif
