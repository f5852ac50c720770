/* Unit tests of the infrastructure, offering and template DAOs: round trips, filters, paging. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "db.h"
#include "db_account.h"
#include "db_infra.h"
#include "db_offering.h"
#include "db_template.h"

static char dbpath[256];

static void remove_db(void)
{
    char p[300];
    unlink(dbpath);
    snprintf(p, sizeof(p), "%s-wal", dbpath);
    unlink(p);
    snprintf(p, sizeof(p), "%s-shm", dbpath);
    unlink(p);
}

static int setup(void **state)
{
    snprintf(dbpath, sizeof(dbpath), "/tmp/cstack-test-dbinfra-%d.db", (int)getpid());
    remove_db();
    struct cs_err err;
    struct cs_db *db = cs_db_open(dbpath, &err);
    assert_non_null(db);
    *state = db;
    return 0;
}

static int teardown(void **state)
{
    cs_db_free(*state);
    remove_db();
    return 0;
}

/* A zone, a pod and a cluster to hang things on. */
struct topo {
    struct cs_zone z;
    struct cs_pod p;
    struct cs_cluster c;
};

static void make_topo(struct cs_db *db, struct topo *t, const char *zname)
{
    struct cs_err err;
    memset(t, 0, sizeof(*t));
    snprintf(t->z.name, sizeof(t->z.name), "%s", zname);
    snprintf(t->z.networktype, sizeof(t->z.networktype), "Advanced");
    snprintf(t->z.allocation_state, sizeof(t->z.allocation_state), "Disabled");
    snprintf(t->z.dns1, sizeof(t->z.dns1), "8.8.8.8");
    assert_int_equal(cs_db_zone_insert(db, &t->z, &err), 0);
    snprintf(t->p.name, sizeof(t->p.name), "POD0");
    t->p.zone_id = t->z.id;
    snprintf(t->p.allocation_state, sizeof(t->p.allocation_state), "Enabled");
    snprintf(t->p.gateway, sizeof(t->p.gateway), "172.16.15.1");
    assert_int_equal(cs_db_pod_insert(db, &t->p, &err), 0);
    snprintf(t->c.name, sizeof(t->c.name), "C0");
    t->c.zone_id = t->z.id;
    t->c.pod_id = t->p.id;
    snprintf(t->c.hypervisor, sizeof(t->c.hypervisor), "Simulator");
    snprintf(t->c.cluster_type, sizeof(t->c.cluster_type), "CloudManaged");
    snprintf(t->c.allocation_state, sizeof(t->c.allocation_state), "Enabled");
    assert_int_equal(cs_db_cluster_insert(db, &t->c, &err), 0);
}

