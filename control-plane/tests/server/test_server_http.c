/* Tests of the HTTP front with a test handler: GET/POST, statuses, keep-alive, limits, drain. */
#include <curl/curl.h>
#include <jansson.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <cmocka.h>

#include "server_http.h"
#include "util_buf.h"

/* The test handler: answers a JSON object with what it saw. Param "status" sets the status,
 * param "sleepms" delays the answer. */
static void handler(void *ud, const struct cs_http_request *req, struct cs_http_response *resp)
{
    (void)ud;
    json_t *o = json_object();
    json_object_set_new(o, "method", json_string(req->method));
    json_object_set_new(o, "url", json_string(req->url));
    json_object_set_new(o, "integration", json_boolean(req->integration));
    json_object_set_new(o, "remote", json_string(req->remote_addr));
    if (req->cookie_jsessionid)
        json_object_set_new(o, "jsessionid", json_string(req->cookie_jsessionid));
    if (req->cookie_sessionkey)
        json_object_set_new(o, "sessionkey", json_string(req->cookie_sessionkey));
    resp->status = 200;
    if (req->param_error) {
        json_object_set_new(o, "error", json_string(req->param_error->msg));
        resp->status = 431;
    }
    json_t *p = json_object();
    for (size_t i = 0; req->params && i < cs_api_params_count(req->params); i++)
        json_object_set_new(p, cs_api_params_name(req->params, i),
                            json_string(cs_api_params_value(req->params, i)));
    json_object_set_new(o, "params", p);
    const char *st = req->params ? cs_api_params_get(req->params, "status") : NULL;
    if (st)
        resp->status = (int)strtol(st, NULL, 10);
    const char *sl = req->params ? cs_api_params_get(req->params, "sleepms") : NULL;
    if (sl) {
        long ms = strtol(sl, NULL, 10);
        struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
        nanosleep(&ts, NULL);
    }
    resp->body = json_dumps(o, JSON_COMPACT);
    resp->body_len = strlen(resp->body);
    resp->content_type = strdup("application/json; charset=UTF-8");
    resp->headers[0] = strdup("X-Description: test description");
    resp->headers[1] = strdup("Set-Cookie: JSESSIONID=abc; Path=/client; HttpOnly");
    json_decref(o);
}

struct reply {
    long status;
    char *body;
    json_t *json;
    long connects;
    char *content_type;
    bool has_xdesc;
    bool has_cookie;
};

static size_t write_cb(char *data, size_t size, size_t n, void *ud)
{
    cs_util_buf_add(ud, data, size * n);
    return size * n;
}

static size_t header_cb(char *data, size_t size, size_t n, void *ud)
{
    struct reply *r = ud;
    if (strncasecmp(data, "X-Description: test description", 31) == 0)
        r->has_xdesc = true;
    if (strncasecmp(data, "Set-Cookie: JSESSIONID=abc", 26) == 0)
        r->has_cookie = true;
    return size * n;
}

static struct cs_server_http *server;
static int port;

static int start(void **state)
{
    struct cs_err err;
    cs_err_clear(&err);
    server = cs_server_http_start("127.0.0.1", 0, false, handler, NULL, &err);
    if (!server)
        fail_msg("start: %s", err.msg);
    port = cs_server_http_port(server);
    assert_true(port > 0);
    return 0;
}

static int stop(void **state)
{
    cs_server_http_stop(server);
    server = NULL;
    return 0;
}

