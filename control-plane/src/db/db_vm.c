/* Virtual machines as stored, with the names of what they refer to. */
#include "db_vm.h"
#include "db_row.h"
#include "util_time.h"
#include "util_uuid.h"

#define VM_SELECT                                                                                  \
    "SELECT v.id, v.uuid, v.name, v.displayname, v.instance_name, v.account_id, v.domain_id,"      \
    " v.user_id, v.zone_id, v.pod_id, v.host_id, v.last_host_id, v.template_id,"                   \
    " v.service_offering_id, v.capacity_host_id, v.state, v.ha_enabled, v.cpus, v.cpu_mhz,"        \
    " v.mem_mb, v.group_name, v.created, v.updated,"                                               \
    " a.name, d.name, d.path, u.username, a.uuid, d.uuid, u.uuid, z.uuid, z.name,"                 \
    " h.uuid, h.name, t.uuid, t.name, t.displaytext, so.uuid, so.name, t.hypervisor,"              \
    " t.passwordenabled, os.uuid, os.description"                                                  \
    " FROM vm v JOIN account a ON a.id = v.account_id JOIN domain d ON d.id = v.domain_id"         \
    " JOIN user u ON u.id = v.user_id JOIN zone z ON z.id = v.zone_id"                             \
    " LEFT JOIN host h ON h.id = v.host_id JOIN template t ON t.id = v.template_id"                \
    " JOIN service_offering so ON so.id = v.service_offering_id"                                   \
    " LEFT JOIN os_type os ON os.id = t.os_type_id"

#define V(kind, f) CS_DB_COL(kind, struct cs_vm, f)
static const struct cs_db_col vm_cols[] = {
    V(I64, id), V(TEXT, uuid), V(TEXT, name), V(TEXT, displayname), V(TEXT, instance_name),
    V(I64, account_id), V(I64, domain_id), V(I64, user_id), V(I64, zone_id), V(I64, pod_id),
    V(I64, host_id), V(I64, last_host_id), V(I64, template_id), V(I64, service_offering_id),
    V(I64, capacity_host_id), V(TEXT, state), V(BOOL, ha_enabled), V(INT, cpus), V(INT, cpu_mhz),
    V(I64, mem_mb), V(TEXT, group), V(I64, created), V(I64, updated), V(TEXT, account),
    V(TEXT, domain), V(TEXT, domain_path), V(TEXT, username), V(TEXT, account_uuid),
    V(TEXT, domain_uuid), V(TEXT, user_uuid), V(TEXT, zone_uuid), V(TEXT, zone_name),
    V(TEXT, host_uuid), V(TEXT, host_name), V(TEXT, template_uuid), V(TEXT, template_name),
    V(TEXT, template_displaytext), V(TEXT, offering_uuid), V(TEXT, offering_name),
    V(TEXT, hypervisor), V(BOOL, password_enabled), V(TEXT, ostype_uuid), V(TEXT, ostype_name),
};
#undef V

CS_DB_DEFINE_READER(read_vm, vm_cols)