static void test_zone_round_trip(void **state)
{
    struct cs_db *db = *state;
    struct cs_err err;
    struct topo t;
    make_topo(db, &t, "Z1");
    assert_true(t.z.id > 0);
    assert_int_equal(strlen(t.z.uuid), 36);

    struct cs_zone got;
    assert_int_equal(cs_db_zone_get(db, t.z.id, &got, &err), 0);
    assert_string_equal(got.name, "Z1");
    assert_string_equal(got.dns1, "8.8.8.8");
    assert_string_equal(got.dns2, "");
    assert_string_equal(got.allocation_state, "Disabled");
    assert_int_equal(got.created, t.z.created);

    snprintf(got.allocation_state, sizeof(got.allocation_state), "Enabled");
    snprintf(got.dns2, sizeof(got.dns2), "8.8.4.4");
    assert_int_equal(cs_db_zone_update(db, &got, &err), 0);
    struct cs_zone found;
    assert_int_equal(cs_db_zone_find(db, "Z1", &found, &err), 0);
    assert_int_equal(found.id, t.z.id);
    assert_string_equal(found.allocation_state, "Enabled");
    assert_string_equal(found.dns2, "8.8.4.4");
    assert_int_equal(cs_db_zone_find(db, "nope", &found, &err), -CS_ERR_NOT_FOUND);
    assert_int_equal(err.code, CS_ERR_NOT_FOUND);

    struct topo t2;
    make_topo(db, &t2, "Z2");
    struct cs_vec v = CS_VEC_INIT(struct cs_zone);
    struct cs_zone_filter f = {0};
    assert_int_equal(cs_db_zone_list(db, &f, CS_PAGE_ALL, &v, &err), 0);
    assert_int_equal(v.n, 2);
    assert_int_equal(v.total, 2);
    cs_util_vec_release(&v);
    /* paging keeps the total */
    v = (struct cs_vec)CS_VEC_INIT(struct cs_zone);
    assert_int_equal(cs_db_zone_list(db, &f, (struct cs_page){1, 1}, &v, &err), 0);
    assert_int_equal(v.n, 1);
    assert_int_equal(v.total, 2);
    assert_string_equal(CS_VEC_AT(&v, struct cs_zone, 0)->name, "Z2");
    cs_util_vec_release(&v);
    /* filters */
    f.allocation_state = "Disabled";
    v = (struct cs_vec)CS_VEC_INIT(struct cs_zone);
    assert_int_equal(cs_db_zone_list(db, &f, CS_PAGE_ALL, &v, &err), 0);
    assert_int_equal(v.n, 1);
    assert_string_equal(CS_VEC_AT(&v, struct cs_zone, 0)->name, "Z2");
    cs_util_vec_release(&v);
    f = (struct cs_zone_filter){.keyword = "z"};
    v = (struct cs_vec)CS_VEC_INIT(struct cs_zone);
    assert_int_equal(cs_db_zone_list(db, &f, CS_PAGE_ALL, &v, &err), 0);
    assert_int_equal(v.n, 2);
    cs_util_vec_release(&v);
    f = (struct cs_zone_filter){.id = t.z.id, .name = "Z2"};
    v = (struct cs_vec)CS_VEC_INIT(struct cs_zone);
    assert_int_equal(cs_db_zone_list(db, &f, CS_PAGE_ALL, &v, &err), 0);
    assert_int_equal(v.n, 0);
    assert_int_equal(v.total, 0);
    cs_util_vec_release(&v);
}

static void test_pod_cluster_round_trip(void **state)
{
    struct cs_db *db = *state;
    struct cs_err err;
    struct topo t;
    make_topo(db, &t, "Z1");
    struct cs_pod p;
    assert_int_equal(cs_db_pod_get(db, t.p.id, &p, &err), 0);
    assert_string_equal(p.zone_name, "Z1");
    assert_string_equal(p.zone_uuid, t.z.uuid);
    assert_string_equal(p.gateway, "172.16.15.1");
    assert_int_equal(cs_db_pod_find(db, t.z.id, "POD0", &p, &err), 0);
    assert_int_equal(cs_db_pod_find(db, t.z.id + 1, "POD0", &p, &err), -CS_ERR_NOT_FOUND);

    struct cs_cluster c;
    assert_int_equal(cs_db_cluster_get(db, t.c.id, &c, &err), 0);
    assert_string_equal(c.pod_name, "POD0");
    assert_string_equal(c.zone_name, "Z1");
    assert_string_equal(c.managed_state, "Managed");
    assert_true(c.cpu_overcommit == 1.0);
    assert_int_equal(cs_db_cluster_find(db, t.p.id, "C0", &c, &err), 0);
    assert_int_equal(c.id, t.c.id);

    struct cs_vec v = CS_VEC_INIT(struct cs_cluster);
    struct cs_cluster_filter cf = {.pod_id = t.p.id, .hypervisor = "simulator"};
    assert_int_equal(cs_db_cluster_list(db, &cf, CS_PAGE_ALL, &v, &err), 0);
    assert_int_equal(v.n, 1);
    cs_util_vec_release(&v);
    v = (struct cs_vec)CS_VEC_INIT(struct cs_cluster);
    cf = (struct cs_cluster_filter){.hypervisor = "KVM"};
    assert_int_equal(cs_db_cluster_list(db, &cf, CS_PAGE_ALL, &v, &err), 0);
    assert_int_equal(v.n, 0);
    cs_util_vec_release(&v);

    struct cs_vec pv = CS_VEC_INIT(struct cs_pod);
    struct cs_pod_filter pf = {.zone_id = t.z.id};
    assert_int_equal(cs_db_pod_list(db, &pf, CS_PAGE_ALL, &pv, &err), 0);
    assert_int_equal(pv.n, 1);
    assert_int_equal(pv.total, 1);
    cs_util_vec_release(&pv);
}

