/* The client handle: one keep-alive curl handle, signed or session calls, async-job polling. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <curl/curl.h>

#include "client_request.h"
#include "cstack/client.h"
#include "util_buf.h"
#include "util_time.h"

struct csc_client {
    pthread_mutex_t mu; /* serializes use of curl and the session fields */
    CURL *curl;
    char *endpoint;
    char *apikey;
    char *secret;
    char *sessionkey;
};

static pthread_once_t curl_once = PTHREAD_ONCE_INIT;

static void curl_init_once(void)
{
    curl_global_init(CURL_GLOBAL_DEFAULT);
}

static char *dup_or_null(const char *s)
{
    return s ? strdup(s) : NULL;
}

struct csc_client *csc_client_new(const char *endpoint, const char *apikey, const char *secret)
{
    pthread_once(&curl_once, curl_init_once);
    struct csc_client *c = calloc(1, sizeof(*c));
    if (!c)
        return NULL;
    pthread_mutex_init(&c->mu, NULL);
    c->curl = curl_easy_init();
    c->endpoint = strdup(endpoint);
    c->apikey = dup_or_null(apikey);
    c->secret = dup_or_null(secret);
    if (!c->curl || !c->endpoint || (apikey && !c->apikey) || (secret && !c->secret)) {
        csc_client_free(c);
        return NULL;
    }
    curl_easy_setopt(c->curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c->curl, CURLOPT_COOKIEFILE, ""); /* in-memory cookie engine */
    curl_easy_setopt(c->curl, CURLOPT_USERAGENT, "libcstack-client/0.1");
    return c;
}

void csc_client_free(struct csc_client *c)
{
    if (!c)
        return;
    if (c->curl)
        curl_easy_cleanup(c->curl);
    pthread_mutex_destroy(&c->mu);
    free(c->endpoint);
    free(c->apikey);
    free(c->secret);
    free(c->sessionkey);
    free(c);
}

static size_t on_body(char *data, size_t size, size_t nmemb, void *userdata)
{
    cs_util_buf_add(userdata, data, size * nmemb);
    return size * nmemb;
}

/* One HTTP exchange with the mutex held. Fills status, body and content type. */
static int perform(struct csc_client *c, const char *query, const struct csc_call_opts *opts,
                   struct csc_result *ret)
{
    CURL *h = c->curl;
    struct cs_buf body = CS_BUF_INIT;
    struct cs_buf url = CS_BUF_INIT;
    cs_util_buf_adds(&url, c->endpoint);
    bool post = opts && opts->post;
    if (post) {
        curl_easy_setopt(h, CURLOPT_POSTFIELDS, query);
        curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE, (long)strlen(query));
    } else {
        cs_util_buf_addc(&url, strchr(c->endpoint, '?') ? '&' : '?');
        cs_util_buf_adds(&url, query);
        curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
    }
    curl_easy_setopt(h, CURLOPT_URL, url.data);
    curl_easy_setopt(h, CURLOPT_COOKIE, opts && opts->cookie ? opts->cookie : NULL);
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, opts && opts->timeout_ms ? opts->timeout_ms : 60000L);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &body);
    CURLcode cc = curl_easy_perform(h);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, NULL);
    cs_util_buf_release(&url);
    ret->body = cs_util_buf_take(&body);
    if (cc != CURLE_OK) {
        char msg[512];
        snprintf(msg, sizeof(msg), "transport error: %s", curl_easy_strerror(cc));
        ret->errortext = strdup(msg);
        return CSC_ETRANSPORT;
    }
    long status = 0;
    char *ctype = NULL;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
    curl_easy_getinfo(h, CURLINFO_CONTENT_TYPE, &ctype);
    ret->http_status = status;
    ret->content_type = dup_or_null(ctype);
    return 0;
}

/* Classifies a received answer: parse JSON unless raw, map status and errorcode. */
static int classify(struct csc_result *ret, bool raw)
{
    if (raw) {
        if (ret->http_status == 200)
            return 0;
        ret->errorcode = (int)ret->http_status;
        return CSC_EAPI;
    }
    int rc = csc_result_parse(ret);
    if (rc < 0) {
        if (ret->http_status == 200)
            return CSC_ETRANSPORT;
        ret->errorcode = (int)ret->http_status;
        return CSC_EAPI;
    }
    if (ret->errorcode || ret->http_status != 200) {
        if (!ret->errorcode)
            ret->errorcode = (int)ret->http_status;
        return CSC_EAPI;
    }
    return 0;
}

static int call_locked(struct csc_client *c, const char *command, const struct csc_param *params,
                       size_t n, const struct csc_call_opts *opts, const struct csc_creds *creds,
                       struct csc_result *ret)
{
    memset(ret, 0, sizeof(*ret));
    char *query = csc_request_build(command, params, n, opts, creds, cs_util_now());
    int rc = perform(c, query, opts, ret);
    free(query);
    return rc < 0 ? rc : classify(ret, csc_request_wants_raw(params, n));
}

