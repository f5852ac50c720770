/* Identity: API-key and password authentication, domains, accounts, users and their keys. */
#ifndef CS_SVC_ACCOUNT_H
#define CS_SVC_ACCOUNT_H

#include "db_account.h"
#include "svc.h"

/* The caller owning an API key, and its secret (owned) to verify the signature with. Unknown
 * key, disabled user or disabled/locked account: CS_ERR_AUTH. */
int cs_svc_auth_apikey(struct cs_svc *svc, const char *apikey, struct cs_svc_caller *ret_caller,
                       char **ret_secret, struct cs_err *err);
/* Password login. domain_path like "/" or "/Sub1/" (NULL = ROOT) unless domain_id is set.
 * Failure: CS_ERR_LOGIN. ret_user is filled (release it). */
int cs_svc_login(struct cs_svc *svc, const char *username, const char *password,
                 const char *domain_path, int64_t domain_id, struct cs_svc_caller *ret_caller,
                 struct cs_user *ret_user, struct cs_err *err);
/* Whether a caller may still act (user and account enabled): used for session calls. */
int cs_svc_caller_check(struct cs_svc *svc, const struct cs_svc_caller *caller,
                        struct cs_err *err);

/* The domain subtree a caller may see: "/" for root admins, its domain's path for domain
 * admins, NULL for users (who see only their account). */
int cs_svc_caller_scope(struct cs_svc *svc, const struct cs_svc_caller *caller, char *path,
                        size_t pathlen, struct cs_err *err);

int cs_svc_domain_get(struct cs_svc *svc, int64_t id, struct cs_domain *ret, struct cs_err *err);
int cs_svc_domain_list(struct cs_svc *svc, const struct cs_svc_caller *caller, int64_t id,
                       const char *name, struct cs_page page, struct cs_vec *ret,
                       struct cs_err *err);
int cs_svc_account_get(struct cs_svc *svc, int64_t id, struct cs_account *ret,
                       struct cs_err *err);
/* f's scope fields are set from the caller. */
int cs_svc_account_list(struct cs_svc *svc, const struct cs_svc_caller *caller,
                        struct cs_account_filter *f, struct cs_page page, struct cs_vec *ret,
                        struct cs_err *err);
int cs_svc_user_list(struct cs_svc *svc, const struct cs_svc_caller *caller,
                     struct cs_user_filter *f, struct cs_page page, struct cs_vec *ret,
                     struct cs_err *err);
/* Loads a user the caller may manage (itself, or any user for root admins, or users of its
 * subtree for domain admins); others answer CS_ERR_PERMISSION. */
int cs_svc_user_get_managed(struct cs_svc *svc, const struct cs_svc_caller *caller,
                            int64_t user_id, struct cs_user *ret, struct cs_err *err);
/* New API key pair for a user the caller may manage; ret_user holds the new keys. */
int cs_svc_user_register_keys(struct cs_svc *svc, const struct cs_svc_caller *caller,
                              int64_t user_id, struct cs_user *ret_user, struct cs_err *err);

#endif