int cs_db_vm_insert(struct cs_db *db, struct cs_vm *vm, struct cs_err *err)
{
    if (!vm->uuid[0])
        cs_util_uuid_new(vm->uuid);
    vm->created = vm->updated = cs_util_now();
    sqlite3_stmt *st = cs_db_stmt(
        db,
        "INSERT INTO vm (uuid, name, displayname, instance_name, account_id, domain_id, user_id,"
        " zone_id, pod_id, host_id, template_id, service_offering_id, state, ha_enabled, cpus,"
        " cpu_mhz, mem_mb, group_name, created, updated)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,"
        " ?18, ?19, ?19)",
        err);
    if (!st)
        return -CS_ERR_INTERNAL;
    cs_db_bind_text(st, 1, vm->uuid);
    cs_db_bind_text(st, 2, vm->name);
    cs_db_bind_text(st, 3, vm->displayname);
    cs_db_bind_text(st, 4, vm->instance_name);
    cs_db_bind_int(st, 5, vm->account_id);
    cs_db_bind_int(st, 6, vm->domain_id);
    cs_db_bind_int(st, 7, vm->user_id);
    cs_db_bind_int(st, 8, vm->zone_id);
    cs_db_bind_pos(st, 9, vm->pod_id);
    cs_db_bind_pos(st, 10, vm->host_id);
    cs_db_bind_int(st, 11, vm->template_id);
    cs_db_bind_int(st, 12, vm->service_offering_id);
    cs_db_bind_text(st, 13, vm->state);
    cs_db_bind_int(st, 14, vm->ha_enabled);
    cs_db_bind_int(st, 15, vm->cpus);
    cs_db_bind_int(st, 16, vm->cpu_mhz);
    cs_db_bind_int(st, 17, vm->mem_mb);
    cs_db_bind_opt(st, 18, vm->group);
    cs_db_bind_int(st, 19, vm->created);
    int rc = cs_db_step_done(db, st, err);
    if (rc < 0)
        return rc;
    vm->id = cs_db_last_id(db);
    /* The hypervisor-side name CloudStack uses: i-<account id>-<vm id>-<instance.name>. */
    st = cs_db_stmt(db,
                    "UPDATE vm SET instance_name = printf('i-%d-%d-%s', account_id, id, ?2)"
                    " WHERE id = ?1 RETURNING instance_name",
                    err);
    if (!st)
        return -CS_ERR_INTERNAL;
    cs_db_bind_int(st, 1, vm->id);
    cs_db_bind_text(st, 2, vm->instance_name[0] ? vm->instance_name : "VM");
    rc = cs_db_step(db, st, err);
    if (rc == 1)
        cs_db_col_text(st, 0, vm->instance_name, sizeof(vm->instance_name));
    sqlite3_reset(st);
    return rc < 0 ? rc : 0;
}

int cs_db_vm_get(struct cs_db *db, int64_t id, struct cs_vm *ret, struct cs_err *err)
{
    return cs_db_one_by_id(db, VM_SELECT " WHERE v.id = ?1", id, read_vm, ret, "virtual machine",
                           err);
}

