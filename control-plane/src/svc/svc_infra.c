/* The rules of the physical cloud: zones, pods, clusters, hosts, primary and secondary storage. */
#include "svc_infra.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util_log.h"
#include "util_uuid.h"

#define DEFAULT_POOL_BYTES 1099511627776LL /* 1 TiB, the simulator's mock pool size */

static int need_admin(const struct cs_svc_caller *caller, struct cs_err *err)
{
    if (caller && !cs_svc_caller_is_admin(caller))
        return cs_err_set(err, CS_ERR_PERMISSION,
                          "the caller is not authorized to manage the infrastructure");
    return 0;
}

static void copy_str(char *dst, size_t n, const char *src)
{
    snprintf(dst, n, "%s", src ? src : "");
}

#define COPY(dst, src) copy_str((dst), sizeof(dst), (src))

/* Copies the canonical spelling of v (matched case-insensitively in allowed) into out. */
static bool pick(const char *v, const char *const *allowed, char *out, size_t n)
{
    for (; *allowed; allowed++)
        if (v && strcasecmp(v, *allowed) == 0) {
            snprintf(out, n, "%s", *allowed);
            return true;
        }
    return false;
}

static bool valid_ipv4(const char *s)
{
    struct in_addr a;
    return s && inet_pton(AF_INET, s, &a) == 1;
}

static uint32_t ipv4_num(const char *s)
{
    struct in_addr a;
    inet_pton(AF_INET, s, &a);
    return ntohl(a.s_addr);
}

static bool valid_cidr(const char *s)
{
    const char *slash = strchr(s, '/');
    if (!slash || slash - s >= 16)
        return false;
    char ip[16];
    snprintf(ip, sizeof(ip), "%.*s", (int)(slash - s), s);
    char *end;
    long bits = strtol(slash + 1, &end, 10);
    return valid_ipv4(ip) && *end == '\0' && end != slash + 1 && bits >= 0 && bits <= 32;
}

static int check_ip(const char *field, const char *v, bool required, struct cs_err *err)
{
    if ((!v || !*v) && !required)
        return 0;
    if (!valid_ipv4(v))
        return cs_err_set(err, CS_ERR_PARAM, "Please enter a valid IP address for field: %s",
                          field);
    return 0;
}

static const char *const alloc_states[] = {"Enabled", "Disabled", NULL};

static int alloc_state(const char *v, const char *dflt, char *out, size_t n, struct cs_err *err)
{
    if (!v || !*v)
        v = dflt;
    if (!pick(v, alloc_states, out, n))
        return cs_err_set(err, CS_ERR_PARAM, "Invalid allocation state specified: %s", v);
    return 0;
}

/* Ends a mutation: commit on success, rollback on failure. */
static int finish(struct cs_svc *svc, int rc, struct cs_err *err)
{
    if (rc < 0) {
        cs_db_rollback(svc->db);
        return rc;
    }
    if (cs_db_commit(svc->db, err) < 0) {
        cs_db_rollback(svc->db);
        return -CS_ERR_INTERNAL;
    }
    return 0;
}

const char *cs_svc_hypervisor_canonical(const char *name)
{
    static const char *const types[] = {"KVM",    "XenServer", "VMware", "Hyperv",
                                        "BareMetal", "Simulator", "Ovm",  "Ovm3",
                                        "LXC",    "External",  NULL};
    for (const char *const *t = types; *t; t++)
        if (name && strcasecmp(name, *t) == 0)
            return *t;
    return NULL;
}

/* ---- zones ---- */

static int check_zone_fields(const struct cs_zone *z, struct cs_err *err)
{
    if (check_ip("dns1", z->dns1, true, err) < 0 || check_ip("dns2", z->dns2, false, err) < 0 ||
        check_ip("internaldns1", z->internaldns1, true, err) < 0 ||
        check_ip("internaldns2", z->internaldns2, false, err) < 0)
        return -CS_ERR_PARAM;
    if (z->guestcidr[0] && !valid_cidr(z->guestcidr))
        return cs_err_set(err, CS_ERR_PARAM, "Please enter a valid guest cidr");
    return 0;
}