static int count_host(void *ud, const struct cs_host *h)
{
    int *n = ud;
    (*n)++;
    return h->cpu_cores > 0 ? 0 : -CS_ERR_INTERNAL;
}

static void test_host_round_trip(void **state)
{
    struct cs_db *db = *state;
    struct cs_err err;
    struct topo t;
    make_topo(db, &t, "Z1");
    assert_int_equal(cs_db_begin(db, &err), 0);
    for (int i = 0; i < 1100; i++) {
        struct cs_host h = {.zone_id = t.z.id, .pod_id = t.p.id, .cluster_id = t.c.id,
                            .cpu_cores = 4, .cpu_mhz = 2000, .mem_bytes = 8LL << 30};
        snprintf(h.name, sizeof(h.name), "h%d", i);
        snprintf(h.url, sizeof(h.url), "http://sim/c0/h%d", i);
        snprintf(h.hypervisor, sizeof(h.hypervisor), "Simulator");
        snprintf(h.status, sizeof(h.status), "Up");
        snprintf(h.resource_state, sizeof(h.resource_state), i == 5 ? "Disabled" : "Enabled");
        assert_int_equal(cs_db_host_insert(db, &h, &err), 0);
    }
    assert_int_equal(cs_db_commit(db, &err), 0);

    struct cs_host h;
    assert_int_equal(cs_db_host_find_url(db, "http://sim/c0/h7", &h, &err), 0);
    assert_string_equal(h.name, "h7");
    assert_string_equal(h.type, "Routing");
    assert_string_equal(h.cluster_name, "C0");
    assert_string_equal(h.pod_name, "POD0");
    assert_string_equal(h.zone_name, "Z1");
    assert_string_equal(h.cluster_type, "CloudManaged");
    assert_int_equal(h.cpu_sockets, 1);
    assert_int_equal(h.mem_bytes, 8LL << 30);
    /* the url is unique among live hosts */
    struct cs_host dup = h;
    dup.uuid[0] = '\0';
    assert_true(cs_db_host_insert(db, &dup, &err) < 0);

    assert_int_equal(cs_db_host_set_status(db, h.id, "Disconnected", &err), 0);
    assert_int_equal(cs_db_host_get(db, h.id, &h, &err), 0);
    assert_string_equal(h.status, "Disconnected");
    assert_true(h.last_pinged > 0);

    struct cs_vec v = CS_VEC_INIT(struct cs_host);
    struct cs_host_filter f = {.cluster_id = t.c.id, .resource_state = "Disabled"};
    assert_int_equal(cs_db_host_list(db, &f, CS_PAGE_ALL, &v, &err), 0);
    assert_int_equal(v.n, 1);
    assert_string_equal(CS_VEC_AT(&v, struct cs_host, 0)->name, "h5");
    cs_util_vec_release(&v);
    v = (struct cs_vec)CS_VEC_INIT(struct cs_host);
    f = (struct cs_host_filter){.zone_id = t.z.id};
    assert_int_equal(cs_db_host_list(db, &f, (struct cs_page){500, 500}, &v, &err), 0);
    assert_int_equal(v.n, 500);
    assert_int_equal(v.total, 1100);
    cs_util_vec_release(&v);

    int n = 0;
    assert_int_equal(cs_db_host_each(db, count_host, &n, &err), 0);
    assert_int_equal(n, 1100);
}

