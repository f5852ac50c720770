/* Login sessions: in-memory, thread-safe, keyed by JSESSIONID, guarded by the sessionkey. */
#ifndef CS_API_SESSION_H
#define CS_API_SESSION_H

#include <stddef.h>
#include <stdint.h>

/* The wire layer does not know svc; it stores this plain struct. */
struct cs_api_session_who {
    int64_t user_id, account_id, domain_id;
    int account_type;
};

struct cs_api_sessions;

/* idle_timeout_s <= 0 means the default 1800. returns: owned, NULL when out of memory */
struct cs_api_sessions *cs_api_sessions_new(int idle_timeout_s);
void cs_api_sessions_free(struct cs_api_sessions *s);
int cs_api_sessions_timeout(const struct cs_api_sessions *s);
/* A new session for who: sessionkey is 20 random bytes as Base64-URL without padding, jsessionid
 * 16 random bytes as uppercase hex. 0 or <0; both strings returns: owned. */
int cs_api_sessions_create(struct cs_api_sessions *s, const struct cs_api_session_who *who,
                           char **ret_sessionkey, char **ret_jsessionid);
/* 0 when jsessionid names a live session AND every non-NULL key of cookie_key and param_key
 * equals its sessionkey (constant time); both NULL fails. Refreshes the idle time. An expired
 * session is dropped. <0 otherwise (ret_who untouched). CloudStack's default check
 * (CookieAndParameter) corresponds to passing both and requiring both non-NULL: the caller
 * decides which locations are mandatory. */
int cs_api_sessions_lookup(struct cs_api_sessions *s, const char *jsessionid,
                           const char *cookie_key, const char *param_key,
                           struct cs_api_session_who *ret_who);
void cs_api_sessions_destroy(struct cs_api_sessions *s, const char *jsessionid);
/* Number of live sessions (expired ones are dropped first). */
size_t cs_api_sessions_count(struct cs_api_sessions *s);

#endif
