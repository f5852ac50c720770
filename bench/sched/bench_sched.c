/* Scheduler benchmark: placement throughput and latency on generated 1k-100k host topologies. */
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "sched_index.h"
#include "cs_banned.h"

#define MIB (INT64_C(1) << 20)
#define GIB (INT64_C(1) << 30)
#define HOSTS_PER_ZONE 20000
#define SCAN_QUERIES 2000
#define GIVE_UP_AFTER 2000 /* consecutive failed placements: the topology is as full as it gets */
#define DEDICATED_ACCOUNTS 20
#define GROUP_SIZE 10

struct opts {
    size_t sizes[16];
    size_t n_sizes;
    unsigned mixes; /* bit per enum mix */
    size_t placements; /* cap on placement attempts per size, 0 = until the fill target */
    int fill_pct;
    uint64_t seed;
    const char *out;
};

/* ---- seeded PRNG (splitmix64): the same topology and workload on every run ---- */

static uint64_t rng_state;

static uint64_t rnd(void)
{
    uint64_t z = (rng_state += UINT64_C(0x9E3779B97F4A7C15));
    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    return z ^ (z >> 31);
}

static size_t rnd_below(size_t n)
{
    return (size_t)(rnd() % n);
}

static uint64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* ---- topology ---- */

struct range {
    int64_t first, count; /* host ids first .. first+count-1 */
};

struct topo {
    struct cs_sched_host *hosts; /* ids 1..n in (zone, pod, cluster) order, as a DB load gives */
    size_t n;
    int zones, pods, clusters;
    struct range *zone_hosts, *pod_hosts, *cluster_hosts; /* indexed by id - 1 */
    int *pod_zone, *cluster_zone;
    int64_t cpu_total, mem_total;
};

static void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size);
    if (!p) {
        fprintf(stderr, "cstack-bench-sched: out of memory\n");
        exit(2);
    }
    return p;
}

/* Zones of up to 20k hosts, pods of 4-8 clusters, clusters of 16-32 hosts; hosts of 16-48
 * cores at 2.0-2.8 GHz with 64-256 GiB; 2% of hosts down or disabled. Every 10th cluster's hosts
 * carry the tag "ssd", every 33rd's "gpu"; every 20th cluster is dedicated to one of 20 accounts
 * (dedication id = account number 1..20). */
static void topo_make(struct topo *t, size_t n, uint64_t ssd, uint64_t gpu)
{
    memset(t, 0, sizeof(*t));
    t->hosts = xcalloc(n, sizeof(*t->hosts));
    t->n = n;
    t->zones = (int)((n + HOSTS_PER_ZONE - 1) / HOSTS_PER_ZONE);
    t->zone_hosts = xcalloc((size_t)t->zones, sizeof(struct range));
    t->pod_hosts = xcalloc(n / 64 + 2, sizeof(struct range));
    t->pod_zone = xcalloc(n / 64 + 2, sizeof(int));
    t->cluster_hosts = xcalloc(n / 16 + 2, sizeof(struct range));
    t->cluster_zone = xcalloc(n / 16 + 2, sizeof(int));
    static const int cores[] = {16, 24, 32, 48};
    static const int mhz[] = {2000, 2400, 2800};
    static const int mem_gib[] = {64, 128, 192, 256};
    size_t per_zone = (n + (size_t)t->zones - 1) / (size_t)t->zones;
    int64_t id = 1;
    for (int z = 0; z < t->zones; z++) {
        size_t zone_end = (size_t)(z + 1) * per_zone < n ? (size_t)(z + 1) * per_zone : n;
        t->zone_hosts[z].first = id;
        while ((size_t)id <= zone_end) {
            int pod = t->pods++;
            t->pod_zone[pod] = z;
            t->pod_hosts[pod].first = id;
            int clusters = 4 + (int)rnd_below(5);
            for (int c = 0; c < clusters && (size_t)id <= zone_end; c++) {
                int cl = t->clusters++;
                t->cluster_zone[cl] = z;
                t->cluster_hosts[cl].first = id;
                int size = 16 + (int)rnd_below(17);
                for (int k = 0; k < size && (size_t)id <= zone_end; k++, id++) {
                    struct cs_sched_host *h = &t->hosts[id - 1];
                    *h = (struct cs_sched_host){
                        .id = id, .zone_id = z + 1, .pod_id = pod + 1, .cluster_id = cl + 1,
                        .up = rnd_below(100) != 0, .enabled = rnd_below(100) != 0,
                        .cpu_cores = cores[rnd_below(4)], .cpu_mhz = mhz[rnd_below(3)],
                        .mem_bytes = mem_gib[rnd_below(4)] * GIB,
                        .tags = (cl % 10 == 3 ? ssd : 0) | (cl % 33 == 7 ? gpu : 0),
                        .dedication_id = cl % 20 == 11 ? 1 + (cl / 20) % DEDICATED_ACCOUNTS : 0};
                    t->cpu_total += (int64_t)h->cpu_cores * h->cpu_mhz;
                    t->mem_total += h->mem_bytes;
                }
                t->cluster_hosts[cl].count = id - t->cluster_hosts[cl].first;
            }
            t->pod_hosts[pod].count = id - t->pod_hosts[pod].first;
        }
        t->zone_hosts[z].count = id - t->zone_hosts[z].first;
    }
}

