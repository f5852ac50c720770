/* Clusters as stored, with the names of their zone and pod. */
#include "db_infra.h"
#include "db_row.h"

#define CLUSTER_COLS                                                                               \
    "c.id, c.uuid, c.name, c.zone_id, c.pod_id, c.hypervisor, c.cluster_type,"                     \
    " c.allocation_state, c.managed_state, c.cpu_overcommit, c.mem_overcommit, c.created,"         \
    " z.uuid, z.name, p.uuid, p.name"
#define CLUSTER_FROM " FROM cluster c JOIN zone z ON z.id = c.zone_id JOIN pod p ON p.id = c.pod_id"

#define C(kind, f) CS_DB_COL(kind, struct cs_cluster, f)
static const struct cs_db_col cluster_cols[] = {
    C(I64, id), C(TEXT, uuid), C(TEXT, name), C(I64, zone_id), C(I64, pod_id), C(TEXT, hypervisor),
    C(TEXT, cluster_type), C(TEXT, allocation_state), C(TEXT, managed_state),
    C(DOUBLE, cpu_overcommit), C(DOUBLE, mem_overcommit), C(I64, created), C(TEXT, zone_uuid),
    C(TEXT, zone_name), C(TEXT, pod_uuid), C(TEXT, pod_name),
};
#undef C

CS_DB_DEFINE_READER(read_cluster, cluster_cols)

int cs_db_cluster_insert(struct cs_db *db, struct cs_cluster *c, struct cs_err *err)
{
    cs_db_new_identity(c->uuid, &c->created);
    sqlite3_stmt *st =
        cs_db_stmt(db,
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
    return cs_db_insert_done(db, st, &c->id, err);
}

int cs_db_cluster_get(struct cs_db *db, int64_t id, struct cs_cluster *ret, struct cs_err *err)
{
    return cs_db_one_by_id(db, "SELECT " CLUSTER_COLS CLUSTER_FROM " WHERE c.id = ?1", id,
                           read_cluster, ret, "cluster", err);
}

int cs_db_cluster_find(struct cs_db *db, int64_t pod_id, const char *name, struct cs_cluster *ret,
                       struct cs_err *err)
{
    return cs_db_one_by_id_text(db,
                                "SELECT " CLUSTER_COLS CLUSTER_FROM
                                " WHERE c.pod_id = ?1 AND c.name = ?2"
                                " AND c.removed IS NULL ORDER BY c.id LIMIT 1",
                                pod_id, name, read_cluster, ret, "cluster", err);
}

int cs_db_cluster_list(struct cs_db *db, const struct cs_cluster_filter *f, struct cs_page page,
                       struct cs_vec *ret, struct cs_err *err)
{
    sqlite3_stmt *st = cs_db_stmt(
        db,
        "SELECT " CLUSTER_COLS ", COUNT(*) OVER ()" CLUSTER_FROM
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
    cs_db_bind_page(st, 10, page);
    return cs_db_many_rows(db, st, CS_DB_NCOLS(cluster_cols), read_cluster, ret, err);
}