int cs_svc_zone_create(struct cs_svc *svc, const struct cs_svc_caller *caller,
                       const struct cs_zone *z, struct cs_zone *ret_zone, struct cs_err *err)
{
    if (need_admin(caller, err) < 0)
        return -CS_ERR_PERMISSION;
    struct cs_zone n = *z;
    n.id = 0;
    n.uuid[0] = '\0';
    n.created = 0;
    if (!n.name[0])
        return cs_err_set(err, CS_ERR_PARAM, "zone name is required");
    static const char *const types[] = {"Basic", "Advanced", NULL};
    if (!pick(z->networktype, types, n.networktype, sizeof(n.networktype)))
        return cs_err_set(err, CS_ERR_PARAM,
                          "Invalid zone type; only Advanced and Basic values are supported");
    if (alloc_state(z->allocation_state, "Disabled", n.allocation_state,
                    sizeof(n.allocation_state), err) < 0 ||
        check_zone_fields(&n, err) < 0)
        return -CS_ERR_PARAM;
    if (cs_db_begin(svc->db, err) < 0)
        return -CS_ERR_INTERNAL;
    struct cs_zone old;
    struct cs_err nf;
    int rc = cs_db_zone_find(svc->db, n.name, &old, &nf);
    if (rc == 0)
        rc = cs_err_set(err, CS_ERR_CONFLICT,
                        "A zone with that name already exists. Please specify a unique zone "
                        "name.");
    else if (nf.code != CS_ERR_NOT_FOUND)
        *err = nf;
    else
        rc = cs_db_zone_insert(svc->db, &n, err);
    if (finish(svc, rc, err) < 0)
        return rc < 0 ? rc : -CS_ERR_INTERNAL;
    *ret_zone = n;
    return 0;
}

int cs_svc_zone_update(struct cs_svc *svc, const struct cs_svc_caller *caller,
                       const struct cs_svc_zone_update *u, struct cs_zone *ret_zone,
                       struct cs_err *err)
{
    if (need_admin(caller, err) < 0)
        return -CS_ERR_PERMISSION;
    if (cs_db_begin(svc->db, err) < 0)
        return -CS_ERR_INTERNAL;
    struct cs_zone z;
    int rc = cs_db_zone_get(svc->db, u->id, &z, err);
    if (rc == 0 && u->name && strcmp(u->name, z.name) != 0) {
        struct cs_zone old;
        struct cs_err nf;
        if (!*u->name)
            rc = cs_err_set(err, CS_ERR_PARAM, "zone name is required");
        else if (cs_db_zone_find(svc->db, u->name, &old, &nf) == 0)
            rc = cs_err_set(err, CS_ERR_CONFLICT,
                            "A zone with that name already exists. Please specify a unique zone "
                            "name.");
        COPY(z.name, u->name);
    }
    if (rc == 0) {
        if (u->dns1)
            COPY(z.dns1, u->dns1);
        if (u->dns2)
            COPY(z.dns2, u->dns2);
        if (u->internaldns1)
            COPY(z.internaldns1, u->internaldns1);
        if (u->internaldns2)
            COPY(z.internaldns2, u->internaldns2);
        if (u->guestcidr)
            COPY(z.guestcidr, u->guestcidr);
        if (u->domain)
            COPY(z.domain, u->domain);
        if (u->localstorage >= 0)
            z.localstorage = u->localstorage != 0;
        if (u->allocation_state)
            rc = alloc_state(u->allocation_state, NULL, z.allocation_state,
                             sizeof(z.allocation_state), err);
    }
    if (rc == 0)
        rc = check_zone_fields(&z, err);
    if (rc == 0)
        rc = cs_db_zone_update(svc->db, &z, err);
    if (finish(svc, rc, err) < 0)
        return rc < 0 ? rc : -CS_ERR_INTERNAL;
    *ret_zone = z;
    return 0;
}

int cs_svc_zone_get(struct cs_svc *svc, int64_t id, struct cs_zone *ret, struct cs_err *err)
{
    return cs_db_zone_get(svc->db, id, ret, err);
}

int cs_svc_zone_list(struct cs_svc *svc, const struct cs_svc_caller *caller,
                     struct cs_zone_filter *f, struct cs_page page, struct cs_vec *ret,
                     struct cs_err *err)
{
    if (caller && !cs_svc_caller_is_admin(caller))
        f->allocation_state = "Enabled";
    return cs_db_zone_list(svc->db, f, page, ret, err);
}

/* ---- pods ---- */