static void topo_free(struct topo *t)
{
    free(t->hosts);
    free(t->zone_hosts);
    free(t->pod_hosts);
    free(t->pod_zone);
    free(t->cluster_hosts);
    free(t->cluster_zone);
}

/* ---- workload ---- */

/* CloudStack-like offerings: many small VMs, a few large ones. */
struct size_class {
    int weight, cpus, mhz;
    int64_t mem;
};

static const struct size_class vm_sizes[] = {
    {30, 1, 500, 512 * MIB}, {25, 1, 1000, 1 * GIB}, {20, 2, 1000, 2 * GIB},
    {15, 4, 2000, 8 * GIB},  {8, 8, 2000, 16 * GIB}, {2, 16, 2400, 32 * GIB},
};

/* A request: 70% zone scope, 18% pod, 8% cluster, 2% explicit host, 2% any zone; 5% carry an
 * avoid set of 1-4 hosts (a retry after failures, or anti-affinity). */
static void make_request(const struct topo *t, struct cs_sched_request *r, int64_t *avoid)
{
    int w = (int)rnd_below(100), acc = 0;
    const struct size_class *s = &vm_sizes[0];
    for (size_t i = 0; i < sizeof(vm_sizes) / sizeof(vm_sizes[0]); i++) {
        acc += vm_sizes[i].weight;
        if (w < acc) {
            s = &vm_sizes[i];
            break;
        }
    }
    int z = (int)rnd_below((size_t)t->zones);
    *r = (struct cs_sched_request){.zone_id = z + 1, .cpus = s->cpus, .cpu_mhz = s->mhz,
                                   .mem_bytes = s->mem};
    int scope = (int)rnd_below(100);
    const struct range *zr = &t->zone_hosts[z];
    int64_t pick = zr->first + (int64_t)rnd_below((size_t)zr->count);
    const struct cs_sched_host *any = &t->hosts[pick - 1];
    if (scope < 18) {
        r->pod_id = any->pod_id;
    } else if (scope < 26) {
        r->cluster_id = any->cluster_id;
    } else if (scope < 28) {
        r->host_id = any->id;
    } else if (scope < 30) {
        r->zone_id = 0;
    }
    if (rnd_below(100) < 5) {
        r->n_avoid = 1 + rnd_below(4);
        for (size_t i = 0; i < r->n_avoid; i++)
            avoid[i] = zr->first + (int64_t)rnd_below((size_t)zr->count);
        r->avoid = avoid;
    }
}

/* ---- request mixes ---- */

enum mix { MIX_PLAIN, MIX_TAGS, MIX_ANTI, MIX_DEDICATED, MIX_CS_DEFAULT, MIX__COUNT };

static const char *const mix_name[MIX__COUNT] = {"plain", "tags", "anti-affinity", "dedicated",
                                                 "cs-default"};
