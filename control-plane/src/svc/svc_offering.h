/* The rules of service offerings: what a VM size may be, and who may use it. */
#ifndef CS_SVC_OFFERING_H
#define CS_SVC_OFFERING_H

#include "db_offering.h"
#include "svc.h"

/* createServiceOffering (root admins). cpunumber, cpuspeed and memory are all given (a fixed
 * offering) or all 0 (a custom one, sized at deploy time); displaytext defaults to the name;
 * storagetype shared|local, provisioningtype thin|sparse|fat. Duplicate names are allowed, as
 * in CloudStack. */
int cs_svc_service_offering_create(struct cs_svc *svc, const struct cs_svc_caller *caller,
                                   const struct cs_service_offering *in,
                                   struct cs_service_offering *ret_offering, struct cs_err *err);
int cs_svc_service_offering_get(struct cs_svc *svc, int64_t id, struct cs_service_offering *ret,
                                struct cs_err *err);
/* Non-admins see public offerings and those of their domain, never system ones. */
int cs_svc_service_offering_list(struct cs_svc *svc, const struct cs_svc_caller *caller,
                                 struct cs_service_offering_filter *f, struct cs_page page,
                                 struct cs_vec *ret, struct cs_err *err);

#endif