int cs_db_vm_list(struct cs_db *db, const struct cs_vm_filter *f, struct cs_page page,
                  struct cs_vec *ret, struct cs_err *err)
{
    sqlite3_stmt *st = cs_db_stmt(
        db,
        "SELECT * FROM (" VM_SELECT
        " WHERE v.removed IS NULL AND (?1 = 0 OR v.id = ?1) AND (?2 = 0 OR v.account_id = ?2)"
        " AND (?3 IS NULL OR substr(d.path, 1, length(?3)) = ?3)"
        " AND (?4 IS NULL OR v.name = ?4)"
        " AND (?5 IS NULL OR instr(v.name, ?5) > 0 OR instr(v.displayname, ?5) > 0)"
        " AND (?6 IS NULL OR v.state = ?6) AND (?7 = 0 OR v.zone_id = ?7)"
        " AND (?8 = 0 OR v.host_id = ?8) AND (?9 = 0 OR v.template_id = ?9)"
        " AND (?10 = 0 OR v.service_offering_id = ?10)"
        " AND (?11 IS NULL OR instr(',' || ?11 || ',', ',' || v.uuid || ',') > 0)"
        " AND (?12 OR v.state <> 'Destroyed' OR ?6 = 'Destroyed')"
        " AND v.state NOT IN ('Expunging')"
        " ORDER BY v.id) LEFT JOIN (SELECT COUNT(*) FROM vm v JOIN domain d ON d.id = v.domain_id"
        " WHERE v.removed IS NULL AND (?1 = 0 OR v.id = ?1) AND (?2 = 0 OR v.account_id = ?2)"
        " AND (?3 IS NULL OR substr(d.path, 1, length(?3)) = ?3)"
        " AND (?4 IS NULL OR v.name = ?4)"
        " AND (?5 IS NULL OR instr(v.name, ?5) > 0 OR instr(v.displayname, ?5) > 0)"
        " AND (?6 IS NULL OR v.state = ?6) AND (?7 = 0 OR v.zone_id = ?7)"
        " AND (?8 = 0 OR v.host_id = ?8) AND (?9 = 0 OR v.template_id = ?9)"
        " AND (?10 = 0 OR v.service_offering_id = ?10)"
        " AND (?11 IS NULL OR instr(',' || ?11 || ',', ',' || v.uuid || ',') > 0)"
        " AND (?12 OR v.state <> 'Destroyed' OR ?6 = 'Destroyed')"
        " AND v.state NOT IN ('Expunging')) ORDER BY 1 LIMIT ?13 OFFSET ?14",
        err);
    if (!st)
        return -CS_ERR_INTERNAL;
    cs_db_bind_int(st, 1, f->id);
    cs_db_bind_int(st, 2, f->account_id);
    cs_db_bind_text(st, 3, f->domain_path);
    cs_db_bind_text(st, 4, f->name);
    cs_db_bind_text(st, 5, f->keyword);
    cs_db_bind_text(st, 6, f->state);
    cs_db_bind_int(st, 7, f->zone_id);
    cs_db_bind_int(st, 8, f->host_id);
    cs_db_bind_int(st, 9, f->template_id);
    cs_db_bind_int(st, 10, f->service_offering_id);
    cs_db_bind_text(st, 11, f->ids_csv);
    cs_db_bind_int(st, 12, f->include_destroyed);
    cs_db_bind_page(st, 13, page);
    return cs_db_many_rows(db, st, CS_DB_NCOLS(vm_cols), read_vm, ret, err);
}

int cs_db_vm_list_in_states(struct cs_db *db, const char *const *states, struct cs_vec *ret,
                            struct cs_err *err)
{
    sqlite3_stmt *st =
        cs_db_stmt(db, VM_SELECT " WHERE v.removed IS NULL AND v.state = ?1 ORDER BY v.id", err);
    if (!st)
        return -CS_ERR_INTERNAL;
    for (; *states; states++) {
        cs_db_bind_text(st, 1, *states);
        int rc;
        while ((rc = cs_db_step(db, st, err)) == 1)
            read_vm(st, cs_util_vec_push(ret));
        sqlite3_reset(st);
        if (rc < 0)
            return rc;
    }
    ret->total = (int64_t)ret->n;
    return 0;
}

int cs_db_vm_transition(struct cs_db *db, int64_t id, const char *from, const char *to,
                        int64_t host_id, int64_t capacity_host_id, struct cs_err *err)
{
    sqlite3_stmt *st = cs_db_stmt(
        db,
        "UPDATE vm SET state = ?3, updated = ?4,"
        " last_host_id = CASE WHEN ?5 = 0 AND host_id IS NOT NULL THEN host_id"
        "   ELSE last_host_id END,"
        " host_id = CASE WHEN ?5 < 0 THEN host_id WHEN ?5 = 0 THEN NULL ELSE ?5 END,"
        " pod_id = CASE WHEN ?5 > 0 THEN (SELECT pod_id FROM host WHERE id = ?5) ELSE pod_id END,"
        " capacity_host_id = CASE WHEN ?6 < 0 THEN capacity_host_id WHEN ?6 = 0 THEN NULL"
        "   ELSE ?6 END"
        " WHERE id = ?1 AND state = ?2 AND removed IS NULL",
        err);
    if (!st)
        return -CS_ERR_INTERNAL;
    cs_db_bind_int(st, 1, id);
    cs_db_bind_text(st, 2, from);
    cs_db_bind_text(st, 3, to);
    cs_db_bind_int(st, 4, cs_util_now());
    cs_db_bind_int(st, 5, host_id);
    cs_db_bind_int(st, 6, capacity_host_id);
    int rc = cs_db_step_done(db, st, err);
    if (rc < 0)
        return rc;
    if (cs_db_changes(db) != 1)
        return cs_err_set(err, CS_ERR_STATE, "virtual machine is not in state %s", from);
    return 0;
}

