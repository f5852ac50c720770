/* The physical infrastructure as stored: zones, pods, clusters, hosts, pools, image stores. */
#include "db_infra.h"

#include <string.h>

#include "util_time.h"
#include "util_uuid.h"

static void new_identity(char uuid[37], int64_t *created)
{
    if (!uuid[0])
        cs_util_uuid_new(uuid);
    if (!*created)
        *created = cs_util_now();
}

/* Binds an id, or NULL for 0 (optional references). */
static void bind_ref(sqlite3_stmt *st, int i, int64_t id)
{
    if (id)
        cs_db_bind_int(st, i, id);
    else
        sqlite3_bind_null(st, i);
}

static int finish_insert(struct cs_db *db, sqlite3_stmt *st, int64_t *ret_id, struct cs_err *err)
{
    int rc = cs_db_step_done(db, st, err);
    if (rc == 0)
        *ret_id = cs_db_last_id(db);
    return rc;
}

/* ---- zones ---- */

#define ZONE_SELECT                                                                                \
    "SELECT id, uuid, name, description, dns1, dns2, internaldns1, internaldns2, guestcidr,"      \
    " domain, networktype, allocation_state, localstorage, securitygroups, created FROM zone"
#define ZONE_NCOLS 15

static void read_zone(sqlite3_stmt *st, void *p)
{
    struct cs_zone *z = p;
    int c = 0;
    z->id = sqlite3_column_int64(st, c++);
    cs_db_col_text(st, c++, z->uuid, sizeof(z->uuid));
    cs_db_col_text(st, c++, z->name, sizeof(z->name));
    cs_db_col_text(st, c++, z->description, sizeof(z->description));
    cs_db_col_text(st, c++, z->dns1, sizeof(z->dns1));
    cs_db_col_text(st, c++, z->dns2, sizeof(z->dns2));
    cs_db_col_text(st, c++, z->internaldns1, sizeof(z->internaldns1));
    cs_db_col_text(st, c++, z->internaldns2, sizeof(z->internaldns2));
    cs_db_col_text(st, c++, z->guestcidr, sizeof(z->guestcidr));
    cs_db_col_text(st, c++, z->domain, sizeof(z->domain));
    cs_db_col_text(st, c++, z->networktype, sizeof(z->networktype));
    cs_db_col_text(st, c++, z->allocation_state, sizeof(z->allocation_state));
    z->localstorage = sqlite3_column_int(st, c++) != 0;
    z->securitygroups = sqlite3_column_int(st, c++) != 0;
    z->created = sqlite3_column_int64(st, c++);
}

/* Empty strings are stored as NULL so optional fields stay absent. */
static void bind_opt(sqlite3_stmt *st, int i, const char *s)
{
    cs_db_bind_text(st, i, s && *s ? s : NULL);
}

static void bind_zone(sqlite3_stmt *st, const struct cs_zone *z)
{
    cs_db_bind_text(st, 1, z->name);
    bind_opt(st, 2, z->description);
    bind_opt(st, 3, z->dns1);
    bind_opt(st, 4, z->dns2);
    bind_opt(st, 5, z->internaldns1);
    bind_opt(st, 6, z->internaldns2);
    bind_opt(st, 7, z->guestcidr);
    bind_opt(st, 8, z->domain);
    cs_db_bind_text(st, 9, z->networktype);
    cs_db_bind_text(st, 10, z->allocation_state);
    cs_db_bind_int(st, 11, z->localstorage);
    cs_db_bind_int(st, 12, z->securitygroups);
}

int cs_db_zone_insert(struct cs_db *db, struct cs_zone *z, struct cs_err *err)
{
    new_identity(z->uuid, &z->created);
    sqlite3_stmt *st = cs_db_stmt(
        db,
        "INSERT INTO zone (name, description, dns1, dns2, internaldns1, internaldns2, guestcidr,"
        " domain, networktype, allocation_state, localstorage, securitygroups, uuid, created)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
        err);
    if (!st)
        return -CS_ERR_INTERNAL;
    bind_zone(st, z);
    cs_db_bind_text(st, 13, z->uuid);
    cs_db_bind_int(st, 14, z->created);
    return finish_insert(db, st, &z->id, err);
}

int cs_db_zone_update(struct cs_db *db, const struct cs_zone *z, struct cs_err *err)
{
    sqlite3_stmt *st = cs_db_stmt(
        db,
        "UPDATE zone SET name = ?1, description = ?2, dns1 = ?3, dns2 = ?4, internaldns1 = ?5,"
        " internaldns2 = ?6, guestcidr = ?7, domain = ?8, networktype = ?9,"
        " allocation_state = ?10, localstorage = ?11, securitygroups = ?12 WHERE id = ?13",
        err);
    if (!st)
        return -CS_ERR_INTERNAL;
    bind_zone(st, z);
    cs_db_bind_int(st, 13, z->id);
    return cs_db_step_done(db, st, err);
}

int cs_db_zone_get(struct cs_db *db, int64_t id, struct cs_zone *ret, struct cs_err *err)
{
    sqlite3_stmt *st = cs_db_stmt(db, ZONE_SELECT " WHERE id = ?1", err);
    if (!st)
        return -CS_ERR_INTERNAL;
    cs_db_bind_int(st, 1, id);
    return cs_db_one_row(db, st, read_zone, ret, "zone", err);
}