int csc_call_opts(struct csc_client *c, const char *command, const struct csc_param *params,
                  size_t n, const struct csc_call_opts *opts, struct csc_result *ret)
{
    pthread_mutex_lock(&c->mu);
    struct csc_creds creds = {c->apikey, c->secret, c->sessionkey};
    int rc = call_locked(c, command, params, n, opts, &creds, ret);
    pthread_mutex_unlock(&c->mu);
    return rc;
}

int csc_call(struct csc_client *c, const char *command, const struct csc_param *params, size_t n,
             struct csc_result *ret)
{
    return csc_call_opts(c, command, params, n, NULL, ret);
}

static void sleep_ms(long ms)
{
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    while (nanosleep(&ts, &ts) != 0) {
    }
}

int csc_wait_job(struct csc_client *c, const char *jobid, int timeout_ms, struct csc_result *ret)
{
    struct csc_param p[] = {{"jobid", jobid}};
    int64_t deadline = cs_util_mono_ns() + (int64_t)timeout_ms * 1000000;
    long delay = 50;
    for (;;) {
        int rc = csc_call(c, "queryAsyncJobResult", p, 1, ret);
        if (rc < 0)
            return rc;
        json_int_t status = json_integer_value(json_object_get(ret->obj, "jobstatus"));
        if (status == 1)
            return 0;
        if (status != 0) {
            json_t *res = json_object_get(ret->obj, "jobresult");
            ret->errorcode = (int)json_integer_value(json_object_get(res, "errorcode"));
            if (!ret->errorcode)
                ret->errorcode =
                    (int)json_integer_value(json_object_get(ret->obj, "jobresultcode"));
            const char *text = json_string_value(json_object_get(res, "errortext"));
            free(ret->errortext);
            ret->errortext = strdup(text ? text : "job failed");
            return CSC_EAPI;
        }
        if (cs_util_mono_ns() >= deadline) {
            free(ret->errortext);
            ret->errortext = strdup("timed out waiting for the job");
            return CSC_ETRANSPORT;
        }
        csc_result_release(ret);
        sleep_ms(delay);
        delay = delay * 2 > 1000 ? 1000 : delay * 2;
    }
}

int csc_call_wait(struct csc_client *c, const char *command, const struct csc_param *params,
                  size_t n, int timeout_ms, struct csc_result *ret)
{
    int rc = csc_call(c, command, params, n, ret);
    const char *jobid = rc == 0 ? json_string_value(json_object_get(ret->obj, "jobid")) : NULL;
    if (!jobid)
        return rc;
    char *id = strdup(jobid);
    csc_result_release(ret);
    rc = csc_wait_job(c, id, timeout_ms, ret);
    free(id);
    return rc;
}

int csc_login(struct csc_client *c, const char *user, const char *password, const char *domain,
              struct csc_result *ret)
{
    struct csc_param p[] = {{"username", user}, {"password", password}, {"domain", domain}};
    struct csc_call_opts opts = {.post = true};
    pthread_mutex_lock(&c->mu);
    struct csc_creds none = {NULL, NULL, NULL};
    int rc = call_locked(c, "login", p, domain ? 3 : 2, &opts, &none, ret);
    const char *key = rc == 0 ? json_string_value(json_object_get(ret->obj, "sessionkey")) : NULL;
    if (rc == 0 && !key) {
        free(ret->errortext);
        ret->errortext = strdup("login response has no sessionkey");
        rc = CSC_ETRANSPORT;
    }
    if (key) {
        free(c->sessionkey);
        c->sessionkey = strdup(key);
    }
    pthread_mutex_unlock(&c->mu);
    return rc;
}

int csc_logout(struct csc_client *c, struct csc_result *ret)
{
    int rc = csc_call(c, "logout", NULL, 0, ret);
    pthread_mutex_lock(&c->mu);
    free(c->sessionkey);
    c->sessionkey = NULL;
    curl_easy_setopt(c->curl, CURLOPT_COOKIELIST, "ALL");
    pthread_mutex_unlock(&c->mu);
    return rc;
}

const char *csc_client_sessionkey(const struct csc_client *c)
{
    return c->sessionkey;
}

char *csc_client_cookie(struct csc_client *c, const char *name)
{
    struct curl_slist *list = NULL;
    char *value = NULL;
    pthread_mutex_lock(&c->mu);
    curl_easy_getinfo(c->curl, CURLINFO_COOKIELIST, &list);
    pthread_mutex_unlock(&c->mu);
    /* Netscape format: domain, flag, path, secure, expiry, name, value (tab separated). */
    for (struct curl_slist *l = list; l && !value; l = l->next) {
        const char *f = l->data;
        for (int i = 0; i < 5 && f; i++) {
            f = strchr(f, '\t');
            if (f)
                f++;
        }
        if (!f)
            continue;
        size_t nlen = strcspn(f, "\t");
        if (f[nlen] == '\t' && nlen == strlen(name) && strncmp(f, name, nlen) == 0)
            value = strdup(f + nlen + 1);
    }
    curl_slist_free_all(list);
    return value;
}
