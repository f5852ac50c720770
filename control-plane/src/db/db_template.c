/* Templates, guest OS types and OS categories as stored. */
#include "db_template.h"

#include <string.h>

#include "util_time.h"
#include "util_uuid.h"

static void bind_opt(sqlite3_stmt *st, int i, const char *s)
{
    cs_db_bind_text(st, i, s && *s ? s : NULL);
}

/* ---- OS categories ---- */

static void read_category(sqlite3_stmt *st, void *v)
{
    struct cs_os_category *c = v;
    c->id = sqlite3_column_int64(st, 0);
    cs_db_col_text(st, 1, c->uuid, sizeof(c->uuid));
    cs_db_col_text(st, 2, c->name, sizeof(c->name));
}

int cs_db_os_category_insert(struct cs_db *db, struct cs_os_category *c, struct cs_err *err)
{
    if (!c->uuid[0])
        cs_util_uuid_new(c->uuid);
    sqlite3_stmt *st =
        cs_db_stmt(db, "INSERT INTO os_category (id, uuid, name) VALUES (?1, ?2, ?3)", err);
    if (!st)
        return -CS_ERR_INTERNAL;
    if (c->id)
        cs_db_bind_int(st, 1, c->id);
    cs_db_bind_text(st, 2, c->uuid);
    cs_db_bind_text(st, 3, c->name);
    int rc = cs_db_step_done(db, st, err);
    if (rc == 0)
        c->id = cs_db_last_id(db);
    return rc;
}

int cs_db_os_category_list(struct cs_db *db, int64_t id, const char *name, const char *keyword,
                           struct cs_page page, struct cs_vec *ret, struct cs_err *err)
{
    sqlite3_stmt *st = cs_db_stmt(db,
                                  "SELECT id, uuid, name, COUNT(*) OVER () FROM os_category"
                                  " WHERE (?1 = 0 OR id = ?1) AND (?2 IS NULL OR name = ?2)"
                                  " AND (?3 IS NULL OR name LIKE '%' || ?3 || '%')"
                                  " ORDER BY id LIMIT ?4 OFFSET ?5",
                                  err);
    if (!st)
        return -CS_ERR_INTERNAL;
    cs_db_bind_int(st, 1, id);
    cs_db_bind_text(st, 2, name);
    cs_db_bind_text(st, 3, keyword);
    cs_db_bind_int(st, 4, page.limit);
    cs_db_bind_int(st, 5, page.offset);
    return cs_db_many_rows(db, st, 3, read_category, ret, err);
}

int cs_db_os_category_find_uuid(struct cs_db *db, const char *uuid, struct cs_os_category *ret,
                                struct cs_err *err)
{
    sqlite3_stmt *st =
        cs_db_stmt(db, "SELECT id, uuid, name FROM os_category WHERE uuid = ?1", err);
    if (!st)
        return -CS_ERR_INTERNAL;
    cs_db_bind_text(st, 1, uuid);
    return cs_db_one_row(db, st, read_category, ret, "os category", err);
}

/* ---- OS types ---- */

#define OS_SELECT                                                                                  \
    "SELECT t.id, t.uuid, t.description, t.category_id, t.created, c.uuid, c.name"                \
    " FROM os_type t JOIN os_category c ON c.id = t.category_id"
#define OS_NCOLS 7

static void read_os(sqlite3_stmt *st, void *v)
{
    struct cs_os_type *t = v;
    t->id = sqlite3_column_int64(st, 0);
    cs_db_col_text(st, 1, t->uuid, sizeof(t->uuid));
    cs_db_col_text(st, 2, t->description, sizeof(t->description));
    t->category_id = sqlite3_column_int64(st, 3);
    t->created = sqlite3_column_int64(st, 4);
    cs_db_col_text(st, 5, t->category_uuid, sizeof(t->category_uuid));
    cs_db_col_text(st, 6, t->category_name, sizeof(t->category_name));
}

