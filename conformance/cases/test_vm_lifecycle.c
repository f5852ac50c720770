/* Conformance: a VM through its whole life, the async job contract, events and job lists. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "cs_harness_vm.h"

static struct cs_harness *H;
static struct cs_harness_ids ids;

static int setup(void **state)
{
    struct cs_harness_opts o = {.fixture = CS_HARNESS_TINY};
    H = cs_harness_start(&o);
    return H && cs_harness_ids_load(H->admin, &ids) == 0 ? 0 : -1;
}

static int teardown(void **state)
{
    cs_harness_ids_release(&ids);
    cs_harness_free(H);
    return 0;
}

/* The fields every finished job carries (§2.3). */
static void check_job_fields(struct csc_result *r, int status)
{
    assert_string_equal(r->key, "queryasyncjobresultresponse");
    json_t *o = r->obj;
    assert_true(json_is_string(json_object_get(o, "jobid")));
    assert_true(json_is_integer(json_object_get(o, "jobstatus")));
    assert_int_equal(json_integer_value(json_object_get(o, "jobstatus")), status);
    assert_true(json_is_integer(json_object_get(o, "jobresultcode")));
    assert_true(json_is_string(json_object_get(o, "cmd")));
    assert_true(json_is_string(json_object_get(o, "created")));
    assert_true(json_is_object(json_object_get(o, "jobresult")));
    if (status == 1) {
        assert_int_equal(json_integer_value(json_object_get(o, "jobresultcode")), 0);
        assert_string_equal(cs_harness_str(o, "jobresulttype"), "object");
    } else {
        json_t *code = cs_harness_path(o, "jobresult.errorcode");
        assert_true(json_is_integer(code));
        assert_int_equal(json_integer_value(code),
                         json_integer_value(json_object_get(o, "jobresultcode")));
        assert_true(json_is_string(cs_harness_path(o, "jobresult.errortext")));
        assert_null(cs_harness_path(o, "jobresult.cserrorcode"));
    }
}

/* The same job once more in XML: envelope and status element. */
static void check_job_xml(const char *jobid, int status)
{
    struct csc_param p[] = {{"jobid", jobid}, {"response", "xml"}};
    struct csc_result r;
    assert_int_equal(csc_call(H->admin, "queryAsyncJobResult", p, 2, &r), 0);
    assert_string_equal(r.content_type, "text/xml; charset=UTF-8");
    const char *root = strstr(r.body, "?>");
    assert_non_null(root);
    root += 2;
    while (isspace((unsigned char)*root))
        root++;
    assert_true(strncmp(root, "<queryasyncjobresultresponse", 28) == 0);
    char want[64];
    snprintf(want, sizeof(want), "<jobstatus>%d</jobstatus>", status);
    assert_non_null(strstr(r.body, want));
    assert_non_null(strstr(r.body, "</queryasyncjobresultresponse>"));
    csc_result_release(&r);
}

/* Runs an async VM command, checks the job contract and the VM state in jobresult. */
static void vm_step(const char *command, const char *vmid, const char *k, const char *v,
                    const char *state)
{
    struct csc_result r;
    int rc = cs_harness_vm_job(H->admin, command, vmid, k, v, &r);
    if (rc != 0)
        fail_msg("%s failed (%d): %s", command, rc, r.errortext ? r.errortext : r.body);
    check_job_fields(&r, 1);
    if (state) {
        assert_string_equal(cs_harness_str(r.obj, "jobresult.virtualmachine.id"), vmid);
        assert_string_equal(cs_harness_str(r.obj, "jobresult.virtualmachine.state"), state);
    }
    check_job_xml(cs_harness_str(r.obj, "jobid"), 1);
    csc_result_release(&r);
    if (state) {
        char *listed = cs_harness_vm_state(H->admin, vmid);
        assert_non_null(listed);
        assert_string_equal(listed, state);
        free(listed);
    }
}