int cs_svc_pod_create(struct cs_svc *svc, const struct cs_svc_caller *caller,
                      const struct cs_pod *p, struct cs_pod *ret_pod, struct cs_err *err)
{
    if (need_admin(caller, err) < 0)
        return -CS_ERR_PERMISSION;
    struct cs_pod n = *p;
    n.id = 0;
    n.uuid[0] = '\0';
    n.created = 0;
    if (!n.name[0])
        return cs_err_set(err, CS_ERR_PARAM, "pod name is required");
    if (check_ip("gateway", n.gateway, false, err) < 0 ||
        check_ip("netmask", n.netmask, false, err) < 0 ||
        check_ip("startip", n.startip, false, err) < 0 ||
        check_ip("endip", n.endip, false, err) < 0 ||
        alloc_state(p->allocation_state, "Enabled", n.allocation_state,
                    sizeof(n.allocation_state), err) < 0)
        return -CS_ERR_PARAM;
    if (n.endip[0] && !n.startip[0])
        return cs_err_set(err, CS_ERR_PARAM, "Please specify the start IP of the range");
    if (n.startip[0] && n.endip[0] && ipv4_num(n.startip) > ipv4_num(n.endip))
        return cs_err_set(err, CS_ERR_PARAM,
                          "The start IP address must be less than or equal to the end IP "
                          "address");
    if (n.startip[0] && n.gateway[0] && n.netmask[0]) {
        uint32_t mask = ipv4_num(n.netmask);
        if ((ipv4_num(n.startip) & mask) != (ipv4_num(n.gateway) & mask))
            return cs_err_set(err, CS_ERR_PARAM,
                              "The start address of the IP range is not in the CIDR subnet.");
    }
    if (cs_db_begin(svc->db, err) < 0)
        return -CS_ERR_INTERNAL;
    struct cs_zone z;
    struct cs_pod old;
    struct cs_err nf;
    int rc = cs_db_zone_get(svc->db, n.zone_id, &z, err);
    if (rc == 0 && cs_db_pod_find(svc->db, n.zone_id, n.name, &old, &nf) == 0)
        rc = cs_err_set(err, CS_ERR_CONFLICT,
                        "A pod with name: %s already exists in zone %s. Please specify a "
                        "different pod name.",
                        n.name, z.name);
    if (rc == 0)
        rc = cs_db_pod_insert(svc->db, &n, err);
    if (finish(svc, rc, err) < 0)
        return rc < 0 ? rc : -CS_ERR_INTERNAL;
    return cs_db_pod_get(svc->db, n.id, ret_pod, err);
}

int cs_svc_pod_list(struct cs_svc *svc, const struct cs_svc_caller *caller,
                    const struct cs_pod_filter *f, struct cs_page page, struct cs_vec *ret,
                    struct cs_err *err)
{
    if (need_admin(caller, err) < 0)
        return -CS_ERR_PERMISSION;
    return cs_db_pod_list(svc->db, f, page, ret, err);
}

/* ---- clusters ---- */

/* Validates and completes a new cluster row (no database access). */
static int prepare_cluster(struct cs_cluster *n, struct cs_err *err)
{
    n->id = 0;
    n->created = 0;
    if (!n->name[0])
        return cs_err_set(err, CS_ERR_PARAM, "cluster name is required");
    const char *hv = cs_svc_hypervisor_canonical(n->hypervisor);
    if (!hv)
        return cs_err_set(err, CS_ERR_PARAM,
                          "Unable to resolve %s to a supported hypervisor type", n->hypervisor);
    COPY(n->hypervisor, hv);
    static const char *const types[] = {"CloudManaged", "ExternalManaged", NULL};
    char type[32];
    if (!pick(n->cluster_type[0] ? n->cluster_type : "CloudManaged", types, type, sizeof(type)))
        return cs_err_set(err, CS_ERR_PARAM, "Unable to resolve %s to a supported cluster type",
                          n->cluster_type);
    COPY(n->cluster_type, type);
    char state[16];
    if (alloc_state(n->allocation_state, "Enabled", state, sizeof(state), err) < 0)
        return -CS_ERR_PARAM;
    COPY(n->allocation_state, state);
    COPY(n->managed_state, "Managed");
    return 0;
}

/* Inserts a prepared cluster inside the caller's transaction. */
static int insert_cluster(struct cs_svc *svc, struct cs_cluster *n, struct cs_err *err)
{
    struct cs_pod pod;
    struct cs_cluster old;
    struct cs_err nf;
    int rc = cs_db_pod_get(svc->db, n->pod_id, &pod, err);
    if (rc < 0)
        return rc;
    if (pod.zone_id != n->zone_id)
        return cs_err_set(err, CS_ERR_PARAM, "Pod %s doesn't belong to zone %s", pod.uuid,
                          pod.zone_uuid[0] ? pod.zone_uuid : "?");
    if (cs_db_cluster_find(svc->db, n->pod_id, n->name, &old, &nf) == 0)
        return cs_err_set(err, CS_ERR_CONFLICT, "cluster with name %s already exists in pod %s",
                          n->name, pod.name);
    return cs_db_cluster_insert(svc->db, n, err);
}

