/* Conformance harness: a cstackd under test on free ports with a fresh data dir. */
#include "cs_harness.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#ifndef CSTACKD_PATH
#error "CSTACKD_PATH must be defined by the build"
#endif
#ifndef CSTACK_SOURCE_DIR
#error "CSTACK_SOURCE_DIR must be defined by the build"
#endif

static void sleep_ms(long ms)
{
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
    }
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* A port the kernel considers free right now (bind to port 0, read it back, close). */
static int free_port(void)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t len = sizeof(a);
    int port = -1;
    if (bind(fd, (struct sockaddr *)&a, sizeof(a)) == 0 &&
        getsockname(fd, (struct sockaddr *)&a, &len) == 0)
        port = ntohs(a.sin_port);
    close(fd);
    return port;
}

void cs_harness_dump_log(const struct cs_harness *h)
{
    FILE *f = fopen(h->log_path, "r");
    if (!f) {
        fprintf(stderr, "harness: no server log at %s\n", h->log_path);
        return;
    }
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, size > 6000 ? size - 6000 : 0, SEEK_SET);
    fprintf(stderr, "---- tail of %s ----\n", h->log_path);
    char buf[1024];
    size_t n;
    while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
        fwrite(buf, 1, n, stderr);
    fprintf(stderr, "---- end of server log ----\n");
    fclose(f);
}

static void exec_server(const struct cs_harness *h, bool load)
{
    prctl(PR_SET_PDEATHSIG, SIGKILL); /* never outlive a crashed test */
    int fd = open(h->log_path, O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (fd >= 0) {
        dup2(fd, STDOUT_FILENO);
        dup2(fd, STDERR_FILENO);
        close(fd);
    }
    for (const char *const *e = h->opts.env; e && *e; e++)
        putenv((char *)*e);
    char port[16], iport[16];
    snprintf(port, sizeof(port), "%d", h->port);
    snprintf(iport, sizeof(iport), "%d", h->integ_port);
    const char *argv[16];
    int i = 0;
    argv[i++] = CSTACKD_PATH;
    argv[i++] = "--data-dir";
    argv[i++] = h->data_dir;
    argv[i++] = "--bind";
    argv[i++] = "127.0.0.1";
    argv[i++] = "--port";
    argv[i++] = port;
    argv[i++] = "--admin-keys";
    argv[i++] = CS_HARNESS_APIKEY ":" CS_HARNESS_SECRET;
    if (h->integ_port) {
        argv[i++] = "--integration-port";
        argv[i++] = iport;
    }
    if (load && h->fixture[0]) {
        argv[i++] = "--load";
        argv[i++] = h->fixture;
    }
    argv[i] = NULL;
    execv(CSTACKD_PATH, (char *const *)argv);
    fprintf(stderr, "harness: cannot exec %s: %s\n", CSTACKD_PATH, strerror(errno));
    _exit(127);
}

static double start_timeout_s(void)
{
    const char *s = getenv("CSTACK_HARNESS_START_S");
    double t = s ? strtod(s, NULL) : 0;
    return t > 0 ? t : 10.0;
}

/* Forks cstackd on fresh ports and waits until it answers listCapabilities. */
static int launch(struct cs_harness *h, bool load)
{
    h->port = free_port();
    h->integ_port = 0;
    for (int i = 0; h->opts.integration_port && i < 10 && h->integ_port <= 0; i++) {
        h->integ_port = free_port();
        if (h->integ_port == h->port)
            h->integ_port = 0;
    }
    if (h->port <= 0 || (h->opts.integration_port && h->integ_port <= 0))
        return -1;
    snprintf(h->url, sizeof(h->url), "http://127.0.0.1:%d/client/api", h->port);
    snprintf(h->integ_url, sizeof(h->integ_url), "http://127.0.0.1:%d/client/api", h->integ_port);
    csc_client_free(h->admin);
    h->admin = csc_client_new(h->url, CS_HARNESS_APIKEY, CS_HARNESS_SECRET);
    if (!h->admin)
        return -1;
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0)
        exec_server(h, load);
    h->pid = pid;
    double deadline = now_s() + start_timeout_s();
    struct csc_call_opts quick = {.timeout_ms = 2000};
    while (now_s() < deadline) {
        int status;
        if (waitpid(pid, &status, WNOHANG) == pid) {
            h->pid = 0;
            fprintf(stderr, "harness: cstackd exited during start (status %d)\n", status);
            cs_harness_dump_log(h);
            return -1;
        }
        struct csc_result r;
        int rc = csc_call_opts(h->admin, "listCapabilities", NULL, 0, &quick, &r);
        csc_result_release(&r);
        if (rc == 0)
            return 0;
        sleep_ms(50);
    }
    fprintf(stderr, "harness: cstackd did not answer listCapabilities within %.0f s\n",
            start_timeout_s());
    cs_harness_dump_log(h);
    cs_harness_kill(h);
    return -1;
}

