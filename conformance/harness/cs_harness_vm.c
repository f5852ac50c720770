/* Conformance helpers for cases that deploy VMs: fixture ids, deploy-and-wait, job steps. */
#include "cs_harness_vm.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int cs_harness_ids_load(struct csc_client *c, struct cs_harness_ids *ret)
{
    struct cs_harness_ids ids = {
        .zone = cs_harness_find_id(c, "listZones", "zone", "name", "tiny"),
        .template_id = cs_harness_find_id(c, "listTemplates", "template", "templatefilter",
                                          "executable"),
        .small = cs_harness_find_id(c, "listServiceOfferings", "serviceoffering", "name",
                                    "Small Instance"),
        .huge = cs_harness_find_id(c, "listServiceOfferings", "serviceoffering", "name",
                                   "Huge Instance"),
    };
    if (!ids.zone || !ids.template_id || !ids.small || !ids.huge) {
        fprintf(stderr, "harness: fixture ids missing: zone=%s template=%s small=%s huge=%s\n",
                ids.zone ? ids.zone : "-", ids.template_id ? ids.template_id : "-",
                ids.small ? ids.small : "-", ids.huge ? ids.huge : "-");
        cs_harness_ids_release(&ids);
        return -1;
    }
    *ret = ids;
    return 0;
}

void cs_harness_ids_release(struct cs_harness_ids *ids)
{
    free(ids->zone);
    free(ids->template_id);
    free(ids->small);
    free(ids->huge);
    memset(ids, 0, sizeof(*ids));
}

int cs_harness_deploy(struct csc_client *c, const struct cs_harness_ids *ids,
                      const char *offering, char **ret_vmid, struct csc_result *ret_job)
{
    struct csc_param p[] = {{"zoneid", ids->zone},
                            {"templateid", ids->template_id},
                            {"serviceofferingid", offering}};
    int rc = csc_call(c, "deployVirtualMachine", p, 3, ret_job);
    if (rc < 0)
        return rc;
    const char *vmid = json_string_value(json_object_get(ret_job->obj, "id"));
    const char *jobid = json_string_value(json_object_get(ret_job->obj, "jobid"));
    if (!vmid || !jobid) {
        fprintf(stderr, "harness: deploy kick-off lacks id/jobid: %s\n", ret_job->body);
        return CSC_ETRANSPORT;
    }
    char *vm = strdup(vmid), *job = strdup(jobid);
    csc_result_release(ret_job);
    rc = csc_wait_job(c, job, CS_HARNESS_JOB_MS, ret_job);
    free(job);
    if (ret_vmid)
        *ret_vmid = vm;
    else
        free(vm);
    return rc;
}

int cs_harness_vm_job(struct csc_client *c, const char *command, const char *vmid,
                      const char *k, const char *v, struct csc_result *ret_job)
{
    struct csc_param p[] = {{"id", vmid}, {k, v}};
    return csc_call_wait(c, command, p, k ? 2 : 1, CS_HARNESS_JOB_MS, ret_job);
}

char *cs_harness_vm_state(struct csc_client *c, const char *vmid)
{
    struct csc_param p[] = {{"id", vmid}, {"listall", "true"}};
    struct csc_result r;
    char *state = NULL;
    if (csc_call(c, "listVirtualMachines", p, 2, &r) == 0) {
        const char *s = json_string_value(json_object_get(
            json_array_get(json_object_get(r.obj, "virtualmachine"), 0), "state"));
        state = s ? strdup(s) : NULL;
    }
    csc_result_release(&r);
    return state;
}