int cs_db_os_type_insert(struct cs_db *db, struct cs_os_type *t, struct cs_err *err)
{
    if (!t->uuid[0])
        cs_util_uuid_new(t->uuid);
    if (!t->created)
        t->created = cs_util_now();
    sqlite3_stmt *st = cs_db_stmt(db,
                                  "INSERT INTO os_type (id, uuid, description, category_id,"
                                  " created) VALUES (?1, ?2, ?3, ?4, ?5)",
                                  err);
    if (!st)
        return -CS_ERR_INTERNAL;
    if (t->id)
        cs_db_bind_int(st, 1, t->id);
    cs_db_bind_text(st, 2, t->uuid);
    cs_db_bind_text(st, 3, t->description);
    cs_db_bind_int(st, 4, t->category_id);
    cs_db_bind_int(st, 5, t->created);
    int rc = cs_db_step_done(db, st, err);
    if (rc == 0)
        t->id = cs_db_last_id(db);
    return rc;
}

int cs_db_os_type_get(struct cs_db *db, int64_t id, struct cs_os_type *ret, struct cs_err *err)
{
    sqlite3_stmt *st = cs_db_stmt(db, OS_SELECT " WHERE t.id = ?1", err);
    if (!st)
        return -CS_ERR_INTERNAL;
    cs_db_bind_int(st, 1, id);
    return cs_db_one_row(db, st, read_os, ret, "os type", err);
}

int cs_db_os_type_find(struct cs_db *db, const char *description, struct cs_os_type *ret,
                       struct cs_err *err)
{
    sqlite3_stmt *st =
        cs_db_stmt(db, OS_SELECT " WHERE t.description = ?1 AND t.removed IS NULL", err);
    if (!st)
        return -CS_ERR_INTERNAL;
    cs_db_bind_text(st, 1, description);
    return cs_db_one_row(db, st, read_os, ret, "os type", err);
}

int cs_db_os_type_list(struct cs_db *db, const struct cs_os_type_filter *f, struct cs_page page,
                       struct cs_vec *ret, struct cs_err *err)
{
    sqlite3_stmt *st = cs_db_stmt(db,
                                  "SELECT t.id, t.uuid, t.description, t.category_id, t.created,"
                                  " c.uuid, c.name, COUNT(*) OVER ()"
                                  " FROM os_type t JOIN os_category c ON c.id = t.category_id"
                                  " WHERE t.removed IS NULL AND (?1 = 0 OR t.id = ?1)"
                                  " AND (?2 = 0 OR t.category_id = ?2)"
                                  " AND (?3 IS NULL OR t.description = ?3)"
                                  " AND (?4 IS NULL OR t.description LIKE '%' || ?4 || '%')"
                                  " ORDER BY t.id LIMIT ?5 OFFSET ?6",
                                  err);
    if (!st)
        return -CS_ERR_INTERNAL;
    cs_db_bind_int(st, 1, f->id);
    cs_db_bind_int(st, 2, f->category_id);
    cs_db_bind_text(st, 3, f->description);
    cs_db_bind_text(st, 4, f->keyword);
    cs_db_bind_int(st, 5, page.limit);
    cs_db_bind_int(st, 6, page.offset);
    return cs_db_many_rows(db, st, OS_NCOLS, read_os, ret, err);
}

/* ---- templates ---- */

#define TPL_COLS                                                                                   \
    "t.id, t.uuid, t.name, t.displaytext, t.format, t.hypervisor, t.os_type_id, t.url,"           \
    " t.checksum, t.type, t.ispublic, t.isfeatured, t.isextractable, t.passwordenabled,"          \
    " t.sshkeyenabled, t.bootable, t.requireshvm, t.isdynamicallyscalable, t.account_id,"         \
    " t.domain_id, t.zone_id, t.size, t.status, t.isready, t.created, t.removed, os.uuid,"        \
    " os.description, a.uuid, a.name, d.uuid, d.name"
#define TPL_FROM                                                                                   \
    " FROM template t LEFT JOIN os_type os ON os.id = t.os_type_id"                               \
    " JOIN account a ON a.id = t.account_id JOIN domain d ON d.id = t.domain_id"
#define TPL_NCOLS 32