static const char *const mix_desc[MIX__COUNT] = {
    "host-order first fit; 70% zone, 18% pod, 8% cluster, 2% host, 2% any-zone scope; 5% avoid "
    "1-4 hosts",
    "plain, and 40% of requests need host tag ssd (10% of clusters) or 10% gpu (3%)",
    "plain, and 60% of VMs join anti-affinity groups of 10 (avoid = hosts of the group's members)",
    "plain from shared accounts, and 20% from the 20 accounts owning dedicated clusters (5%) with "
    "explicit dedication",
    "FirstFitPlanner (clusters by CPU use, 0.85 disable thresholds) + random allocator, CloudStack's "
    "defaults, zone scope",
};

struct vm {
    int64_t host, cpu, mem;
    int32_t group; /* anti-affinity group, -1 = none */
};

/* Anti-affinity groups: up to GROUP_SIZE member hosts each (members released leave the group). */
struct group {
    int64_t hosts[GROUP_SIZE];
    int n;
};

static const char *const tag_ssd[] = {"ssd"}, *const tag_gpu[] = {"gpu"};

/* Shapes a plain request for a mix; *ret_group is the group the VM joins (-1 none). */
static void mix_request(enum mix mix, const struct topo *t, struct cs_sched_request *r,
                        int64_t *avoid, struct group *groups, size_t n_groups, int32_t *ret_group)
{
    make_request(t, r, avoid);
    *ret_group = -1;
    switch (mix) {
    case MIX_TAGS: {
        int d = (int)rnd_below(100);
        if (d < 40) {
            r->host_tags = d < 30 ? tag_ssd : tag_gpu;
            r->n_host_tags = 1;
        }
        break;
    }
    case MIX_ANTI: {
        if (r->host_id || rnd_below(100) >= 60)
            break;
        size_t g = rnd_below(n_groups);
        if (groups[g].n >= GROUP_SIZE)
            break;
        *ret_group = (int32_t)g;
        for (int k = 0; k < groups[g].n; k++)
            avoid[k] = groups[g].hosts[k];
        r->avoid = avoid;
        r->n_avoid = (size_t)groups[g].n;
        break;
    }
    case MIX_DEDICATED:
        if (rnd_below(100) < 20) {
            r->account_id = 1 + (int64_t)rnd_below(DEDICATED_ACCOUNTS);
            r->explicit_dedication = true;
            r->host_id = 0;
        } else {
            r->account_id = 1000 + (int64_t)rnd_below(1000);
        }
        break;
    case MIX_CS_DEFAULT:
        r->pod_id = r->cluster_id = r->host_id = 0;
        if (!r->zone_id)
            r->zone_id = 1 + (int64_t)rnd_below((size_t)t->zones);
        r->planner = CS_SCHED_PLANNER_FIRST_FIT;
        r->allocator = CS_SCHED_ALLOC_RANDOM;
        r->seed = rnd();
        break;
    case MIX_PLAIN:
    default:
        break;
    }
}

struct result {
    size_t hosts;
    enum mix mix;
    int zones, pods, clusters;
    double load_ms;
    size_t attempts, placed, failed, released;
    double fill_pct;
    double per_s;
    double p50, p99, p999, max; /* µs */
    double scan_us, index_us;
    bool agree;
    bool baseline;
};

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

static double pct(const uint32_t *sorted, size_t n, double p)
{
    if (n == 0)
        return 0;
    size_t i = (size_t)(p * (double)(n - 1) + 0.5);
    return sorted[i] / 1000.0;
}

static void progress(size_t hosts, double frac)
{
    static int last = -1;
    int p = (int)(frac * 100);
    if (p > 100)
        p = 100;
    if (p == last && frac > 0)
        return;
    last = p;
    char bar[41];
    int fill = p * 40 / 100;
    for (int i = 0; i < 40; i++)
        bar[i] = i < fill ? '#' : '.';
    bar[40] = '\0';
    fprintf(stderr, "\r%7zu hosts [%s] %3d%%", hosts, bar, p);
    if (p >= 100)
        fprintf(stderr, "\n");
}