static void test_storage_round_trip(void **state)
{
    struct cs_db *db = *state;
    struct cs_err err;
    struct topo t;
    make_topo(db, &t, "Z1");
    struct cs_storage_pool p = {.zone_id = t.z.id, .pod_id = t.p.id, .cluster_id = t.c.id,
                                .capacity_bytes = 1LL << 40};
    snprintf(p.name, sizeof(p.name), "PS0");
    snprintf(p.scope, sizeof(p.scope), "CLUSTER");
    snprintf(p.url, sizeof(p.url), "nfs://10.0.0.1/export/ps0");
    snprintf(p.type, sizeof(p.type), "NetworkFilesystem");
    snprintf(p.ipaddress, sizeof(p.ipaddress), "10.0.0.1");
    snprintf(p.path, sizeof(p.path), "/export/ps0");
    assert_int_equal(cs_db_storage_pool_insert(db, &p, &err), 0);
    struct cs_storage_pool zp = {.zone_id = t.z.id, .capacity_bytes = 1LL << 41};
    snprintf(zp.name, sizeof(zp.name), "ZPS");
    snprintf(zp.scope, sizeof(zp.scope), "ZONE");
    snprintf(zp.url, sizeof(zp.url), "nfs://10.0.0.2/export/zps");
    snprintf(zp.type, sizeof(zp.type), "NetworkFilesystem");
    assert_int_equal(cs_db_storage_pool_insert(db, &zp, &err), 0);

    struct cs_storage_pool got;
    assert_int_equal(cs_db_storage_pool_get(db, p.id, &got, &err), 0);
    assert_string_equal(got.cluster_name, "C0");
    assert_string_equal(got.state, "Up");
    assert_string_equal(got.provider, "DefaultPrimary");
    assert_int_equal(got.capacity_bytes, 1LL << 40);
    assert_int_equal(cs_db_storage_pool_get(db, zp.id, &got, &err), 0);
    assert_int_equal(got.cluster_id, 0);
    assert_string_equal(got.cluster_name, "");
    assert_int_equal(cs_db_storage_pool_find(db, t.z.id, "ZPS", &got, &err), 0);
    assert_int_equal(got.id, zp.id);

    struct cs_vec v = CS_VEC_INIT(struct cs_storage_pool);
    struct cs_storage_pool_filter f = {.scope = "zone"};
    assert_int_equal(cs_db_storage_pool_list(db, &f, CS_PAGE_ALL, &v, &err), 0);
    assert_int_equal(v.n, 1);
    cs_util_vec_release(&v);

    struct cs_image_store s = {.zone_id = t.z.id};
    snprintf(s.name, sizeof(s.name), "SS0");
    snprintf(s.url, sizeof(s.url), "nfs://10.0.0.3/export/ss");
    snprintf(s.protocol, sizeof(s.protocol), "nfs");
    snprintf(s.provider, sizeof(s.provider), "NFS");
    snprintf(s.scope, sizeof(s.scope), "ZONE");
    assert_int_equal(cs_db_image_store_insert(db, &s, &err), 0);
    struct cs_image_store gs;
    assert_int_equal(cs_db_image_store_find_url(db, "nfs://10.0.0.3/export/ss", &gs, &err), 0);
    assert_int_equal(gs.id, s.id);
    assert_string_equal(gs.zone_name, "Z1");
    struct cs_vec sv = CS_VEC_INIT(struct cs_image_store);
    struct cs_image_store_filter sf = {.provider = "nfs", .readonly = 2};
    assert_int_equal(cs_db_image_store_list(db, &sf, CS_PAGE_ALL, &sv, &err), 0);
    assert_int_equal(sv.n, 1);
    cs_util_vec_release(&sv);
    sv = (struct cs_vec)CS_VEC_INIT(struct cs_image_store);
    sf.readonly = 1;
    assert_int_equal(cs_db_image_store_list(db, &sf, CS_PAGE_ALL, &sv, &err), 0);
    assert_int_equal(sv.n, 0);
    cs_util_vec_release(&sv);
}

