/* The rules of templates and guest OS types: registering, who sees which template, seed data. */
#ifndef CS_SVC_TEMPLATE_H
#define CS_SVC_TEMPLATE_H

#include "db_template.h"
#include "svc.h"

/* The simulator's built-in template (CloudStack's template id 111). */
#define CS_SVC_BUILTIN_TEMPLATE_ID 111
#define CS_SVC_BUILTIN_TEMPLATE_NAME "CentOS 5.6 (64-bit) no GUI (Simulator)"

/* Seeds OS categories, guest OS types and the simulator's built-in template (owned by the
 * system account, id 1 in domain 1). Runs inside the caller's transaction; does nothing when
 * the seed is already there. */
int cs_svc_template_bootstrap(struct cs_svc *svc, struct cs_err *err);

/* registerTemplate from in's name, displaytext (default: name), format, hypervisor, url
 * (http/https), checksum, os_type_id (0 = "Other (64-bit)"), zone_id (0 = every zone), the
 * flags, size (0 = 2 GiB) and account_id (0 = the caller; another account for admins only).
 * Featured or non-USER templates are for admins only. The template is Ready at once: images
 * are not downloaded by this control plane. */
int cs_svc_template_register(struct cs_svc *svc, const struct cs_svc_caller *caller,
                             const struct cs_template *in, struct cs_template *ret_template,
                             struct cs_err *err);
int cs_svc_template_get(struct cs_svc *svc, int64_t id, struct cs_template *ret,
                        struct cs_err *err);
/* listTemplates: templatefilter featured | self | selfexecutable | shared | sharedexecutable |
 * executable | community | all, relative to the caller; f's scope fields are set here. */
int cs_svc_template_list(struct cs_svc *svc, const struct cs_svc_caller *caller,
                         const char *templatefilter, struct cs_template_filter *f,
                         struct cs_page page, struct cs_vec *ret, struct cs_err *err);

int cs_svc_os_type_list(struct cs_svc *svc, const struct cs_os_type_filter *f,
                        struct cs_page page, struct cs_vec *ret, struct cs_err *err);
int cs_svc_os_category_list(struct cs_svc *svc, int64_t id, const char *name, const char *keyword,
                            struct cs_page page, struct cs_vec *ret, struct cs_err *err);

#endif