static void test_lifecycle(void **state)
{
    struct csc_param p[] = {{"zoneid", ids.zone},
                            {"templateid", ids.template_id},
                            {"serviceofferingid", ids.small}};
    struct csc_result r;
    assert_int_equal(csc_call(H->admin, "deployVirtualMachine", p, 3, &r), 0);
    assert_string_equal(r.key, "deployvirtualmachineresponse");
    char *vmid = strdup(cs_harness_str(r.obj, "id"));
    char *jobid = strdup(cs_harness_str(r.obj, "jobid"));
    assert_int_equal(json_object_size(r.obj), 2); /* {id, jobid} only */
    csc_result_release(&r);

    /* The row exists as soon as the call returns. */
    char *early = cs_harness_vm_state(H->admin, vmid);
    assert_non_null(early);
    free(early);

    assert_int_equal(csc_wait_job(H->admin, jobid, CS_HARNESS_JOB_MS, &r), 0);
    check_job_fields(&r, 1);
    json_t *vm = cs_harness_path(r.obj, "jobresult.virtualmachine");
    assert_true(json_is_object(vm));
    assert_string_equal(cs_harness_str(vm, "id"), vmid);
    assert_string_equal(cs_harness_str(vm, "state"), "Running");
    assert_true(json_is_integer(json_object_get(vm, "cpunumber")));
    assert_int_equal(json_integer_value(json_object_get(vm, "cpunumber")), 1);
    assert_true(json_is_integer(json_object_get(vm, "cpuspeed")));
    assert_int_equal(json_integer_value(json_object_get(vm, "cpuspeed")), 500);
    assert_true(json_is_integer(json_object_get(vm, "memory")));
    assert_int_equal(json_integer_value(json_object_get(vm, "memory")), 512);
    assert_true(json_is_string(json_object_get(vm, "hostid")));
    assert_string_equal(cs_harness_str(vm, "zoneid"), ids.zone);
    assert_string_equal(cs_harness_str(vm, "serviceofferingid"), ids.small);
    assert_string_equal(cs_harness_str(vm, "templateid"), ids.template_id);
    assert_true(json_is_array(json_object_get(vm, "nic")));
    assert_string_equal(cs_harness_str(r.obj, "jobinstancetype"), "VirtualMachine");
    assert_string_equal(cs_harness_str(r.obj, "jobinstanceid"), vmid);
    csc_result_release(&r);
    check_job_xml(jobid, 1);

    vm_step("stopVirtualMachine", vmid, NULL, NULL, "Stopped");
    vm_step("startVirtualMachine", vmid, NULL, NULL, "Running");
    vm_step("rebootVirtualMachine", vmid, NULL, NULL, "Running");
    vm_step("destroyVirtualMachine", vmid, NULL, NULL, "Destroyed");

    struct csc_param id[] = {{"id", vmid}};
    assert_int_equal(csc_call(H->admin, "recoverVirtualMachine", id, 1, &r), 0);
    assert_string_equal(r.key, "recovervirtualmachineresponse");
    assert_null(json_object_get(r.obj, "jobid")); /* synchronous */
    assert_string_equal(cs_harness_str(r.obj, "virtualmachine.state"), "Stopped");
    csc_result_release(&r);

    vm_step("startVirtualMachine", vmid, NULL, NULL, "Running");
    vm_step("destroyVirtualMachine", vmid, "expunge", "true", NULL);

    struct csc_param gone[] = {{"id", vmid}, {"listall", "true"}};
    assert_int_equal(csc_call(H->admin, "listVirtualMachines", gone, 2, &r), 0);
    assert_int_equal(json_object_size(r.obj), 0);
    csc_result_release(&r);
    free(vmid);
    free(jobid);
}

