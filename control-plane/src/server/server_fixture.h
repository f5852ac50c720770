/* Zone fixtures: a Marvin-like JSON topology applied through the service layer. */
#ifndef CS_SERVER_FIXTURE_H
#define CS_SERVER_FIXTURE_H

#include "svc.h"

/* What a load did. */
struct cs_server_fixture_stats {
    long created;  /* objects created */
    long existing; /* objects already there, left as they were */
    double seconds;
};

/* Applies the fixture file at path (format: fixtures/README.md) as the system caller: global
 * settings, service offerings, templates, zones (created Enabled) with their pods, clusters,
 * hosts, primary and secondary storage. Idempotent: objects that already exist (zone by name,
 * pod by name in its zone, cluster by name in its pod, host by url, pool by name in its zone,
 * image store by url, offering and template by name) are left as they are. Stops at the first
 * error; what was applied before it stays. */
int cs_server_fixture_load(struct cs_svc *svc, const char *path, struct cs_err *err);
/* The same, reporting what the load did. */
int cs_server_fixture_load_stats(struct cs_svc *svc, const char *path,
                                 struct cs_server_fixture_stats *ret_stats, struct cs_err *err);

#endif