int cs_svc_cluster_create(struct cs_svc *svc, const struct cs_svc_caller *caller,
                          const struct cs_cluster *c, struct cs_cluster *ret_cluster,
                          struct cs_err *err)
{
    if (need_admin(caller, err) < 0)
        return -CS_ERR_PERMISSION;
    struct cs_cluster n = *c;
    n.uuid[0] = '\0';
    if (prepare_cluster(&n, err) < 0)
        return -CS_ERR_PARAM;
    if (cs_db_begin(svc->db, err) < 0)
        return -CS_ERR_INTERNAL;
    int rc = insert_cluster(svc, &n, err);
    if (finish(svc, rc, err) < 0)
        return rc < 0 ? rc : -CS_ERR_INTERNAL;
    return cs_db_cluster_get(svc->db, n.id, ret_cluster, err);
}

int cs_svc_cluster_list(struct cs_svc *svc, const struct cs_svc_caller *caller,
                        const struct cs_cluster_filter *f, struct cs_page page,
                        struct cs_vec *ret, struct cs_err *err)
{
    if (need_admin(caller, err) < 0)
        return -CS_ERR_PERMISSION;
    return cs_db_cluster_list(svc->db, f, page, ret, err);
}

/* ---- hosts ---- */

/* The host's name when the driver reports none: the url's last path segment. */
static void name_from_url(const char *url, char *out, size_t n)
{
    const char *slash = strrchr(url, '/');
    snprintf(out, n, "%s", slash && slash[1] ? slash + 1 : url);
}

static struct cs_sched_host sched_row(const struct cs_host *h, bool up)
{
    return (struct cs_sched_host){
        .id = h->id, .zone_id = h->zone_id, .pod_id = h->pod_id, .cluster_id = h->cluster_id,
        .up = up, .enabled = strcmp(h->resource_state, "Enabled") == 0,
        .cpu_cores = h->cpu_cores, .cpu_mhz = h->cpu_mhz, .mem_bytes = h->mem_bytes,
        .cpu_used_mhz = h->cpu_used_mhz, .mem_used_bytes = h->mem_used_bytes};
}

static int index_put(struct cs_svc *svc, const struct cs_host *h, bool up, struct cs_err *err)
{
    struct cs_sched_host sh = sched_row(h, up);
    pthread_mutex_lock(&svc->sched_lock);
    int rc = cs_sched_index_put(svc->sched, &sh, err);
    pthread_mutex_unlock(&svc->sched_lock);
    return rc;
}

/* Everything addHost checks before talking to the driver: fills the cluster to use (n.id 0 =
 * to be created) and the new host's identity and placement. */
