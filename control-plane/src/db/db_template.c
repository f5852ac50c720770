/* Templates, guest OS types and OS categories as stored. */
#include "db_template.h"
#include "db_row.h"
#include "util_uuid.h"

/* ---- OS categories ---- */

#define C(kind, f) CS_DB_COL(kind, struct cs_os_category, f)
static const struct cs_db_col category_cols[] = {
    C(I64, id), C(TEXT, uuid), C(TEXT, name),
};
#undef C

CS_DB_DEFINE_READER(read_category, category_cols)

int cs_db_os_category_insert(struct cs_db *db, struct cs_os_category *c, struct cs_err *err)
{
    if (!c->uuid[0])
        cs_util_uuid_new(c->uuid);
    sqlite3_stmt *st =
        cs_db_stmt(db, "INSERT INTO os_category (id, uuid, name) VALUES (?1, ?2, ?3)", err);
    if (!st)
        return -CS_ERR_INTERNAL;
    cs_db_bind_ref(st, 1, c->id);
    cs_db_bind_text(st, 2, c->uuid);
    cs_db_bind_text(st, 3, c->name);
    return cs_db_insert_done(db, st, &c->id, err);
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
    cs_db_bind_page(st, 4, page);
    return cs_db_many_rows(db, st, CS_DB_NCOLS(category_cols), read_category, ret, err);
}

int cs_db_os_category_find_uuid(struct cs_db *db, const char *uuid, struct cs_os_category *ret,
                                struct cs_err *err)
{
    return cs_db_one_by_text(db, "SELECT id, uuid, name FROM os_category WHERE uuid = ?1", uuid,
                             read_category, ret, "os category", err);
}

/* ---- OS types ---- */

#define OS_COLS "t.id, t.uuid, t.description, t.category_id, t.created, c.uuid, c.name"
#define OS_FROM " FROM os_type t JOIN os_category c ON c.id = t.category_id"

#define T(kind, f) CS_DB_COL(kind, struct cs_os_type, f)
static const struct cs_db_col os_cols[] = {
    T(I64, id), T(TEXT, uuid), T(TEXT, description), T(I64, category_id), T(I64, created),
    T(TEXT, category_uuid), T(TEXT, category_name),
};
#undef T

CS_DB_DEFINE_READER(read_os, os_cols)

int cs_db_os_type_insert(struct cs_db *db, struct cs_os_type *t, struct cs_err *err)
{
    cs_db_new_identity(t->uuid, &t->created);
    sqlite3_stmt *st = cs_db_stmt(db,
                                  "INSERT INTO os_type (id, uuid, description, category_id,"
                                  " created) VALUES (?1, ?2, ?3, ?4, ?5)",
                                  err);
    if (!st)
        return -CS_ERR_INTERNAL;
    cs_db_bind_ref(st, 1, t->id);
    cs_db_bind_text(st, 2, t->uuid);
    cs_db_bind_text(st, 3, t->description);
    cs_db_bind_int(st, 4, t->category_id);
    cs_db_bind_int(st, 5, t->created);
    return cs_db_insert_done(db, st, &t->id, err);
}

int cs_db_os_type_get(struct cs_db *db, int64_t id, struct cs_os_type *ret, struct cs_err *err)
{
    return cs_db_one_by_id(db, "SELECT " OS_COLS OS_FROM " WHERE t.id = ?1", id, read_os, ret,
                           "os type", err);
}

int cs_db_os_type_find(struct cs_db *db, const char *description, struct cs_os_type *ret,
                       struct cs_err *err)
{
    return cs_db_one_by_text(db,
                             "SELECT " OS_COLS OS_FROM
                             " WHERE t.description = ?1 AND t.removed IS NULL",
                             description, read_os, ret, "os type", err);
}