/* One request on handle h (kept across calls for keep-alive). body NULL = GET. */
static struct reply do_req(CURL *h, int to_port, const char *path_query, const char *body,
                           size_t body_len, const char *content_type, const char *method,
                           const char *cookie)
{
    struct reply r = {0};
    char url[4096];
    snprintf(url, sizeof(url), "http://127.0.0.1:%d%s", to_port, path_query);
    struct cs_buf out = CS_BUF_INIT;
    struct curl_slist *hdrs = NULL;
    curl_easy_setopt(h, CURLOPT_URL, url);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, write_cb);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &out);
    curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, header_cb);
    curl_easy_setopt(h, CURLOPT_HEADERDATA, &r);
    curl_easy_setopt(h, CURLOPT_TIMEOUT, 20L);
    if (body) {
        curl_easy_setopt(h, CURLOPT_POST, 1L);
        curl_easy_setopt(h, CURLOPT_POSTFIELDS, body);
        curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)body_len);
    } else {
        curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
    }
    if (content_type) {
        char ct[256];
        snprintf(ct, sizeof(ct), "Content-Type: %s", content_type);
        hdrs = curl_slist_append(hdrs, ct);
    }
    hdrs = curl_slist_append(hdrs, "Expect:");
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, hdrs);
    curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, method);
    curl_easy_setopt(h, CURLOPT_COOKIE, cookie);
    CURLcode rc = curl_easy_perform(h);
    if (rc != CURLE_OK)
        fail_msg("curl: %s", curl_easy_strerror(rc));
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &r.status);
    curl_easy_getinfo(h, CURLINFO_NUM_CONNECTS, &r.connects);
    char *ct = NULL;
    curl_easy_getinfo(h, CURLINFO_CONTENT_TYPE, &ct);
    r.content_type = ct ? strdup(ct) : NULL;
    r.body = cs_util_buf_take(&out);
    r.json = json_loads(r.body, 0, NULL);
    curl_slist_free_all(hdrs);
    return r;
}

static struct reply get(CURL *h, const char *pq)
{
    return do_req(h, port, pq, NULL, 0, NULL, NULL, NULL);
}

static void reply_free(struct reply *r)
{
    free(r->body);
    free(r->content_type);
    json_decref(r->json);
}

static const char *param(const struct reply *r, const char *name)
{
    return json_string_value(json_object_get(json_object_get(r->json, "params"), name));
}

static void test_get(void **state)
{
    CURL *h = curl_easy_init();
    struct reply r = get(h, "/client/api?command=listZones&name=a+b%2Bc&ZoneId=Z&empty=");
    assert_int_equal(r.status, 200);
    assert_non_null(r.json);
    assert_string_equal(r.content_type, "application/json; charset=UTF-8");
    assert_true(r.has_xdesc);
    assert_true(r.has_cookie);
    assert_string_equal(json_string_value(json_object_get(r.json, "method")), "GET");
    assert_string_equal(json_string_value(json_object_get(r.json, "url")), "/client/api");
    assert_string_equal(json_string_value(json_object_get(r.json, "remote")), "127.0.0.1");
    assert_false(json_is_true(json_object_get(r.json, "integration")));
    assert_string_equal(param(&r, "command"), "listZones");
    assert_string_equal(param(&r, "name"), "a b+c");
    assert_string_equal(param(&r, "ZoneId"), "Z");
    assert_string_equal(param(&r, "empty"), "");
    reply_free(&r);
    /* trailing slash is the same endpoint */
    r = get(h, "/client/api/?command=x");
    assert_int_equal(r.status, 200);
    assert_string_equal(param(&r, "command"), "x");
    reply_free(&r);
    curl_easy_cleanup(h);
}

static void test_post_form(void **state)
{
    CURL *h = curl_easy_init();
    const char *body = "command=deployVirtualMachine&userdata=dGVzdA%3D%3D&name=vm+1";
    struct reply r = do_req(h, port, "/client/api?response=json", body, strlen(body),
                            "application/x-www-form-urlencoded; charset=UTF-8", NULL, NULL);
    assert_int_equal(r.status, 200);
    assert_string_equal(json_string_value(json_object_get(r.json, "method")), "POST");
    assert_string_equal(param(&r, "response"), "json");
    assert_string_equal(param(&r, "command"), "deployVirtualMachine");
    assert_string_equal(param(&r, "userdata"), "dGVzdA==");
    assert_string_equal(param(&r, "name"), "vm 1");
    reply_free(&r);

    /* a name in query and body: equal values merge, different values are a duplicate */
    body = "command=x&id=1";
    r = do_req(h, port, "/client/api?id=1", body, strlen(body),
               "application/x-www-form-urlencoded", NULL, NULL);
    assert_int_equal(r.status, 200);
    assert_string_equal(param(&r, "id"), "1");
    reply_free(&r);
    r = do_req(h, port, "/client/api?id=2", body, strlen(body),
               "application/x-www-form-urlencoded", NULL, NULL);
    assert_int_equal(r.status, 431);
    assert_string_equal(json_string_value(json_object_get(r.json, "error")),
                        "duplicate parameter 'id'");
    reply_free(&r);

    /* other content types: parameters from the query only */
    body = "{\"command\":\"x\"}";
    r = do_req(h, port, "/client/api?a=1", body, strlen(body), "application/json", NULL, NULL);
    assert_int_equal(r.status, 200);
    assert_string_equal(param(&r, "a"), "1");
    assert_null(param(&r, "command"));
    reply_free(&r);
    curl_easy_cleanup(h);
}