/* ---- linear-scan baseline, on packed records of the final state ---- */

struct packed {
    int64_t id, cpu_free, mem_free;
    int32_t cores, mhz;
};

static int64_t scan_first_fit(const struct packed *p, size_t n, const struct cs_sched_request *r)
{
    int64_t cpu = (int64_t)r->cpus * r->cpu_mhz;
    for (size_t i = 0; i < n; i++) {
        if (p[i].cpu_free >= cpu && p[i].mem_free >= r->mem_bytes && p[i].cores >= r->cpus &&
            p[i].mhz >= r->cpu_mhz)
            return p[i].id;
    }
    return 0;
}

/* Times SCAN_QUERIES zone-scope requests both ways; checks that both choose the same host. */
static void baseline(const struct topo *t, const struct cs_sched_index *idx, struct result *res)
{
    struct packed *p = xcalloc(t->n, sizeof(*p));
    struct cs_sched_factors f = cs_sched_index_factors(idx);
    for (size_t i = 0; i < t->n; i++) {
        struct cs_sched_host h;
        struct cs_err err;
        if (cs_sched_index_get(idx, (int64_t)i + 1, &h, &err) < 0)
            continue;
        int64_t cpu, mem;
        cs_sched_host_total(&h, f, &cpu, &mem);
        bool ok = h.up && h.enabled && !h.dedication_id; /* plain requests: shared hosts */
        p[i] = (struct packed){h.id, ok ? cpu - h.cpu_used_mhz : INT64_MIN,
                               ok ? mem - h.mem_used_bytes : INT64_MIN, h.cpu_cores, h.cpu_mhz};
    }
    struct cs_sched_request *q = xcalloc(SCAN_QUERIES, sizeof(*q));
    int64_t avoid[4];
    for (size_t i = 0; i < SCAN_QUERIES; i++) {
        make_request(t, &q[i], avoid);
        q[i] = (struct cs_sched_request){.zone_id = 1 + (int64_t)rnd_below((size_t)t->zones),
                                         .cpus = q[i].cpus, .cpu_mhz = q[i].cpu_mhz,
                                         .mem_bytes = q[i].mem_bytes};
    }
    int64_t *want = xcalloc(SCAN_QUERIES, sizeof(*want));
    uint64_t t0 = now_ns();
    for (size_t i = 0; i < SCAN_QUERIES; i++) {
        const struct range *zr = &t->zone_hosts[q[i].zone_id - 1];
        want[i] = scan_first_fit(&p[zr->first - 1], (size_t)zr->count, &q[i]);
    }
    uint64_t t1 = now_ns();
    res->agree = true;
    for (size_t i = 0; i < SCAN_QUERIES; i++) {
        int64_t got = 0;
        struct cs_err err;
        if (cs_sched_place(idx, &q[i], &got, &err) < 0)
            got = 0;
        if (got != want[i])
            res->agree = false;
    }
    uint64_t t2 = now_ns();
    res->scan_us = (double)(t1 - t0) / SCAN_QUERIES / 1000.0;
    res->index_us = (double)(t2 - t1) / SCAN_QUERIES / 1000.0;
    free(p);
    free(q);
    free(want);
}

/* ---- one size, one mix ---- */

static void group_leave(struct group *groups, const struct vm *v)
{
    if (v->group < 0)
        return;
    struct group *g = &groups[v->group];
    for (int k = 0; k < g->n; k++) {
        if (g->hosts[k] == v->host) {
            g->hosts[k] = g->hosts[--g->n];
            return;
        }
    }
}