int cs_db_os_type_list(struct cs_db *db, const struct cs_os_type_filter *f, struct cs_page page,
                       struct cs_vec *ret, struct cs_err *err)
{
    sqlite3_stmt *st = cs_db_stmt(db,
                                  "SELECT " OS_COLS ", COUNT(*) OVER ()" OS_FROM
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
    cs_db_bind_page(st, 5, page);
    return cs_db_many_rows(db, st, CS_DB_NCOLS(os_cols), read_os, ret, err);
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

#define T(kind, f) CS_DB_COL(kind, struct cs_template, f)
static const struct cs_db_col template_cols[] = {
    T(I64, id), T(TEXT, uuid), T(TEXT, name), T(TEXT, displaytext), T(TEXT, format),
    T(TEXT, hypervisor), T(I64, os_type_id), T(TEXT, url), T(TEXT, checksum), T(TEXT, type),
    T(BOOL, ispublic), T(BOOL, isfeatured), T(BOOL, isextractable), T(BOOL, passwordenabled),
    T(BOOL, sshkeyenabled), T(BOOL, bootable), T(BOOL, requireshvm), T(BOOL, isdynamicallyscalable),
    T(I64, account_id), T(I64, domain_id), T(I64, zone_id), T(I64, size), T(TEXT, status),
    T(BOOL, isready), T(I64, created), T(I64, removed), T(TEXT, os_type_uuid),
    T(TEXT, os_type_name), T(TEXT, account_uuid), T(TEXT, account_name), T(TEXT, domain_uuid),
    T(TEXT, domain_name),
};
#undef T

CS_DB_DEFINE_READER(read_template, template_cols)

#define L(kind, f) CS_DB_COL(kind, struct cs_template, f)
static const struct cs_db_col listed_cols[] = {
    L(I64, listed_zone_id), L(TEXT, listed_zone_uuid), L(TEXT, listed_zone_name),
};
#undef L

static void read_listed_template(sqlite3_stmt *st, void *p)
{
    read_template(st, p);
    CS_DB_READ(st, CS_DB_NCOLS(template_cols), listed_cols, p);
}

int cs_db_template_insert(struct cs_db *db, struct cs_template *t, struct cs_err *err)
{
    cs_db_new_identity(t->uuid, &t->created);
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
    cs_db_bind_ref(st, 1, t->id);
    cs_db_bind_text(st, 2, t->uuid);
    cs_db_bind_text(st, 3, t->name);
    cs_db_bind_opt(st, 4, t->displaytext);
    cs_db_bind_text(st, 5, t->format);
    cs_db_bind_text(st, 6, t->hypervisor);
    cs_db_bind_ref(st, 7, t->os_type_id);
    cs_db_bind_opt(st, 8, t->url);
    cs_db_bind_opt(st, 9, t->checksum);
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
    cs_db_bind_ref(st, 21, t->zone_id);
    cs_db_bind_int(st, 22, t->size);
    cs_db_bind_text(st, 23, t->status);
    cs_db_bind_int(st, 24, t->isready);
    cs_db_bind_int(st, 25, t->created);
    return cs_db_insert_done(db, st, &t->id, err);
}

int cs_db_template_get(struct cs_db *db, int64_t id, struct cs_template *ret,
                       struct cs_err *err)
{
    return cs_db_one_by_id(db, "SELECT " TPL_COLS TPL_FROM " WHERE t.id = ?1", id, read_template,
                           ret, "template", err);
}

int cs_db_template_find(struct cs_db *db, const char *name, struct cs_template *ret,
                        struct cs_err *err)
{
    return cs_db_one_by_text(db,
                             "SELECT " TPL_COLS TPL_FROM
                             " WHERE t.name = ?1 AND t.removed IS NULL ORDER BY t.id LIMIT 1",
                             name, read_template, ret, "template", err);
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
    cs_db_bind_page(st, 12, page);
    return cs_db_many_rows(db, st, CS_DB_NCOLS(template_cols) + CS_DB_NCOLS(listed_cols),
                           read_listed_template, ret, err);
}
