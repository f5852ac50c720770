/* Image (secondary) stores as stored, with the name of their zone. */
#include "db_infra.h"
#include "db_row.h"

#define STORE_COLS                                                                                 \
    "s.id, s.uuid, s.name, s.zone_id, s.url, s.protocol, s.provider, s.scope, s.readonly,"         \
    " s.capacity_bytes, s.used_bytes, s.created, z.uuid, z.name"
#define STORE_FROM " FROM image_store s LEFT JOIN zone z ON z.id = s.zone_id"

#define S(kind, f) CS_DB_COL(kind, struct cs_image_store, f)
static const struct cs_db_col store_cols[] = {
    S(I64, id), S(TEXT, uuid), S(TEXT, name), S(I64, zone_id), S(TEXT, url), S(TEXT, protocol),
    S(TEXT, provider), S(TEXT, scope), S(BOOL, readonly), S(I64, capacity_bytes),
    S(I64, used_bytes), S(I64, created), S(TEXT, zone_uuid), S(TEXT, zone_name),
};
#undef S

CS_DB_DEFINE_READER(read_store, store_cols)

int cs_db_image_store_insert(struct cs_db *db, struct cs_image_store *s, struct cs_err *err)
{
    cs_db_new_identity(s->uuid, &s->created);
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
    cs_db_bind_ref(st, 3, s->zone_id);
    cs_db_bind_text(st, 4, s->url);
    cs_db_bind_text(st, 5, s->protocol);
    cs_db_bind_text(st, 6, s->provider);
    cs_db_bind_text(st, 7, s->scope);
    cs_db_bind_int(st, 8, s->readonly);
    cs_db_bind_int(st, 9, s->capacity_bytes);
    cs_db_bind_int(st, 10, s->used_bytes);
    cs_db_bind_int(st, 11, s->created);
    return cs_db_insert_done(db, st, &s->id, err);
}

int cs_db_image_store_get(struct cs_db *db, int64_t id, struct cs_image_store *ret,
                          struct cs_err *err)
{
    return cs_db_one_by_id(db, "SELECT " STORE_COLS STORE_FROM " WHERE s.id = ?1", id, read_store,
                           ret, "image store", err);
}

int cs_db_image_store_find_url(struct cs_db *db, const char *url, struct cs_image_store *ret,
                               struct cs_err *err)
{
    return cs_db_one_by_text(db,
                             "SELECT " STORE_COLS STORE_FROM
                             " WHERE s.url = ?1 AND s.removed IS NULL"
                             " ORDER BY s.id LIMIT 1",
                             url, read_store, ret, "image store", err);
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
    cs_db_bind_page(st, 8, page);
    return cs_db_many_rows(db, st, CS_DB_NCOLS(store_cols), read_store, ret, err);
}