static void read_template(sqlite3_stmt *st, void *v)
{
    struct cs_template *t = v;
    int c = 0;
    t->id = sqlite3_column_int64(st, c++);
    cs_db_col_text(st, c++, t->uuid, sizeof(t->uuid));
    cs_db_col_text(st, c++, t->name, sizeof(t->name));
    cs_db_col_text(st, c++, t->displaytext, sizeof(t->displaytext));
    cs_db_col_text(st, c++, t->format, sizeof(t->format));
    cs_db_col_text(st, c++, t->hypervisor, sizeof(t->hypervisor));
    t->os_type_id = sqlite3_column_int64(st, c++);
    cs_db_col_text(st, c++, t->url, sizeof(t->url));
    cs_db_col_text(st, c++, t->checksum, sizeof(t->checksum));
    cs_db_col_text(st, c++, t->type, sizeof(t->type));
    t->ispublic = sqlite3_column_int(st, c++) != 0;
    t->isfeatured = sqlite3_column_int(st, c++) != 0;
    t->isextractable = sqlite3_column_int(st, c++) != 0;
    t->passwordenabled = sqlite3_column_int(st, c++) != 0;
    t->sshkeyenabled = sqlite3_column_int(st, c++) != 0;
    t->bootable = sqlite3_column_int(st, c++) != 0;
    t->requireshvm = sqlite3_column_int(st, c++) != 0;
    t->isdynamicallyscalable = sqlite3_column_int(st, c++) != 0;
    t->account_id = sqlite3_column_int64(st, c++);
    t->domain_id = sqlite3_column_int64(st, c++);
    t->zone_id = sqlite3_column_int64(st, c++);
    t->size = sqlite3_column_int64(st, c++);
    cs_db_col_text(st, c++, t->status, sizeof(t->status));
    t->isready = sqlite3_column_int(st, c++) != 0;
    t->created = sqlite3_column_int64(st, c++);
    t->removed = sqlite3_column_int64(st, c++);
    cs_db_col_text(st, c++, t->os_type_uuid, sizeof(t->os_type_uuid));
    cs_db_col_text(st, c++, t->os_type_name, sizeof(t->os_type_name));
    cs_db_col_text(st, c++, t->account_uuid, sizeof(t->account_uuid));
    cs_db_col_text(st, c++, t->account_name, sizeof(t->account_name));
    cs_db_col_text(st, c++, t->domain_uuid, sizeof(t->domain_uuid));
    cs_db_col_text(st, c++, t->domain_name, sizeof(t->domain_name));
}

static void read_listed_template(sqlite3_stmt *st, void *v)
{
    struct cs_template *t = v;
    read_template(st, t);
    t->listed_zone_id = sqlite3_column_int64(st, TPL_NCOLS);
    cs_db_col_text(st, TPL_NCOLS + 1, t->listed_zone_uuid, sizeof(t->listed_zone_uuid));
    cs_db_col_text(st, TPL_NCOLS + 2, t->listed_zone_name, sizeof(t->listed_zone_name));
}

int cs_db_template_insert(struct cs_db *db, struct cs_template *t, struct cs_err *err)
{
    if (!t->uuid[0])
        cs_util_uuid_new(t->uuid);
    if (!t->created)
        t->created = cs_util_now();
    sqlite3_stmt *st = cs_db_stmt(
        db,
        "INSERT INTO template (id, uuid, name, displaytext, format, hypervisor, os_type_id, url,"
        " checksum, type, ispublic, isfeatured, isextractable, passwordenabled, sshkeyenabled,"
        " bootable, requireshvm, isdynamicallyscalable, account_id, domain_id, zone_id, size,"
        " status, isready, created) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
        " ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25)",
        err);
    if (!st)
        return -CS_ERR_INTERNAL;
    if (t->id)
        cs_db_bind_int(st, 1, t->id);
    cs_db_bind_text(st, 2, t->uuid);
    cs_db_bind_text(st, 3, t->name);
    bind_opt(st, 4, t->displaytext);
    cs_db_bind_text(st, 5, t->format);
    cs_db_bind_text(st, 6, t->hypervisor);
    if (t->os_type_id)
        cs_db_bind_int(st, 7, t->os_type_id);
    bind_opt(st, 8, t->url);
    bind_opt(st, 9, t->checksum);
    cs_db_bind_text(st, 10, t->type[0] ? t->type : "USER");
    cs_db_bind_int(st, 11, t->ispublic);
    cs_db_bind_int(st, 12, t->isfeatured);
    cs_db_bind_int(st, 13, t->isextractable);
    cs_db_bind_int(st, 14, t->passwordenabled);
    cs_db_bind_int(st, 15, t->sshkeyenabled);
    cs_db_bind_int(st, 16, t->bootable);
    cs_db_bind_int(st, 17, t->requireshvm);
    cs_db_bind_int(st, 18, t->isdynamicallyscalable);
    cs_db_bind_int(st, 19, t->account_id);
    cs_db_bind_int(st, 20, t->domain_id);
    if (t->zone_id)
        cs_db_bind_int(st, 21, t->zone_id);
    cs_db_bind_int(st, 22, t->size);
    cs_db_bind_text(st, 23, t->status);
    cs_db_bind_int(st, 24, t->isready);
    cs_db_bind_int(st, 25, t->created);
    int rc = cs_db_step_done(db, st, err);
    if (rc == 0)
        t->id = cs_db_last_id(db);
    return rc;
}

