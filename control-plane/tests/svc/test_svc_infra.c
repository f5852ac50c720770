/* Unit tests of the infrastructure, offering and template services and the fixture loader,
 * against a real database and the simulator driver. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "db_vm.h"
#include "server_fixture.h"
#include "svc.h"
#include "svc_infra.h"
#include "svc_offering.h"
#include "svc_template.h"

static char datadir[256];

static struct cs_svc *open_svc(void)
{
    struct cs_svc_options opt = {.data_dir = datadir, .hv_config = "latency=0", .job_workers = 0};
    struct cs_err err = {0};
    struct cs_svc *svc = cs_svc_new(&opt, &err);
    if (!svc)
        fail_msg("cs_svc_new: %s", err.msg);
    return svc;
}

static int setup(void **state)
{
    snprintf(datadir, sizeof(datadir), "/tmp/cstack-test-svcinfra-%d", (int)getpid());
    char cmd[300];
    snprintf(cmd, sizeof(cmd), "rm -rf %s", datadir);
    assert_int_equal(system(cmd), 0);
    *state = open_svc();
    return 0;
}

static int teardown(void **state)
{
    cs_svc_free(*state);
    char cmd[300];
    snprintf(cmd, sizeof(cmd), "rm -rf %s", datadir);
    assert_int_equal(system(cmd), 0);
    return 0;
}

static const struct cs_svc_caller user = {.user_id = 3, .account_id = 3, .domain_id = 1,
                                          .account_type = CS_ACCOUNT_USER};

static int64_t count(struct cs_svc *svc, const char *sql)
{
    struct cs_err err;
    sqlite3_stmt *st = cs_db_stmt(svc->db, sql, &err);
    assert_non_null(st);
    assert_int_equal(cs_db_step(svc->db, st, &err), 1);
    int64_t n = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return n;
}

static struct cs_zone make_zone(struct cs_svc *svc, const char *name)
{
    struct cs_svc_caller admin = cs_svc_system_caller();
    struct cs_zone in = {0}, z;
    snprintf(in.name, sizeof(in.name), "%s", name);
    snprintf(in.networktype, sizeof(in.networktype), "advanced");
    snprintf(in.dns1, sizeof(in.dns1), "8.8.8.8");
    snprintf(in.internaldns1, sizeof(in.internaldns1), "10.0.0.1");
    struct cs_err err;
    assert_int_equal(cs_svc_zone_create(svc, &admin, &in, &z, &err), 0);
    return z;
}

static void test_bootstrap_seed(void **state)
{
    struct cs_svc *svc = *state;
    struct cs_err err;
    assert_true(count(svc, "SELECT COUNT(*) FROM os_type") >= 20);
    struct cs_template t;
    assert_int_equal(cs_svc_template_get(svc, CS_SVC_BUILTIN_TEMPLATE_ID, &t, &err), 0);
    assert_string_equal(t.name, CS_SVC_BUILTIN_TEMPLATE_NAME);
    assert_string_equal(t.type, "BUILTIN");
    assert_string_equal(t.format, "VHD");
    assert_string_equal(t.os_type_name, "CentOS 5.6 (64-bit)");
    assert_true(t.isready && t.ispublic && t.isfeatured);
    assert_int_equal(t.account_id, 1);
    /* a user sees it as featured and executable, not as its own */
    struct cs_vec v = CS_VEC_INIT(struct cs_template);
    struct cs_template_filter f = {0};
    assert_int_equal(cs_svc_template_list(svc, &user, "featured", &f, CS_PAGE_ALL, &v, &err), 0);
    assert_int_equal(v.n, 1);
    cs_util_vec_release(&v);
    v = (struct cs_vec)CS_VEC_INIT(struct cs_template);
    f = (struct cs_template_filter){0};
    assert_int_equal(cs_svc_template_list(svc, &user, "self", &f, CS_PAGE_ALL, &v, &err), 0);
    assert_int_equal(v.n, 0);
    cs_util_vec_release(&v);
    f = (struct cs_template_filter){0};
    assert_int_equal(cs_svc_template_list(svc, &user, "bogus", &f, CS_PAGE_ALL, &v, &err),
                     -CS_ERR_PARAM);
}