int cs_db_zone_find(struct cs_db *db, const char *name, struct cs_zone *ret, struct cs_err *err)
{
    sqlite3_stmt *st =
        cs_db_stmt(db, ZONE_SELECT " WHERE name = ?1 AND removed IS NULL ORDER BY id LIMIT 1", err);
    if (!st)
        return -CS_ERR_INTERNAL;
    cs_db_bind_text(st, 1, name);
    return cs_db_one_row(db, st, read_zone, ret, "zone", err);
}

int cs_db_zone_list(struct cs_db *db, const struct cs_zone_filter *f, struct cs_page page,
                    struct cs_vec *ret, struct cs_err *err)
{
    sqlite3_stmt *st = cs_db_stmt(db,
                                  "SELECT id, uuid, name, description, dns1, dns2, internaldns1,"
                                  " internaldns2, guestcidr, domain, networktype, allocation_state,"
                                  " localstorage, securitygroups, created, COUNT(*) OVER ()"
                                  " FROM zone WHERE removed IS NULL AND (?1 = 0 OR id = ?1)"
                                  " AND (?2 IS NULL OR name = ?2)"
                                  " AND (?3 IS NULL OR name LIKE '%' || ?3 || '%')"
                                  " AND (?4 IS NULL OR networktype = ?4)"
                                  " AND (?5 IS NULL OR allocation_state = ?5)"
                                  " ORDER BY id LIMIT ?6 OFFSET ?7",
                                  err);
    if (!st)
        return -CS_ERR_INTERNAL;
    cs_db_bind_int(st, 1, f->id);
    cs_db_bind_text(st, 2, f->name);
    cs_db_bind_text(st, 3, f->keyword);
    cs_db_bind_text(st, 4, f->networktype);
    cs_db_bind_text(st, 5, f->allocation_state);
    cs_db_bind_int(st, 6, page.limit);
    cs_db_bind_int(st, 7, page.offset);
    return cs_db_many_rows(db, st, ZONE_NCOLS, read_zone, ret, err);
}

/* ---- pods ---- */

#define POD_SELECT                                                                                 \
    "SELECT p.id, p.uuid, p.name, p.zone_id, p.gateway, p.netmask, p.startip, p.endip,"           \
    " p.allocation_state, p.created, z.uuid, z.name FROM pod p JOIN zone z ON z.id = p.zone_id"
#define POD_NCOLS 12

static void read_pod(sqlite3_stmt *st, void *v)
{
    struct cs_pod *p = v;
    int c = 0;
    p->id = sqlite3_column_int64(st, c++);
    cs_db_col_text(st, c++, p->uuid, sizeof(p->uuid));
    cs_db_col_text(st, c++, p->name, sizeof(p->name));
    p->zone_id = sqlite3_column_int64(st, c++);
    cs_db_col_text(st, c++, p->gateway, sizeof(p->gateway));
    cs_db_col_text(st, c++, p->netmask, sizeof(p->netmask));
    cs_db_col_text(st, c++, p->startip, sizeof(p->startip));
    cs_db_col_text(st, c++, p->endip, sizeof(p->endip));
    cs_db_col_text(st, c++, p->allocation_state, sizeof(p->allocation_state));
    p->created = sqlite3_column_int64(st, c++);
    cs_db_col_text(st, c++, p->zone_uuid, sizeof(p->zone_uuid));
    cs_db_col_text(st, c++, p->zone_name, sizeof(p->zone_name));
}

int cs_db_pod_insert(struct cs_db *db, struct cs_pod *p, struct cs_err *err)
{
    new_identity(p->uuid, &p->created);
    sqlite3_stmt *st = cs_db_stmt(db,
                                  "INSERT INTO pod (uuid, name, zone_id, gateway, netmask, startip,"
                                  " endip, allocation_state, created)"
                                  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                                  err);
    if (!st)
        return -CS_ERR_INTERNAL;
    cs_db_bind_text(st, 1, p->uuid);
    cs_db_bind_text(st, 2, p->name);
    cs_db_bind_int(st, 3, p->zone_id);
    bind_opt(st, 4, p->gateway);
    bind_opt(st, 5, p->netmask);
    bind_opt(st, 6, p->startip);
    bind_opt(st, 7, p->endip);
    cs_db_bind_text(st, 8, p->allocation_state);
    cs_db_bind_int(st, 9, p->created);
    return finish_insert(db, st, &p->id, err);
}

int cs_db_pod_get(struct cs_db *db, int64_t id, struct cs_pod *ret, struct cs_err *err)
{
    sqlite3_stmt *st = cs_db_stmt(db, POD_SELECT " WHERE p.id = ?1", err);
    if (!st)
        return -CS_ERR_INTERNAL;
    cs_db_bind_int(st, 1, id);
    return cs_db_one_row(db, st, read_pod, ret, "pod", err);
}

int cs_db_pod_find(struct cs_db *db, int64_t zone_id, const char *name, struct cs_pod *ret,
                   struct cs_err *err)
{
    sqlite3_stmt *st = cs_db_stmt(db,
                                  POD_SELECT " WHERE p.zone_id = ?1 AND p.name = ?2"
                                             " AND p.removed IS NULL ORDER BY p.id LIMIT 1",
                                  err);
    if (!st)
        return -CS_ERR_INTERNAL;
    cs_db_bind_int(st, 1, zone_id);
    cs_db_bind_text(st, 2, name);
    return cs_db_one_row(db, st, read_pod, ret, "pod", err);
}