static int host_plan(struct cs_svc *svc, const struct cs_svc_host_add *in, struct cs_cluster *cl,
                     struct cs_host *h, struct cs_err *err)
{
    if (!in->url || !*in->url)
        return cs_err_set(err, CS_ERR_PARAM, "url is required");
    if (strlen(in->url) >= sizeof(h->url))
        return cs_err_set(err, CS_ERR_PARAM, "url is too long");
    const char *hv = cs_svc_hypervisor_canonical(in->hypervisor);
    if (!hv)
        return cs_err_set(err, CS_ERR_PARAM, "Unable to resolve %s to a supported hypervisor type",
                          in->hypervisor ? in->hypervisor : "");
    struct cs_pod pod;
    if (cs_db_pod_get(svc->db, in->pod_id, &pod, err) < 0)
        return -CS_ERR_NOT_FOUND;
    if (pod.zone_id != in->zone_id)
        return cs_err_set(err, CS_ERR_PARAM, "Pod %s doesn't belong to the given zone", pod.uuid);
    struct cs_err nf;
    memset(cl, 0, sizeof(*cl));
    if (in->cluster_id) {
        if (cs_db_cluster_get(svc->db, in->cluster_id, cl, err) < 0)
            return -CS_ERR_NOT_FOUND;
        if (cl->pod_id != in->pod_id)
            return cs_err_set(err, CS_ERR_PARAM, "Cluster %s doesn't belong to pod %s", cl->uuid,
                              pod.uuid);
    } else if (in->cluster_name && *in->cluster_name) {
        if (cs_db_cluster_find(svc->db, in->pod_id, in->cluster_name, cl, &nf) < 0) {
            if (nf.code != CS_ERR_NOT_FOUND) {
                *err = nf;
                return -nf.code;
            }
            *cl = (struct cs_cluster){.zone_id = in->zone_id, .pod_id = in->pod_id};
            COPY(cl->name, in->cluster_name);
            COPY(cl->hypervisor, hv);
            if (prepare_cluster(cl, err) < 0)
                return -CS_ERR_PARAM;
            cs_util_uuid_new(cl->uuid);
            COPY(cl->zone_uuid, pod.zone_uuid);
            COPY(cl->pod_uuid, pod.uuid);
        }
    } else {
        return cs_err_set(err, CS_ERR_PARAM, "clusterid or clustername is required");
    }
    if (strcasecmp(cl->hypervisor, hv) != 0)
        return cs_err_set(err, CS_ERR_PARAM,
                          "Cannot add host with hypervisor type %s into cluster %s of hypervisor "
                          "type %s",
                          hv, cl->name, cl->hypervisor);
    struct cs_host old;
    if (cs_db_host_find_url(svc->db, in->url, &old, &nf) == 0)
        return cs_err_set(err, CS_ERR_CONFLICT, "A host with url %s already exists (%s)", in->url,
                          old.uuid);
    memset(h, 0, sizeof(*h));
    cs_util_uuid_new(h->uuid);
    h->zone_id = in->zone_id;
    h->pod_id = in->pod_id;
    COPY(h->hypervisor, hv);
    COPY(h->url, in->url);
    COPY(h->type, "Routing");
    COPY(h->status, "Up");
    COPY(h->hosttags, in->hosttags);
    COPY(h->zone_uuid, pod.zone_uuid);
    COPY(h->pod_uuid, pod.uuid);
    COPY(h->cluster_uuid, cl->uuid);
    return alloc_state(in->allocation_state, "Enabled", h->resource_state,
                       sizeof(h->resource_state), err);
}

static void apply_facts(struct cs_host *h, const struct cs_hv_host_facts *f)
{
    if (f->name[0])
        COPY(h->name, f->name);
    else
        name_from_url(h->url, h->name, sizeof(h->name));
    COPY(h->ipaddress, f->ipaddress);
    COPY(h->hv_version, f->hypervisor_version);
    COPY(h->arch, f->arch[0] ? f->arch : "x86_64");
    COPY(h->cpu_model, f->cpu_model);
    h->cpu_sockets = f->cpu_sockets > 0 ? f->cpu_sockets : 1;
    h->cpu_cores = f->cpu_cores;
    h->cpu_mhz = f->cpu_mhz;
    h->mem_bytes = f->mem_bytes;
    h->local_storage = f->local_storage_bytes;
}

int cs_svc_host_add(struct cs_svc *svc, const struct cs_svc_caller *caller,
                    const struct cs_svc_host_add *in, struct cs_host *ret_host,
                    struct cs_err *err)
{
    if (need_admin(caller, err) < 0)
        return -CS_ERR_PERMISSION;
    struct cs_cluster cl;
    struct cs_host h;
    int rc = host_plan(svc, in, &cl, &h, err);
    if (rc < 0)
        return rc;
    struct cs_hv *hv = cs_svc_hv(svc, h.hypervisor);
    if (!hv)
        return cs_err_set(err, CS_ERR_PARAM, "no hypervisor driver serves %s hosts", h.hypervisor);
    struct cs_hv_host_spec spec = {.uuid = h.uuid, .url = h.url, .username = in->username,
                                   .password = in->password, .zone_uuid = h.zone_uuid,
                                   .pod_uuid = h.pod_uuid, .cluster_uuid = h.cluster_uuid};
    struct cs_hv_host_facts facts = {0};
    rc = cs_hv_host_connect(hv, &spec, &facts, err);
    if (rc < 0)
        return rc;
    if (facts.cpu_cores <= 0 || facts.cpu_mhz <= 0 || facts.mem_bytes <= 0) {
        rc = cs_err_set(err, CS_ERR_INTERNAL, "host %s reported no cpu or memory", h.url);
        goto disconnect;
    }
    apply_facts(&h, &facts);
    rc = cs_db_begin(svc->db, err);
    if (rc < 0)
        goto disconnect;
    if (!cl.id)
        rc = insert_cluster(svc, &cl, err);
    h.cluster_id = cl.id;
    if (rc == 0)
        rc = cs_db_host_insert(svc->db, &h, err);
    if (rc == 0)
        rc = index_put(svc, &h, true, err);
    if (rc == 0) {
        rc = finish(svc, 0, err);
        if (rc < 0) {
            pthread_mutex_lock(&svc->sched_lock);
            cs_sched_index_remove(svc->sched, h.id);
            pthread_mutex_unlock(&svc->sched_lock);
        }
    } else {
        cs_db_rollback(svc->db);
    }
    if (rc < 0)
        goto disconnect;
    return cs_db_host_get(svc->db, h.id, ret_host, err);
disconnect:;
    struct cs_err ignored;
    cs_hv_host_disconnect(hv, h.uuid, &ignored);
    return rc;
}