static void test_zone_rules(void **state)
{
    struct cs_svc *svc = *state;
    struct cs_svc_caller admin = cs_svc_system_caller();
    struct cs_err err;
    struct cs_zone z = make_zone(svc, "Z1");
    assert_string_equal(z.networktype, "Advanced");
    assert_string_equal(z.allocation_state, "Disabled");

    struct cs_zone in = z, out;
    assert_int_equal(cs_svc_zone_create(svc, &admin, &in, &out, &err), -CS_ERR_CONFLICT);
    assert_non_null(strstr(err.msg, "already exists"));
    snprintf(in.name, sizeof(in.name), "Z2");
    snprintf(in.networktype, sizeof(in.networktype), "Fancy");
    assert_int_equal(cs_svc_zone_create(svc, &admin, &in, &out, &err), -CS_ERR_PARAM);
    snprintf(in.networktype, sizeof(in.networktype), "Basic");
    snprintf(in.dns1, sizeof(in.dns1), "not-an-ip");
    assert_int_equal(cs_svc_zone_create(svc, &admin, &in, &out, &err), -CS_ERR_PARAM);
    snprintf(in.dns1, sizeof(in.dns1), "8.8.8.8");
    assert_int_equal(cs_svc_zone_create(svc, &user, &in, &out, &err), -CS_ERR_PERMISSION);
    assert_int_equal(count(svc, "SELECT COUNT(*) FROM zone"), 1);

    /* users see Enabled zones only */
    struct cs_vec v = CS_VEC_INIT(struct cs_zone);
    struct cs_zone_filter f = {0};
    assert_int_equal(cs_svc_zone_list(svc, &user, &f, CS_PAGE_ALL, &v, &err), 0);
    assert_int_equal(v.n, 0);
    cs_util_vec_release(&v);
    struct cs_svc_zone_update u = {.id = z.id, .allocation_state = "enabled", .localstorage = -1};
    assert_int_equal(cs_svc_zone_update(svc, &admin, &u, &out, &err), 0);
    assert_string_equal(out.allocation_state, "Enabled");
    v = (struct cs_vec)CS_VEC_INIT(struct cs_zone);
    f = (struct cs_zone_filter){0};
    assert_int_equal(cs_svc_zone_list(svc, &user, &f, CS_PAGE_ALL, &v, &err), 0);
    assert_int_equal(v.n, 1);
    cs_util_vec_release(&v);
}

static void topo(struct cs_svc *svc, struct cs_zone *z, struct cs_pod *p, struct cs_cluster *c)
{
    struct cs_svc_caller admin = cs_svc_system_caller();
    struct cs_err err;
    *z = make_zone(svc, "Z1");
    struct cs_pod pin = {.zone_id = z->id};
    snprintf(pin.name, sizeof(pin.name), "POD0");
    assert_int_equal(cs_svc_pod_create(svc, &admin, &pin, p, &err), 0);
    struct cs_cluster cin = {.zone_id = z->id, .pod_id = p->id};
    snprintf(cin.name, sizeof(cin.name), "C0");
    snprintf(cin.hypervisor, sizeof(cin.hypervisor), "simulator");
    assert_int_equal(cs_svc_cluster_create(svc, &admin, &cin, c, &err), 0);
}