static struct cs_sched_index *load_index(const struct opts *o, struct topo *t, size_t n_hosts,
                                         enum mix mix, struct result *res)
{
    rng_state = o->seed ^ n_hosts;
    struct cs_sched_index *idx = cs_sched_index_new((struct cs_sched_factors){1.0, 1.0});
    struct cs_err err;
    uint64_t ssd, gpu;
    if (!idx || cs_sched_index_tag(idx, "ssd", &ssd, &err) < 0 ||
        cs_sched_index_tag(idx, "gpu", &gpu, &err) < 0) {
        fprintf(stderr, "cstack-bench-sched: index setup failed\n");
        exit(2);
    }
    for (int64_t a = 1; a <= DEDICATED_ACCOUNTS; a++) {
        if (cs_sched_index_set_dedication(idx, a, 1, a, &err) < 0) {
            fprintf(stderr, "cstack-bench-sched: %s\n", err.msg);
            exit(2);
        }
    }
    topo_make(t, n_hosts, ssd, gpu);
    res->hosts = n_hosts;
    res->mix = mix;
    res->zones = t->zones;
    res->pods = t->pods;
    res->clusters = t->clusters;
    uint64_t l0 = now_ns();
    for (size_t i = 0; i < t->n; i++) {
        if (cs_sched_index_put(idx, &t->hosts[i], &err) < 0) {
            fprintf(stderr, "cstack-bench-sched: put: %s\n", err.msg);
            exit(2);
        }
    }
    if (mix == MIX_CS_DEFAULT) {
        for (int c = 1; c <= t->clusters; c++) {
            if (cs_sched_index_set_cluster(idx, c, (struct cs_sched_factors){0, 0},
                                           (struct cs_sched_thresholds){0.85, 0.85}, &err) < 0) {
                fprintf(stderr, "cstack-bench-sched: %s\n", err.msg);
                exit(2);
            }
        }
    }
    res->load_ms = (double)(now_ns() - l0) / 1e6;
    return idx;
}

static int run_size(const struct opts *o, size_t n_hosts, enum mix mix, struct result *res)
{
    memset(res, 0, sizeof(*res));
    struct topo t;
    struct cs_sched_index *idx = load_index(o, &t, n_hosts, mix, res);
    struct cs_err err;

    /* ~18 VMs per host fill the CPU; size the arrays for the fill target plus slack */
    size_t max_vms = n_hosts * 24 + 1024;
    size_t max_attempts = o->placements ? o->placements : max_vms * 2;
    size_t n_groups = n_hosts / 4 + 1;
    struct vm *vms = xcalloc(max_vms, sizeof(*vms));
    struct group *groups = xcalloc(n_groups, sizeof(*groups));
    uint32_t *lat = xcalloc(max_attempts, sizeof(*lat));
    size_t n_vms = 0, streak = 0;
    int64_t cpu_used = 0, cpu_goal = t.cpu_total / 100 * o->fill_pct;
    int64_t avoid[GROUP_SIZE > 4 ? GROUP_SIZE : 4];
    uint64_t busy = 0;
    progress(n_hosts, 0);
    while (res->attempts < max_attempts && cpu_used < cpu_goal && streak < GIVE_UP_AFTER &&
           n_vms < max_vms) {
        if (n_vms > 0 && rnd_below(100) < 15) {
            size_t k = rnd_below(n_vms);
            struct vm v = vms[k];
            vms[k] = vms[--n_vms];
            cs_sched_release(idx, v.host, v.cpu, v.mem);
            group_leave(groups, &v);
            cpu_used -= v.cpu;
            res->released++;
            continue;
        }
        struct cs_sched_request r;
        int32_t group;
        mix_request(mix, &t, &r, avoid, groups, n_groups, &group);
        int64_t host = 0, cpu = (int64_t)r.cpus * r.cpu_mhz;
        uint64_t a = now_ns();
        int rc = cs_sched_place(idx, &r, &host, &err);
        if (rc == 0)
            rc = cs_sched_reserve(idx, host, cpu, r.mem_bytes, &err);
        uint64_t d = now_ns() - a;
        busy += d;
        lat[res->attempts++] = d > UINT32_MAX ? UINT32_MAX : (uint32_t)d;
        if (rc == 0) {
            vms[n_vms++] = (struct vm){host, cpu, r.mem_bytes, group};
            if (group >= 0) {
                struct group *g = &groups[group];
                for (int k = 0; k < g->n; k++) {
                    if (g->hosts[k] == host) {
                        fprintf(stderr, "\ncstack-bench-sched: anti-affinity broken\n");
                        return -1;
                    }
                }
                g->hosts[g->n++] = host;
            }
            cpu_used += cpu;
            res->placed++;
            streak = 0;
        } else if (err.code == CS_ERR_CAPACITY) {
            res->failed++;
            streak++;
        } else {
            fprintf(stderr, "\ncstack-bench-sched: place: %s\n", err.msg);
            return -1;
        }
        if ((res->attempts & 1023) == 0) {
            double a_frac = o->placements ? (double)res->attempts / (double)o->placements : 0;
            double f_frac = (double)cpu_used / (double)cpu_goal;
            progress(n_hosts, a_frac > f_frac ? a_frac : f_frac);
        }
    }
    progress(n_hosts, 1.0);
    res->fill_pct = 100.0 * (double)cpu_used / (double)t.cpu_total;
    res->per_s = busy ? (double)res->attempts / ((double)busy / 1e9) : 0;
    qsort(lat, res->attempts, sizeof(*lat), cmp_u32);
    res->p50 = pct(lat, res->attempts, 0.50);
    res->p99 = pct(lat, res->attempts, 0.99);
    res->p999 = pct(lat, res->attempts, 0.999);
    res->max = res->attempts ? lat[res->attempts - 1] / 1000.0 : 0;
    res->agree = true;
    if (mix == MIX_PLAIN) {
        res->baseline = true;
        baseline(&t, idx, res);
    }
    free(vms);
    free(groups);
    free(lat);
    cs_sched_index_free(idx);
    topo_free(&t);
    if (!res->agree) {
        fprintf(stderr, "cstack-bench-sched: %zu hosts: index and linear scan disagree\n", n_hosts);
        return -1;
    }
    return 0;
}

