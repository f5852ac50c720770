/* Conformance: capacity accounting (fill the zone, 533, host allocation figures, release). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "cs_harness_vm.h"

#define MAX_DEPLOYS 8

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

static json_t *list(const char *command, const char *objname, struct csc_result *r)
{
    struct csc_param p[] = {{"listall", "true"}};
    assert_int_equal(csc_call(H->admin, command, p, 1, r), 0);
    return json_object_get(r->obj, objname); /* NULL for {}: iterates as empty */
}

/* "x%" or "x.yy%" as CloudStack formats cpuallocated. */
static double percent(const char *s)
{
    assert_non_null(s);
    size_t n = strlen(s);
    assert_true(n >= 2 && s[n - 1] == '%');
    return strtod(s, NULL);
}

/* listHosts allocation figures equal the sum over Running VMs placed on each host. */
static void check_host_allocation(void)
{
    struct csc_result hr, vr;
    json_t *hosts = list("listHosts", "host", &hr);
    json_t *vms = list("listVirtualMachines", "virtualmachine", &vr);
    size_t i, j, routing = 0;
    json_t *h, *vm;
    json_array_foreach(hosts, i, h) {
        const char *type = cs_harness_str(h, "type");
        if (!type || strcmp(type, "Routing") != 0)
            continue;
        routing++;
        const char *hid = cs_harness_str(h, "id");
        long long mhz = 0, mib = 0;
        json_array_foreach(vms, j, vm) {
            const char *st = cs_harness_str(vm, "state");
            const char *on = cs_harness_str(vm, "hostid");
            if (!st || !on || strcmp(on, hid) != 0 || strcmp(st, "Running") != 0)
                continue;
            mhz += json_integer_value(json_object_get(vm, "cpunumber")) *
                   json_integer_value(json_object_get(vm, "cpuspeed"));
            mib += json_integer_value(json_object_get(vm, "memory"));
        }
        long long total_mhz = json_integer_value(json_object_get(h, "cpunumber")) *
                              json_integer_value(json_object_get(h, "cpuspeed"));
        assert_int_equal(total_mhz, 8000);
        double want = 100.0 * (double)mhz / (double)total_mhz;
        double got = percent(cs_harness_str(h, "cpuallocated"));
        if (fabs(got - want) > 0.01)
            fail_msg("host %s cpuallocated %.2f%%, running VMs give %.2f%%", hid, got, want);
        json_t *cv = json_object_get(h, "cpuallocatedvalue");
        if (cv)
            assert_int_equal(json_integer_value(cv), mhz);
        json_t *mem = json_object_get(h, "memoryallocated");
        assert_non_null(mem);
        if (json_is_integer(mem))
            assert_int_equal(json_integer_value(mem), mib * 1048576LL);
        else
            assert_true(fabs(percent(json_string_value(mem)) -
                             100.0 * (double)mib * 1048576.0 /
                                 (double)json_integer_value(json_object_get(h, "memorytotal"))) <=
                        0.01);
        json_t *mb = json_object_get(h, "memoryallocatedbytes");
        if (mb)
            assert_int_equal(json_integer_value(mb), mib * 1048576LL);
    }
    assert_int_equal(routing, 2);
    csc_result_release(&hr);
    csc_result_release(&vr);
}

static void test_fill_and_release(void **state)
{
    check_host_allocation();
    char *running[MAX_DEPLOYS] = {0};
    int ok = 0, rc = 0;
    struct csc_result r;
    /* Each host (4 x 2000 MHz, 4 GiB) fits exactly one Huge Instance (4 x 2000 MHz, 4 GiB). */
    for (int i = 0; i < MAX_DEPLOYS; i++) {
        char *vmid = NULL;
        rc = cs_harness_deploy(H->admin, &ids, ids.huge, &vmid, &r);
        if (rc != 0) {
            free(vmid);
            break;
        }
        running[ok++] = vmid;
        csc_result_release(&r);
    }
    assert_int_equal(ok, 2);
    assert_int_equal(rc, CSC_EAPI);
    assert_int_equal(json_integer_value(json_object_get(r.obj, "jobstatus")), 2);
    assert_int_equal(json_integer_value(json_object_get(r.obj, "jobresultcode")), 533);
    assert_int_equal(json_integer_value(cs_harness_path(r.obj, "jobresult.errorcode")), 533);
    assert_int_equal(r.errorcode, 533);
    csc_result_release(&r);
    check_host_allocation();

    /* A Small one does not fit either: every host is full on cpu and memory. */
    assert_int_equal(cs_harness_deploy(H->admin, &ids, ids.small, NULL, &r), CSC_EAPI);
    assert_int_equal(r.errorcode, 533);
    csc_result_release(&r);

    /* Destroying one frees its host; the next Huge deploy succeeds. */
    assert_int_equal(cs_harness_vm_job(H->admin, "destroyVirtualMachine", running[0], "expunge",
                                       "true", &r),
                     0);
    csc_result_release(&r);
    check_host_allocation();
    char *again = NULL;
    assert_int_equal(cs_harness_deploy(H->admin, &ids, ids.huge, &again, &r), 0);
    assert_string_equal(cs_harness_str(r.obj, "jobresult.virtualmachine.state"), "Running");
    csc_result_release(&r);
    check_host_allocation();
    free(again);
    for (int i = 0; i < ok; i++)
        free(running[i]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fill_and_release),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