static void test_pod_cluster_rules(void **state)
{
    struct cs_svc *svc = *state;
    struct cs_svc_caller admin = cs_svc_system_caller();
    struct cs_err err;
    struct cs_zone z;
    struct cs_pod p, p2;
    struct cs_cluster c, c2;
    topo(svc, &z, &p, &c);
    assert_string_equal(c.hypervisor, "Simulator");
    assert_string_equal(c.cluster_type, "CloudManaged");
    assert_string_equal(c.zone_name, "Z1");

    struct cs_pod pin = {.zone_id = z.id};
    snprintf(pin.name, sizeof(pin.name), "POD0");
    assert_int_equal(cs_svc_pod_create(svc, &admin, &pin, &p2, &err), -CS_ERR_CONFLICT);
    snprintf(pin.name, sizeof(pin.name), "POD1");
    snprintf(pin.startip, sizeof(pin.startip), "10.0.0.20");
    snprintf(pin.endip, sizeof(pin.endip), "10.0.0.10");
    assert_int_equal(cs_svc_pod_create(svc, &admin, &pin, &p2, &err), -CS_ERR_PARAM);
    assert_int_equal(count(svc, "SELECT COUNT(*) FROM pod"), 1);

    struct cs_cluster cin = {.zone_id = z.id, .pod_id = p.id};
    snprintf(cin.name, sizeof(cin.name), "C0");
    snprintf(cin.hypervisor, sizeof(cin.hypervisor), "Simulator");
    assert_int_equal(cs_svc_cluster_create(svc, &admin, &cin, &c2, &err), -CS_ERR_CONFLICT);
    snprintf(cin.name, sizeof(cin.name), "C1");
    snprintf(cin.hypervisor, sizeof(cin.hypervisor), "Zen");
    assert_int_equal(cs_svc_cluster_create(svc, &admin, &cin, &c2, &err), -CS_ERR_PARAM);
    struct cs_zone z2 = make_zone(svc, "Z2");
    cin.zone_id = z2.id;
    snprintf(cin.hypervisor, sizeof(cin.hypervisor), "KVM");
    assert_int_equal(cs_svc_cluster_create(svc, &admin, &cin, &c2, &err), -CS_ERR_PARAM);
    assert_int_equal(count(svc, "SELECT COUNT(*) FROM cluster"), 1);
}

static void test_add_host(void **state)
{
    struct cs_svc *svc = *state;
    struct cs_svc_caller admin = cs_svc_system_caller();
    struct cs_err err;
    struct cs_zone z;
    struct cs_pod p;
    struct cs_cluster c;
    topo(svc, &z, &p, &c);
    size_t before = cs_sched_index_count(svc->sched);
    struct cs_svc_host_add in = {
        .zone_id = z.id, .pod_id = p.id, .cluster_id = c.id, .hypervisor = "Simulator",
        .url = "http://sim/c0/h0/cpucore=16&cpuspeed=2400&memory=68719476736",
        .username = "root", .password = "password"};
    struct cs_host h;
    assert_int_equal(cs_svc_host_add(svc, &admin, &in, &h, &err), 0);
    assert_string_equal(h.status, "Up");
    assert_string_equal(h.resource_state, "Enabled");
    assert_string_equal(h.type, "Routing");
    assert_string_equal(h.cluster_name, "C0");
    assert_int_equal(h.cpu_cores, 16);
    assert_int_equal(h.cpu_mhz, 2400);
    assert_int_equal(h.mem_bytes, 68719476736LL);
    assert_int_equal(cs_sched_index_count(svc->sched), before + 1);
    struct cs_sched_host sh;
    assert_int_equal(cs_sched_index_get(svc->sched, h.id, &sh, &err), 0);
    assert_true(sh.up && sh.enabled);
    assert_int_equal(sh.cpu_cores, 16);
    assert_int_equal(sh.cluster_id, c.id);

    /* the same url again: a conflict, nothing added */
    struct cs_host h2;
    assert_int_equal(cs_svc_host_add(svc, &admin, &in, &h2, &err), -CS_ERR_CONFLICT);
    /* a hypervisor other than the cluster's */
    in.url = "http://sim/c0/h1";
    in.hypervisor = "KVM";
    assert_int_equal(cs_svc_host_add(svc, &admin, &in, &h2, &err), -CS_ERR_PARAM);
    in.hypervisor = "Bogus";
    assert_int_equal(cs_svc_host_add(svc, &admin, &in, &h2, &err), -CS_ERR_PARAM);
    /* a url the simulator refuses: the driver's error, no row */
    in.hypervisor = "Simulator";
    in.url = "http://notsim/c0/h1";
    assert_true(cs_svc_host_add(svc, &admin, &in, &h2, &err) < 0);
    /* by cluster name: found in the pod, or created */
    in.url = "http://sim/c0/h2";
    in.cluster_id = 0;
    in.cluster_name = "C9";
    assert_int_equal(cs_svc_host_add(svc, &admin, &in, &h2, &err), 0);
    assert_string_equal(h2.cluster_name, "C9");
    assert_int_equal(count(svc, "SELECT COUNT(*) FROM cluster"), 2);
    assert_int_equal(count(svc, "SELECT COUNT(*) FROM host"), 2);
    assert_int_equal(cs_sched_index_count(svc->sched), before + 2);

    /* a restart reconnects both hosts */
    cs_svc_free(svc);
    svc = *state = open_svc();
    assert_int_equal(cs_sched_index_count(svc->sched), 2);
    assert_int_equal(cs_sched_index_get(svc->sched, h.id, &sh, &err), 0);
    assert_true(sh.up && sh.enabled);
    assert_int_equal(sh.mem_bytes, 68719476736LL);
    /* reconnecting carries the recorded used capacity into the index */
    assert_int_equal(cs_db_host_add_used(svc->db, h.id, 1000, 1 << 30, &err), 0);
    assert_int_equal(cs_svc_infra_reconnect_all(svc, &err), 0);
    assert_int_equal(cs_sched_index_get(svc->sched, h.id, &sh, &err), 0);
    assert_int_equal(sh.cpu_used_mhz, 1000);
    assert_int_equal(sh.mem_used_bytes, 1 << 30);
}

