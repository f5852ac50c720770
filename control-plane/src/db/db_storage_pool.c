/* Primary storage pools as stored, with the names of their zone, pod and cluster. */
#include "db_infra.h"
#include "db_row.h"

#define POOL_COLS                                                                                  \
    "s.id, s.uuid, s.name, s.zone_id, s.pod_id, s.cluster_id, s.scope, s.url, s.type,"             \
    " s.ipaddress, s.path, s.provider, s.capacity_bytes, s.used_bytes, s.allocated_bytes,"         \
    " s.state, s.tags, s.hypervisor, s.created, z.uuid, z.name, p.uuid, p.name, c.uuid, c.name"
#define POOL_FROM                                                                                  \
    " FROM storage_pool s JOIN zone z ON z.id = s.zone_id LEFT JOIN pod p ON p.id = s.pod_id"      \
    " LEFT JOIN cluster c ON c.id = s.cluster_id"

#define S(kind, f) CS_DB_COL(kind, struct cs_storage_pool, f)
static const struct cs_db_col pool_cols[] = {
    S(I64, id), S(TEXT, uuid), S(TEXT, name), S(I64, zone_id), S(I64, pod_id), S(I64, cluster_id),
    S(TEXT, scope), S(TEXT, url), S(TEXT, type), S(TEXT, ipaddress), S(TEXT, path),
    S(TEXT, provider), S(I64, capacity_bytes), S(I64, used_bytes), S(I64, allocated_bytes),
    S(TEXT, state), S(TEXT, tags), S(TEXT, hypervisor), S(I64, created), S(TEXT, zone_uuid),
    S(TEXT, zone_name), S(TEXT, pod_uuid), S(TEXT, pod_name), S(TEXT, cluster_uuid),
    S(TEXT, cluster_name),
};
#undef S

CS_DB_DEFINE_READER(read_pool, pool_cols)

int cs_db_storage_pool_insert(struct cs_db *db, struct cs_storage_pool *p, struct cs_err *err)
{
    cs_db_new_identity(p->uuid, &p->created);
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
    cs_db_bind_ref(st, 4, p->pod_id);
    cs_db_bind_ref(st, 5, p->cluster_id);
    cs_db_bind_text(st, 6, p->scope);
    cs_db_bind_text(st, 7, p->url);
    cs_db_bind_text(st, 8, p->type);
    cs_db_bind_opt(st, 9, p->ipaddress);
    cs_db_bind_opt(st, 10, p->path);
    cs_db_bind_text(st, 11, p->provider[0] ? p->provider : "DefaultPrimary");
    cs_db_bind_int(st, 12, p->capacity_bytes);
    cs_db_bind_int(st, 13, p->used_bytes);
    cs_db_bind_int(st, 14, p->allocated_bytes);
    cs_db_bind_text(st, 15, p->state[0] ? p->state : "Up");
    cs_db_bind_opt(st, 16, p->tags);
    cs_db_bind_opt(st, 17, p->hypervisor);
    cs_db_bind_int(st, 18, p->created);
    return cs_db_insert_done(db, st, &p->id, err);
}

int cs_db_storage_pool_get(struct cs_db *db, int64_t id, struct cs_storage_pool *ret,
                           struct cs_err *err)
{
    return cs_db_one_by_id(db, "SELECT " POOL_COLS POOL_FROM " WHERE s.id = ?1", id, read_pool, ret,
                           "storage pool", err);
}

int cs_db_storage_pool_find(struct cs_db *db, int64_t zone_id, const char *name,
                            struct cs_storage_pool *ret, struct cs_err *err)
{
    return cs_db_one_by_id_text(db,
                                "SELECT " POOL_COLS POOL_FROM
                                " WHERE s.zone_id = ?1 AND s.name = ?2 AND s.removed IS NULL"
                                " ORDER BY s.id LIMIT 1",
                                zone_id, name, read_pool, ret, "storage pool", err);
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
    cs_db_bind_page(st, 11, page);
    return cs_db_many_rows(db, st, CS_DB_NCOLS(pool_cols), read_pool, ret, err);
}