static void test_wrong_state(void **state)
{
    char *vmid = NULL;
    struct csc_result r;
    assert_int_equal(cs_harness_deploy(H->admin, &ids, ids.small, &vmid, &r), 0);
    csc_result_release(&r);
    /* start a Running VM: accepted, then the job fails */
    struct csc_param p[] = {{"id", vmid}};
    assert_int_equal(csc_call(H->admin, "startVirtualMachine", p, 1, &r), 0);
    char *jobid = strdup(cs_harness_str(r.obj, "jobid"));
    csc_result_release(&r);
    assert_int_equal(csc_wait_job(H->admin, jobid, CS_HARNESS_JOB_MS, &r), CSC_EAPI);
    check_job_fields(&r, 2);
    assert_non_null(r.errortext);
    assert_true(strlen(r.errortext) > 0);
    csc_result_release(&r);
    check_job_xml(jobid, 2);
    char *st = cs_harness_vm_state(H->admin, vmid);
    assert_string_equal(st, "Running");
    free(st);
    free(jobid);
    free(vmid);
}

static void test_deploy_xml(void **state)
{
    struct csc_param p[] = {{"zoneid", ids.zone},
                            {"templateid", ids.template_id},
                            {"serviceofferingid", ids.small},
                            {"response", "xml"}};
    struct csc_result r;
    assert_int_equal(csc_call(H->admin, "deployVirtualMachine", p, 4, &r), 0);
    assert_string_equal(r.content_type, "text/xml; charset=UTF-8");
    assert_non_null(strstr(r.body, "<deployvirtualmachineresponse"));
    assert_non_null(strstr(r.body, "<id>"));
    const char *j = strstr(r.body, "<jobid>");
    assert_non_null(j);
    j += 7;
    const char *e = strstr(j, "</jobid>");
    assert_non_null(e);
    assert_int_equal(e - j, 36);
    char jobid[37];
    memcpy(jobid, j, 36);
    jobid[36] = '\0';
    csc_result_release(&r);
    assert_int_equal(csc_wait_job(H->admin, jobid, CS_HARNESS_JOB_MS, &r), 0);
    assert_string_equal(cs_harness_str(r.obj, "jobresult.virtualmachine.state"), "Running");
    csc_result_release(&r);
}

static bool has_event(json_t *events, const char *type)
{
    size_t i;
    json_t *e;
    json_array_foreach(events, i, e) {
        const char *t = cs_harness_str(e, "type");
        if (t && strcmp(t, type) == 0)
            return true;
    }
    return false;
}

static void test_events_and_jobs(void **state)
{
    struct csc_param all[] = {{"listall", "true"}, {"pagesize", "500"}, {"page", "1"}};
    struct csc_result r;
    assert_int_equal(csc_call(H->admin, "listEvents", all, 3, &r), 0);
    json_t *events = json_object_get(r.obj, "event");
    assert_true(json_is_array(events));
    assert_true(has_event(events, "VM.CREATE"));
    assert_true(has_event(events, "VM.START"));
    assert_true(has_event(events, "VM.STOP"));
    assert_true(has_event(events, "VM.DESTROY"));
    json_t *e0 = json_array_get(events, 0);
    assert_true(json_is_string(json_object_get(e0, "id")));
    assert_true(json_is_string(json_object_get(e0, "level")));
    assert_true(json_is_string(json_object_get(e0, "created")));
    assert_true(json_is_string(json_object_get(e0, "state")));
    csc_result_release(&r);

    /* listAsyncJobs lists every job of this file's earlier cases with the job fields. */
    assert_int_equal(csc_call(H->admin, "listAsyncJobs", all, 3, &r), 0);
    assert_string_equal(r.key, "listasyncjobsresponse");
    json_t *jobs = json_object_get(r.obj, "asyncjobs");
    assert_true(json_is_array(jobs));
    assert_true(json_array_size(jobs) >= 10);
    size_t i;
    json_t *job;
    json_array_foreach(jobs, i, job) {
        assert_true(json_is_string(json_object_get(job, "jobid")));
        assert_true(json_is_integer(json_object_get(job, "jobstatus")));
        assert_true(json_is_string(json_object_get(job, "cmd")));
    }
    csc_result_release(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lifecycle),
        cmocka_unit_test(test_wrong_state),
        cmocka_unit_test(test_deploy_xml),
        cmocka_unit_test(test_events_and_jobs),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