struct cs_harness *cs_harness_start(const struct cs_harness_opts *opts)
{
    struct cs_harness *h = calloc(1, sizeof(*h));
    if (!h)
        return NULL;
    if (opts)
        h->opts = *opts;
    if (h->opts.fixture) {
        if (h->opts.fixture[0] == '/')
            snprintf(h->fixture, sizeof(h->fixture), "%s", h->opts.fixture);
        else
            snprintf(h->fixture, sizeof(h->fixture), "%s/%s", CSTACK_SOURCE_DIR, h->opts.fixture);
    }
    const char *tmp = getenv("TMPDIR");
    snprintf(h->root, sizeof(h->root), "%s/cstack-conf-XXXXXX", tmp && tmp[0] ? tmp : "/tmp");
    if (!mkdtemp(h->root)) {
        fprintf(stderr, "harness: mkdtemp: %s\n", strerror(errno));
        free(h);
        return NULL;
    }
    snprintf(h->data_dir, sizeof(h->data_dir), "%s/data", h->root);
    snprintf(h->log_path, sizeof(h->log_path), "%s/cstackd.log", h->root);
    if (mkdir(h->data_dir, 0700) != 0 || launch(h, true) < 0) {
        cs_harness_free(h);
        return NULL;
    }
    return h;
}

static int reap(struct cs_harness *h, double timeout_s)
{
    double deadline = now_s() + timeout_s;
    int status;
    while (now_s() < deadline) {
        pid_t r = waitpid(h->pid, &status, WNOHANG);
        if (r > 0) {
            h->pid = 0;
            return status;
        }
        if (r < 0) {
            h->pid = 0;
            return -1;
        }
        sleep_ms(20);
    }
    return -2;
}

int cs_harness_stop(struct cs_harness *h)
{
    if (!h || !h->pid)
        return -1;
    kill(h->pid, SIGTERM);
    int status = reap(h, 20.0);
    if (status == -2) {
        fprintf(stderr, "harness: cstackd ignored SIGTERM for 20 s; killing it\n");
        cs_harness_kill(h);
        return -1;
    }
    if (status < 0)
        return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

void cs_harness_kill(struct cs_harness *h)
{
    if (!h || !h->pid)
        return;
    kill(h->pid, SIGKILL);
    int status;
    waitpid(h->pid, &status, 0);
    h->pid = 0;
}

int cs_harness_restart(struct cs_harness *h)
{
    if (h->pid)
        cs_harness_stop(h);
    return launch(h, false);
}

static int rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    return remove(path);
}

void cs_harness_free(struct cs_harness *h)
{
    if (!h)
        return;
    if (h->pid)
        cs_harness_stop(h);
    csc_client_free(h->admin);
    if (h->root[0]) {
        if (getenv("CSTACK_HARNESS_KEEP"))
            fprintf(stderr, "harness: kept %s\n", h->root);
        else
            nftw(h->root, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
    }
    free(h);
}

struct csc_client *cs_harness_client(const struct cs_harness *h, bool integration)
{
    if (integration)
        return csc_client_new(h->integ_url, NULL, NULL);
    return csc_client_new(h->url, CS_HARNESS_APIKEY, CS_HARNESS_SECRET);
}

char *cs_harness_find_id(struct csc_client *c, const char *command, const char *objname,
                         const char *k, const char *v)
{
    struct csc_param p[] = {{k, v}};
    struct csc_result r;
    char *id = NULL;
    if (csc_call(c, command, p, k ? 1 : 0, &r) == 0) {
        const char *s = json_string_value(
            json_object_get(json_array_get(json_object_get(r.obj, objname), 0), "id"));
        id = s ? strdup(s) : NULL;
    }
    csc_result_release(&r);
    return id;
}

long cs_harness_count(struct csc_client *c, const char *command, const struct csc_param *params,
                      size_t n)
{
    struct csc_result r;
    long count = -1;
    if (csc_call(c, command, params, n, &r) == 0) {
        json_t *cnt = json_object_get(r.obj, "count");
        count = cnt ? (long)json_integer_value(cnt) : (json_object_size(r.obj) == 0 ? 0 : -1);
    }
    csc_result_release(&r);
    return count;
}

json_t *cs_harness_path(json_t *obj, const char *path)
{
    char part[128];
    const char *p = path;
    while (obj && *p) {
        size_t len = strcspn(p, ".");
        if (len >= sizeof(part))
            return NULL;
        memcpy(part, p, len);
        part[len] = '\0';
        obj = json_object_get(obj, part);
        p += len;
        if (*p == '.')
            p++;
    }
    return obj;
}

const char *cs_harness_str(json_t *obj, const char *path)
{
    return json_string_value(cs_harness_path(obj, path));
}
