/* The rules of service offerings: what a VM size may be, and who may use it. */
#include "svc_offering.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

static bool pick(const char *v, const char *const *allowed, char *out, size_t n)
{
    for (; *allowed; allowed++)
        if (strcasecmp(v, *allowed) == 0) {
            snprintf(out, n, "%s", *allowed);
            return true;
        }
    return false;
}

static int check_sizes(const struct cs_service_offering *o, struct cs_err *err)
{
    bool any = o->cpunumber || o->cpuspeed || o->memory;
    bool all = o->cpunumber && o->cpuspeed && o->memory;
    if (o->cpunumber < 0)
        return cs_err_set(err, CS_ERR_PARAM,
                          "Failed to create service offering %s: specify the cpu number value "
                          "between 1 and 2147483647",
                          o->name);
    if (o->cpuspeed < 0)
        return cs_err_set(err, CS_ERR_PARAM,
                          "Failed to create service offering %s: specify the cpu speed value "
                          "between 1 and 2147483647",
                          o->name);
    if (o->memory < 0 || o->memory > 2147483647)
        return cs_err_set(err, CS_ERR_PARAM,
                          "Failed to create service offering %s: specify the memory value "
                          "between 1 and 2147483647 MB",
                          o->name);
    if (any && !all)
        return cs_err_set(err, CS_ERR_PARAM,
                          "For creating a custom compute offering cpu, cpu speed and memory all "
                          "should be null");
    return 0;
}

int cs_svc_service_offering_create(struct cs_svc *svc, const struct cs_svc_caller *caller,
                                   const struct cs_service_offering *in,
                                   struct cs_service_offering *ret_offering, struct cs_err *err)
{
    if (caller && !cs_svc_caller_is_admin(caller))
        return cs_err_set(err, CS_ERR_PERMISSION,
                          "the caller is not authorized to create service offerings");
    struct cs_service_offering o = *in;
    o.id = 0;
    o.uuid[0] = '\0';
    o.created = 0;
    if (!o.name[0])
        return cs_err_set(err, CS_ERR_PARAM, "Failed to create service offering: specify the name");
    if (!o.displaytext[0])
        snprintf(o.displaytext, sizeof(o.displaytext), "%s", o.name);
    if (check_sizes(&o, err) < 0)
        return -CS_ERR_PARAM;
    static const char *const storage[] = {"shared", "local", NULL};
    static const char *const prov[] = {"thin", "sparse", "fat", NULL};
    char v[16];
    if (!pick(o.storagetype[0] ? o.storagetype : "shared", storage, v, sizeof(v)))
        return cs_err_set(err, CS_ERR_PARAM, "Invalid storage type %s specified, valid types "
                          "are: 'local' and 'shared'", o.storagetype);
    snprintf(o.storagetype, sizeof(o.storagetype), "%s", v);
    if (!pick(o.provisioningtype[0] ? o.provisioningtype : "thin", prov, v, sizeof(v)))
        return cs_err_set(err, CS_ERR_PARAM, "Invalid provisioning type %s", o.provisioningtype);
    snprintf(o.provisioningtype, sizeof(o.provisioningtype), "%s", v);
    if (o.rootdisksize < 0)
        return cs_err_set(err, CS_ERR_PARAM, "The Root disk size is of %lld GB but it must be "
                          "greater than 0", (long long)o.rootdisksize);
    snprintf(o.state, sizeof(o.state), "Active");
    if (cs_db_begin(svc->db, err) < 0)
        return -CS_ERR_INTERNAL;
    int rc = cs_db_service_offering_insert(svc->db, &o, err);
    if (rc == 0 && cs_db_commit(svc->db, err) < 0)
        rc = -CS_ERR_INTERNAL;
    if (rc < 0) {
        cs_db_rollback(svc->db);
        return rc;
    }
    return cs_db_service_offering_get(svc->db, o.id, ret_offering, err);
}

int cs_svc_service_offering_get(struct cs_svc *svc, int64_t id, struct cs_service_offering *ret,
                                struct cs_err *err)
{
    return cs_db_service_offering_get(svc->db, id, ret, err);
}

int cs_svc_service_offering_list(struct cs_svc *svc, const struct cs_svc_caller *caller,
                                 struct cs_service_offering_filter *f, struct cs_page page,
                                 struct cs_vec *ret, struct cs_err *err)
{
    if (caller && !cs_svc_caller_is_admin(caller)) {
        if (f->issystem)
            return cs_err_set(err, CS_ERR_PERMISSION,
                              "Only ROOT admins can access system's offering");
        f->domain_id = caller->domain_id;
    }
    return cs_db_service_offering_list(svc->db, f, page, ret, err);
}
