/* The driver registry and the cs_hv_* wrappers that turn a missing entry into "unsupported". */
#include <string.h>
#include <strings.h>

#include "hv_driver.h"
#include "hv_sim.h"

#include "cs_banned.h"

static const struct cs_hv_driver *const drivers[] = {
    &cs_hv_sim_driver,
    NULL,
};

const struct cs_hv_driver *const *cs_hv_drivers(void)
{
    return drivers;
}

const struct cs_hv_driver *cs_hv_driver_find(const char *name)
{
    for (size_t i = 0; name && drivers[i]; i++) {
        if (strcmp(drivers[i]->name, name) == 0)
            return drivers[i];
    }
    return NULL;
}

const struct cs_hv_driver *cs_hv_driver_for_hypervisor(const char *hypervisor)
{
    for (size_t i = 0; hypervisor && drivers[i]; i++) {
        if (strcasecmp(drivers[i]->hypervisor, hypervisor) == 0)
            return drivers[i];
    }
    return NULL;
}

int cs_hv_open(struct cs_hv *hv, const struct cs_hv_driver *drv, const char *config,
               const struct cs_hv_events *events, struct cs_err *err)
{
    if (!drv)
        return cs_err_set(err, CS_ERR_PARAM, "no hypervisor driver given");
    void *ctx = NULL;
    if (drv->open) {
        int rc = drv->open(&ctx, config, events, err);
        if (rc < 0)
            return rc;
    }
    hv->drv = drv;
    hv->ctx = ctx;
    return 0;
}

void cs_hv_close(struct cs_hv *hv)
{
    if (!hv || !hv->drv)
        return;
    if (hv->drv->close)
        hv->drv->close(hv->ctx);
    hv->drv = NULL;
    hv->ctx = NULL;
}

/* Fails unless hv is open and its driver has the entry. */
#define REQUIRE(hv, entry)                                                                         \
    do {                                                                                           \
        if (!(hv) || !(hv)->drv)                                                                   \
            return cs_err_set(err, CS_ERR_INTERNAL, "hypervisor driver not open");                \
        if (!(hv)->drv->entry)                                                                     \
            return cs_err_set(err, CS_ERR_UNSUPPORTED, "driver '%s' does not support %s",        \
                              (hv)->drv->name, #entry);                                            \
    } while (0)

int cs_hv_host_connect(struct cs_hv *hv, const struct cs_hv_host_spec *spec,
                       struct cs_hv_host_facts *ret_facts, struct cs_err *err)
{
    REQUIRE(hv, host_connect);
    return hv->drv->host_connect(hv->ctx, spec, ret_facts, err);
}

int cs_hv_host_disconnect(struct cs_hv *hv, const char *host_uuid, struct cs_err *err)
{
    REQUIRE(hv, host_disconnect);
    return hv->drv->host_disconnect(hv->ctx, host_uuid, err);
}

int cs_hv_vm_start(struct cs_hv *hv, const char *host_uuid, const struct cs_hv_vm_spec *vm,
                   struct cs_err *err)
{
    REQUIRE(hv, vm_start);
    return hv->drv->vm_start(hv->ctx, host_uuid, vm, err);
}

int cs_hv_vm_stop(struct cs_hv *hv, const char *host_uuid, const char *vm_uuid, bool forced,
                  struct cs_err *err)
{
    REQUIRE(hv, vm_stop);
    return hv->drv->vm_stop(hv->ctx, host_uuid, vm_uuid, forced, err);
}

int cs_hv_vm_reboot(struct cs_hv *hv, const char *host_uuid, const char *vm_uuid,
                    struct cs_err *err)
{
    REQUIRE(hv, vm_reboot);
    return hv->drv->vm_reboot(hv->ctx, host_uuid, vm_uuid, err);
}

int cs_hv_vm_destroy(struct cs_hv *hv, const char *host_uuid, const char *vm_uuid,
                     struct cs_err *err)
{
    REQUIRE(hv, vm_destroy);
    return hv->drv->vm_destroy(hv->ctx, host_uuid, vm_uuid, err);
}

int cs_hv_vm_power(struct cs_hv *hv, const char *host_uuid, const char *vm_uuid,
                   enum cs_hv_power *ret_power, struct cs_err *err)
{
    REQUIRE(hv, vm_power);
    return hv->drv->vm_power(hv->ctx, host_uuid, vm_uuid, ret_power, err);
}

int cs_hv_vm_list(struct cs_hv *hv, const char *host_uuid,
                  void (*fn)(void *ud, const struct cs_hv_vm_report *vm), void *ud,
                  struct cs_err *err)
{
    REQUIRE(hv, vm_list);
    return hv->drv->vm_list(hv->ctx, host_uuid, fn, ud, err);
}

int cs_hv_vm_adopt(struct cs_hv *hv, const char *host_uuid, const struct cs_hv_vm_spec *vm,
                   enum cs_hv_power power, struct cs_err *err)
{
    REQUIRE(hv, vm_adopt);
    return hv->drv->vm_adopt(hv->ctx, host_uuid, vm, power, err);
}