static void test_storage_rules(void **state)
{
    struct cs_svc *svc = *state;
    struct cs_svc_caller admin = cs_svc_system_caller();
    struct cs_err err;
    struct cs_zone z;
    struct cs_pod p;
    struct cs_cluster c;
    topo(svc, &z, &p, &c);
    struct cs_storage_pool in = {.zone_id = z.id, .cluster_id = c.id}, out;
    snprintf(in.name, sizeof(in.name), "PS0");
    snprintf(in.url, sizeof(in.url), "nfs://10.1.1.1/export/ps0");
    assert_int_equal(cs_svc_storage_pool_create(svc, &admin, &in, &out, &err), 0);
    assert_string_equal(out.scope, "CLUSTER");
    assert_string_equal(out.type, "NetworkFilesystem");
    assert_string_equal(out.ipaddress, "10.1.1.1");
    assert_string_equal(out.path, "/export/ps0");
    assert_int_equal(out.pod_id, p.id);
    assert_string_equal(out.hypervisor, "Simulator");
    assert_true(out.capacity_bytes > 0);
    assert_int_equal(cs_svc_storage_pool_create(svc, &admin, &in, &out, &err), -CS_ERR_CONFLICT);
    snprintf(in.name, sizeof(in.name), "PS1");
    snprintf(in.url, sizeof(in.url), "ftp://10.1.1.1/x");
    assert_int_equal(cs_svc_storage_pool_create(svc, &admin, &in, &out, &err), -CS_ERR_PARAM);
    snprintf(in.url, sizeof(in.url), "nfs://10.1.1.1/x");
    snprintf(in.scope, sizeof(in.scope), "zone");
    assert_int_equal(cs_svc_storage_pool_create(svc, &admin, &in, &out, &err), 0);
    assert_string_equal(out.scope, "ZONE");
    assert_int_equal(out.cluster_id, 0);
    assert_int_equal(count(svc, "SELECT COUNT(*) FROM storage_pool"), 2);

    struct cs_image_store s = {.zone_id = z.id}, so;
    snprintf(s.provider, sizeof(s.provider), "nfs");
    snprintf(s.url, sizeof(s.url), "nfs://10.1.1.2/export/ss");
    assert_int_equal(cs_svc_image_store_add(svc, &admin, &s, &so, &err), 0);
    assert_string_equal(so.provider, "NFS");
    assert_string_equal(so.protocol, "nfs");
    assert_string_equal(so.scope, "ZONE");
    assert_string_equal(so.name, s.url);
    assert_int_equal(cs_svc_image_store_add(svc, &admin, &s, &so, &err), -CS_ERR_CONFLICT);
    snprintf(s.provider, sizeof(s.provider), "Tape");
    snprintf(s.url, sizeof(s.url), "nfs://10.1.1.3/export/ss");
    assert_int_equal(cs_svc_image_store_add(svc, &admin, &s, &so, &err), -CS_ERR_PARAM);
    assert_int_equal(count(svc, "SELECT COUNT(*) FROM image_store"), 1);

    struct cs_vec hv = CS_VEC_INIT(struct cs_svc_hypervisor);
    assert_int_equal(cs_svc_hypervisor_list(svc, z.id, &hv, &err), 0);
    assert_int_equal(hv.n, 1);
    assert_string_equal(CS_VEC_AT(&hv, struct cs_svc_hypervisor, 0)->name, "Simulator");
    cs_util_vec_release(&hv);
}