static void test_statuses_and_errors(void **state)
{
    CURL *h = curl_easy_init();
    const int codes[] = {431, 530, 533, 401, 432, 531};
    for (size_t i = 0; i < sizeof(codes) / sizeof(codes[0]); i++) {
        char pq[64];
        snprintf(pq, sizeof(pq), "/client/api?status=%d", codes[i]);
        struct reply r = get(h, pq);
        assert_int_equal(r.status, codes[i]);
        assert_non_null(r.json); /* the body is the handler's */
        assert_true(r.has_xdesc);
        reply_free(&r);
    }
    /* bad encoding reaches the handler as param_error */
    struct reply r = get(h, "/client/api?a=%zz");
    assert_int_equal(r.status, 431);
    assert_non_null(strstr(json_string_value(json_object_get(r.json, "error")), "percent"));
    reply_free(&r);
    /* other paths and methods */
    r = get(h, "/client/other?command=x");
    assert_int_equal(r.status, 404);
    reply_free(&r);
    r = get(h, "/");
    assert_int_equal(r.status, 404);
    reply_free(&r);
    r = do_req(h, port, "/client/api?command=x", NULL, 0, NULL, "DELETE", NULL);
    assert_int_equal(r.status, 405);
    reply_free(&r);
    /* cookies */
    r = do_req(h, port, "/client/api?command=x", NULL, 0, NULL, NULL,
               "JSESSIONID=ABC123; sessionkey=k-e_y");
    assert_string_equal(json_string_value(json_object_get(r.json, "jsessionid")), "ABC123");
    assert_string_equal(json_string_value(json_object_get(r.json, "sessionkey")), "k-e_y");
    reply_free(&r);
    curl_easy_cleanup(h);
}

static void test_keep_alive(void **state)
{
    CURL *h = curl_easy_init();
    struct reply r = get(h, "/client/api?command=a");
    assert_int_equal(r.connects, 1);
    reply_free(&r);
    r = get(h, "/client/api?command=b&status=431");
    assert_int_equal(r.status, 431);
    assert_int_equal(r.connects, 0); /* reused */
    reply_free(&r);
    const char *body = "command=c";
    r = do_req(h, port, "/client/api", body, strlen(body), "application/x-www-form-urlencoded",
               NULL, NULL);
    assert_int_equal(r.status, 200);
    assert_int_equal(r.connects, 0);
    reply_free(&r);
    r = get(h, "/client/api?command=d");
    assert_int_equal(r.connects, 0);
    reply_free(&r);
    curl_easy_cleanup(h);
}

static void test_oversized_body(void **state)
{
    CURL *h = curl_easy_init();
    size_t n = CS_HTTP_BODY_MAX + 1;
    char *body = malloc(n + 1);
    memcpy(body, "a=", 2);
    memset(body + 2, 'x', n - 2);
    body[n] = '\0';
    struct reply r = do_req(h, port, "/client/api", body, n,
                            "application/x-www-form-urlencoded", NULL, NULL);
    assert_int_equal(r.status, 413);
    reply_free(&r);
    /* exactly at the limit: served (the value limit is 1 MiB, so split in two params) */
    size_t half = CS_HTTP_BODY_MAX / 2;
    memset(body, 'y', CS_HTTP_BODY_MAX);
    memcpy(body, "a=", 2);
    memcpy(body + half, "&b=", 3);
    r = do_req(h, port, "/client/api", body, CS_HTTP_BODY_MAX,
               "application/x-www-form-urlencoded", NULL, NULL);
    assert_int_equal(r.status, 200);
    assert_int_equal(strlen(param(&r, "a")), half - 2);
    reply_free(&r);
    curl_easy_cleanup(h);

    /* chunked (no Content-Length) over the limit */
    h = curl_easy_init();
    struct curl_slist *hd = curl_slist_append(NULL, "Transfer-Encoding: chunked");
    hd = curl_slist_append(hd, "Content-Type: application/x-www-form-urlencoded");
    hd = curl_slist_append(hd, "Expect:");
    char url[128];
    snprintf(url, sizeof(url), "http://127.0.0.1:%d/client/api", port);
    memset(body, 'z', n);
    curl_easy_setopt(h, CURLOPT_URL, url);
    curl_easy_setopt(h, CURLOPT_POST, 1L);
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, body);
    curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE, -1L);
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, hd);
    struct cs_buf sink = CS_BUF_INIT;
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, write_cb);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &sink);
    curl_easy_setopt(h, CURLOPT_TIMEOUT, 20L);
    assert_int_equal(curl_easy_perform(h), CURLE_OK);
    long status = 0;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
    assert_int_equal(status, 413);
    cs_util_buf_release(&sink);
    curl_slist_free_all(hd);
    curl_easy_cleanup(h);
    free(body);
}

