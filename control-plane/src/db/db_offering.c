/* Service offerings as stored. */
#include "db_offering.h"
#include "db_row.h"

#define OFFERING_COLS                                                                              \
    "o.id, o.uuid, o.name, o.displaytext, o.cpunumber, o.cpuspeed, o.memory, o.offerha,"          \
    " o.limitcpuuse, o.isvolatile, o.issystem, o.storagetype, o.provisioningtype, o.hosttags,"    \
    " o.storagetags, o.deploymentplanner, o.domain_id, o.zone_id, o.rootdisksize, o.state,"       \
    " o.created, d.uuid, d.name, z.uuid, z.name"
#define OFFERING_FROM                                                                              \
    " FROM service_offering o LEFT JOIN domain d ON d.id = o.domain_id"                           \
    " LEFT JOIN zone z ON z.id = o.zone_id"

#define O(kind, f) CS_DB_COL(kind, struct cs_service_offering, f)
static const struct cs_db_col offering_cols[] = {
    O(I64, id), O(TEXT, uuid), O(TEXT, name), O(TEXT, displaytext), O(INT, cpunumber),
    O(INT, cpuspeed), O(I64, memory), O(BOOL, offerha), O(BOOL, limitcpuuse), O(BOOL, isvolatile),
    O(BOOL, issystem), O(TEXT, storagetype), O(TEXT, provisioningtype), O(TEXT, hosttags),
    O(TEXT, storagetags), O(TEXT, deploymentplanner), O(I64, domain_id), O(I64, zone_id),
    O(I64, rootdisksize), O(TEXT, state), O(I64, created), O(TEXT, domain_uuid),
    O(TEXT, domain_name), O(TEXT, zone_uuid), O(TEXT, zone_name),
};
#undef O

CS_DB_DEFINE_READER(read_offering, offering_cols)

int cs_db_service_offering_insert(struct cs_db *db, struct cs_service_offering *o,
                                  struct cs_err *err)
{
    cs_db_new_identity(o->uuid, &o->created);
    sqlite3_stmt *st = cs_db_stmt(
        db,
        "INSERT INTO service_offering (uuid, name, displaytext, cpunumber, cpuspeed, memory,"
        " offerha, limitcpuuse, isvolatile, issystem, storagetype, provisioningtype, hosttags,"
        " storagetags, deploymentplanner, domain_id, zone_id, rootdisksize, state, created)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,"
        " ?18, ?19, ?20)",
        err);
    if (!st)
        return -CS_ERR_INTERNAL;
    cs_db_bind_text(st, 1, o->uuid);
    cs_db_bind_text(st, 2, o->name);
    cs_db_bind_opt(st, 3, o->displaytext);
    cs_db_bind_pos(st, 4, o->cpunumber);
    cs_db_bind_pos(st, 5, o->cpuspeed);
    cs_db_bind_pos(st, 6, o->memory);
    cs_db_bind_int(st, 7, o->offerha);
    cs_db_bind_int(st, 8, o->limitcpuuse);
    cs_db_bind_int(st, 9, o->isvolatile);
    cs_db_bind_int(st, 10, o->issystem);
    cs_db_bind_text(st, 11, o->storagetype[0] ? o->storagetype : "shared");
    cs_db_bind_text(st, 12, o->provisioningtype[0] ? o->provisioningtype : "thin");
    cs_db_bind_opt(st, 13, o->hosttags);
    cs_db_bind_opt(st, 14, o->storagetags);
    cs_db_bind_opt(st, 15, o->deploymentplanner);
    cs_db_bind_pos(st, 16, o->domain_id);
    cs_db_bind_pos(st, 17, o->zone_id);
    cs_db_bind_pos(st, 18, o->rootdisksize);
    cs_db_bind_text(st, 19, o->state[0] ? o->state : "Active");
    cs_db_bind_int(st, 20, o->created);
    return cs_db_insert_done(db, st, &o->id, err);
}

int cs_db_service_offering_get(struct cs_db *db, int64_t id, struct cs_service_offering *ret,
                               struct cs_err *err)
{
    return cs_db_one_by_id(db, "SELECT " OFFERING_COLS OFFERING_FROM " WHERE o.id = ?1", id,
                           read_offering, ret, "service offering", err);
}

int cs_db_service_offering_find(struct cs_db *db, const char *name,
                                struct cs_service_offering *ret, struct cs_err *err)
{
    return cs_db_one_by_text(db,
                             "SELECT " OFFERING_COLS OFFERING_FROM
                             " WHERE o.name = ?1 AND o.removed IS NULL ORDER BY o.id LIMIT 1",
                             name, read_offering, ret, "service offering", err);
}

int cs_db_service_offering_list(struct cs_db *db, const struct cs_service_offering_filter *f,
                                struct cs_page page, struct cs_vec *ret, struct cs_err *err)
{
    sqlite3_stmt *st = cs_db_stmt(
        db,
        "SELECT " OFFERING_COLS ", COUNT(*) OVER ()" OFFERING_FROM
        " WHERE o.removed IS NULL AND (?1 = 0 OR o.id = ?1) AND (?2 IS NULL OR o.name = ?2)"
        " AND (?3 IS NULL OR o.name LIKE '%' || ?3 || '%'"
        "      OR o.displaytext LIKE '%' || ?3 || '%')"
        " AND o.issystem = ?4 AND (?5 = 0 OR o.zone_id IS NULL OR o.zone_id = ?5)"
        " AND (?6 = 0 OR o.domain_id IS NULL OR o.domain_id = ?6)"
        " AND (?7 = 0 OR o.id != (SELECT service_offering_id FROM vm WHERE id = ?7))"
        " AND (?8 = 0 OR o.cpunumber IS NULL OR o.cpunumber = ?8)"
        " AND (?9 = 0 OR o.cpuspeed IS NULL OR o.cpuspeed = ?9)"
        " AND (?10 = 0 OR o.memory IS NULL OR o.memory = ?10)"
        " AND (?11 IS NULL OR o.storagetype = ?11 COLLATE NOCASE)"
        " AND (?12 = 'all' COLLATE NOCASE OR o.state = ?12 COLLATE NOCASE)"
        " ORDER BY o.id LIMIT ?13 OFFSET ?14",
        err);
    if (!st)
        return -CS_ERR_INTERNAL;
    cs_db_bind_int(st, 1, f->id);
    cs_db_bind_text(st, 2, f->name);
    cs_db_bind_text(st, 3, f->keyword);
    cs_db_bind_int(st, 4, f->issystem);
    cs_db_bind_int(st, 5, f->zone_id);
    cs_db_bind_int(st, 6, f->domain_id);
    cs_db_bind_int(st, 7, f->vm_id);
    cs_db_bind_int(st, 8, f->cpunumber);
    cs_db_bind_int(st, 9, f->cpuspeed);
    cs_db_bind_int(st, 10, f->memory);
    cs_db_bind_text(st, 11, f->storagetype);
    cs_db_bind_text(st, 12, f->state ? f->state : "Active");
    cs_db_bind_page(st, 13, page);
    return cs_db_many_rows(db, st, CS_DB_NCOLS(offering_cols), read_offering, ret, err);
}