/* ---- output ---- */

static const char *const columns =
    "hosts,mix,zones,pods,clusters,load_ms,attempts,placed,failed,released,fill_pct,"
    "placements_per_s,p50_us,p99_us,p999_us,max_us,scan_us,index_us,speedup";

static void print_table(const struct result *r, size_t n)
{
    printf("\n%7s %-13s %8s %9s %8s %5s %12s %7s %7s %7s %8s %8s %8s %8s\n", "hosts", "mix",
           "load_ms", "attempts", "failed", "fill%", "placements/s", "p50_us", "p99_us",
           "p999_us", "max_us", "scan_us", "index_us", "speedup");
    for (size_t i = 0; i < n; i++) {
        printf("%7zu %-13s %8.1f %9zu %8zu %5.1f %12.0f %7.2f %7.2f %7.2f %8.1f", r[i].hosts,
               mix_name[r[i].mix], r[i].load_ms, r[i].attempts, r[i].failed, r[i].fill_pct,
               r[i].per_s, r[i].p50, r[i].p99, r[i].p999, r[i].max);
        if (r[i].baseline)
            printf(" %8.2f %8.3f %7.1fx\n", r[i].scan_us, r[i].index_us,
                   r[i].index_us > 0 ? r[i].scan_us / r[i].index_us : 0);
        else
            printf(" %8s %8s %8s\n", "-", "-", "-");
    }
    printf("(placement = cs_sched_place + cs_sched_reserve, failures included, 15%% releases mixed "
           "in, until the fill target; scan_us/index_us: zone-scope first fit at the final fill, "
           "linear scan over packed records vs the index, same answers checked)\nmixes:\n");
    for (int m = 0; m < MIX__COUNT; m++)
        printf("  %-13s %s\n", mix_name[m], mix_desc[m]);
}

