/* The rules of the physical cloud: zones, pods, clusters, hosts, primary and secondary storage. */
#ifndef CS_SVC_INFRA_H
#define CS_SVC_INFRA_H

#include "db_infra.h"
#include "svc.h"

/* Creates a zone from z's name, dns, networktype (Basic|Advanced, any case), guestcidr, domain,
 * localstorage, securitygroups and allocation_state (Enabled|Disabled; empty = Disabled).
 * Duplicate name: CS_ERR_CONFLICT. */
int cs_svc_zone_create(struct cs_svc *svc, const struct cs_svc_caller *caller,
                       const struct cs_zone *z, struct cs_zone *ret_zone, struct cs_err *err);

/* updateZone: NULL fields keep their value; localstorage -1 keeps. */
struct cs_svc_zone_update {
    int64_t id;
    const char *name, *dns1, *dns2, *internaldns1, *internaldns2, *guestcidr, *domain;
    const char *allocation_state;
    int localstorage;
};
int cs_svc_zone_update(struct cs_svc *svc, const struct cs_svc_caller *caller,
                       const struct cs_svc_zone_update *u, struct cs_zone *ret_zone,
                       struct cs_err *err);
int cs_svc_zone_get(struct cs_svc *svc, int64_t id, struct cs_zone *ret, struct cs_err *err);
/* Non-admins see only Enabled zones. */
int cs_svc_zone_list(struct cs_svc *svc, const struct cs_svc_caller *caller,
                     struct cs_zone_filter *f, struct cs_page page, struct cs_vec *ret,
                     struct cs_err *err);

/* Creates a pod from p's zone_id, name, gateway, netmask, startip, endip, allocation_state
 * (empty = Enabled). Duplicate name in the zone: CS_ERR_CONFLICT. */
int cs_svc_pod_create(struct cs_svc *svc, const struct cs_svc_caller *caller,
                      const struct cs_pod *p, struct cs_pod *ret_pod, struct cs_err *err);
int cs_svc_pod_list(struct cs_svc *svc, const struct cs_svc_caller *caller,
                    const struct cs_pod_filter *f, struct cs_page page, struct cs_vec *ret,
                    struct cs_err *err);

/* Creates a cluster from c's zone_id, pod_id, name, hypervisor, cluster_type (CloudManaged |
 * ExternalManaged) and allocation_state (empty = Enabled). */
int cs_svc_cluster_create(struct cs_svc *svc, const struct cs_svc_caller *caller,
                          const struct cs_cluster *c, struct cs_cluster *ret_cluster,
                          struct cs_err *err);
int cs_svc_cluster_list(struct cs_svc *svc, const struct cs_svc_caller *caller,
                        const struct cs_cluster_filter *f, struct cs_page page,
                        struct cs_vec *ret, struct cs_err *err);

/* addHost. cluster_id, or cluster_name (found in the pod, created when absent). */
struct cs_svc_host_add {
    int64_t zone_id, pod_id, cluster_id;
    const char *cluster_name;
    const char *hypervisor;
    const char *url;
    const char *username;
    const char *password;
    const char *allocation_state; /* Enabled (default) | Disabled */
    const char *hosttags;
};
/* Connects the host through its cluster's hypervisor driver, records it (Up) and puts it into
 * the capacity index; all or nothing. */
int cs_svc_host_add(struct cs_svc *svc, const struct cs_svc_caller *caller,
                    const struct cs_svc_host_add *in, struct cs_host *ret_host,
                    struct cs_err *err);
int cs_svc_host_get(struct cs_svc *svc, int64_t id, struct cs_host *ret, struct cs_err *err);
int cs_svc_host_list(struct cs_svc *svc, const struct cs_svc_caller *caller,
                     const struct cs_host_filter *f, struct cs_page page, struct cs_vec *ret,
                     struct cs_err *err);
/* Server start: connects every live host through its driver and puts it into the capacity
 * index with its recorded used capacity. A host whose driver is missing or whose connect fails
 * is marked Disconnected (in the index, not up); that does not fail the start. */
int cs_svc_infra_reconnect_all(struct cs_svc *svc, struct cs_err *err);

/* createStoragePool from p's zone_id, pod_id, cluster_id, name, url, scope (cluster|zone, any
 * case; default cluster when cluster_id is set, else zone), tags, provider, hypervisor and
 * capacity_bytes (0 = 1 TiB, what the simulator reports). */
int cs_svc_storage_pool_create(struct cs_svc *svc, const struct cs_svc_caller *caller,
                               const struct cs_storage_pool *p,
                               struct cs_storage_pool *ret_pool, struct cs_err *err);
int cs_svc_storage_pool_list(struct cs_svc *svc, const struct cs_svc_caller *caller,
                             const struct cs_storage_pool_filter *f, struct cs_page page,
                             struct cs_vec *ret, struct cs_err *err);

/* addImageStore from s's provider (NFS, SMB, S3, Swift), name (default: the url), url and
 * zone_id (0 = region scope). */
int cs_svc_image_store_add(struct cs_svc *svc, const struct cs_svc_caller *caller,
                           const struct cs_image_store *s, struct cs_image_store *ret_store,
                           struct cs_err *err);
int cs_svc_image_store_list(struct cs_svc *svc, const struct cs_svc_caller *caller,
                            const struct cs_image_store_filter *f, struct cs_page page,
                            struct cs_vec *ret, struct cs_err *err);

struct cs_svc_hypervisor {
    char name[32];
};
/* The hypervisor types usable in a zone (those of its clusters), or with zone_id 0 those of
 * the opened drivers. ret: vector of struct cs_svc_hypervisor. */
int cs_svc_hypervisor_list(struct cs_svc *svc, int64_t zone_id, struct cs_vec *ret,
                           struct cs_err *err);

/* The CloudStack spelling of a hypervisor type ("kvm" -> "KVM"), or NULL if unknown. */
const char *cs_svc_hypervisor_canonical(const char *name);

#endif
