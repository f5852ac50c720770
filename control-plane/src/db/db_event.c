/* Events as stored, with the names of their owners. */
#include "db_event.h"
#include "db_row.h"

int cs_db_event_insert(struct cs_db *db, struct cs_event *ev, struct cs_err *err)
{
    cs_db_new_identity(ev->uuid, &ev->created);
    sqlite3_stmt *st = cs_db_stmt(
        db,
        "INSERT INTO event (uuid, type, level, state, description, user_id, account_id,"
        " domain_id, resource_type, resource_uuid, start_id, created)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        err);
    if (!st)
        return -CS_ERR_INTERNAL;
    cs_db_bind_text(st, 1, ev->uuid);
    cs_db_bind_text(st, 2, ev->type);
    cs_db_bind_text(st, 3, ev->level);
    cs_db_bind_text(st, 4, ev->state);
    cs_db_bind_text(st, 5, ev->description);
    cs_db_bind_ref(st, 6, ev->user_id);
    cs_db_bind_int(st, 7, ev->account_id);
    cs_db_bind_int(st, 8, ev->domain_id);
    cs_db_bind_opt(st, 9, ev->resource_type);
    cs_db_bind_opt(st, 10, ev->resource_uuid);
    cs_db_bind_ref(st, 11, ev->start_id);
    cs_db_bind_int(st, 12, ev->created);
    return cs_db_insert_done(db, st, &ev->id, err);
}

#define E(kind, f) CS_DB_COL(kind, struct cs_event, f)
static const struct cs_db_col event_cols[] = {
    E(I64, id), E(TEXT, uuid), E(TEXT, type), E(TEXT, level), E(TEXT, state), E(TEXT, description),
    E(I64, user_id), E(I64, account_id), E(I64, domain_id), E(TEXT, resource_type),
    E(TEXT, resource_uuid), E(I64, start_id), E(I64, created), E(TEXT, username), E(TEXT, account),
    E(TEXT, domain), E(TEXT, domain_path), E(TEXT, domain_uuid), E(TEXT, start_uuid),
};
#undef E

CS_DB_DEFINE_READER(read_event, event_cols)

int cs_db_event_list(struct cs_db *db, const struct cs_event_filter *f, struct cs_page page,
                     struct cs_vec *ret, struct cs_err *err)
{
    sqlite3_stmt *st = cs_db_stmt(
        db,
        "SELECT e.id, e.uuid, e.type, e.level, e.state, e.description, e.user_id, e.account_id,"
        " e.domain_id, e.resource_type, e.resource_uuid, e.start_id, e.created, u.username,"
        " a.name, d.name, d.path, d.uuid, s.uuid, COUNT(*) OVER ()"
        " FROM event e JOIN account a ON a.id = e.account_id JOIN domain d ON d.id = e.domain_id"
        " LEFT JOIN user u ON u.id = e.user_id LEFT JOIN event s ON s.id = e.start_id"
        " WHERE e.archived = 0 AND (?1 = 0 OR e.id = ?1) AND (?2 = 0 OR e.account_id = ?2)"
        " AND (?3 IS NULL OR substr(d.path, 1, length(?3)) = ?3)"
        " AND (?4 IS NULL OR e.type = ?4) AND (?5 IS NULL OR e.level = ?5)"
        " AND (?6 IS NULL OR instr(e.description, ?6) > 0 OR instr(e.type, ?6) > 0)"
        " AND (?7 = 0 OR e.created >= ?7) AND (?8 = 0 OR e.created <= ?8)"
        " AND (?9 IS NULL OR e.resource_uuid = ?9)"
        " ORDER BY e.id DESC LIMIT ?10 OFFSET ?11",
        err);
    if (!st)
        return -CS_ERR_INTERNAL;
    cs_db_bind_int(st, 1, f->id);
    cs_db_bind_int(st, 2, f->account_id);
    cs_db_bind_text(st, 3, f->domain_path);
    cs_db_bind_text(st, 4, f->type);
    cs_db_bind_text(st, 5, f->level);
    cs_db_bind_text(st, 6, f->keyword);
    cs_db_bind_int(st, 7, f->start);
    cs_db_bind_int(st, 8, f->end);
    cs_db_bind_text(st, 9, f->resource_uuid);
    cs_db_bind_page(st, 10, page);
    return cs_db_many_rows(db, st, CS_DB_NCOLS(event_cols), read_event, ret, err);
}