static void test_integration_flag(void **state)
{
    struct cs_err err;
    struct cs_server_http *integ =
        cs_server_http_start("127.0.0.1", 0, true, handler, NULL, &err);
    assert_non_null(integ);
    CURL *h = curl_easy_init();
    const char *body = "command=fromBody";
    struct reply r = do_req(h, cs_server_http_port(integ), "/client/api?command=listZones", body,
                            strlen(body), "application/x-www-form-urlencoded", NULL, NULL);
    assert_int_equal(r.status, 200);
    assert_true(json_is_true(json_object_get(r.json, "integration")));
    /* only the query string is read on the integration port */
    assert_string_equal(param(&r, "command"), "listZones");
    reply_free(&r);
    curl_easy_cleanup(h);
    cs_server_http_stop(integ);

    /* bad addresses fail cleanly */
    assert_null(cs_server_http_start("not-an-ip", 0, false, handler, NULL, &err));
    assert_int_equal(err.code, CS_ERR_PARAM);
    assert_null(cs_server_http_start("127.0.0.1", 70000, false, handler, NULL, &err));
    cs_server_http_stop(NULL);
}

struct slow_call {
    int port;
    long status;
    json_t *json;
};

static void *slow_request(void *arg)
{
    struct slow_call *c = arg;
    CURL *h = curl_easy_init();
    struct reply r = do_req(h, c->port, "/client/api?command=slow&sleepms=400", NULL, 0, NULL,
                            NULL, NULL);
    c->status = r.status;
    c->json = json_incref(r.json);
    reply_free(&r);
    curl_easy_cleanup(h);
    return NULL;
}

static void test_stop_drains(void **state)
{
    struct cs_err err;
    struct cs_server_http *s = cs_server_http_start("127.0.0.1", 0, false, handler, NULL, &err);
    assert_non_null(s);
    struct slow_call c = {.port = cs_server_http_port(s)};
    pthread_t t;
    pthread_create(&t, NULL, slow_request, &c);
    struct timespec ts = {0, 150 * 1000000L};
    nanosleep(&ts, NULL); /* the request is now inside the handler */
    cs_server_http_stop(s);
    pthread_join(t, NULL);
    /* the in-flight request got its full answer */
    assert_int_equal(c.status, 200);
    assert_non_null(c.json);
    json_decref(c.json);
    /* and the port no longer accepts */
    CURL *h = curl_easy_init();
    char url[128];
    snprintf(url, sizeof(url), "http://127.0.0.1:%d/client/api", c.port);
    curl_easy_setopt(h, CURLOPT_URL, url);
    curl_easy_setopt(h, CURLOPT_TIMEOUT, 5L);
    assert_int_not_equal(curl_easy_perform(h), CURLE_OK);
    curl_easy_cleanup(h);
}

int main(void)
{
    curl_global_init(CURL_GLOBAL_DEFAULT);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_get, start, stop),
        cmocka_unit_test_setup_teardown(test_post_form, start, stop),
        cmocka_unit_test_setup_teardown(test_statuses_and_errors, start, stop),
        cmocka_unit_test_setup_teardown(test_keep_alive, start, stop),
        cmocka_unit_test_setup_teardown(test_oversized_body, start, stop),
        cmocka_unit_test(test_integration_flag),
        cmocka_unit_test(test_stop_drains),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    curl_global_cleanup();
    return rc;
}
