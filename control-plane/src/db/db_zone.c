/* Zones as stored. */
#include "db_infra.h"
#include "db_row.h"

#define ZONE_COLS                                                                                  \
    "id, uuid, name, description, dns1, dns2, internaldns1, internaldns2, guestcidr, domain,"      \
    " networktype, allocation_state, localstorage, securitygroups, created"
#define ZONE_FROM " FROM zone"

#define Z(kind, f) CS_DB_COL(kind, struct cs_zone, f)
static const struct cs_db_col zone_cols[] = {
    Z(I64, id), Z(TEXT, uuid), Z(TEXT, name), Z(TEXT, description), Z(TEXT, dns1), Z(TEXT, dns2),
    Z(TEXT, internaldns1), Z(TEXT, internaldns2), Z(TEXT, guestcidr), Z(TEXT, domain),
    Z(TEXT, networktype), Z(TEXT, allocation_state), Z(BOOL, localstorage), Z(BOOL, securitygroups),
    Z(I64, created),
};
#undef Z

CS_DB_DEFINE_READER(read_zone, zone_cols)

static void bind_zone(sqlite3_stmt *st, const struct cs_zone *z)
{
    cs_db_bind_text(st, 1, z->name);
    cs_db_bind_opt(st, 2, z->description);
    cs_db_bind_opt(st, 3, z->dns1);
    cs_db_bind_opt(st, 4, z->dns2);
    cs_db_bind_opt(st, 5, z->internaldns1);
    cs_db_bind_opt(st, 6, z->internaldns2);
    cs_db_bind_opt(st, 7, z->guestcidr);
    cs_db_bind_opt(st, 8, z->domain);
    cs_db_bind_text(st, 9, z->networktype);
    cs_db_bind_text(st, 10, z->allocation_state);
    cs_db_bind_int(st, 11, z->localstorage);
    cs_db_bind_int(st, 12, z->securitygroups);
}

int cs_db_zone_insert(struct cs_db *db, struct cs_zone *z, struct cs_err *err)
{
    cs_db_new_identity(z->uuid, &z->created);
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
    return cs_db_insert_done(db, st, &z->id, err);
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
    return cs_db_one_by_id(db, "SELECT " ZONE_COLS ZONE_FROM " WHERE id = ?1", id, read_zone, ret,
                           "zone", err);
}

int cs_db_zone_find(struct cs_db *db, const char *name, struct cs_zone *ret, struct cs_err *err)
{
    return cs_db_one_by_text(db,
                             "SELECT " ZONE_COLS ZONE_FROM
                             " WHERE name = ?1 AND removed IS NULL ORDER BY id LIMIT 1",
                             name, read_zone, ret, "zone", err);
}

int cs_db_zone_list(struct cs_db *db, const struct cs_zone_filter *f, struct cs_page page,
                    struct cs_vec *ret, struct cs_err *err)
{
    sqlite3_stmt *st = cs_db_stmt(db,
                                  "SELECT " ZONE_COLS ", COUNT(*) OVER ()" ZONE_FROM
                                  " WHERE removed IS NULL AND (?1 = 0 OR id = ?1)"
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
    cs_db_bind_page(st, 6, page);
    return cs_db_many_rows(db, st, CS_DB_NCOLS(zone_cols), read_zone, ret, err);
}
