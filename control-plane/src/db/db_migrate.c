/* Versioned schema migrations, run at open: an ordered list of SQL scripts keyed by
 * PRAGMA user_version. Append new migrations; never edit a released one. */
#include "db_migrate.h"

#include <stdio.h>

static const char *const migrations[] = {
    /* 1: the walking skeleton */
    "CREATE TABLE domain ("
    "  id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, name TEXT NOT NULL,"
    "  path TEXT NOT NULL, parent_id INTEGER REFERENCES domain(id), level INTEGER NOT NULL,"
    "  state TEXT NOT NULL DEFAULT 'Active', created INTEGER NOT NULL, removed INTEGER);"
    "CREATE TABLE role ("
    "  id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, name TEXT NOT NULL, type TEXT NOT NULL,"
    "  description TEXT, is_default INTEGER NOT NULL DEFAULT 0);"
    "CREATE TABLE account ("
    "  id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, name TEXT NOT NULL,"
    "  type INTEGER NOT NULL, domain_id INTEGER NOT NULL REFERENCES domain(id),"
    "  role_id INTEGER REFERENCES role(id), state TEXT NOT NULL DEFAULT 'enabled',"
    "  created INTEGER NOT NULL, removed INTEGER);"
    "CREATE UNIQUE INDEX account_name ON account(domain_id, name) WHERE removed IS NULL;"
    "CREATE TABLE user ("
    "  id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, username TEXT NOT NULL,"
    "  password TEXT, firstname TEXT, lastname TEXT, email TEXT, timezone TEXT,"
    "  account_id INTEGER NOT NULL REFERENCES account(id), state TEXT NOT NULL DEFAULT 'enabled',"
    "  api_key TEXT UNIQUE, secret_key TEXT, source TEXT NOT NULL DEFAULT 'native',"
    "  created INTEGER NOT NULL, removed INTEGER);"
    "CREATE TABLE zone ("
    "  id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, name TEXT NOT NULL, description TEXT,"
    "  dns1 TEXT, dns2 TEXT, internaldns1 TEXT, internaldns2 TEXT, guestcidr TEXT,"
    "  domain TEXT, networktype TEXT NOT NULL, allocation_state TEXT NOT NULL,"
    "  localstorage INTEGER NOT NULL DEFAULT 0, securitygroups INTEGER NOT NULL DEFAULT 0,"
    "  created INTEGER NOT NULL, removed INTEGER);"
    "CREATE TABLE pod ("
    "  id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, name TEXT NOT NULL,"
    "  zone_id INTEGER NOT NULL REFERENCES zone(id), gateway TEXT, netmask TEXT, startip TEXT,"
    "  endip TEXT, allocation_state TEXT NOT NULL, created INTEGER NOT NULL, removed INTEGER);"
    "CREATE TABLE cluster ("
    "  id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, name TEXT NOT NULL,"
    "  zone_id INTEGER NOT NULL REFERENCES zone(id), pod_id INTEGER NOT NULL REFERENCES pod(id),"
    "  hypervisor TEXT NOT NULL, cluster_type TEXT NOT NULL, allocation_state TEXT NOT NULL,"
    "  managed_state TEXT NOT NULL DEFAULT 'Managed', cpu_overcommit REAL NOT NULL DEFAULT 1.0,"
    "  mem_overcommit REAL NOT NULL DEFAULT 1.0, created INTEGER NOT NULL, removed INTEGER);"
    "CREATE TABLE host ("
    "  id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, name TEXT NOT NULL,"
    "  zone_id INTEGER NOT NULL REFERENCES zone(id), pod_id INTEGER NOT NULL REFERENCES pod(id),"
    "  cluster_id INTEGER NOT NULL REFERENCES cluster(id), hypervisor TEXT NOT NULL,"
    "  type TEXT NOT NULL DEFAULT 'Routing', url TEXT NOT NULL, status TEXT NOT NULL,"
    "  resource_state TEXT NOT NULL, ipaddress TEXT, hv_version TEXT, arch TEXT, cpu_model TEXT,"
    "  cpu_sockets INTEGER NOT NULL DEFAULT 1, cpu_cores INTEGER NOT NULL, cpu_mhz INTEGER NOT NULL,"
    "  mem_bytes INTEGER NOT NULL, local_storage INTEGER NOT NULL DEFAULT 0,"
    "  cpu_used_mhz INTEGER NOT NULL DEFAULT 0, mem_used_bytes INTEGER NOT NULL DEFAULT 0,"
    "  hosttags TEXT, last_pinged INTEGER, created INTEGER NOT NULL, removed INTEGER);"
    "CREATE INDEX host_cluster ON host(cluster_id);"
    "CREATE INDEX host_zone ON host(zone_id);"
    "CREATE UNIQUE INDEX host_url ON host(url) WHERE removed IS NULL;"
    "CREATE TABLE storage_pool ("
    "  id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, name TEXT NOT NULL,"
    "  zone_id INTEGER NOT NULL REFERENCES zone(id), pod_id INTEGER REFERENCES pod(id),"
    "  cluster_id INTEGER REFERENCES cluster(id), scope TEXT NOT NULL, url TEXT NOT NULL,"
    "  type TEXT NOT NULL, ipaddress TEXT, path TEXT, provider TEXT NOT NULL DEFAULT 'DefaultPrimary',"
    "  capacity_bytes INTEGER NOT NULL, used_bytes INTEGER NOT NULL DEFAULT 0,"
    "  allocated_bytes INTEGER NOT NULL DEFAULT 0, state TEXT NOT NULL DEFAULT 'Up', tags TEXT,"
    "  hypervisor TEXT, created INTEGER NOT NULL, removed INTEGER);"
    "CREATE TABLE image_store ("
    "  id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, name TEXT NOT NULL,"
    "  zone_id INTEGER REFERENCES zone(id), url TEXT NOT NULL, protocol TEXT NOT NULL,"
    "  provider TEXT NOT NULL, scope TEXT NOT NULL, readonly INTEGER NOT NULL DEFAULT 0,"
    "  capacity_bytes INTEGER NOT NULL DEFAULT 0, used_bytes INTEGER NOT NULL DEFAULT 0,"
    "  created INTEGER NOT NULL, removed INTEGER);"
    "CREATE TABLE service_offering ("
    "  id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, name TEXT NOT NULL, displaytext TEXT,"
    "  cpunumber INTEGER, cpuspeed INTEGER, memory INTEGER, offerha INTEGER NOT NULL DEFAULT 0,"
    "  limitcpuuse INTEGER NOT NULL DEFAULT 0, isvolatile INTEGER NOT NULL DEFAULT 0,"
    "  storagetype TEXT NOT NULL DEFAULT 'shared', provisioningtype TEXT NOT NULL DEFAULT 'thin',"
    "  hosttags TEXT, storagetags TEXT, issystem INTEGER NOT NULL DEFAULT 0,"
    "  deploymentplanner TEXT, domain_id INTEGER REFERENCES domain(id),"
    "  zone_id INTEGER REFERENCES zone(id), rootdisksize INTEGER,"
    "  state TEXT NOT NULL DEFAULT 'Active', created INTEGER NOT NULL, removed INTEGER);"
    "CREATE TABLE os_category ("
    "  id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, name TEXT NOT NULL);"
    "CREATE TABLE os_type ("
    "  id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, description TEXT NOT NULL UNIQUE,"
    "  category_id INTEGER NOT NULL REFERENCES os_category(id), created INTEGER NOT NULL,"
    "  removed INTEGER);"
    "CREATE TABLE template ("
    "  id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, name TEXT NOT NULL, displaytext TEXT,"
    "  format TEXT NOT NULL, hypervisor TEXT NOT NULL, os_type_id INTEGER REFERENCES os_type(id),"
    "  url TEXT, checksum TEXT, type TEXT NOT NULL DEFAULT 'USER',"
    "  ispublic INTEGER NOT NULL DEFAULT 0, isfeatured INTEGER NOT NULL DEFAULT 0,"
    "  isextractable INTEGER NOT NULL DEFAULT 0, passwordenabled INTEGER NOT NULL DEFAULT 0,"
    "  sshkeyenabled INTEGER NOT NULL DEFAULT 0, bootable INTEGER NOT NULL DEFAULT 1,"
    "  requireshvm INTEGER NOT NULL DEFAULT 1, isdynamicallyscalable INTEGER NOT NULL DEFAULT 0,"
    "  account_id INTEGER NOT NULL REFERENCES account(id),"
    "  domain_id INTEGER NOT NULL REFERENCES domain(id), zone_id INTEGER REFERENCES zone(id),"
    "  size INTEGER NOT NULL DEFAULT 0, status TEXT NOT NULL, isready INTEGER NOT NULL DEFAULT 0,"
    "  created INTEGER NOT NULL, removed INTEGER);"
    "CREATE TABLE vm ("
    "  id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, name TEXT NOT NULL, displayname TEXT,"
    "  instance_name TEXT NOT NULL, account_id INTEGER NOT NULL REFERENCES account(id),"
    "  domain_id INTEGER NOT NULL REFERENCES domain(id), user_id INTEGER NOT NULL REFERENCES user(id),"
    "  zone_id INTEGER NOT NULL REFERENCES zone(id), pod_id INTEGER REFERENCES pod(id),"
    "  host_id INTEGER REFERENCES host(id), last_host_id INTEGER REFERENCES host(id),"
    "  template_id INTEGER NOT NULL REFERENCES template(id),"
    "  service_offering_id INTEGER NOT NULL REFERENCES service_offering(id),"
    "  state TEXT NOT NULL, ha_enabled INTEGER NOT NULL DEFAULT 0, cpus INTEGER NOT NULL,"
    "  cpu_mhz INTEGER NOT NULL, mem_mb INTEGER NOT NULL, group_name TEXT, password TEXT,"
    "  capacity_host_id INTEGER REFERENCES host(id),"
    "  created INTEGER NOT NULL, updated INTEGER NOT NULL, removed INTEGER);"
    "CREATE INDEX vm_account ON vm(account_id);"
    "CREATE INDEX vm_host ON vm(host_id);"
    "CREATE INDEX vm_state ON vm(state);"
    "CREATE TABLE async_job ("
    "  id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, cmd TEXT NOT NULL, cmd_class TEXT,"
    "  params TEXT NOT NULL, user_id INTEGER NOT NULL, account_id INTEGER NOT NULL,"
    "  domain_id INTEGER NOT NULL, instance_type TEXT, instance_uuid TEXT,"
    "  status INTEGER NOT NULL DEFAULT 0, proc_status INTEGER NOT NULL DEFAULT 0,"
    "  result_code INTEGER NOT NULL DEFAULT 0, result_type TEXT, result TEXT, msid TEXT NOT NULL,"
    "  heartbeat INTEGER, created INTEGER NOT NULL, completed INTEGER, removed INTEGER);"
    "CREATE INDEX async_job_status ON async_job(status);"
    "CREATE INDEX async_job_account ON async_job(account_id);"
    "CREATE TABLE event ("
    "  id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, type TEXT NOT NULL,"
    "  level TEXT NOT NULL, state TEXT NOT NULL, description TEXT NOT NULL,"
    "  user_id INTEGER, account_id INTEGER NOT NULL, domain_id INTEGER NOT NULL,"
    "  resource_type TEXT, resource_uuid TEXT, start_id INTEGER, archived INTEGER NOT NULL DEFAULT 0,"
    "  created INTEGER NOT NULL);"
    "CREATE INDEX event_account ON event(account_id);"
    "CREATE TABLE configuration ("
    "  name TEXT PRIMARY KEY, value TEXT, default_value TEXT, category TEXT NOT NULL,"
    "  description TEXT, scope TEXT NOT NULL DEFAULT 'Global', updated INTEGER);",
};

int cs_db_migrate(struct cs_db *db, int *ret_version, struct cs_err *err)
{
    sqlite3 *h = cs_db_conn(db, err);
    if (!h)
        return -CS_ERR_INTERNAL;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(h, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK)
        return cs_err_set(err, CS_ERR_INTERNAL, "database error: %s", sqlite3_errmsg(h));
    int version = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
    sqlite3_finalize(st);
    int n = (int)(sizeof(migrations) / sizeof(migrations[0]));
    if (version > n)
        return cs_err_set(err, CS_ERR_INTERNAL,
                          "database schema version %d is newer than this cstackd (%d)", version, n);
    for (int v = version; v < n; v++) {
        char pragma[64];
        snprintf(pragma, sizeof(pragma), "PRAGMA user_version = %d", v + 1);
        if (cs_db_begin(db, err) < 0)
            return -CS_ERR_INTERNAL;
        if (cs_db_exec(db, migrations[v], err) < 0 || cs_db_exec(db, pragma, err) < 0) {
            cs_db_rollback(db);
            return -CS_ERR_INTERNAL;
        }
        if (cs_db_commit(db, err) < 0)
            return -CS_ERR_INTERNAL;
    }
    *ret_version = n;
    return 0;
}
