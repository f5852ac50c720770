/* Pods as stored, with the name of their zone. */
#include "db_infra.h"
#include "db_row.h"

#define POD_COLS                                                                                   \
    "p.id, p.uuid, p.name, p.zone_id, p.gateway, p.netmask, p.startip, p.endip,"                   \
    " p.allocation_state, p.created, z.uuid, z.name"
#define POD_FROM " FROM pod p JOIN zone z ON z.id = p.zone_id"

#define P(kind, f) CS_DB_COL(kind, struct cs_pod, f)
static const struct cs_db_col pod_cols[] = {
    P(I64, id), P(TEXT, uuid), P(TEXT, name), P(I64, zone_id), P(TEXT, gateway), P(TEXT, netmask),
    P(TEXT, startip), P(TEXT, endip), P(TEXT, allocation_state), P(I64, created),
    P(TEXT, zone_uuid), P(TEXT, zone_name),
};
#undef P

CS_DB_DEFINE_READER(read_pod, pod_cols)

int cs_db_pod_insert(struct cs_db *db, struct cs_pod *p, struct cs_err *err)
{
    cs_db_new_identity(p->uuid, &p->created);
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
    cs_db_bind_opt(st, 4, p->gateway);
    cs_db_bind_opt(st, 5, p->netmask);
    cs_db_bind_opt(st, 6, p->startip);
    cs_db_bind_opt(st, 7, p->endip);
    cs_db_bind_text(st, 8, p->allocation_state);
    cs_db_bind_int(st, 9, p->created);
    return cs_db_insert_done(db, st, &p->id, err);
}

int cs_db_pod_get(struct cs_db *db, int64_t id, struct cs_pod *ret, struct cs_err *err)
{
    return cs_db_one_by_id(db, "SELECT " POD_COLS POD_FROM " WHERE p.id = ?1", id, read_pod, ret,
                           "pod", err);
}

int cs_db_pod_find(struct cs_db *db, int64_t zone_id, const char *name, struct cs_pod *ret,
                   struct cs_err *err)
{
    return cs_db_one_by_id_text(db,
                                "SELECT " POD_COLS POD_FROM " WHERE p.zone_id = ?1 AND p.name = ?2"
                                " AND p.removed IS NULL ORDER BY p.id LIMIT 1",
                                zone_id, name, read_pod, ret, "pod", err);
}

int cs_db_pod_list(struct cs_db *db, const struct cs_pod_filter *f, struct cs_page page,
                   struct cs_vec *ret, struct cs_err *err)
{
    sqlite3_stmt *st = cs_db_stmt(
        db,
        "SELECT " POD_COLS ", COUNT(*) OVER ()" POD_FROM
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
    cs_db_bind_page(st, 6, page);
    return cs_db_many_rows(db, st, CS_DB_NCOLS(pod_cols), read_pod, ret, err);
}
