/* The infrastructure, offering and template objects (zone, pod, cluster, host, storagepool,
 * imagestore, serviceoffering, template, ostype, oscategory, hypervisor). */
#ifndef CS_API_VIEW_H
#define CS_API_VIEW_H

#include <jansson.h>

#include "db_infra.h"
#include "db_offering.h"
#include "db_template.h"
#include "svc.h"
#include "svc_infra.h"

/* Every view returns: owned. */
json_t *cs_view_zone(struct cs_svc *svc, const struct cs_zone *z);
json_t *cs_view_pod(struct cs_svc *svc, const struct cs_pod *p);
json_t *cs_view_cluster(struct cs_svc *svc, const struct cs_cluster *c);
json_t *cs_view_host(struct cs_svc *svc, const struct cs_host *h);
json_t *cs_view_storage_pool(struct cs_svc *svc, const struct cs_storage_pool *p);
json_t *cs_view_image_store(struct cs_svc *svc, const struct cs_image_store *s);
json_t *cs_view_hypervisor(struct cs_svc *svc, const struct cs_svc_hypervisor *h);
json_t *cs_view_service_offering(struct cs_svc *svc, const struct cs_service_offering *o);
json_t *cs_view_template(struct cs_svc *svc, const struct cs_template *t);
json_t *cs_view_os_type(struct cs_svc *svc, const struct cs_os_type *t);
json_t *cs_view_os_category(struct cs_svc *svc, const struct cs_os_category *c);

/* A percentage as CloudStack's DecimalFormat("#.##") prints it, with a "%" sign: "12.5%". */
void cs_view_percent(char *out, size_t n, double part, double whole);

#endif
