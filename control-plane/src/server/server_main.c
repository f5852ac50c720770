/* cstackd: options, start-up (database, drivers, jobs, fixture, HTTP), and clean shutdown. */
#include <getopt.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "api.h"
#include "server_fixture.h"
#include "server_glue.h"
#include "server_http.h"
#include "server_welcome.h"
#include "util_log.h"
#include "util_time.h"

struct options {
    const char *data_dir;
    const char *bind;
    int port;
    int integration_port;
    const char *admin_keys;
    const char *load;
    const char *hv_config;
    int workers;
};

static void usage(FILE *f)
{
    fprintf(f,
            "usage: cstackd --data-dir DIR [--bind 127.0.0.1] [--port 8080]\n"
            "               [--integration-port N] [--admin-keys KEY:SECRET]\n"
            "               [--load FIXTURE.json] [--hv-config K=V,...] [--workers N]\n"
            "\n"
            "Serves the CloudStack API on http://BIND:PORT/client/api.\n"
            "Environment: CSTACK_ADMIN_PASSWORD (first start), CSTACK_SIM_LATENCY_MS,\n"
            "             CSTACK_LOG_LEVEL=debug|info|warn|error.\n");
}

static int parse_port(const char *s, int *ret)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (!*s || *end || v < 0 || v > 65535)
        return -1;
    *ret = (int)v;
    return 0;
}

static int parse_options(int argc, char **argv, struct options *o)
{
    static const struct option longopts[] = {
        {"data-dir", required_argument, NULL, 'd'},
        {"bind", required_argument, NULL, 'b'},
        {"port", required_argument, NULL, 'p'},
        {"integration-port", required_argument, NULL, 'i'},
        {"admin-keys", required_argument, NULL, 'k'},
        {"load", required_argument, NULL, 'l'},
        {"hv-config", required_argument, NULL, 'c'},
        {"workers", required_argument, NULL, 'w'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    *o = (struct options){.bind = "127.0.0.1", .port = 8080, .workers = 8};
    int c;
    while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        switch (c) {
        case 'd': o->data_dir = optarg; break;
        case 'b': o->bind = optarg; break;
        case 'p':
            if (parse_port(optarg, &o->port) < 0)
                return -1;
            break;
        case 'i':
            if (parse_port(optarg, &o->integration_port) < 0)
                return -1;
            break;
        case 'k': o->admin_keys = optarg; break;
        case 'l': o->load = optarg; break;
        case 'c': o->hv_config = optarg; break;
        case 'w':
            o->workers = (int)strtol(optarg, NULL, 10);
            if (o->workers < 1 || o->workers > 256)
                return -1;
            break;
        case 'h': usage(stdout); exit(0);
        default: return -1;
        }
    }
    return o->data_dir && optind == argc ? 0 : -1;
}

/* The driver configuration: --hv-config, plus the simulator latency from the environment. */
static const char *hv_config(const struct options *o, char *buf, size_t n)
{
    const char *lat = getenv("CSTACK_SIM_LATENCY_MS");
    if (!lat)
        return o->hv_config;
    snprintf(buf, n, "%s%slatency=%s", o->hv_config ? o->hv_config : "", o->hv_config ? "," : "",
             lat);
    return buf;
}

int main(int argc, char **argv)
{
    struct options o;
    if (parse_options(argc, argv, &o) < 0) {
        usage(stderr);
        return 2;
    }
    const char *lvl = getenv("CSTACK_LOG_LEVEL");
    if (lvl)
        cs_util_log_set_level(strcmp(lvl, "debug") == 0  ? CS_LOG_DEBUG
                              : strcmp(lvl, "warn") == 0 ? CS_LOG_WARN
                              : strcmp(lvl, "error") == 0 ? CS_LOG_ERROR
                                                          : CS_LOG_INFO);
    /* SIGTERM/SIGINT are blocked in every thread and taken by sigwait() in main. */
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGTERM);
    sigaddset(&stop_signals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stop_signals, NULL);
    signal(SIGPIPE, SIG_IGN);

    struct cs_err err;
    cs_err_clear(&err);
    char hvbuf[512];
    struct cs_svc_options so = {.data_dir = o.data_dir,
                                .hv_config = hv_config(&o, hvbuf, sizeof(hvbuf)),
                                .job_workers = o.workers,
                                .admin_keys = o.admin_keys,
                                .admin_password = getenv("CSTACK_ADMIN_PASSWORD")};
    int64_t t0 = cs_util_mono_ns();
    struct cs_svc *svc = cs_svc_new(&so, &err);
    if (!svc) {
        cs_log_error("cannot start: %s", err.msg);
        return 1;
    }
    struct cs_api *api = cs_api_new(svc, &err);
    int rc = api ? cs_svc_start_jobs(svc, o.workers, cs_api_job_run, cs_api_job_code, api, &err)
                 : -1;
    if (rc == 0 && o.load) {
        int64_t l0 = cs_util_mono_ns();
        rc = cs_server_fixture_load(svc, o.load, &err);
        if (rc == 0)
            cs_log_info("loaded %s in %.3f s", o.load, (double)(cs_util_mono_ns() - l0) / 1e9);
    }
    struct cs_server_http *http = NULL, *integ = NULL;
    if (rc == 0) {
        http = cs_server_glue_start(api, o.bind, o.port, false, &err);
        if (!http)
            rc = -1;
    }
    if (rc == 0 && o.integration_port) {
        integ = cs_server_glue_start(api, "127.0.0.1", o.integration_port, true, &err);
        if (!integ)
            rc = -1;
    }
    if (rc < 0) {
        cs_log_error("cannot start: %s", err.msg);
        cs_server_http_stop(http);
        cs_api_free(api);
        cs_svc_free(svc);
        return 1;
    }
    cs_log_info("started in %.3f s", (double)(cs_util_mono_ns() - t0) / 1e9);
    o.port = cs_server_http_port(http); /* --port 0 picks a free one */
    char url[512], keys[4096];
    snprintf(url, sizeof(url), "http://%s:%d/client/api", o.bind, o.port);
    snprintf(keys, sizeof(keys), "%s/admin.keys", o.data_dir);
    cs_server_welcome_print(stderr, svc, url, o.admin_keys ? NULL : keys);
    fprintf(stderr, "cstackd: listening on %s\n", url);
    int sig;
    sigwait(&stop_signals, &sig);
    cs_log_info("stopping: draining requests and jobs");
    cs_server_http_stop(integ);
    cs_server_http_stop(http);
    cs_job_engine_stop(svc->jobs);
    cs_api_free(api);
    cs_svc_free(svc);
    cs_log_info("stopped");
    return 0;
}