int cs_svc_host_get(struct cs_svc *svc, int64_t id, struct cs_host *ret, struct cs_err *err)
{
    return cs_db_host_get(svc->db, id, ret, err);
}

int cs_svc_host_list(struct cs_svc *svc, const struct cs_svc_caller *caller,
                     const struct cs_host_filter *f, struct cs_page page, struct cs_vec *ret,
                     struct cs_err *err)
{
    if (need_admin(caller, err) < 0)
        return -CS_ERR_PERMISSION;
    return cs_db_host_list(svc->db, f, page, ret, err);
}

struct reconnect {
    struct cs_svc *svc;
    struct cs_err *err;
    size_t up, down;
};

static int reconnect_one(void *ud, const struct cs_host *h)
{
    struct reconnect *r = ud;
    struct cs_hv *hv = cs_svc_hv(r->svc, h->hypervisor);
    bool up = false;
    if (hv) {
        struct cs_hv_host_spec spec = {.uuid = h->uuid, .url = h->url, .zone_uuid = h->zone_uuid,
                                       .pod_uuid = h->pod_uuid, .cluster_uuid = h->cluster_uuid};
        struct cs_hv_host_facts facts;
        struct cs_err e;
        up = cs_hv_host_connect(hv, &spec, &facts, &e) == 0;
        if (!up)
            cs_log_warn("host %s (%s) did not reconnect: %s", h->name, h->uuid, e.msg);
    } else {
        cs_log_warn("host %s (%s): no driver serves %s hosts", h->name, h->uuid, h->hypervisor);
    }
    const char *status = up ? "Up" : "Disconnected";
    if (strcmp(h->status, status) != 0 &&
        cs_db_host_set_status(r->svc->db, h->id, status, r->err) < 0)
        return -CS_ERR_INTERNAL;
    if (index_put(r->svc, h, up, r->err) < 0)
        return -CS_ERR_INTERNAL;
    if (up)
        r->up++;
    else
        r->down++;
    return 0;
}

int cs_svc_infra_reconnect_all(struct cs_svc *svc, struct cs_err *err)
{
    struct reconnect r = {.svc = svc, .err = err};
    if (cs_db_begin(svc->db, err) < 0)
        return -CS_ERR_INTERNAL;
    int rc = cs_db_host_each(svc->db, reconnect_one, &r, err);
    if (finish(svc, rc, err) < 0)
        return rc < 0 ? rc : -CS_ERR_INTERNAL;
    if (r.up || r.down)
        cs_log_info("reconnected %zu hosts (%zu not reachable)", r.up + r.down, r.down);
    return 0;
}

/* ---- storage pools ---- */

/* Splits "scheme://host[:port]/path" into its parts. */
static bool split_url(const char *url, char *scheme, size_t sn, char *host, size_t hn, char *path,
                      size_t pn)
{
    const char *sep = strstr(url, "://");
    if (!sep || sep == url)
        return false;
    snprintf(scheme, sn, "%.*s", (int)(sep - url), url);
    const char *h = sep + 3;
    const char *slash = strchr(h, '/');
    size_t hl = slash ? (size_t)(slash - h) : strlen(h);
    const char *colon = memchr(h, ':', hl);
    snprintf(host, hn, "%.*s", (int)(colon ? (size_t)(colon - h) : hl), h);
    snprintf(path, pn, "%s", slash ? slash : "");
    return true;
}

static const char *pool_type(const char *scheme)
{
    static const char *const map[][2] = {
        {"nfs", "NetworkFilesystem"}, {"presetup", "PreSetup"},  {"iscsi", "IscsiLUN"},
        {"rbd", "RBD"},               {"sharedmountpoint", "SharedMountPoint"},
        {"filesystem", "Filesystem"}, {"clvm", "CLVM"},          {"gluster", "Gluster"},
        {"vmfs", "VMFS"},             {"datastorecluster", "DatastoreCluster"},
    };
    for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
        if (strcasecmp(scheme, map[i][0]) == 0)
            return map[i][1];
    return NULL;
}

