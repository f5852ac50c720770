/* Service offerings as stored. */
#include "db_offering.h"

#include <string.h>

#include "util_time.h"
#include "util_uuid.h"

#define OFFERING_COLS                                                                              \
    "o.id, o.uuid, o.name, o.displaytext, o.cpunumber, o.cpuspeed, o.memory, o.offerha,"          \
    " o.limitcpuuse, o.isvolatile, o.issystem, o.storagetype, o.provisioningtype, o.hosttags,"    \
    " o.storagetags, o.deploymentplanner, o.domain_id, o.zone_id, o.rootdisksize, o.state,"       \
    " o.created, d.uuid, d.name, z.uuid, z.name"
#define OFFERING_FROM                                                                              \
    " FROM service_offering o LEFT JOIN domain d ON d.id = o.domain_id"                           \
    " LEFT JOIN zone z ON z.id = o.zone_id"
#define OFFERING_NCOLS 25

static void read_offering(sqlite3_stmt *st, void *v)
{
    struct cs_service_offering *o = v;
    int c = 0;
    o->id = sqlite3_column_int64(st, c++);
    cs_db_col_text(st, c++, o->uuid, sizeof(o->uuid));
    cs_db_col_text(st, c++, o->name, sizeof(o->name));
    cs_db_col_text(st, c++, o->displaytext, sizeof(o->displaytext));
    o->cpunumber = sqlite3_column_int(st, c++);
    o->cpuspeed = sqlite3_column_int(st, c++);
    o->memory = sqlite3_column_int64(st, c++);
    o->offerha = sqlite3_column_int(st, c++) != 0;
    o->limitcpuuse = sqlite3_column_int(st, c++) != 0;
    o->isvolatile = sqlite3_column_int(st, c++) != 0;
    o->issystem = sqlite3_column_int(st, c++) != 0;
    cs_db_col_text(st, c++, o->storagetype, sizeof(o->storagetype));
    cs_db_col_text(st, c++, o->provisioningtype, sizeof(o->provisioningtype));
    cs_db_col_text(st, c++, o->hosttags, sizeof(o->hosttags));
    cs_db_col_text(st, c++, o->storagetags, sizeof(o->storagetags));
    cs_db_col_text(st, c++, o->deploymentplanner, sizeof(o->deploymentplanner));
    o->domain_id = sqlite3_column_int64(st, c++);
    o->zone_id = sqlite3_column_int64(st, c++);
    o->rootdisksize = sqlite3_column_int64(st, c++);
    cs_db_col_text(st, c++, o->state, sizeof(o->state));
    o->created = sqlite3_column_int64(st, c++);
    cs_db_col_text(st, c++, o->domain_uuid, sizeof(o->domain_uuid));
    cs_db_col_text(st, c++, o->domain_name, sizeof(o->domain_name));
    cs_db_col_text(st, c++, o->zone_uuid, sizeof(o->zone_uuid));
    cs_db_col_text(st, c++, o->zone_name, sizeof(o->zone_name));
}

static void bind_pos(sqlite3_stmt *st, int i, int64_t v)
{
    if (v > 0)
        cs_db_bind_int(st, i, v);
    else
        sqlite3_bind_null(st, i);
}

static void bind_opt(sqlite3_stmt *st, int i, const char *s)
{
    cs_db_bind_text(st, i, s && *s ? s : NULL);
}

int cs_db_service_offering_insert(struct cs_db *db, struct cs_service_offering *o,
                                  struct cs_err *err)
{
    if (!o->uuid[0])
        cs_util_uuid_new(o->uuid);
    if (!o->created)
        o->created = cs_util_now();
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
    bind_opt(st, 3, o->displaytext);
    bind_pos(st, 4, o->cpunumber);
    bind_pos(st, 5, o->cpuspeed);
    bind_pos(st, 6, o->memory);
    cs_db_bind_int(st, 7, o->offerha);
    cs_db_bind_int(st, 8, o->limitcpuuse);
    cs_db_bind_int(st, 9, o->isvolatile);
    cs_db_bind_int(st, 10, o->issystem);
    cs_db_bind_text(st, 11, o->storagetype[0] ? o->storagetype : "shared");
    cs_db_bind_text(st, 12, o->provisioningtype[0] ? o->provisioningtype : "thin");
    bind_opt(st, 13, o->hosttags);
    bind_opt(st, 14, o->storagetags);
    bind_opt(st, 15, o->deploymentplanner);
    bind_pos(st, 16, o->domain_id);
    bind_pos(st, 17, o->zone_id);
    bind_pos(st, 18, o->rootdisksize);
    cs_db_bind_text(st, 19, o->state[0] ? o->state : "Active");
    cs_db_bind_int(st, 20, o->created);
    int rc = cs_db_step_done(db, st, err);
    if (rc == 0)
        o->id = cs_db_last_id(db);
    return rc;
}

int cs_db_service_offering_get(struct cs_db *db, int64_t id, struct cs_service_offering *ret,
                               struct cs_err *err)
{
    sqlite3_stmt *st =
        cs_db_stmt(db, "SELECT " OFFERING_COLS OFFERING_FROM " WHERE o.id = ?1", err);
    if (!st)
        return -CS_ERR_INTERNAL;
    cs_db_bind_int(st, 1, id);
    return cs_db_one_row(db, st, read_offering, ret, "service offering", err);
}

int cs_db_service_offering_find(struct cs_db *db, const char *name,
                                struct cs_service_offering *ret, struct cs_err *err)
{
    sqlite3_stmt *st = cs_db_stmt(db,
                                  "SELECT " OFFERING_COLS OFFERING_FROM
                                  " WHERE o.name = ?1 AND o.removed IS NULL"
                                  " ORDER BY o.id LIMIT 1",
                                  err);
    if (!st)
        return -CS_ERR_INTERNAL;
    cs_db_bind_text(st, 1, name);
    return cs_db_one_row(db, st, read_offering, ret, "service offering", err);
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
    cs_db_bind_int(st, 13, page.limit);
    cs_db_bind_int(st, 14, page.offset);
    return cs_db_many_rows(db, st, OFFERING_NCOLS, read_offering, ret, err);
}
