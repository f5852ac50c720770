/* Events as stored, with the names of their owners. */
#include "db_event.h"

#include "util_time.h"
#include "util_uuid.h"

int cs_db_event_insert(struct cs_db *db, struct cs_event *ev, struct cs_err *err)
{
    if (!ev->uuid[0])
        cs_util_uuid_new(ev->uuid);
    if (!ev->created)
        ev->created = cs_util_now();
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
    if (ev->user_id)
        cs_db_bind_int(st, 6, ev->user_id);
    cs_db_bind_int(st, 7, ev->account_id);
    cs_db_bind_int(st, 8, ev->domain_id);
    cs_db_bind_text(st, 9, ev->resource_type[0] ? ev->resource_type : NULL);
    cs_db_bind_text(st, 10, ev->resource_uuid[0] ? ev->resource_uuid : NULL);
    if (ev->start_id)
        cs_db_bind_int(st, 11, ev->start_id);
    cs_db_bind_int(st, 12, ev->created);
    int rc = cs_db_step_done(db, st, err);
    if (rc == 0)
        ev->id = cs_db_last_id(db);
    return rc;
}

static void read_event(sqlite3_stmt *st, void *p)
{
    struct cs_event *e = p;
    int c = 0;
    e->id = sqlite3_column_int64(st, c++);
    cs_db_col_text(st, c++, e->uuid, sizeof(e->uuid));
    cs_db_col_text(st, c++, e->type, sizeof(e->type));
    cs_db_col_text(st, c++, e->level, sizeof(e->level));
    cs_db_col_text(st, c++, e->state, sizeof(e->state));
    cs_db_col_text(st, c++, e->description, sizeof(e->description));
    e->user_id = sqlite3_column_int64(st, c++);
    e->account_id = sqlite3_column_int64(st, c++);
    e->domain_id = sqlite3_column_int64(st, c++);
    cs_db_col_text(st, c++, e->resource_type, sizeof(e->resource_type));
    cs_db_col_text(st, c++, e->resource_uuid, sizeof(e->resource_uuid));
    e->start_id = sqlite3_column_int64(st, c++);
    e->created = sqlite3_column_int64(st, c++);
    cs_db_col_text(st, c++, e->username, sizeof(e->username));
    cs_db_col_text(st, c++, e->account, sizeof(e->account));
    cs_db_col_text(st, c++, e->domain, sizeof(e->domain));
    cs_db_col_text(st, c++, e->domain_path, sizeof(e->domain_path));
    cs_db_col_text(st, c++, e->domain_uuid, sizeof(e->domain_uuid));
    cs_db_col_text(st, c++, e->start_uuid, sizeof(e->start_uuid));
}

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
    cs_db_bind_int(st, 10, page.limit);
    cs_db_bind_int(st, 11, page.offset);
    return cs_db_many_rows(db, st, 19, read_event, ret, err);
}
