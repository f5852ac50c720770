/* Conformance helpers for cases that deploy VMs: fixture ids, deploy-and-wait, job steps. */
#ifndef CS_HARNESS_VM_H
#define CS_HARNESS_VM_H

#include "cs_harness.h"

#define CS_HARNESS_JOB_MS 60000 /* how long a case waits for one job */

/* Ids of the tiny fixture's zone, template and offerings (all owned strings). */
struct cs_harness_ids {
    char *zone;
    char *template_id;
    char *small;
    char *huge;
};

/* returns: 0, or -1 (with a message on stderr) when something is missing. */
int cs_harness_ids_load(struct csc_client *c, struct cs_harness_ids *ret);
void cs_harness_ids_release(struct cs_harness_ids *ids);

/* deployVirtualMachine with the fixture's zone and template and the given offering id; writes
 * the VM id (owned, from the kick-off) and waits for the job into ret_job.
 * returns: as csc_wait_job, or the kick-off's error. */
int cs_harness_deploy(struct csc_client *c, const struct cs_harness_ids *ids,
                      const char *offering, char **ret_vmid, struct csc_result *ret_job);
/* Runs an async VM command (param "id"=vmid, plus one optional extra k=v) and waits. */
int cs_harness_vm_job(struct csc_client *c, const char *command, const char *vmid,
                      const char *k, const char *v, struct csc_result *ret_job);
/* state of the VM per listVirtualMachines (listall=true), or NULL when not listed.
 * returns: owned. */
char *cs_harness_vm_state(struct csc_client *c, const char *vmid);

#endif