int cs_db_vm_remove(struct cs_db *db, int64_t id, struct cs_err *err)
{
    sqlite3_stmt *st = cs_db_stmt(
        db,
        "UPDATE vm SET removed = ?2, updated = ?2, host_id = NULL, capacity_host_id = NULL"
        " WHERE id = ?1",
        err);
    if (!st)
        return -CS_ERR_INTERNAL;
    cs_db_bind_int(st, 1, id);
    cs_db_bind_int(st, 2, cs_util_now());
    return cs_db_step_done(db, st, err);
}

int cs_db_host_add_used(struct cs_db *db, int64_t host_id, int64_t cpu_mhz, int64_t mem_bytes,
                        struct cs_err *err)
{
    sqlite3_stmt *st = cs_db_stmt(db,
                                  "UPDATE host SET cpu_used_mhz = max(0, cpu_used_mhz + ?2),"
                                  " mem_used_bytes = max(0, mem_used_bytes + ?3) WHERE id = ?1",
                                  err);
    if (!st)
        return -CS_ERR_INTERNAL;
    cs_db_bind_int(st, 1, host_id);
    cs_db_bind_int(st, 2, cpu_mhz);
    cs_db_bind_int(st, 3, mem_bytes);
    return cs_db_step_done(db, st, err);
}

#define F(kind, f) CS_DB_COL(kind, struct cs_vm_deploy_facts, f)
static const struct cs_db_col facts_cols[] = {
    F(TEXT, zone_state), F(TEXT, zone_uuid), F(BOOL, template_ready), F(BOOL, template_public),
    F(NOTNULL, template_removed), F(I64, template_account_id), F(TEXT, template_uuid),
    F(TEXT, hypervisor), F(I64, template_size), F(INT, cpus), F(INT, cpu_mhz), F(I64, mem_mb),
    F(BOOL, offerha), F(NOTNULL, offering_removed), F(BOOL, offering_system),
};
#undef F

CS_DB_DEFINE_READER(read_facts, facts_cols)

int cs_db_vm_deploy_facts(struct cs_db *db, int64_t zone_id, int64_t template_id,
                          int64_t offering_id, struct cs_vm_deploy_facts *ret, struct cs_err *err)
{
    sqlite3_stmt *st = cs_db_stmt(
        db,
        "SELECT z.allocation_state, z.uuid, t.isready, t.ispublic, t.removed, t.account_id,"
        " t.uuid, t.hypervisor, t.size, so.cpunumber, so.cpuspeed, so.memory, so.offerha,"
        " so.removed, so.issystem FROM zone z, template t, service_offering so"
        " WHERE z.id = ?1 AND t.id = ?2 AND so.id = ?3",
        err);
    if (!st)
        return -CS_ERR_INTERNAL;
    cs_db_bind_int(st, 1, zone_id);
    cs_db_bind_int(st, 2, template_id);
    cs_db_bind_int(st, 3, offering_id);
    return cs_db_one_row(db, st, read_facts, ret, "zone, template or service offering", err);
}

int cs_db_host_recompute_used(struct cs_db *db, struct cs_err *err)
{
    return cs_db_exec(db,
                      "UPDATE host SET"
                      " cpu_used_mhz = (SELECT COALESCE(SUM(cpus * cpu_mhz), 0) FROM vm"
                      "   WHERE capacity_host_id = host.id AND removed IS NULL),"
                      " mem_used_bytes = (SELECT COALESCE(SUM(mem_mb * 1048576), 0) FROM vm"
                      "   WHERE capacity_host_id = host.id AND removed IS NULL)",
                      err);
}
