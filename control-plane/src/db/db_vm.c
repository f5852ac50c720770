/* Virtual machines as stored, with the names of what they refer to. */
#include "db_vm.h"

#include <string.h>

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
#define VM_NCOLS 43

static void read_vm(sqlite3_stmt *st, void *p)
{
    struct cs_vm *v = p;
    int c = 0;
    v->id = sqlite3_column_int64(st, c++);
    cs_db_col_text(st, c++, v->uuid, sizeof(v->uuid));
    cs_db_col_text(st, c++, v->name, sizeof(v->name));
    cs_db_col_text(st, c++, v->displayname, sizeof(v->displayname));
    cs_db_col_text(st, c++, v->instance_name, sizeof(v->instance_name));
    v->account_id = sqlite3_column_int64(st, c++);
    v->domain_id = sqlite3_column_int64(st, c++);
    v->user_id = sqlite3_column_int64(st, c++);
    v->zone_id = sqlite3_column_int64(st, c++);
    v->pod_id = sqlite3_column_int64(st, c++);
    v->host_id = sqlite3_column_int64(st, c++);
    v->last_host_id = sqlite3_column_int64(st, c++);
    v->template_id = sqlite3_column_int64(st, c++);
    v->service_offering_id = sqlite3_column_int64(st, c++);
    v->capacity_host_id = sqlite3_column_int64(st, c++);
    cs_db_col_text(st, c++, v->state, sizeof(v->state));
    v->ha_enabled = sqlite3_column_int(st, c++) != 0;
    v->cpus = sqlite3_column_int(st, c++);
    v->cpu_mhz = sqlite3_column_int(st, c++);
    v->mem_mb = sqlite3_column_int64(st, c++);
    cs_db_col_text(st, c++, v->group, sizeof(v->group));
    v->created = sqlite3_column_int64(st, c++);
    v->updated = sqlite3_column_int64(st, c++);
    cs_db_col_text(st, c++, v->account, sizeof(v->account));
    cs_db_col_text(st, c++, v->domain, sizeof(v->domain));
    cs_db_col_text(st, c++, v->domain_path, sizeof(v->domain_path));
    cs_db_col_text(st, c++, v->username, sizeof(v->username));
    cs_db_col_text(st, c++, v->account_uuid, sizeof(v->account_uuid));
    cs_db_col_text(st, c++, v->domain_uuid, sizeof(v->domain_uuid));
    cs_db_col_text(st, c++, v->user_uuid, sizeof(v->user_uuid));
    cs_db_col_text(st, c++, v->zone_uuid, sizeof(v->zone_uuid));
    cs_db_col_text(st, c++, v->zone_name, sizeof(v->zone_name));
    cs_db_col_text(st, c++, v->host_uuid, sizeof(v->host_uuid));
    cs_db_col_text(st, c++, v->host_name, sizeof(v->host_name));
    cs_db_col_text(st, c++, v->template_uuid, sizeof(v->template_uuid));
    cs_db_col_text(st, c++, v->template_name, sizeof(v->template_name));
    cs_db_col_text(st, c++, v->template_displaytext, sizeof(v->template_displaytext));
    cs_db_col_text(st, c++, v->offering_uuid, sizeof(v->offering_uuid));
    cs_db_col_text(st, c++, v->offering_name, sizeof(v->offering_name));
    cs_db_col_text(st, c++, v->hypervisor, sizeof(v->hypervisor));
    v->password_enabled = sqlite3_column_int(st, c++) != 0;
    cs_db_col_text(st, c++, v->ostype_uuid, sizeof(v->ostype_uuid));
    cs_db_col_text(st, c++, v->ostype_name, sizeof(v->ostype_name));
}

static void bind_opt_id(sqlite3_stmt *st, int i, int64_t id)
{
    if (id > 0)
        cs_db_bind_int(st, i, id);
    else
        sqlite3_bind_null(st, i);
}

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
    bind_opt_id(st, 9, vm->pod_id);
    bind_opt_id(st, 10, vm->host_id);
    cs_db_bind_int(st, 11, vm->template_id);
    cs_db_bind_int(st, 12, vm->service_offering_id);
    cs_db_bind_text(st, 13, vm->state);
    cs_db_bind_int(st, 14, vm->ha_enabled);
    cs_db_bind_int(st, 15, vm->cpus);
    cs_db_bind_int(st, 16, vm->cpu_mhz);
    cs_db_bind_int(st, 17, vm->mem_mb);
    cs_db_bind_text(st, 18, vm->group[0] ? vm->group : NULL);
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
    sqlite3_stmt *st = cs_db_stmt(db, VM_SELECT " WHERE v.id = ?1", err);
    if (!st)
        return -CS_ERR_INTERNAL;
    cs_db_bind_int(st, 1, id);
    return cs_db_one_row(db, st, read_vm, ret, "virtual machine", err);
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
    cs_db_bind_int(st, 13, page.limit);
    cs_db_bind_int(st, 14, page.offset);
    return cs_db_many_rows(db, st, VM_NCOLS, read_vm, ret, err);
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

static void read_facts(sqlite3_stmt *st, void *p)
{
    struct cs_vm_deploy_facts *f = p;
    int c = 0;
    cs_db_col_text(st, c++, f->zone_state, sizeof(f->zone_state));
    cs_db_col_text(st, c++, f->zone_uuid, sizeof(f->zone_uuid));
    f->template_ready = sqlite3_column_int(st, c++) != 0;
    f->template_public = sqlite3_column_int(st, c++) != 0;
    f->template_removed = sqlite3_column_type(st, c++) != SQLITE_NULL;
    f->template_account_id = sqlite3_column_int64(st, c++);
    cs_db_col_text(st, c++, f->template_uuid, sizeof(f->template_uuid));
    cs_db_col_text(st, c++, f->hypervisor, sizeof(f->hypervisor));
    f->template_size = sqlite3_column_int64(st, c++);
    f->cpus = sqlite3_column_int(st, c++);
    f->cpu_mhz = sqlite3_column_int(st, c++);
    f->mem_mb = sqlite3_column_int64(st, c++);
    f->offerha = sqlite3_column_int(st, c++) != 0;
    f->offering_removed = sqlite3_column_type(st, c++) != SQLITE_NULL;
    f->offering_system = sqlite3_column_int(st, c++) != 0;
}

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