/* Throughput and p99 per mix against hosts: one compact table, the way the issue quotes it. */
static void print_matrix(const struct result *r, size_t n, const struct opts *o)
{
    printf("\nplacements/s | p50 / p99 / p99.9 us\n%7s", "hosts");
    for (int m = 0; m < MIX__COUNT; m++) {
        if (o->mixes & (1u << m))
            printf(" | %-30s", mix_name[m]);
    }
    printf("\n");
    for (size_t i = 0; i < n;) {
        size_t hosts = r[i].hosts;
        printf("%7zu", hosts);
        for (; i < n && r[i].hosts == hosts; i++) {
            char cell[64];
            snprintf(cell, sizeof(cell), "%.0fk/s %.2f/%.2f/%.2f", r[i].per_s / 1000, r[i].p50,
                     r[i].p99, r[i].p999);
            printf(" | %-30s", cell);
        }
        printf("\n");
    }
}

static int mkdirs(const char *path)
{
    char buf[4096];
    int len = snprintf(buf, sizeof(buf), "%s", path);
    if (len <= 0 || (size_t)len >= sizeof(buf))
        return -1;
    for (char *p = buf + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(buf, 0755) < 0 && errno != EEXIST)
            return -1;
        *p = '/';
    }
    return (mkdir(buf, 0755) < 0 && errno != EEXIST) ? -1 : 0;
}

static int write_csv(const char *dir, const struct result *r, size_t n, char *path, size_t len)
{
    snprintf(path, len, "%s/sched.csv", dir);
    FILE *f = fopen(path, "w");
    if (!f)
        return -1;
    fprintf(f, "%s\n", columns);
    for (size_t i = 0; i < n; i++)
        fprintf(f,
                "%zu,%s,%d,%d,%d,%.2f,%zu,%zu,%zu,%zu,%.2f,%.0f,%.3f,%.3f,%.3f,%.3f,%.3f,%.4f,"
                "%.1f\n",
                r[i].hosts, mix_name[r[i].mix], r[i].zones, r[i].pods, r[i].clusters,
                r[i].load_ms, r[i].attempts, r[i].placed, r[i].failed, r[i].released,
                r[i].fill_pct, r[i].per_s, r[i].p50, r[i].p99, r[i].p999, r[i].max,
                r[i].baseline ? r[i].scan_us : 0, r[i].baseline ? r[i].index_us : 0,
                r[i].baseline && r[i].index_us > 0 ? r[i].scan_us / r[i].index_us : 0);
    return fclose(f) == 0 ? 0 : -1;
}

/* Throughput and p99 against hosts, one line per mix, if gnuplot is installed. */
static void plot(const char *dir, const char *csv, const struct opts *o)
{
    if (system("command -v gnuplot >/dev/null 2>&1") != 0) {
        printf("gnuplot not found: no plot\n");
        return;
    }
    char png[4096];
    snprintf(png, sizeof(png), "%s/sched.png", dir);
    FILE *g = popen("gnuplot", "w");
    if (!g) {
        printf("gnuplot failed to start: no plot\n");
        return;
    }
    fprintf(g, "set terminal png size 1200,500\nset output '%s'\n", png);
    fprintf(g, "set datafile separator ','\nset key top left\nset logscale x\n"
               "set xlabel 'hosts'\nset multiplot layout 1,2 title 'cstack scheduler'\n");
    const char *what[2][3] = {{"placements per second", "12", "throughput"},
                              {"p99 microseconds per placement", "14", "p99 latency"}};
    for (int k = 0; k < 2; k++) {
        fprintf(g, "set ylabel '%s'\nset title '%s'\nplot ", what[k][0], what[k][2]);
        bool first = true;
        for (int m = 0; m < MIX__COUNT; m++) {
            if (!(o->mixes & (1u << m)))
                continue;
            fprintf(g, "%s'%s' using 1:(strcol(2) eq '%s' ? $%s : 1/0) every ::1 "
                       "with linespoints title '%s'",
                    first ? "" : ", ", csv, mix_name[m], what[k][1], mix_name[m]);
            first = false;
        }
        fprintf(g, "\n");
    }
    fprintf(g, "unset multiplot\n");
    if (pclose(g) == 0)
        printf("plot: %s\n", png);
    else
        printf("gnuplot failed: no plot\n");
}

/* ---- main ---- */

