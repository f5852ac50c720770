/* Zone fixtures: a Marvin-like JSON topology applied through the service layer. */
#include "server_fixture.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "svc_config.h"
#include "svc_infra.h"
#include "svc_offering.h"
#include "svc_template.h"
#include "util_log.h"
#include "util_time.h"

struct load {
    struct cs_svc *svc;
    struct cs_svc_caller caller;
    const char *path;
    struct cs_server_fixture_stats stats;
};

static void copy_str(char *dst, size_t n, const char *src)
{
    snprintf(dst, n, "%s", src ? src : "");
}

#define COPY(dst, src) copy_str((dst), sizeof(dst), (src))

static const char *str(const json_t *o, const char *key)
{
    const json_t *v = json_object_get(o, key);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

static int64_t num(const json_t *o, const char *key, int64_t dflt)
{
    const json_t *v = json_object_get(o, key);
    if (json_is_integer(v))
        return json_integer_value(v);
    if (json_is_string(v)) {
        char *end;
        long long n = strtoll(json_string_value(v), &end, 10);
        if (*end == '\0' && end != json_string_value(v))
            return n;
    }
    return dflt;
}

static bool flag(const json_t *o, const char *key, bool dflt)
{
    const json_t *v = json_object_get(o, key);
    if (json_is_boolean(v))
        return json_is_true(v);
    if (json_is_string(v))
        return strcmp(json_string_value(v), "true") == 0;
    return dflt;
}

static int need(struct load *l, const json_t *o, const char *key, const char *what,
                struct cs_err *err)
{
    if (!str(o, key) || !*str(o, key))
        return cs_err_set(err, CS_ERR_PARAM, "fixture %s: a %s without \"%s\"", l->path, what,
                          key);
    return 0;
}

/* How the loader looks one kind of object up by its name in its parent (a vector of at most one
 * element of size bytes), and how it creates one from its JSON entry. */
struct kind {
    size_t size;
    int (*find)(struct load *l, const void *parent, const json_t *e, struct cs_vec *ret,
                struct cs_err *err);
    int (*create)(struct load *l, const void *parent, const json_t *e, void *ret,
                  struct cs_err *err);
};

/* Finds the object of entry e in parent, or creates it; counts which, and copies it to ret. */
static int find_or_create(struct load *l, const struct kind *k, const void *parent,
                          const json_t *e, void *ret, struct cs_err *err)
{
    struct cs_vec v = {.elem = k->size};
    int rc = k->find(l, parent, e, &v, err);
    if (rc == 0 && v.n) {
        memcpy(ret, v.v, k->size);
        l->stats.existing++;
    } else if (rc == 0) {
        rc = k->create(l, parent, e, ret, err);
        if (rc == 0)
            l->stats.created++;
    }
    cs_util_vec_release(&v);
    return rc;
}

/* Counts the outcome of an add that the service refuses with CS_ERR_CONFLICT when the object
 * (found by url) is already there. */
static int count_added(struct load *l, int rc, const struct cs_err *e2, struct cs_err *err)
{
    if (rc == 0) {
        l->stats.created++;
    } else if (e2->code == CS_ERR_CONFLICT) {
        l->stats.existing++;
    } else {
        *err = *e2;
        return -e2->code;
    }
    return 0;
}

static int load_config(struct load *l, const json_t *list, struct cs_err *err)
{
    size_t i;
    json_t *e;
    json_array_foreach(list, i, e) {
        if (need(l, e, "name", "globalConfig entry", err) < 0)
            return -CS_ERR_PARAM;
        const json_t *v = json_object_get(e, "value");
        char buf[64];
        const char *value = json_is_string(v) ? json_string_value(v) : NULL;
        if (json_is_integer(v)) {
            snprintf(buf, sizeof(buf), "%lld", (long long)json_integer_value(v));
            value = buf;
        } else if (json_is_boolean(v)) {
            value = json_is_true(v) ? "true" : "false";
        }
        if (!value)
            return cs_err_set(err, CS_ERR_PARAM, "fixture %s: globalConfig %s has no value",
                              l->path, str(e, "name"));
        if (cs_svc_config_set(l->svc, str(e, "name"), value, err) < 0)
            return -CS_ERR_PARAM;
    }
    return 0;
}

static int offering_find(struct load *l, const void *parent, const json_t *e, struct cs_vec *ret,
                         struct cs_err *err)
{
    (void)parent;
    struct cs_service_offering_filter f = {.name = str(e, "name")};
    return cs_svc_service_offering_list(l->svc, &l->caller, &f, (struct cs_page){0, 1}, ret, err);
}

static int offering_create(struct load *l, const void *parent, const json_t *e, void *ret,
                           struct cs_err *err)
{
    (void)parent;
    struct cs_service_offering o = {
        .cpunumber = (int)num(e, "cpunumber", 0), .cpuspeed = (int)num(e, "cpuspeed", 0),
        .memory = num(e, "memory", 0), .offerha = flag(e, "offerha", false),
        .limitcpuuse = flag(e, "limitcpuuse", false)};
    COPY(o.name, str(e, "name"));
    COPY(o.displaytext, str(e, "displaytext"));
    COPY(o.storagetype, str(e, "storagetype"));
    COPY(o.hosttags, str(e, "hosttags"));
    COPY(o.storagetags, str(e, "tags"));
    if (cs_svc_service_offering_create(l->svc, &l->caller, &o, ret, err) < 0)
        return -CS_ERR_PARAM;
    return 0;
}

static const struct kind offering_kind = {sizeof(struct cs_service_offering), offering_find,
                                          offering_create};

static int load_offerings(struct load *l, const json_t *list, struct cs_err *err)
{
    size_t i;
    json_t *e;
    json_array_foreach(list, i, e) {
        if (need(l, e, "name", "service offering", err) < 0)
            return -CS_ERR_PARAM;
        struct cs_service_offering o;
        int rc = find_or_create(l, &offering_kind, NULL, e, &o, err);
        if (rc < 0)
            return rc;
    }
    return 0;
}

static int template_find(struct load *l, const void *parent, const json_t *e, struct cs_vec *ret,
                         struct cs_err *err)
{
    (void)parent;
    struct cs_template_filter f = {.name = str(e, "name")};
    return cs_svc_template_list(l->svc, &l->caller, "all", &f, (struct cs_page){0, 1}, ret, err);
}

static int template_create(struct load *l, const void *parent, const json_t *e, void *ret,
                           struct cs_err *err)
{
    (void)parent;
    struct cs_template t = {
        .ispublic = flag(e, "ispublic", true), .isfeatured = flag(e, "isfeatured", false),
        .passwordenabled = flag(e, "passwordenabled", false),
        .isextractable = flag(e, "isextractable", false), .bootable = true,
        .requireshvm = flag(e, "requireshvm", true), .size = num(e, "size", 0)};
    COPY(t.name, str(e, "name"));
    COPY(t.displaytext, str(e, "displaytext"));
    COPY(t.format, str(e, "format"));
    COPY(t.hypervisor, str(e, "hypervisor"));
    COPY(t.url, str(e, "url"));
    COPY(t.checksum, str(e, "checksum"));
    if (str(e, "ostype")) {
        struct cs_vec ov = CS_VEC_INIT(struct cs_os_type);
        struct cs_os_type_filter of = {.description = str(e, "ostype")};
        int rc = cs_svc_os_type_list(l->svc, &of, (struct cs_page){0, 1}, &ov, err);
        if (rc == 0 && ov.n == 0)
            rc = cs_err_set(err, CS_ERR_PARAM, "fixture %s: unknown ostype '%s'", l->path,
                            str(e, "ostype"));
        if (rc == 0)
            t.os_type_id = CS_VEC_AT(&ov, struct cs_os_type, 0)->id;
        cs_util_vec_release(&ov);
        if (rc < 0)
            return rc;
    }
    if (cs_svc_template_register(l->svc, &l->caller, &t, ret, err) < 0)
        return -CS_ERR_PARAM;
    return 0;
}

static const struct kind template_kind = {sizeof(struct cs_template), template_find,
                                          template_create};

static int load_templates(struct load *l, const json_t *list, struct cs_err *err)
{
    size_t i;
    json_t *e;
    json_array_foreach(list, i, e) {
        if (need(l, e, "name", "template", err) < 0)
            return -CS_ERR_PARAM;
        struct cs_template t;
        int rc = find_or_create(l, &template_kind, NULL, e, &t, err);
        if (rc < 0)
            return rc;
    }
    return 0;
}

static int load_hosts(struct load *l, const struct cs_cluster *c, const json_t *list,
                      struct cs_err *err)
{
    size_t i;
    json_t *e;
    json_array_foreach(list, i, e) {
        if (need(l, e, "url", "host", err) < 0)
            return -CS_ERR_PARAM;
        struct cs_svc_host_add in = {
            .zone_id = c->zone_id, .pod_id = c->pod_id, .cluster_id = c->id,
            .hypervisor = c->hypervisor, .url = str(e, "url"), .username = str(e, "username"),
            .password = str(e, "password"), .hosttags = str(e, "hosttags")};
        struct cs_host h;
        struct cs_err e2;
        int rc = cs_svc_host_add(l->svc, &l->caller, &in, &h, &e2);
        if (count_added(l, rc, &e2, err) < 0) /* CS_ERR_CONFLICT: a live host with that url */
            return -e2.code;
    }
    return 0;
}

static int pool_find(struct load *l, const void *parent, const json_t *e, struct cs_vec *ret,
                     struct cs_err *err)
{
    const struct cs_cluster *c = parent;
    struct cs_storage_pool_filter f = {.zone_id = c->zone_id, .name = str(e, "name")};
    return cs_svc_storage_pool_list(l->svc, &l->caller, &f, (struct cs_page){0, 1}, ret, err);
}

static int pool_create(struct load *l, const void *parent, const json_t *e, void *ret,
                       struct cs_err *err)
{
    const struct cs_cluster *c = parent;
    struct cs_storage_pool p = {.zone_id = c->zone_id, .pod_id = c->pod_id, .cluster_id = c->id,
                                .capacity_bytes = num(e, "capacitybytes", 0)};
    COPY(p.name, str(e, "name"));
    COPY(p.url, str(e, "url"));
    COPY(p.scope, str(e, "scope"));
    COPY(p.tags, str(e, "tags"));
    COPY(p.provider, str(e, "provider"));
    if (cs_svc_storage_pool_create(l->svc, &l->caller, &p, ret, err) < 0)
        return -CS_ERR_PARAM;
    return 0;
}

static const struct kind pool_kind = {sizeof(struct cs_storage_pool), pool_find, pool_create};

static int load_pools(struct load *l, const struct cs_cluster *c, const json_t *list,
                      struct cs_err *err)
{
    size_t i;
    json_t *e;
    json_array_foreach(list, i, e) {
        if (need(l, e, "name", "primary storage", err) < 0 ||
            need(l, e, "url", "primary storage", err) < 0)
            return -CS_ERR_PARAM;
        struct cs_storage_pool p;
        int rc = find_or_create(l, &pool_kind, c, e, &p, err);
        if (rc < 0)
            return rc;
    }
    return 0;
}

static int cluster_find(struct load *l, const void *parent, const json_t *e, struct cs_vec *ret,
                        struct cs_err *err)
{
    const struct cs_pod *pod = parent;
    struct cs_cluster_filter f = {.pod_id = pod->id, .name = str(e, "clustername")};
    return cs_svc_cluster_list(l->svc, &l->caller, &f, (struct cs_page){0, 1}, ret, err);
}

static int cluster_create(struct load *l, const void *parent, const json_t *e, void *ret,
                          struct cs_err *err)
{
    const struct cs_pod *pod = parent;
    struct cs_cluster in = {.zone_id = pod->zone_id, .pod_id = pod->id};
    COPY(in.name, str(e, "clustername"));
    COPY(in.hypervisor, str(e, "hypervisor") ? str(e, "hypervisor") : "Simulator");
    COPY(in.cluster_type, str(e, "clustertype"));
    return cs_svc_cluster_create(l->svc, &l->caller, &in, ret, err);
}

static const struct kind cluster_kind = {sizeof(struct cs_cluster), cluster_find,
                                         cluster_create};

static int load_clusters(struct load *l, const struct cs_pod *pod, const json_t *list,
                         struct cs_err *err)
{
    size_t i;
    json_t *e;
    json_array_foreach(list, i, e) {
        if (need(l, e, "clustername", "cluster", err) < 0)
            return -CS_ERR_PARAM;
        struct cs_cluster c = {0};
        if (find_or_create(l, &cluster_kind, pod, e, &c, err) < 0 ||
            load_hosts(l, &c, json_object_get(e, "hosts"), err) < 0 ||
            load_pools(l, &c, json_object_get(e, "primaryStorages"), err) < 0)
            return -CS_ERR_PARAM;
    }
    return 0;
}

static int pod_find(struct load *l, const void *parent, const json_t *e, struct cs_vec *ret,
                    struct cs_err *err)
{
    const struct cs_zone *z = parent;
    struct cs_pod_filter f = {.zone_id = z->id, .name = str(e, "name")};
    return cs_svc_pod_list(l->svc, &l->caller, &f, (struct cs_page){0, 1}, ret, err);
}

static int pod_create(struct load *l, const void *parent, const json_t *e, void *ret,
                      struct cs_err *err)
{
    const struct cs_zone *z = parent;
    struct cs_pod in = {.zone_id = z->id};
    COPY(in.name, str(e, "name"));
    COPY(in.gateway, str(e, "gateway"));
    COPY(in.netmask, str(e, "netmask"));
    COPY(in.startip, str(e, "startip"));
    COPY(in.endip, str(e, "endip"));
    return cs_svc_pod_create(l->svc, &l->caller, &in, ret, err);
}

static const struct kind pod_kind = {sizeof(struct cs_pod), pod_find, pod_create};

static int load_pods(struct load *l, const struct cs_zone *z, const json_t *list,
                     struct cs_err *err)
{
    size_t i;
    json_t *e;
    json_array_foreach(list, i, e) {
        if (need(l, e, "name", "pod", err) < 0)
            return -CS_ERR_PARAM;
        struct cs_pod p = {0};
        if (find_or_create(l, &pod_kind, z, e, &p, err) < 0 ||
            load_clusters(l, &p, json_object_get(e, "clusters"), err) < 0)
            return -CS_ERR_PARAM;
    }
    return 0;
}

static int load_image_stores(struct load *l, const struct cs_zone *z, const json_t *list,
                             struct cs_err *err)
{
    size_t i;
    json_t *e;
    json_array_foreach(list, i, e) {
        if (need(l, e, "url", "secondary storage", err) < 0)
            return -CS_ERR_PARAM;
        struct cs_image_store s = {.zone_id = z->id};
        COPY(s.url, str(e, "url"));
        COPY(s.name, str(e, "name"));
        COPY(s.provider, str(e, "provider") ? str(e, "provider") : "NFS");
        struct cs_image_store ret;
        struct cs_err e2;
        int rc = cs_svc_image_store_add(l->svc, &l->caller, &s, &ret, &e2);
        if (count_added(l, rc, &e2, err) < 0)
            return -e2.code;
    }
    return 0;
}

static int zone_find(struct load *l, const void *parent, const json_t *e, struct cs_vec *ret,
                     struct cs_err *err)
{
    (void)parent;
    struct cs_zone_filter f = {.name = str(e, "name")};
    return cs_svc_zone_list(l->svc, &l->caller, &f, (struct cs_page){0, 1}, ret, err);
}

static int zone_create(struct load *l, const void *parent, const json_t *e, void *ret,
                       struct cs_err *err)
{
    (void)parent;
    struct cs_zone in = {.localstorage = flag(e, "localstorageenabled", false),
                         .securitygroups = flag(e, "securitygroupenabled", false)};
    const char *dns1 = str(e, "dns1") ? str(e, "dns1") : "8.8.8.8";
    COPY(in.name, str(e, "name"));
    COPY(in.networktype, str(e, "networktype") ? str(e, "networktype") : "Advanced");
    COPY(in.dns1, dns1);
    COPY(in.dns2, str(e, "dns2"));
    COPY(in.internaldns1, str(e, "internaldns1") ? str(e, "internaldns1") : dns1);
    COPY(in.internaldns2, str(e, "internaldns2"));
    COPY(in.guestcidr, str(e, "guestcidraddress"));
    COPY(in.domain, str(e, "domain"));
    COPY(in.allocation_state, "Enabled");
    return cs_svc_zone_create(l->svc, &l->caller, &in, ret, err);
}

static const struct kind zone_kind = {sizeof(struct cs_zone), zone_find, zone_create};

static int load_zones(struct load *l, const json_t *list, struct cs_err *err)
{
    size_t i;
    json_t *e;
    json_array_foreach(list, i, e) {
        if (need(l, e, "name", "zone", err) < 0)
            return -CS_ERR_PARAM;
        struct cs_zone z = {0};
        if (find_or_create(l, &zone_kind, NULL, e, &z, err) < 0 ||
            load_pods(l, &z, json_object_get(e, "pods"), err) < 0 ||
            load_image_stores(l, &z, json_object_get(e, "secondaryStorages"), err) < 0)
            return -CS_ERR_PARAM;
    }
    return 0;
}

int cs_server_fixture_load_stats(struct cs_svc *svc, const char *path,
                                 struct cs_server_fixture_stats *ret_stats, struct cs_err *err)
{
    json_error_t jerr;
    json_t *root = json_load_file(path, 0, &jerr);
    if (!root)
        return cs_err_set(err, CS_ERR_PARAM, "fixture %s: line %d: %s", path, jerr.line,
                          jerr.text);
    struct load l = {.svc = svc, .caller = cs_svc_system_caller(), .path = path};
    int64_t t0 = cs_util_mono_ns();
    int rc = 0;
    if (!json_is_object(root))
        rc = cs_err_set(err, CS_ERR_PARAM, "fixture %s: not a JSON object", path);
    if (rc == 0)
        rc = load_config(&l, json_object_get(root, "globalConfig"), err);
    if (rc == 0)
        rc = load_offerings(&l, json_object_get(root, "serviceOfferings"), err);
    if (rc == 0)
        rc = load_templates(&l, json_object_get(root, "templates"), err);
    if (rc == 0)
        rc = load_zones(&l, json_object_get(root, "zones"), err);
    json_decref(root);
    l.stats.seconds = (double)(cs_util_mono_ns() - t0) / 1e9;
    if (rc < 0)
        return rc;
    cs_log_info("fixture %s: %ld objects created, %ld already there, %.2f s", path,
                l.stats.created, l.stats.existing, l.stats.seconds);
    if (ret_stats)
        *ret_stats = l.stats;
    return 0;
}

int cs_server_fixture_load(struct cs_svc *svc, const char *path, struct cs_err *err)
{
    return cs_server_fixture_load_stats(svc, path, NULL, err);
}