static void test_offering_rules(void **state)
{
    struct cs_svc *svc = *state;
    struct cs_svc_caller admin = cs_svc_system_caller();
    struct cs_err err;
    int64_t before = count(svc, "SELECT COUNT(*) FROM service_offering");
    struct cs_service_offering in = {.cpunumber = 2, .cpuspeed = 1000, .memory = 2048}, out;
    snprintf(in.name, sizeof(in.name), "Big");
    assert_int_equal(cs_svc_service_offering_create(svc, &admin, &in, &out, &err), 0);
    assert_string_equal(out.displaytext, "Big");
    assert_string_equal(out.storagetype, "shared");
    in.memory = 0; /* partly custom */
    assert_int_equal(cs_svc_service_offering_create(svc, &admin, &in, &out, &err), -CS_ERR_PARAM);
    in.memory = 512;
    snprintf(in.storagetype, sizeof(in.storagetype), "tape");
    assert_int_equal(cs_svc_service_offering_create(svc, &admin, &in, &out, &err), -CS_ERR_PARAM);
    assert_int_equal(cs_svc_service_offering_create(svc, &user, &in, &out, &err),
                     -CS_ERR_PERMISSION);
    struct cs_service_offering sys = {.cpunumber = 1, .cpuspeed = 500, .memory = 256,
                                      .issystem = true};
    snprintf(sys.name, sizeof(sys.name), "Sys");
    assert_int_equal(cs_svc_service_offering_create(svc, &admin, &sys, &out, &err), 0);
    assert_int_equal(count(svc, "SELECT COUNT(*) FROM service_offering"), before + 2);
    struct cs_service_offering_filter f = {.issystem = true};
    struct cs_vec v = CS_VEC_INIT(struct cs_service_offering);
    assert_int_equal(cs_svc_service_offering_list(svc, &user, &f, CS_PAGE_ALL, &v, &err),
                     -CS_ERR_PERMISSION);
    f = (struct cs_service_offering_filter){0};
    assert_int_equal(cs_svc_service_offering_list(svc, &user, &f, CS_PAGE_ALL, &v, &err), 0);
    assert_int_equal((int64_t)v.n, before + 1);
    cs_util_vec_release(&v);
}