static void usage(FILE *f)
{
    fprintf(f, "usage: cstack-bench-sched [--sizes 1000,10000,40000,100000] [--placements N]\n"
               "                          [--fill PCT] [--seed N] [--out DIR]\n"
               "                          [--mixes plain,tags,anti-affinity,dedicated,cs-default]\n"
               "Places VMs of mixed sizes on generated topologies until PCT%% of the CPU is\n"
               "reserved (default 85) or N placement attempts (default: no cap), with releases\n"
               "mixed in; prints a table and writes DIR/sched.csv (default %s).\n",
            CSTACK_BENCH_RESULTS_DIR);
}

static int parse_u64(const char *s, uint64_t max, uint64_t *ret)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || end == s || *end || v > max || s[0] == '-')
        return -1;
    *ret = v;
    return 0;
}

static int parse_sizes(const char *s, struct opts *o)
{
    o->n_sizes = 0;
    char buf[256];
    snprintf(buf, sizeof(buf), "%s", s);
    char *save = NULL;
    for (char *tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
        uint64_t v;
        if (o->n_sizes == 16 || parse_u64(tok, 10000000, &v) < 0 || v == 0)
            return -1;
        o->sizes[o->n_sizes++] = (size_t)v;
    }
    return o->n_sizes ? 0 : -1;
}

static int parse_mixes(const char *s, struct opts *o)
{
    o->mixes = 0;
    char buf[256];
    snprintf(buf, sizeof(buf), "%s", s);
    char *save = NULL;
    for (char *tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
        int m = 0;
        while (m < MIX__COUNT && strcmp(tok, mix_name[m]) != 0)
            m++;
        if (m == MIX__COUNT)
            return -1;
        o->mixes |= 1u << m;
    }
    return o->mixes ? 0 : -1;
}

static int parse_args(int argc, char **argv, struct opts *o)
{
    *o = (struct opts){.sizes = {1000, 10000, 40000, 100000}, .n_sizes = 4, .fill_pct = 85,
                       .mixes = (1u << MIX__COUNT) - 1,
                       .seed = 42, .out = CSTACK_BENCH_RESULTS_DIR};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        uint64_t n;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            usage(stdout);
            exit(0);
        }
        if (!v)
            return -1;
        i++;
        if (!strcmp(a, "--sizes")) {
            if (parse_sizes(v, o) < 0)
                return -1;
        } else if (!strcmp(a, "--placements")) {
            if (parse_u64(v, UINT32_MAX, &n) < 0)
                return -1;
            o->placements = (size_t)n;
        } else if (!strcmp(a, "--fill")) {
            if (parse_u64(v, 100, &n) < 0 || n == 0)
                return -1;
            o->fill_pct = (int)n;
        } else if (!strcmp(a, "--seed")) {
            if (parse_u64(v, UINT64_MAX, &o->seed) < 0)
                return -1;
        } else if (!strcmp(a, "--mixes")) {
            if (parse_mixes(v, o) < 0)
                return -1;
        } else if (!strcmp(a, "--out")) {
            o->out = v;
        } else {
            return -1;
        }
    }
    return 0;
}

int main(int argc, char **argv)
{
    struct opts o;
    if (parse_args(argc, argv, &o) < 0) {
        usage(stderr);
        return 2;
    }
    static struct result res[16 * MIX__COUNT];
    size_t n = 0;
    int rc = 0;
    for (size_t i = 0; i < o.n_sizes; i++) {
        for (int m = 0; m < MIX__COUNT; m++) {
            if (!(o.mixes & (1u << m)))
                continue;
            fprintf(stderr, "%-13s ", mix_name[m]);
            if (run_size(&o, o.sizes[i], (enum mix)m, &res[n++]) < 0)
                rc = 1;
        }
    }
    print_table(res, n);
    print_matrix(res, n, &o);
    char csv[4096];
    if (mkdirs(o.out) < 0 || write_csv(o.out, res, n, csv, sizeof(csv)) < 0) {
        fprintf(stderr, "cstack-bench-sched: cannot write results to %s: %s\n", o.out,
                strerror(errno));
        return 1;
    }
    printf("results: %s\n", csv);
    plot(o.out, csv, &o);
    return rc;
}
