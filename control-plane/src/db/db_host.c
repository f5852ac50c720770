/* Hosts as stored, with the names of their zone, pod and cluster. */
#include "db_infra.h"
#include "db_row.h"
#include "util_time.h"

#define HOST_COLS                                                                                  \
    "h.id, h.uuid, h.name, h.zone_id, h.pod_id, h.cluster_id, h.hypervisor, h.type, h.url,"        \
    " h.status, h.resource_state, h.ipaddress, h.hv_version, h.arch, h.cpu_model,"                 \
    " h.cpu_sockets, h.cpu_cores, h.cpu_mhz, h.mem_bytes, h.local_storage, h.cpu_used_mhz,"        \
    " h.mem_used_bytes, h.hosttags, h.last_pinged, h.created, z.uuid, z.name, p.uuid, p.name,"     \
    " c.uuid, c.name, c.cluster_type"
#define HOST_FROM                                                                                  \
    " FROM host h JOIN zone z ON z.id = h.zone_id JOIN pod p ON p.id = h.pod_id"                   \
    " JOIN cluster c ON c.id = h.cluster_id"

#define H(kind, f) CS_DB_COL(kind, struct cs_host, f)
static const struct cs_db_col host_cols[] = {
    H(I64, id), H(TEXT, uuid), H(TEXT, name), H(I64, zone_id), H(I64, pod_id), H(I64, cluster_id),
    H(TEXT, hypervisor), H(TEXT, type), H(TEXT, url), H(TEXT, status), H(TEXT, resource_state),
    H(TEXT, ipaddress), H(TEXT, hv_version), H(TEXT, arch), H(TEXT, cpu_model), H(INT, cpu_sockets),
    H(INT, cpu_cores), H(INT, cpu_mhz), H(I64, mem_bytes), H(I64, local_storage),
    H(I64, cpu_used_mhz), H(I64, mem_used_bytes), H(TEXT, hosttags), H(I64, last_pinged),
    H(I64, created), H(TEXT, zone_uuid), H(TEXT, zone_name), H(TEXT, pod_uuid), H(TEXT, pod_name),
    H(TEXT, cluster_uuid), H(TEXT, cluster_name), H(TEXT, cluster_type),
};
#undef H

CS_DB_DEFINE_READER(read_host, host_cols)

int cs_db_host_insert(struct cs_db *db, struct cs_host *h, struct cs_err *err)
{
    cs_db_new_identity(h->uuid, &h->created);
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
    cs_db_bind_opt(st, 11, h->ipaddress);
    cs_db_bind_opt(st, 12, h->hv_version);
    cs_db_bind_opt(st, 13, h->arch);
    cs_db_bind_opt(st, 14, h->cpu_model);
    cs_db_bind_int(st, 15, h->cpu_sockets > 0 ? h->cpu_sockets : 1);
    cs_db_bind_int(st, 16, h->cpu_cores);
    cs_db_bind_int(st, 17, h->cpu_mhz);
    cs_db_bind_int(st, 18, h->mem_bytes);
    cs_db_bind_int(st, 19, h->local_storage);
    cs_db_bind_int(st, 20, h->cpu_used_mhz);
    cs_db_bind_int(st, 21, h->mem_used_bytes);
    cs_db_bind_opt(st, 22, h->hosttags);
    cs_db_bind_ref(st, 23, h->last_pinged);
    cs_db_bind_int(st, 24, h->created);
    return cs_db_insert_done(db, st, &h->id, err);
}

int cs_db_host_get(struct cs_db *db, int64_t id, struct cs_host *ret, struct cs_err *err)
{
    return cs_db_one_by_id(db, "SELECT " HOST_COLS HOST_FROM " WHERE h.id = ?1", id, read_host, ret,
                           "host", err);
}

int cs_db_host_find_url(struct cs_db *db, const char *url, struct cs_host *ret, struct cs_err *err)
{
    return cs_db_one_by_text(
        db, "SELECT " HOST_COLS HOST_FROM " WHERE h.url = ?1 AND h.removed IS NULL", url, read_host,
        ret, "host", err);
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
    cs_db_bind_page(st, 12, page);
    return cs_db_many_rows(db, st, CS_DB_NCOLS(host_cols), read_host, ret, err);
}

int cs_db_host_each(struct cs_db *db, int (*fn)(void *ud, const struct cs_host *h), void *ud,
                    struct cs_err *err)
{
    /* Walk by id in chunks, so the callback may use the database (statements are per thread
     * and cached: a nested use of this one would reset it). */
    int64_t after = 0;
    for (;;) {
        struct cs_vec chunk = CS_VEC_INIT(struct cs_host);
        sqlite3_stmt *st =
            cs_db_stmt(db,
                       "SELECT " HOST_COLS ", 0" HOST_FROM " WHERE h.removed IS NULL AND h.id > ?1"
                       " ORDER BY h.id LIMIT 512",
                       err);
        if (!st)
            return -CS_ERR_INTERNAL;
        cs_db_bind_int(st, 1, after);
        int rc = cs_db_many_rows(db, st, CS_DB_NCOLS(host_cols), read_host, &chunk, err);
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