static int prepare_pool(struct cs_svc *svc, struct cs_storage_pool *n, struct cs_err *err)
{
    char scheme[32], host[64], path[256];
    if (!n->name[0])
        return cs_err_set(err, CS_ERR_PARAM, "storage pool name is required");
    if (!split_url(n->url, scheme, sizeof(scheme), host, sizeof(host), path, sizeof(path)))
        return cs_err_set(err, CS_ERR_PARAM, "%s is not a valid uri", n->url);
    const char *type = pool_type(scheme);
    if (!type)
        return cs_err_set(err, CS_ERR_PARAM, "The URL scheme %s is not supported", scheme);
    if (strcmp(type, "NetworkFilesystem") == 0 && (!host[0] || !path[0]))
        return cs_err_set(err, CS_ERR_PARAM, "host or path is null, should be nfs://hostname/path");
    COPY(n->type, type);
    COPY(n->ipaddress, host);
    COPY(n->path, path);
    char scope[16];
    static const char *const scopes[] = {"CLUSTER", "ZONE", "HOST", NULL};
    if (!pick(n->scope[0] ? n->scope : (n->cluster_id ? "CLUSTER" : "ZONE"), scopes, scope,
              sizeof(scope)))
        return cs_err_set(err, CS_ERR_PARAM, "Invalid scope %s", n->scope);
    COPY(n->scope, scope);
    if (strcmp(scope, "ZONE") == 0) {
        n->pod_id = n->cluster_id = 0;
        if (n->hypervisor[0]) {
            const char *hv = cs_svc_hypervisor_canonical(n->hypervisor);
            if (!hv)
                return cs_err_set(err, CS_ERR_PARAM, "Hypervisor type %s is not supported",
                                  n->hypervisor);
            COPY(n->hypervisor, hv);
        }
    } else {
        if (!n->cluster_id)
            return cs_err_set(err, CS_ERR_PARAM, "Cluster id can't be null if scope is cluster");
        struct cs_cluster c;
        if (cs_db_cluster_get(svc->db, n->cluster_id, &c, err) < 0)
            return -CS_ERR_NOT_FOUND;
        if (c.zone_id != n->zone_id || (n->pod_id && c.pod_id != n->pod_id))
            return cs_err_set(err, CS_ERR_PARAM, "Cluster %s doesn't belong to the given pod/zone",
                              c.uuid);
        n->pod_id = c.pod_id;
        COPY(n->hypervisor, c.hypervisor);
    }
    if (!n->provider[0])
        COPY(n->provider, "DefaultPrimary");
    if (n->capacity_bytes < 0)
        return cs_err_set(err, CS_ERR_PARAM, "capacitybytes must be positive");
    if (!n->capacity_bytes)
        n->capacity_bytes = DEFAULT_POOL_BYTES;
    COPY(n->state, "Up");
    return 0;
}

int cs_svc_storage_pool_create(struct cs_svc *svc, const struct cs_svc_caller *caller,
                               const struct cs_storage_pool *p,
                               struct cs_storage_pool *ret_pool, struct cs_err *err)
{
    if (need_admin(caller, err) < 0)
        return -CS_ERR_PERMISSION;
    struct cs_storage_pool n = *p;
    n.id = 0;
    n.uuid[0] = '\0';
    n.created = 0;
    if (cs_db_begin(svc->db, err) < 0)
        return -CS_ERR_INTERNAL;
    struct cs_zone z;
    struct cs_storage_pool old;
    struct cs_err nf;
    int rc = cs_db_zone_get(svc->db, n.zone_id, &z, err);
    if (rc == 0)
        rc = prepare_pool(svc, &n, err);
    if (rc == 0 && cs_db_storage_pool_find(svc->db, n.zone_id, n.name, &old, &nf) == 0)
        rc = cs_err_set(err, CS_ERR_CONFLICT, "Storage pool with name %s already exists in zone %s",
                        n.name, z.name);
    if (rc == 0)
        rc = cs_db_storage_pool_insert(svc->db, &n, err);
    if (finish(svc, rc, err) < 0)
        return rc < 0 ? rc : -CS_ERR_INTERNAL;
    return cs_db_storage_pool_get(svc->db, n.id, ret_pool, err);
}