int cs_db_pod_list(struct cs_db *db, const struct cs_pod_filter *f, struct cs_page page,
                   struct cs_vec *ret, struct cs_err *err)
{
    sqlite3_stmt *st = cs_db_stmt(
        db,
        "SELECT p.id, p.uuid, p.name, p.zone_id, p.gateway, p.netmask, p.startip, p.endip,"
        " p.allocation_state, p.created, z.uuid, z.name, COUNT(*) OVER ()"
        " FROM pod p JOIN zone z ON z.id = p.zone_id"
        " WHERE p.removed IS NULL AND (?1 = 0 OR p.id = ?1) AND (?2 = 0 OR p.zone_id = ?2)"
        " AND (?3 IS NULL OR p.name = ?3) AND (?4 IS NULL OR p.name LIKE '%' || ?4 || '%')"
        " AND (?5 IS NULL OR p.allocation_state = ?5)"
        " ORDER BY p.id LIMIT ?6 OFFSET ?7",
        err);
    if (!st)
        return -CS_ERR_INTERNAL;
    cs_db_bind_int(st, 1, f->id);
    cs_db_bind_int(st, 2, f->zone_id);
    cs_db_bind_text(st, 3, f->name);
    cs_db_bind_text(st, 4, f->keyword);
    cs_db_bind_text(st, 5, f->allocation_state);
    cs_db_bind_int(st, 6, page.limit);
    cs_db_bind_int(st, 7, page.offset);
    return cs_db_many_rows(db, st, POD_NCOLS, read_pod, ret, err);
}

/* ---- clusters ---- */

#define CLUSTER_SELECT                                                                             \
    "SELECT c.id, c.uuid, c.name, c.zone_id, c.pod_id, c.hypervisor, c.cluster_type,"             \
    " c.allocation_state, c.managed_state, c.cpu_overcommit, c.mem_overcommit, c.created,"        \
    " z.uuid, z.name, p.uuid, p.name"                                                             \
    " FROM cluster c JOIN zone z ON z.id = c.zone_id JOIN pod p ON p.id = c.pod_id"
#define CLUSTER_NCOLS 16

static void read_cluster(sqlite3_stmt *st, void *v)
{
    struct cs_cluster *cl = v;
    int c = 0;
    cl->id = sqlite3_column_int64(st, c++);
    cs_db_col_text(st, c++, cl->uuid, sizeof(cl->uuid));
    cs_db_col_text(st, c++, cl->name, sizeof(cl->name));
    cl->zone_id = sqlite3_column_int64(st, c++);
    cl->pod_id = sqlite3_column_int64(st, c++);
    cs_db_col_text(st, c++, cl->hypervisor, sizeof(cl->hypervisor));
    cs_db_col_text(st, c++, cl->cluster_type, sizeof(cl->cluster_type));
    cs_db_col_text(st, c++, cl->allocation_state, sizeof(cl->allocation_state));
    cs_db_col_text(st, c++, cl->managed_state, sizeof(cl->managed_state));
    cl->cpu_overcommit = sqlite3_column_double(st, c++);
    cl->mem_overcommit = sqlite3_column_double(st, c++);
    cl->created = sqlite3_column_int64(st, c++);
    cs_db_col_text(st, c++, cl->zone_uuid, sizeof(cl->zone_uuid));
    cs_db_col_text(st, c++, cl->zone_name, sizeof(cl->zone_name));
    cs_db_col_text(st, c++, cl->pod_uuid, sizeof(cl->pod_uuid));
    cs_db_col_text(st, c++, cl->pod_name, sizeof(cl->pod_name));
}

