/* Virtual machines: deploy, the lifecycle state machine, capacity, listing, reconciliation. */
#ifndef CS_SVC_VM_H
#define CS_SVC_VM_H

#include "db_vm.h"
#include "svc.h"

struct cs_svc_deploy {
    int64_t zone_id, service_offering_id, template_id;
    int64_t host_id;            /* admin placement; 0 = scheduler's choice */
    const char *name, *displayname, *group;
    bool startvm;
};

/* Validates a deployment and creates the VM row (Stopped) inside the caller's open
 * transaction, so that the row and its job commit together. */
int cs_svc_vm_deploy_prepare(struct cs_svc *svc, const struct cs_svc_caller *caller,
                             const struct cs_svc_deploy *d, struct cs_vm *ret_vm,
                             struct cs_err *err);

/* Lifecycle operations, run by async jobs (they open their own transactions). On success
 * ret_vm (may be NULL) holds the VM as it is afterwards. */
int cs_svc_vm_start(struct cs_svc *svc, const struct cs_svc_caller *caller, int64_t vm_id,
                    int64_t host_id, struct cs_vm *ret_vm, struct cs_err *err);
int cs_svc_vm_stop(struct cs_svc *svc, const struct cs_svc_caller *caller, int64_t vm_id,
                   bool forced, struct cs_vm *ret_vm, struct cs_err *err);
int cs_svc_vm_reboot(struct cs_svc *svc, const struct cs_svc_caller *caller, int64_t vm_id,
                     struct cs_vm *ret_vm, struct cs_err *err);
int cs_svc_vm_destroy(struct cs_svc *svc, const struct cs_svc_caller *caller, int64_t vm_id,
                      bool expunge, struct cs_vm *ret_vm, struct cs_err *err);
int cs_svc_vm_expunge(struct cs_svc *svc, const struct cs_svc_caller *caller, int64_t vm_id,
                      struct cs_err *err);
/* Synchronous: Destroyed -> Stopped. */
int cs_svc_vm_recover(struct cs_svc *svc, const struct cs_svc_caller *caller, int64_t vm_id,
                      struct cs_vm *ret_vm, struct cs_err *err);

/* Loads a VM the caller may see; another tenant's VM answers CS_ERR_NOT_FOUND. */
int cs_svc_vm_get(struct cs_svc *svc, const struct cs_svc_caller *caller, int64_t vm_id,
                  struct cs_vm *ret_vm, struct cs_err *err);
/* VMs the caller may see; f's scope fields are set from the caller (listall: the whole scope,
 * else the caller's own account, as CloudStack). */
int cs_svc_vm_list(struct cs_svc *svc, const struct cs_svc_caller *caller, bool listall,
                   struct cs_vm_filter *f, struct cs_page page, struct cs_vec *ret,
                   struct cs_err *err);

/* At start-up: settles VMs a previous run left mid-transition and recomputes hosts' used
 * capacity from the VMs that hold it. */
int cs_svc_vm_reconcile_db(struct cs_svc *svc, struct cs_err *err);
/* At start-up, after hosts are connected: hands Running VMs back to drivers that keep state in
 * memory (the simulator). */
int cs_svc_vm_readopt(struct cs_svc *svc, struct cs_err *err);

#endif