static void test_template_rules(void **state)
{
    struct cs_svc *svc = *state;
    struct cs_svc_caller admin = cs_svc_system_caller();
    struct cs_err err;
    struct cs_template in = {.bootable = true, .requireshvm = true}, out;
    snprintf(in.name, sizeof(in.name), "tiny");
    snprintf(in.format, sizeof(in.format), "qcow2");
    snprintf(in.hypervisor, sizeof(in.hypervisor), "kvm");
    snprintf(in.url, sizeof(in.url), "http://example.com/tiny.qcow2");
    assert_int_equal(cs_svc_template_register(svc, &admin, &in, &out, &err), 0);
    assert_string_equal(out.format, "QCOW2");
    assert_string_equal(out.hypervisor, "KVM");
    assert_string_equal(out.type, "USER");
    assert_string_equal(out.os_type_name, "Other (64-bit)");
    assert_true(out.isready);
    assert_int_equal(out.account_id, 1);
    int64_t n = count(svc, "SELECT COUNT(*) FROM template");
    snprintf(in.format, sizeof(in.format), "EXE");
    assert_int_equal(cs_svc_template_register(svc, &admin, &in, &out, &err), -CS_ERR_PARAM);
    snprintf(in.format, sizeof(in.format), "RAW");
    snprintf(in.url, sizeof(in.url), "file:///etc/passwd");
    assert_int_equal(cs_svc_template_register(svc, &admin, &in, &out, &err), -CS_ERR_PARAM);
    snprintf(in.url, sizeof(in.url), "https://example.com/x.raw");
    in.isfeatured = true;
    assert_int_equal(cs_svc_template_register(svc, &user, &in, &out, &err), -CS_ERR_PERMISSION);
    in.zone_id = 999;
    in.isfeatured = false;
    assert_true(cs_svc_template_register(svc, &admin, &in, &out, &err) < 0);
    assert_int_equal(count(svc, "SELECT COUNT(*) FROM template"), n);
}

static void test_fixture_twice(void **state)
{
    struct cs_svc *svc = *state;
    struct cs_err err = {0};
    struct cs_server_fixture_stats st;
    const char *path = CSTACK_SOURCE_DIR "/fixtures/zones/demo.json";
    if (cs_server_fixture_load_stats(svc, path, &st, &err) < 0)
        fail_msg("load: %s", err.msg);
    assert_true(st.created > 32);
    assert_int_equal(count(svc, "SELECT COUNT(*) FROM host"), 32);
    assert_int_equal(count(svc, "SELECT COUNT(*) FROM cluster"), 4);
    assert_int_equal(count(svc, "SELECT COUNT(*) FROM storage_pool"), 4);
    assert_int_equal(count(svc, "SELECT COUNT(*) FROM image_store"), 1);
    assert_int_equal(count(svc, "SELECT COUNT(*) FROM zone WHERE allocation_state = 'Enabled'"),
                     1);
    assert_int_equal(cs_sched_index_count(svc->sched), 32);
    int64_t offerings = count(svc, "SELECT COUNT(*) FROM service_offering");
    long first = st.created;
    if (cs_server_fixture_load_stats(svc, path, &st, &err) < 0)
        fail_msg("reload: %s", err.msg);
    assert_int_equal(st.created, 0);
    assert_int_equal(st.existing, first);
    assert_int_equal(count(svc, "SELECT COUNT(*) FROM host"), 32);
    assert_int_equal(count(svc, "SELECT COUNT(*) FROM service_offering"), offerings);
    assert_int_equal(cs_sched_index_count(svc->sched), 32);
    /* a broken file is an error, not a crash */
    assert_true(cs_server_fixture_load(svc, "/nonexistent.json", &err) < 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_bootstrap_seed, setup, teardown),
        cmocka_unit_test_setup_teardown(test_zone_rules, setup, teardown),
        cmocka_unit_test_setup_teardown(test_pod_cluster_rules, setup, teardown),
        cmocka_unit_test_setup_teardown(test_add_host, setup, teardown),
        cmocka_unit_test_setup_teardown(test_storage_rules, setup, teardown),
        cmocka_unit_test_setup_teardown(test_offering_rules, setup, teardown),
        cmocka_unit_test_setup_teardown(test_template_rules, setup, teardown),
        cmocka_unit_test_setup_teardown(test_fixture_twice, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