int cs_db_template_get(struct cs_db *db, int64_t id, struct cs_template *ret,
                       struct cs_err *err)
{
    sqlite3_stmt *st = cs_db_stmt(db, "SELECT " TPL_COLS TPL_FROM " WHERE t.id = ?1", err);
    if (!st)
        return -CS_ERR_INTERNAL;
    cs_db_bind_int(st, 1, id);
    return cs_db_one_row(db, st, read_template, ret, "template", err);
}

int cs_db_template_find(struct cs_db *db, const char *name, struct cs_template *ret,
                        struct cs_err *err)
{
    sqlite3_stmt *st = cs_db_stmt(db,
                                  "SELECT " TPL_COLS TPL_FROM
                                  " WHERE t.name = ?1 AND t.removed IS NULL"
                                  " ORDER BY t.id LIMIT 1",
                                  err);
    if (!st)
        return -CS_ERR_INTERNAL;
    cs_db_bind_text(st, 1, name);
    return cs_db_one_row(db, st, read_template, ret, "template", err);
}

int cs_db_template_list(struct cs_db *db, const struct cs_template_filter *f, struct cs_page page,
                        struct cs_vec *ret, struct cs_err *err)
{
    sqlite3_stmt *st = cs_db_stmt(
        db,
        "SELECT " TPL_COLS ", z.id, z.uuid, z.name, COUNT(*) OVER ()" TPL_FROM
        " LEFT JOIN zone z ON z.removed IS NULL"
        "   AND (t.zone_id = z.id OR t.zone_id IS NULL)"
        " WHERE (?1 = 1 OR t.removed IS NULL) AND (?2 = 0 OR t.id = ?2)"
        " AND (?3 IS NULL OR t.name = ?3)"
        " AND (?4 IS NULL OR t.name LIKE '%' || ?4 || '%')"
        " AND (?5 IS NULL OR t.hypervisor = ?5 COLLATE NOCASE)"
        " AND (?6 IS NULL OR t.type = ?6 COLLATE NOCASE) AND (?7 = 0 OR z.id = ?7)"
        " AND (?8 = 0 OR os.category_id = ?8)"
        " AND (?9 = 0 OR (?9 = 1 AND t.ispublic AND t.isfeatured)"
        "   OR (?9 = 2 AND t.ispublic AND NOT t.isfeatured) OR (?9 = 3 AND t.account_id = ?10)"
        "   OR (?9 = 4 AND (t.account_id = ?10 OR t.ispublic)))"
        " AND (?11 = 0 OR t.isready)"
        " ORDER BY t.id, z.id LIMIT ?12 OFFSET ?13",
        err);
    if (!st)
        return -CS_ERR_INTERNAL;
    cs_db_bind_int(st, 1, f->show_removed);
    cs_db_bind_int(st, 2, f->id);
    cs_db_bind_text(st, 3, f->name);
    cs_db_bind_text(st, 4, f->keyword);
    cs_db_bind_text(st, 5, f->hypervisor);
    cs_db_bind_text(st, 6, f->type);
    cs_db_bind_int(st, 7, f->zone_id);
    cs_db_bind_int(st, 8, f->os_category_id);
    cs_db_bind_int(st, 9, (int64_t)f->scope);
    cs_db_bind_int(st, 10, f->account_id);
    cs_db_bind_int(st, 11, f->ready_only);
    cs_db_bind_int(st, 12, page.limit);
    cs_db_bind_int(st, 13, page.offset);
    return cs_db_many_rows(db, st, TPL_NCOLS + 3, read_listed_template, ret, err);
}