static void test_offering_round_trip(void **state)
{
    struct cs_db *db = *state;
    struct cs_err err;
    struct cs_service_offering o = {.cpunumber = 1, .cpuspeed = 500, .memory = 512};
    snprintf(o.name, sizeof(o.name), "Small Instance");
    snprintf(o.displaytext, sizeof(o.displaytext), "Small Instance");
    assert_int_equal(cs_db_service_offering_insert(db, &o, &err), 0);
    struct cs_service_offering custom = {0};
    snprintf(custom.name, sizeof(custom.name), "Custom");
    assert_int_equal(cs_db_service_offering_insert(db, &custom, &err), 0);
    struct cs_service_offering sys = {.cpunumber = 1, .cpuspeed = 500, .memory = 256,
                                      .issystem = true};
    snprintf(sys.name, sizeof(sys.name), "System Offering");
    assert_int_equal(cs_db_service_offering_insert(db, &sys, &err), 0);

    struct cs_service_offering got;
    assert_int_equal(cs_db_service_offering_get(db, o.id, &got, &err), 0);
    assert_int_equal(got.memory, 512);
    assert_string_equal(got.storagetype, "shared");
    assert_string_equal(got.provisioningtype, "thin");
    assert_string_equal(got.state, "Active");
    assert_int_equal(cs_db_service_offering_get(db, custom.id, &got, &err), 0);
    assert_int_equal(got.cpunumber, 0);
    assert_int_equal(cs_db_service_offering_find(db, "Small Instance", &got, &err), 0);
    assert_int_equal(got.id, o.id);

    struct cs_vec v = CS_VEC_INIT(struct cs_service_offering);
    struct cs_service_offering_filter f = {0};
    assert_int_equal(cs_db_service_offering_list(db, &f, CS_PAGE_ALL, &v, &err), 0);
    assert_int_equal(v.n, 2); /* system offerings only when asked */
    cs_util_vec_release(&v);
    v = (struct cs_vec)CS_VEC_INIT(struct cs_service_offering);
    f = (struct cs_service_offering_filter){.issystem = true};
    assert_int_equal(cs_db_service_offering_list(db, &f, CS_PAGE_ALL, &v, &err), 0);
    assert_int_equal(v.n, 1);
    cs_util_vec_release(&v);
    v = (struct cs_vec)CS_VEC_INIT(struct cs_service_offering);
    f = (struct cs_service_offering_filter){.memory = 1024};
    assert_int_equal(cs_db_service_offering_list(db, &f, CS_PAGE_ALL, &v, &err), 0);
    assert_int_equal(v.n, 1); /* only the custom one fits */
    assert_string_equal(CS_VEC_AT(&v, struct cs_service_offering, 0)->name, "Custom");
    cs_util_vec_release(&v);
}