int cs_svc_storage_pool_list(struct cs_svc *svc, const struct cs_svc_caller *caller,
                             const struct cs_storage_pool_filter *f, struct cs_page page,
                             struct cs_vec *ret, struct cs_err *err)
{
    if (need_admin(caller, err) < 0)
        return -CS_ERR_PERMISSION;
    return cs_db_storage_pool_list(svc->db, f, page, ret, err);
}

/* ---- image stores ---- */

int cs_svc_image_store_add(struct cs_svc *svc, const struct cs_svc_caller *caller,
                           const struct cs_image_store *s, struct cs_image_store *ret_store,
                           struct cs_err *err)
{
    if (need_admin(caller, err) < 0)
        return -CS_ERR_PERMISSION;
    struct cs_image_store n = *s;
    n.id = 0;
    n.uuid[0] = '\0';
    n.created = 0;
    static const char *const providers[] = {"NFS", "SMB", "S3", "Swift", NULL};
    if (!pick(s->provider, providers, n.provider, sizeof(n.provider)))
        return cs_err_set(err, CS_ERR_PARAM, "can't find image store provider by name %s",
                          s->provider);
    if (!n.url[0])
        return cs_err_set(err, CS_ERR_PARAM, "url is required for the %s image store provider",
                          n.provider);
    char scheme[32], host[64], path[256];
    if (!split_url(n.url, scheme, sizeof(scheme), host, sizeof(host), path, sizeof(path)))
        return cs_err_set(err, CS_ERR_PARAM, "%s is not a valid uri", n.url);
    if (strcmp(n.provider, "NFS") == 0 && strcasecmp(scheme, "nfs") != 0)
        return cs_err_set(err, CS_ERR_PARAM, "Unsupported scheme for secondary storage: %s",
                          scheme);
    for (char *c = scheme; *c; c++)
        *c = (char)(*c >= 'A' && *c <= 'Z' ? *c - 'A' + 'a' : *c);
    COPY(n.protocol, scheme);
    COPY(n.scope, n.zone_id ? "ZONE" : "REGION");
    if (!n.name[0])
        COPY(n.name, n.url);
    if (cs_db_begin(svc->db, err) < 0)
        return -CS_ERR_INTERNAL;
    struct cs_zone z;
    struct cs_image_store old;
    struct cs_err nf;
    int rc = n.zone_id ? cs_db_zone_get(svc->db, n.zone_id, &z, err) : 0;
    if (rc == 0 && cs_db_image_store_find_url(svc->db, n.url, &old, &nf) == 0)
        rc = cs_err_set(err, CS_ERR_CONFLICT, "The image store with url %s already exists",
                        n.url);
    if (rc == 0)
        rc = cs_db_image_store_insert(svc->db, &n, err);
    if (finish(svc, rc, err) < 0)
        return rc < 0 ? rc : -CS_ERR_INTERNAL;
    return cs_db_image_store_get(svc->db, n.id, ret_store, err);
}

int cs_svc_image_store_list(struct cs_svc *svc, const struct cs_svc_caller *caller,
                            const struct cs_image_store_filter *f, struct cs_page page,
                            struct cs_vec *ret, struct cs_err *err)
{
    if (need_admin(caller, err) < 0)
        return -CS_ERR_PERMISSION;
    return cs_db_image_store_list(svc->db, f, page, ret, err);
}

/* ---- hypervisors ---- */

static void add_unique(struct cs_vec *ret, const char *name)
{
    for (size_t i = 0; i < ret->n; i++)
        if (strcasecmp(CS_VEC_AT(ret, struct cs_svc_hypervisor, i)->name, name) == 0)
            return;
    struct cs_svc_hypervisor *slot = cs_util_vec_push(ret);
    COPY(slot->name, name);
}

int cs_svc_hypervisor_list(struct cs_svc *svc, int64_t zone_id, struct cs_vec *ret,
                           struct cs_err *err)
{
    if (!zone_id) {
        for (size_t i = 0; i < svc->n_hv; i++)
            add_unique(ret, svc->hv[i].drv->hypervisor);
        ret->total = (int64_t)ret->n;
        return 0;
    }
    struct cs_vec clusters = CS_VEC_INIT(struct cs_cluster);
    struct cs_cluster_filter f = {.zone_id = zone_id};
    int rc = cs_db_cluster_list(svc->db, &f, CS_PAGE_ALL, &clusters, err);
    for (size_t i = 0; rc == 0 && i < clusters.n; i++)
        add_unique(ret, CS_VEC_AT(&clusters, struct cs_cluster, i)->hypervisor);
    cs_util_vec_release(&clusters);
    ret->total = (int64_t)ret->n;
    return rc;
}
