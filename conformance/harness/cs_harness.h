/* Conformance harness: a cstackd under test on free ports with a fresh data dir. */
#ifndef CS_HARNESS_H
#define CS_HARNESS_H

#include <limits.h>
#include <stdbool.h>
#include <sys/types.h>

#include "cstack/client.h"

#define CS_HARNESS_APIKEY "conformance-admin-apikey"
#define CS_HARNESS_SECRET "conformance-admin-secretkey"
#define CS_HARNESS_TINY "fixtures/zones/tiny.json"

struct cs_harness_opts {
    const char *fixture;        /* relative to the source dir unless absolute; NULL = none */
    bool integration_port;      /* also serve the unauthenticated integration port */
    const char *const *env;     /* extra "K=V" strings for cstackd, NULL-terminated, or NULL */
};

struct cs_harness {
    pid_t pid;                  /* 0 when not running */
    int port;
    int integ_port;             /* 0 without integration port */
    char root[256];             /* temporary directory holding data/ and cstackd.log */
    char data_dir[PATH_MAX];
    char log_path[PATH_MAX];
    char url[128];              /* http://127.0.0.1:<port>/client/api */
    char integ_url[128];
    struct csc_client *admin;   /* signed with the admin keys; replaced on restart */
    struct cs_harness_opts opts;
    char fixture[PATH_MAX];
};

/* Starts cstackd (with --load when a fixture is given) and waits until listCapabilities
 * answers. Prints the server log on failure. returns: owned, or NULL. */
struct cs_harness *cs_harness_start(const struct cs_harness_opts *opts);
/* SIGTERM and wait. returns: the exit status (0 = clean), or -1 when it was not running or
 * had to be killed after 20 s. */
int cs_harness_stop(struct cs_harness *h);
/* SIGKILL and reap (crash simulation). */
void cs_harness_kill(struct cs_harness *h);
/* Starts cstackd again on the same data dir (stopping it first if running; no --load),
 * on fresh ports, and replaces h->admin. returns: 0 or -1. */
int cs_harness_restart(struct cs_harness *h);
/* Stops the server and removes the temporary directory (kept when CSTACK_HARNESS_KEEP is
 * set). Accepts NULL. */
void cs_harness_free(struct cs_harness *h);
/* Prints the tail of the server log to stderr. */
void cs_harness_dump_log(const struct cs_harness *h);

/* A new client for this server: signed admin (integration=false) or unsigned on the
 * integration port. returns: owned. */
struct csc_client *cs_harness_client(const struct cs_harness *h, bool integration);

/* Convenience for cases. */
/* id of the first `objname` element returned by `command` with one filter k=v (k may be NULL).
 * returns: owned, or NULL. */
char *cs_harness_find_id(struct csc_client *c, const char *command, const char *objname,
                         const char *k, const char *v);
/* `count` of a list call (0 for the empty `{}`), or -1 on error. */
long cs_harness_count(struct csc_client *c, const char *command, const struct csc_param *params,
                      size_t n);
/* A child by dotted path ("jobresult.virtualmachine.state"). returns: borrowed, or NULL. */
json_t *cs_harness_path(json_t *obj, const char *path);
/* String at a dotted path, or NULL. returns: borrowed. */
const char *cs_harness_str(json_t *obj, const char *path);

#endif