static void test_template_round_trip(void **state)
{
    struct cs_db *db = *state;
    struct cs_err err;
    struct cs_domain root = {.name = "ROOT", .path = "/"};
    assert_int_equal(cs_db_domain_insert(db, &root, &err), 0);
    struct cs_account sys = {.id = 1, .name = "system", .type = 1, .domain_id = root.id};
    struct cs_account user = {.id = 3, .name = "u1", .type = 0, .domain_id = root.id};
    assert_int_equal(cs_db_account_insert(db, &sys, &err), 0);
    assert_int_equal(cs_db_account_insert(db, &user, &err), 0);

    struct cs_os_category cat = {.name = "CentOS"};
    assert_int_equal(cs_db_os_category_insert(db, &cat, &err), 0);
    struct cs_os_type os = {.category_id = cat.id};
    snprintf(os.description, sizeof(os.description), "CentOS 5.6 (64-bit)");
    assert_int_equal(cs_db_os_type_insert(db, &os, &err), 0);
    struct cs_os_type gos;
    assert_int_equal(cs_db_os_type_find(db, "CentOS 5.6 (64-bit)", &gos, &err), 0);
    assert_int_equal(gos.id, os.id);
    assert_string_equal(gos.category_name, "CentOS");
    struct cs_os_category gcat;
    assert_int_equal(cs_db_os_category_find_uuid(db, cat.uuid, &gcat, &err), 0);
    assert_string_equal(gcat.name, "CentOS");

    struct cs_template builtin = {.os_type_id = os.id, .ispublic = true, .isfeatured = true,
                                  .bootable = true, .isready = true, .account_id = 1,
                                  .domain_id = root.id, .size = 2LL << 30};
    snprintf(builtin.name, sizeof(builtin.name), "CentOS 5.6 (64-bit) no GUI (Simulator)");
    snprintf(builtin.format, sizeof(builtin.format), "VHD");
    snprintf(builtin.hypervisor, sizeof(builtin.hypervisor), "Simulator");
    snprintf(builtin.type, sizeof(builtin.type), "BUILTIN");
    snprintf(builtin.status, sizeof(builtin.status), "Download Complete");
    assert_int_equal(cs_db_template_insert(db, &builtin, &err), 0);
    struct cs_template mine = {.account_id = 3, .domain_id = root.id, .bootable = true};
    snprintf(mine.name, sizeof(mine.name), "mine");
    snprintf(mine.format, sizeof(mine.format), "QCOW2");
    snprintf(mine.hypervisor, sizeof(mine.hypervisor), "KVM");
    snprintf(mine.status, sizeof(mine.status), "Downloading");
    assert_int_equal(cs_db_template_insert(db, &mine, &err), 0);

    struct cs_template got;
    assert_int_equal(cs_db_template_get(db, builtin.id, &got, &err), 0);
    assert_string_equal(got.os_type_name, "CentOS 5.6 (64-bit)");
    assert_string_equal(got.account_name, "system");
    assert_string_equal(got.type, "BUILTIN");
    assert_true(got.isready && got.ispublic && got.isfeatured);

    /* no zone yet: the cross-zone template is listed once, without a zone */
    struct cs_vec v = CS_VEC_INIT(struct cs_template);
    struct cs_template_filter f = {.scope = CS_DB_TPL_FEATURED};
    assert_int_equal(cs_db_template_list(db, &f, CS_PAGE_ALL, &v, &err), 0);
    assert_int_equal(v.n, 1);
    assert_int_equal(CS_VEC_AT(&v, struct cs_template, 0)->listed_zone_id, 0);
    cs_util_vec_release(&v);
    /* two zones: once per zone */
    struct topo t1, t2;
    make_topo(db, &t1, "Z1");
    make_topo(db, &t2, "Z2");
    v = (struct cs_vec)CS_VEC_INIT(struct cs_template);
    assert_int_equal(cs_db_template_list(db, &f, CS_PAGE_ALL, &v, &err), 0);
    assert_int_equal(v.n, 2);
    assert_int_equal(v.total, 2);
    assert_string_equal(CS_VEC_AT(&v, struct cs_template, 1)->listed_zone_name, "Z2");
    cs_util_vec_release(&v);
    v = (struct cs_vec)CS_VEC_INIT(struct cs_template);
    f.zone_id = t2.z.id;
    assert_int_equal(cs_db_template_list(db, &f, CS_PAGE_ALL, &v, &err), 0);
    assert_int_equal(v.n, 1);
    cs_util_vec_release(&v);
    /* scopes */
    v = (struct cs_vec)CS_VEC_INIT(struct cs_template);
    f = (struct cs_template_filter){.scope = CS_DB_TPL_OWNED, .account_id = 3};
    assert_int_equal(cs_db_template_list(db, &f, CS_PAGE_ALL, &v, &err), 0);
    assert_int_equal(v.n, 2); /* one entry per zone */
    assert_string_equal(CS_VEC_AT(&v, struct cs_template, 0)->name, "mine");
    cs_util_vec_release(&v);
    v = (struct cs_vec)CS_VEC_INIT(struct cs_template);
    f = (struct cs_template_filter){.scope = CS_DB_TPL_OWNED_OR_PUBLIC, .account_id = 3,
                                    .ready_only = true, .zone_id = t1.z.id};
    assert_int_equal(cs_db_template_list(db, &f, CS_PAGE_ALL, &v, &err), 0);
    assert_int_equal(v.n, 1);
    assert_string_equal(CS_VEC_AT(&v, struct cs_template, 0)->name, builtin.name);
    cs_util_vec_release(&v);
    v = (struct cs_vec)CS_VEC_INIT(struct cs_template);
    f = (struct cs_template_filter){.scope = CS_DB_TPL_COMMUNITY};
    assert_int_equal(cs_db_template_list(db, &f, CS_PAGE_ALL, &v, &err), 0);
    assert_int_equal(v.n, 0);
    cs_util_vec_release(&v);

    struct cs_vec ov = CS_VEC_INIT(struct cs_os_type);
    struct cs_os_type_filter of = {.category_id = cat.id, .keyword = "centos"};
    assert_int_equal(cs_db_os_type_list(db, &of, CS_PAGE_ALL, &ov, &err), 0);
    assert_int_equal(ov.n, 1);
    cs_util_vec_release(&ov);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_zone_round_trip, setup, teardown),
        cmocka_unit_test_setup_teardown(test_pod_cluster_round_trip, setup, teardown),
        cmocka_unit_test_setup_teardown(test_host_round_trip, setup, teardown),
        cmocka_unit_test_setup_teardown(test_storage_round_trip, setup, teardown),
        cmocka_unit_test_setup_teardown(test_offering_round_trip, setup, teardown),
        cmocka_unit_test_setup_teardown(test_template_round_trip, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