int cs_db_cluster_insert(struct cs_db *db, struct cs_cluster *c, struct cs_err *err)
{
    new_identity(c->uuid, &c->created);
    sqlite3_stmt *st = cs_db_stmt(
        db,
        "INSERT INTO cluster (uuid, name, zone_id, pod_id, hypervisor, cluster_type,"
        " allocation_state, managed_state, cpu_overcommit, mem_overcommit, created)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        err);
    if (!st)
        return -CS_ERR_INTERNAL;
    cs_db_bind_text(st, 1, c->uuid);
    cs_db_bind_text(st, 2, c->name);
    cs_db_bind_int(st, 3, c->zone_id);
    cs_db_bind_int(st, 4, c->pod_id);
    cs_db_bind_text(st, 5, c->hypervisor);
    cs_db_bind_text(st, 6, c->cluster_type);
    cs_db_bind_text(st, 7, c->allocation_state);
    cs_db_bind_text(st, 8, c->managed_state[0] ? c->managed_state : "Managed");
    cs_db_bind_double(st, 9, c->cpu_overcommit > 0 ? c->cpu_overcommit : 1.0);
    cs_db_bind_double(st, 10, c->mem_overcommit > 0 ? c->mem_overcommit : 1.0);
    cs_db_bind_int(st, 11, c->created);
    return finish_insert(db, st, &c->id, err);
}

int cs_db_cluster_get(struct cs_db *db, int64_t id, struct cs_cluster *ret, struct cs_err *err)
{
    sqlite3_stmt *st = cs_db_stmt(db, CLUSTER_SELECT " WHERE c.id = ?1", err);
    if (!st)
        return -CS_ERR_INTERNAL;
    cs_db_bind_int(st, 1, id);
    return cs_db_one_row(db, st, read_cluster, ret, "cluster", err);
}

int cs_db_cluster_find(struct cs_db *db, int64_t pod_id, const char *name,
                       struct cs_cluster *ret, struct cs_err *err)
{
    sqlite3_stmt *st = cs_db_stmt(db,
                                  CLUSTER_SELECT " WHERE c.pod_id = ?1 AND c.name = ?2"
                                                 " AND c.removed IS NULL ORDER BY c.id LIMIT 1",
                                  err);
    if (!st)
        return -CS_ERR_INTERNAL;
    cs_db_bind_int(st, 1, pod_id);
    cs_db_bind_text(st, 2, name);
    return cs_db_one_row(db, st, read_cluster, ret, "cluster", err);
}

int cs_db_cluster_list(struct cs_db *db, const struct cs_cluster_filter *f, struct cs_page page,
                       struct cs_vec *ret, struct cs_err *err)
{
    sqlite3_stmt *st = cs_db_stmt(
        db,
        "SELECT c.id, c.uuid, c.name, c.zone_id, c.pod_id, c.hypervisor, c.cluster_type,"
        " c.allocation_state, c.managed_state, c.cpu_overcommit, c.mem_overcommit, c.created,"
        " z.uuid, z.name, p.uuid, p.name, COUNT(*) OVER ()"
        " FROM cluster c JOIN zone z ON z.id = c.zone_id JOIN pod p ON p.id = c.pod_id"
        " WHERE c.removed IS NULL AND (?1 = 0 OR c.id = ?1) AND (?2 = 0 OR c.zone_id = ?2)"
        " AND (?3 = 0 OR c.pod_id = ?3) AND (?4 IS NULL OR c.name = ?4)"
        " AND (?5 IS NULL OR c.name LIKE '%' || ?5 || '%')"
        " AND (?6 IS NULL OR c.hypervisor = ?6 COLLATE NOCASE)"
        " AND (?7 IS NULL OR c.cluster_type = ?7) AND (?8 IS NULL OR c.allocation_state = ?8)"
        " AND (?9 IS NULL OR c.managed_state = ?9)"
        " ORDER BY c.id LIMIT ?10 OFFSET ?11",
        err);
    if (!st)
        return -CS_ERR_INTERNAL;
    cs_db_bind_int(st, 1, f->id);
    cs_db_bind_int(st, 2, f->zone_id);
    cs_db_bind_int(st, 3, f->pod_id);
    cs_db_bind_text(st, 4, f->name);
    cs_db_bind_text(st, 5, f->keyword);
    cs_db_bind_text(st, 6, f->hypervisor);
    cs_db_bind_text(st, 7, f->cluster_type);
    cs_db_bind_text(st, 8, f->allocation_state);
    cs_db_bind_text(st, 9, f->managed_state);
    cs_db_bind_int(st, 10, page.limit);
    cs_db_bind_int(st, 11, page.offset);
    return cs_db_many_rows(db, st, CLUSTER_NCOLS, read_cluster, ret, err);
}

/* ---- hosts ---- */

#define HOST_COLS                                                                                  \
    "h.id, h.uuid, h.name, h.zone_id, h.pod_id, h.cluster_id, h.hypervisor, h.type, h.url,"       \
    " h.status, h.resource_state, h.ipaddress, h.hv_version, h.arch, h.cpu_model,"                \
    " h.cpu_sockets, h.cpu_cores, h.cpu_mhz, h.mem_bytes, h.local_storage, h.cpu_used_mhz,"       \
    " h.mem_used_bytes, h.hosttags, h.last_pinged, h.created, z.uuid, z.name, p.uuid, p.name,"    \
    " c.uuid, c.name, c.cluster_type"
#define HOST_FROM                                                                                  \
    " FROM host h JOIN zone z ON z.id = h.zone_id JOIN pod p ON p.id = h.pod_id"                  \
    " JOIN cluster c ON c.id = h.cluster_id"
#define HOST_NCOLS 32

static void read_host(sqlite3_stmt *st, void *v)
{
    struct cs_host *h = v;
    int c = 0;
    h->id = sqlite3_column_int64(st, c++);
    cs_db_col_text(st, c++, h->uuid, sizeof(h->uuid));
    cs_db_col_text(st, c++, h->name, sizeof(h->name));
    h->zone_id = sqlite3_column_int64(st, c++);
    h->pod_id = sqlite3_column_int64(st, c++);
    h->cluster_id = sqlite3_column_int64(st, c++);
    cs_db_col_text(st, c++, h->hypervisor, sizeof(h->hypervisor));
    cs_db_col_text(st, c++, h->type, sizeof(h->type));
    cs_db_col_text(st, c++, h->url, sizeof(h->url));
    cs_db_col_text(st, c++, h->status, sizeof(h->status));
    cs_db_col_text(st, c++, h->resource_state, sizeof(h->resource_state));
    cs_db_col_text(st, c++, h->ipaddress, sizeof(h->ipaddress));
    cs_db_col_text(st, c++, h->hv_version, sizeof(h->hv_version));
    cs_db_col_text(st, c++, h->arch, sizeof(h->arch));
    cs_db_col_text(st, c++, h->cpu_model, sizeof(h->cpu_model));
    h->cpu_sockets = sqlite3_column_int(st, c++);
    h->cpu_cores = sqlite3_column_int(st, c++);
    h->cpu_mhz = sqlite3_column_int(st, c++);
    h->mem_bytes = sqlite3_column_int64(st, c++);
    h->local_storage = sqlite3_column_int64(st, c++);
    h->cpu_used_mhz = sqlite3_column_int64(st, c++);
    h->mem_used_bytes = sqlite3_column_int64(st, c++);
    cs_db_col_text(st, c++, h->hosttags, sizeof(h->hosttags));
    h->last_pinged = sqlite3_column_int64(st, c++);
    h->created = sqlite3_column_int64(st, c++);
    cs_db_col_text(st, c++, h->zone_uuid, sizeof(h->zone_uuid));
    cs_db_col_text(st, c++, h->zone_name, sizeof(h->zone_name));
    cs_db_col_text(st, c++, h->pod_uuid, sizeof(h->pod_uuid));
    cs_db_col_text(st, c++, h->pod_name, sizeof(h->pod_name));
    cs_db_col_text(st, c++, h->cluster_uuid, sizeof(h->cluster_uuid));
    cs_db_col_text(st, c++, h->cluster_name, sizeof(h->cluster_name));
    cs_db_col_text(st, c++, h->cluster_type, sizeof(h->cluster_type));
}

int cs_db_host_insert(struct cs_db *db, struct cs_host *h, struct cs_err *err)
{
    new_identity(h->uuid, &h->created);
    sqlite3_stmt *st = cs_db_stmt(
        db,
        "INSERT INTO host (uuid, name, zone_id, pod_id, cluster_id, hypervisor, type, url,"
        " status, resource_state, ipaddress, hv_version, arch, cpu_model, cpu_sockets, cpu_cores,"
        " cpu_mhz, mem_bytes, local_storage, cpu_used_mhz, mem_used_bytes, hosttags,"
        " last_pinged, created) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
        " ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24)",
        err);
    if (!st)
        return -CS_ERR_INTERNAL;
    cs_db_bind_text(st, 1, h->uuid);
    cs_db_bind_text(st, 2, h->name);
    cs_db_bind_int(st, 3, h->zone_id);
    cs_db_bind_int(st, 4, h->pod_id);
    cs_db_bind_int(st, 5, h->cluster_id);
    cs_db_bind_text(st, 6, h->hypervisor);
    cs_db_bind_text(st, 7, h->type[0] ? h->type : "Routing");
    cs_db_bind_text(st, 8, h->url);
    cs_db_bind_text(st, 9, h->status);
    cs_db_bind_text(st, 10, h->resource_state);
    bind_opt(st, 11, h->ipaddress);
    bind_opt(st, 12, h->hv_version);
    bind_opt(st, 13, h->arch);
    bind_opt(st, 14, h->cpu_model);
    cs_db_bind_int(st, 15, h->cpu_sockets > 0 ? h->cpu_sockets : 1);
    cs_db_bind_int(st, 16, h->cpu_cores);
    cs_db_bind_int(st, 17, h->cpu_mhz);
    cs_db_bind_int(st, 18, h->mem_bytes);
    cs_db_bind_int(st, 19, h->local_storage);
    cs_db_bind_int(st, 20, h->cpu_used_mhz);
    cs_db_bind_int(st, 21, h->mem_used_bytes);
    bind_opt(st, 22, h->hosttags);
    bind_ref(st, 23, h->last_pinged);
    cs_db_bind_int(st, 24, h->created);
    return finish_insert(db, st, &h->id, err);
}

int cs_db_host_get(struct cs_db *db, int64_t id, struct cs_host *ret, struct cs_err *err)
{
    sqlite3_stmt *st = cs_db_stmt(db, "SELECT " HOST_COLS HOST_FROM " WHERE h.id = ?1", err);
    if (!st)
        return -CS_ERR_INTERNAL;
    cs_db_bind_int(st, 1, id);
    return cs_db_one_row(db, st, read_host, ret, "host", err);
}

int cs_db_host_find_url(struct cs_db *db, const char *url, struct cs_host *ret,
                        struct cs_err *err)
{
    sqlite3_stmt *st = cs_db_stmt(
        db, "SELECT " HOST_COLS HOST_FROM " WHERE h.url = ?1 AND h.removed IS NULL", err);
    if (!st)
        return -CS_ERR_INTERNAL;
    cs_db_bind_text(st, 1, url);
    return cs_db_one_row(db, st, read_host, ret, "host", err);
}

int cs_db_host_set_status(struct cs_db *db, int64_t id, const char *status, struct cs_err *err)
{
    sqlite3_stmt *st =
        cs_db_stmt(db, "UPDATE host SET status = ?2, last_pinged = ?3 WHERE id = ?1", err);
    if (!st)
        return -CS_ERR_INTERNAL;
    cs_db_bind_int(st, 1, id);
    cs_db_bind_text(st, 2, status);
    cs_db_bind_int(st, 3, cs_util_now());
    return cs_db_step_done(db, st, err);
}

int cs_db_host_list(struct cs_db *db, const struct cs_host_filter *f, struct cs_page page,
                    struct cs_vec *ret, struct cs_err *err)
{
    sqlite3_stmt *st = cs_db_stmt(
        db,
        "SELECT " HOST_COLS ", COUNT(*) OVER ()" HOST_FROM
        " WHERE h.removed IS NULL AND (?1 = 0 OR h.id = ?1) AND (?2 = 0 OR h.zone_id = ?2)"
        " AND (?3 = 0 OR h.pod_id = ?3) AND (?4 = 0 OR h.cluster_id = ?4)"
        " AND (?5 IS NULL OR h.name = ?5) AND (?6 IS NULL OR h.name LIKE '%' || ?6 || '%')"
        " AND (?7 IS NULL OR h.type = ?7) AND (?8 IS NULL OR h.status = ?8)"
        " AND (?9 IS NULL OR h.resource_state = ?9)"
        " AND (?10 IS NULL OR h.hypervisor = ?10 COLLATE NOCASE)"
        " AND (?11 = 0 OR h.id = (SELECT host_id FROM vm WHERE id = ?11))"
        " ORDER BY h.id LIMIT ?12 OFFSET ?13",
        err);
    if (!st)
        return -CS_ERR_INTERNAL;
    cs_db_bind_int(st, 1, f->id);
    cs_db_bind_int(st, 2, f->zone_id);
    cs_db_bind_int(st, 3, f->pod_id);
    cs_db_bind_int(st, 4, f->cluster_id);
    cs_db_bind_text(st, 5, f->name);
    cs_db_bind_text(st, 6, f->keyword);
    cs_db_bind_text(st, 7, f->type);
    cs_db_bind_text(st, 8, f->status);
    cs_db_bind_text(st, 9, f->resource_state);
    cs_db_bind_text(st, 10, f->hypervisor);
    cs_db_bind_int(st, 11, f->vm_id);
    cs_db_bind_int(st, 12, page.limit);
    cs_db_bind_int(st, 13, page.offset);
    return cs_db_many_rows(db, st, HOST_NCOLS, read_host, ret, err);
}

int cs_db_host_each(struct cs_db *db, int (*fn)(void *ud, const struct cs_host *h), void *ud,
                    struct cs_err *err)
{
    /* Walk by id in chunks, so the callback may use the database (statements are per thread
     * and cached: a nested use of this one would reset it). */
    int64_t after = 0;
    for (;;) {
        struct cs_vec chunk = CS_VEC_INIT(struct cs_host);
        sqlite3_stmt *st = cs_db_stmt(db,
                                      "SELECT " HOST_COLS ", 0" HOST_FROM
                                      " WHERE h.removed IS NULL AND h.id > ?1"
                                      " ORDER BY h.id LIMIT 512",
                                      err);
        if (!st)
            return -CS_ERR_INTERNAL;
        cs_db_bind_int(st, 1, after);
        int rc = cs_db_many_rows(db, st, HOST_NCOLS, read_host, &chunk, err);
        for (size_t i = 0; rc == 0 && i < chunk.n; i++)
            rc = fn(ud, CS_VEC_AT(&chunk, struct cs_host, i));
        size_t n = chunk.n;
        if (n)
            after = CS_VEC_AT(&chunk, struct cs_host, n - 1)->id;
        cs_util_vec_release(&chunk);
        if (rc < 0)
            return rc;
        if (n < 512)
            return 0;
    }
}

/* ---- storage pools ---- */

#define POOL_COLS                                                                                  \
    "s.id, s.uuid, s.name, s.zone_id, s.pod_id, s.cluster_id, s.scope, s.url, s.type,"            \
    " s.ipaddress, s.path, s.provider, s.capacity_bytes, s.used_bytes, s.allocated_bytes,"        \
    " s.state, s.tags, s.hypervisor, s.created, z.uuid, z.name, p.uuid, p.name, c.uuid, c.name"
#define POOL_FROM                                                                                  \
    " FROM storage_pool s JOIN zone z ON z.id = s.zone_id LEFT JOIN pod p ON p.id = s.pod_id"     \
    " LEFT JOIN cluster c ON c.id = s.cluster_id"
#define POOL_NCOLS 25

static void read_pool(sqlite3_stmt *st, void *v)
{
    struct cs_storage_pool *s = v;
    int c = 0;
    s->id = sqlite3_column_int64(st, c++);
    cs_db_col_text(st, c++, s->uuid, sizeof(s->uuid));
    cs_db_col_text(st, c++, s->name, sizeof(s->name));
    s->zone_id = sqlite3_column_int64(st, c++);
    s->pod_id = sqlite3_column_int64(st, c++);
    s->cluster_id = sqlite3_column_int64(st, c++);
    cs_db_col_text(st, c++, s->scope, sizeof(s->scope));
    cs_db_col_text(st, c++, s->url, sizeof(s->url));
    cs_db_col_text(st, c++, s->type, sizeof(s->type));
    cs_db_col_text(st, c++, s->ipaddress, sizeof(s->ipaddress));
    cs_db_col_text(st, c++, s->path, sizeof(s->path));
    cs_db_col_text(st, c++, s->provider, sizeof(s->provider));
    s->capacity_bytes = sqlite3_column_int64(st, c++);
    s->used_bytes = sqlite3_column_int64(st, c++);
    s->allocated_bytes = sqlite3_column_int64(st, c++);
    cs_db_col_text(st, c++, s->state, sizeof(s->state));
    cs_db_col_text(st, c++, s->tags, sizeof(s->tags));
    cs_db_col_text(st, c++, s->hypervisor, sizeof(s->hypervisor));
    s->created = sqlite3_column_int64(st, c++);
    cs_db_col_text(st, c++, s->zone_uuid, sizeof(s->zone_uuid));
    cs_db_col_text(st, c++, s->zone_name, sizeof(s->zone_name));
    cs_db_col_text(st, c++, s->pod_uuid, sizeof(s->pod_uuid));
    cs_db_col_text(st, c++, s->pod_name, sizeof(s->pod_name));
    cs_db_col_text(st, c++, s->cluster_uuid, sizeof(s->cluster_uuid));
    cs_db_col_text(st, c++, s->cluster_name, sizeof(s->cluster_name));
}

int cs_db_storage_pool_insert(struct cs_db *db, struct cs_storage_pool *p, struct cs_err *err)
{
    new_identity(p->uuid, &p->created);
    sqlite3_stmt *st = cs_db_stmt(
        db,
        "INSERT INTO storage_pool (uuid, name, zone_id, pod_id, cluster_id, scope, url, type,"
        " ipaddress, path, provider, capacity_bytes, used_bytes, allocated_bytes, state, tags,"
        " hypervisor, created) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
        " ?14, ?15, ?16, ?17, ?18)",
        err);
    if (!st)
        return -CS_ERR_INTERNAL;
    cs_db_bind_text(st, 1, p->uuid);
    cs_db_bind_text(st, 2, p->name);
    cs_db_bind_int(st, 3, p->zone_id);
    bind_ref(st, 4, p->pod_id);
    bind_ref(st, 5, p->cluster_id);
    cs_db_bind_text(st, 6, p->scope);
    cs_db_bind_text(st, 7, p->url);
    cs_db_bind_text(st, 8, p->type);
    bind_opt(st, 9, p->ipaddress);
    bind_opt(st, 10, p->path);
    cs_db_bind_text(st, 11, p->provider[0] ? p->provider : "DefaultPrimary");
    cs_db_bind_int(st, 12, p->capacity_bytes);
    cs_db_bind_int(st, 13, p->used_bytes);
    cs_db_bind_int(st, 14, p->allocated_bytes);
    cs_db_bind_text(st, 15, p->state[0] ? p->state : "Up");
    bind_opt(st, 16, p->tags);
    bind_opt(st, 17, p->hypervisor);
    cs_db_bind_int(st, 18, p->created);
    return finish_insert(db, st, &p->id, err);
}

int cs_db_storage_pool_get(struct cs_db *db, int64_t id, struct cs_storage_pool *ret,
                           struct cs_err *err)
{
    sqlite3_stmt *st = cs_db_stmt(db, "SELECT " POOL_COLS POOL_FROM " WHERE s.id = ?1", err);
    if (!st)
        return -CS_ERR_INTERNAL;
    cs_db_bind_int(st, 1, id);
    return cs_db_one_row(db, st, read_pool, ret, "storage pool", err);
}

int cs_db_storage_pool_find(struct cs_db *db, int64_t zone_id, const char *name,
                            struct cs_storage_pool *ret, struct cs_err *err)
{
    sqlite3_stmt *st = cs_db_stmt(db,
                                  "SELECT " POOL_COLS POOL_FROM
                                  " WHERE s.zone_id = ?1 AND s.name = ?2 AND s.removed IS NULL"
                                  " ORDER BY s.id LIMIT 1",
                                  err);
    if (!st)
        return -CS_ERR_INTERNAL;
    cs_db_bind_int(st, 1, zone_id);
    cs_db_bind_text(st, 2, name);
    return cs_db_one_row(db, st, read_pool, ret, "storage pool", err);
}

int cs_db_storage_pool_list(struct cs_db *db, const struct cs_storage_pool_filter *f,
                            struct cs_page page, struct cs_vec *ret, struct cs_err *err)
{
    sqlite3_stmt *st = cs_db_stmt(
        db,
        "SELECT " POOL_COLS ", COUNT(*) OVER ()" POOL_FROM
        " WHERE s.removed IS NULL AND (?1 = 0 OR s.id = ?1) AND (?2 = 0 OR s.zone_id = ?2)"
        " AND (?3 = 0 OR s.pod_id = ?3) AND (?4 = 0 OR s.cluster_id = ?4)"
        " AND (?5 IS NULL OR s.name = ?5) AND (?6 IS NULL OR s.name LIKE '%' || ?6 || '%')"
        " AND (?7 IS NULL OR s.ipaddress = ?7) AND (?8 IS NULL OR s.path = ?8)"
        " AND (?9 IS NULL OR s.scope = ?9 COLLATE NOCASE) AND (?10 IS NULL OR s.state = ?10)"
        " ORDER BY s.id LIMIT ?11 OFFSET ?12",
        err);
    if (!st)
        return -CS_ERR_INTERNAL;
    cs_db_bind_int(st, 1, f->id);
    cs_db_bind_int(st, 2, f->zone_id);
    cs_db_bind_int(st, 3, f->pod_id);
    cs_db_bind_int(st, 4, f->cluster_id);
    cs_db_bind_text(st, 5, f->name);
    cs_db_bind_text(st, 6, f->keyword);
    cs_db_bind_text(st, 7, f->ipaddress);
    cs_db_bind_text(st, 8, f->path);
    cs_db_bind_text(st, 9, f->scope);
    cs_db_bind_text(st, 10, f->state);
    cs_db_bind_int(st, 11, page.limit);
    cs_db_bind_int(st, 12, page.offset);
    return cs_db_many_rows(db, st, POOL_NCOLS, read_pool, ret, err);
}

/* ---- image stores ---- */

#define STORE_COLS                                                                                 \
    "s.id, s.uuid, s.name, s.zone_id, s.url, s.protocol, s.provider, s.scope, s.readonly,"        \
    " s.capacity_bytes, s.used_bytes, s.created, z.uuid, z.name"
#define STORE_FROM " FROM image_store s LEFT JOIN zone z ON z.id = s.zone_id"
#define STORE_NCOLS 14

static void read_store(sqlite3_stmt *st, void *v)
{
    struct cs_image_store *s = v;
    int c = 0;
    s->id = sqlite3_column_int64(st, c++);
    cs_db_col_text(st, c++, s->uuid, sizeof(s->uuid));
    cs_db_col_text(st, c++, s->name, sizeof(s->name));
    s->zone_id = sqlite3_column_int64(st, c++);
    cs_db_col_text(st, c++, s->url, sizeof(s->url));
    cs_db_col_text(st, c++, s->protocol, sizeof(s->protocol));
    cs_db_col_text(st, c++, s->provider, sizeof(s->provider));
    cs_db_col_text(st, c++, s->scope, sizeof(s->scope));
    s->readonly = sqlite3_column_int(st, c++) != 0;
    s->capacity_bytes = sqlite3_column_int64(st, c++);
    s->used_bytes = sqlite3_column_int64(st, c++);
    s->created = sqlite3_column_int64(st, c++);
    cs_db_col_text(st, c++, s->zone_uuid, sizeof(s->zone_uuid));
    cs_db_col_text(st, c++, s->zone_name, sizeof(s->zone_name));
}

int cs_db_image_store_insert(struct cs_db *db, struct cs_image_store *s, struct cs_err *err)
{
    new_identity(s->uuid, &s->created);
    sqlite3_stmt *st = cs_db_stmt(
        db,
        "INSERT INTO image_store (uuid, name, zone_id, url, protocol, provider, scope, readonly,"
        " capacity_bytes, used_bytes, created)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        err);
    if (!st)
        return -CS_ERR_INTERNAL;
    cs_db_bind_text(st, 1, s->uuid);
    cs_db_bind_text(st, 2, s->name);
    bind_ref(st, 3, s->zone_id);
    cs_db_bind_text(st, 4, s->url);
    cs_db_bind_text(st, 5, s->protocol);
    cs_db_bind_text(st, 6, s->provider);
    cs_db_bind_text(st, 7, s->scope);
    cs_db_bind_int(st, 8, s->readonly);
    cs_db_bind_int(st, 9, s->capacity_bytes);
    cs_db_bind_int(st, 10, s->used_bytes);
    cs_db_bind_int(st, 11, s->created);
    return finish_insert(db, st, &s->id, err);
}

int cs_db_image_store_get(struct cs_db *db, int64_t id, struct cs_image_store *ret,
                          struct cs_err *err)
{
    sqlite3_stmt *st = cs_db_stmt(db, "SELECT " STORE_COLS STORE_FROM " WHERE s.id = ?1", err);
    if (!st)
        return -CS_ERR_INTERNAL;
    cs_db_bind_int(st, 1, id);
    return cs_db_one_row(db, st, read_store, ret, "image store", err);
}

int cs_db_image_store_find_url(struct cs_db *db, const char *url, struct cs_image_store *ret,
                               struct cs_err *err)
{
    sqlite3_stmt *st = cs_db_stmt(
        db,
        "SELECT " STORE_COLS STORE_FROM " WHERE s.url = ?1 AND s.removed IS NULL"
        " ORDER BY s.id LIMIT 1",
        err);
    if (!st)
        return -CS_ERR_INTERNAL;
    cs_db_bind_text(st, 1, url);
    return cs_db_one_row(db, st, read_store, ret, "image store", err);
}

int cs_db_image_store_list(struct cs_db *db, const struct cs_image_store_filter *f,
                           struct cs_page page, struct cs_vec *ret, struct cs_err *err)
{
    sqlite3_stmt *st = cs_db_stmt(
        db,
        "SELECT " STORE_COLS ", COUNT(*) OVER ()" STORE_FROM
        " WHERE s.removed IS NULL AND (?1 = 0 OR s.id = ?1) AND (?2 = 0 OR s.zone_id = ?2)"
        " AND (?3 IS NULL OR s.name = ?3) AND (?4 IS NULL OR s.name LIKE '%' || ?4 || '%')"
        " AND (?5 IS NULL OR s.protocol = ?5 COLLATE NOCASE)"
        " AND (?6 IS NULL OR s.provider = ?6 COLLATE NOCASE)"
        " AND (?7 = 0 OR s.readonly = (?7 = 1))"
        " ORDER BY s.id LIMIT ?8 OFFSET ?9",
        err);
    if (!st)
        return -CS_ERR_INTERNAL;
    cs_db_bind_int(st, 1, f->id);
    cs_db_bind_int(st, 2, f->zone_id);
    cs_db_bind_text(st, 3, f->name);
    cs_db_bind_text(st, 4, f->keyword);
    cs_db_bind_text(st, 5, f->protocol);
    cs_db_bind_text(st, 6, f->provider);
    cs_db_bind_int(st, 7, f->readonly);
    cs_db_bind_int(st, 8, page.limit);
    cs_db_bind_int(st, 9, page.offset);
    return cs_db_many_rows(db, st, STORE_NCOLS, read_store, ret, err);
}
