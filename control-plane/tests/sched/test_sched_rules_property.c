/* Randomized property test of the placement rules: tags, dedication, affinity, thresholds. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "sched_index.h"

#define MIB (INT64_C(1) << 20)
#define MAX_HOSTS 400
#define MAX_CLUSTERS 64
#define MAX_VMS 8000
#define N_TAGS 4
#define N_GROUPS 6

static uint64_t rng_state;

static uint64_t rnd(void)
{
    uint64_t z = (rng_state += UINT64_C(0x9E3779B97F4A7C15));
    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    return z ^ (z >> 31);
}

static int64_t rnd_in(int64_t lo, int64_t hi)
{
    return lo + (int64_t)(rnd() % (uint64_t)(hi - lo + 1));
}

static const char *const tag_names[N_TAGS] = {"ssd", "gpu", "fast", "nvme"};

/* Dedications: 1 -> account 10, 2 -> domain 2 (and below), 3 -> account 12. Accounts 10, 11
 * and 12 live in domains {1,2}, {1,2,3} and {1,4}; account 13 in {1}. */
static const int64_t ded_account[4] = {0, 10, 0, 12}, ded_domain[4] = {0, 1, 2, 4};
static const int64_t path10[] = {1, 2}, path11[] = {1, 2, 3}, path12[] = {1, 4}, path13[] = {1};

struct cluster {
    struct cs_sched_factors f; /* 0 = the index's */
    struct cs_sched_thresholds thr;
};

struct model {
    struct cs_sched_host h[MAX_HOSTS]; /* sorted by id */
    size_t n;
    uint64_t tag_bit[N_TAGS];
    struct cluster cl[MAX_CLUSTERS + 1];
    int64_t clusters;
    int64_t zone2_ded; /* dedication of zone 2, 0 = none */
};

struct vm {
    int64_t host, cpu, mem;
    int group; /* anti-affinity group, -1 = none */
};

static struct vm vms[MAX_VMS];
static size_t n_vms;

static struct cs_sched_factors factors_of(const struct model *m, int64_t cluster)
{
    struct cs_sched_factors f = m->cl[cluster].f;
    return (struct cs_sched_factors){f.cpu > 0 ? f.cpu : 1.0, f.mem > 0 ? f.mem : 1.0};
}

static void totals(const struct model *m, const struct cs_sched_host *h, int64_t *cpu,
                   int64_t *mem)
{
    struct cs_sched_factors f = factors_of(m, h->cluster_id);
    *cpu = (int64_t)((double)h->cpu_cores * (double)h->cpu_mhz * f.cpu);
    *mem = (int64_t)((double)h->mem_bytes * f.mem);
}

static struct cs_sched_host *find(struct model *m, int64_t id)
{
    for (size_t i = 0; i < m->n; i++) {
        if (m->h[i].id == id)
            return &m->h[i];
    }
    return NULL;
}

static bool in_list(const int64_t *v, size_t n, int64_t x)
{
    for (size_t i = 0; i < n; i++) {
        if (v[i] == x)
            return true;
    }
    return false;
}

static bool crosses(double thr, int64_t used, int64_t need, int64_t raw, double f)
{
    if (!(thr > 0))
        return false;
    double total = (double)raw * f;
    return total <= 0 || (double)(used + need) / total > thr;
}

static bool cluster_over(const struct model *m, int64_t c, const struct cs_sched_request *r)
{
    int64_t raw_cpu = 0, raw_mem = 0, used_cpu = 0, used_mem = 0;
    for (size_t i = 0; i < m->n; i++) {
        const struct cs_sched_host *h = &m->h[i];
        if (h->cluster_id != c)
            continue;
        raw_cpu += (int64_t)h->cpu_cores * h->cpu_mhz;
        raw_mem += h->mem_bytes;
        used_cpu += h->cpu_used_mhz;
        used_mem += h->mem_used_bytes;
    }
    struct cs_sched_factors f = factors_of(m, c);
    return crosses(m->cl[c].thr.cpu, used_cpu, (int64_t)r->cpus * r->cpu_mhz, raw_cpu, f.cpu) ||
           crosses(m->cl[c].thr.mem, used_mem, r->mem_bytes, raw_mem, f.mem);
}

static bool owns(const struct cs_sched_request *r, int64_t ded)
{
    if (ded < 1 || ded > 3)
        return false;
    if (ded_account[ded])
        return r->account_id == ded_account[ded];
    return in_list(r->domain_path, r->n_domain_path, ded_domain[ded]);
}

/* The oracle: CloudStack's rules written out plainly, host by host. */
static bool oracle_fits(const struct model *m, const struct cs_sched_host *h,
                        const struct cs_sched_request *r)
{
    if ((r->zone_id && h->zone_id != r->zone_id) || (r->pod_id && h->pod_id != r->pod_id) ||
        (r->cluster_id && h->cluster_id != r->cluster_id))
        return false;
    if (!h->up || !h->enabled || in_list(r->avoid, r->n_avoid, h->id))
        return false;
    if (r->n_affinity_hosts && !in_list(r->affinity_hosts, r->n_affinity_hosts, h->id))
        return false;
    for (size_t t = 0; t < r->n_host_tags; t++) {
        uint64_t bit = 0;
        for (int k = 0; k < N_TAGS; k++) {
            if (strcmp(r->host_tags[t], tag_names[k]) == 0)
                bit = m->tag_bit[k];
        }
        if (!bit || !(h->tags & bit))
            return false;
    }
    bool zone_owner = false;
    if (h->zone_id == 2 && m->zone2_ded && !r->owner_is_root_admin) {
        if (!owns(r, m->zone2_ded))
            return false;
        zone_owner = ded_account[m->zone2_ded] != 0;
    }
    if (h->implicit_account_id) {
        if (r->planner != CS_SCHED_PLANNER_IMPLICIT || r->account_id != h->implicit_account_id)
            return false;
    } else if (h->dedication_id) {
        if (!(r->explicit_dedication || zone_owner) || !owns(r, h->dedication_id))
            return false;
    } else if (r->explicit_dedication) {
        return false;
    }
    int64_t cpu, mem;
    totals(m, h, &cpu, &mem);
    if (h->cpu_cores < r->cpus || h->cpu_mhz < r->cpu_mhz ||
        cpu - h->cpu_used_mhz < (int64_t)r->cpus * r->cpu_mhz ||
        mem - h->mem_used_bytes < r->mem_bytes)
        return false;
    return r->host_id || !cluster_over(m, h->cluster_id, r);
}

/* The implicit planner's stages: own implicit hosts, then empty shared hosts, then (preferred)
 * any shared host. */
static int implicit_stage(const struct cs_sched_host *h)
{
    if (h->implicit_account_id)
        return 0;
    return (h->cpu_used_mhz == 0 && h->mem_used_bytes == 0) ? 1 : 2;
}

static void build(struct model *m, struct cs_sched_index **ret_idx)
{
    memset(m, 0, sizeof(*m));
    struct cs_sched_index *idx = cs_sched_index_new((struct cs_sched_factors){1.0, 1.0});
    assert_non_null(idx);
    struct cs_err err = {0};
    for (int k = 0; k < N_TAGS; k++)
        assert_int_equal(cs_sched_index_tag(idx, tag_names[k], &m->tag_bit[k], &err), 0);
    for (int64_t d = 1; d <= 3; d++)
        assert_int_equal(
            cs_sched_index_set_dedication(idx, d, ded_domain[d], ded_account[d], &err), 0);
    int64_t pod = 0, id = rnd_in(1, 4);
    for (int64_t z = 1; z <= 2; z++) {
        for (int p = (int)rnd_in(1, 3); p > 0; p--) {
            pod++;
            for (int c = (int)rnd_in(1, 4); c > 0 && m->clusters < MAX_CLUSTERS; c--) {
                int64_t cl = ++m->clusters;
                int64_t ded = rnd() % 5 == 0 ? rnd_in(1, 3) : 0; /* a dedicated cluster */
                uint64_t ctags = rnd() % 3 == 0 ? m->tag_bit[rnd() % N_TAGS] : 0;
                for (int k = (int)rnd_in(1, 12); k > 0 && m->n < MAX_HOSTS; k--) {
                    struct cs_sched_host *h = &m->h[m->n++];
                    int cores[] = {2, 4, 8, 16};
                    *h = (struct cs_sched_host){
                        .id = id, .zone_id = z, .pod_id = pod, .cluster_id = cl,
                        .up = rnd() % 12 != 0, .enabled = rnd() % 12 != 0,
                        .cpu_cores = cores[rnd() % 4], .cpu_mhz = (int)rnd_in(10, 30) * 100,
                        .mem_bytes = rnd_in(2, 32) * 512 * MIB,
                        .tags = ctags | (rnd() % 4 == 0 ? m->tag_bit[rnd() % N_TAGS] : 0),
                        .dedication_id = rnd() % 15 == 0 ? rnd_in(1, 3) : ded};
                    if (rnd() % 25 == 0) {
                        h->dedication_id = 0;
                        h->implicit_account_id = rnd_in(10, 13);
                    }
                    id += rnd_in(1, 3);
                }
            }
        }
    }
    for (size_t i = m->n; i > 0; i--) /* put in reverse order: inserts in the middle */
        assert_int_equal(cs_sched_index_put(idx, &m->h[i - 1], &err), 0);
    *ret_idx = idx;
}

static void random_request(struct model *m, struct cs_sched_request *r, int64_t *avoid,
                           int64_t *affinity, const char **tags, int *ret_group)
{
    static const struct {
        int64_t account;
        const int64_t *path;
        size_t n;
    } owners[] = {{10, path10, 2}, {11, path11, 3}, {12, path12, 2}, {13, path13, 1}};
    int o = (int)(rnd() % 4);
    *r = (struct cs_sched_request){.cpus = (int)rnd_in(1, 4), .cpu_mhz = (int)rnd_in(2, 20) * 100,
                                   .mem_bytes = rnd_in(1, 16) * 256 * MIB,
                                   .account_id = owners[o].account,
                                   .domain_path = owners[o].path,
                                   .n_domain_path = owners[o].n};
    const struct cs_sched_host *h = &m->h[rnd() % m->n];
    switch (rnd() % 6) {
    case 0:
        r->cluster_id = h->cluster_id;
        break;
    case 1:
        r->pod_id = h->pod_id;
        break;
    case 2:
        break;
    default:
        r->zone_id = h->zone_id;
    }
    if (rnd() % 3 == 0) {
        r->n_host_tags = (size_t)rnd_in(1, 2);
        for (size_t t = 0; t < r->n_host_tags; t++)
            tags[t] = tag_names[rnd() % N_TAGS];
        r->host_tags = tags;
    }
    r->explicit_dedication = rnd() % 6 == 0;
    r->owner_is_root_admin = rnd() % 20 == 0;
    r->planner = (enum cs_sched_planner)(rnd() % CS_SCHED_PLANNER__COUNT);
    r->allocator = (enum cs_sched_allocator)(rnd() % CS_SCHED_ALLOC__COUNT);
    r->implicit_preferred = rnd() % 2;
    r->seed = rnd();
    r->dispersion_weight = (double)(rnd() % 5) / 4;
    *ret_group = -1;
    if (rnd() % 3 == 0) { /* anti-affinity: avoid the hosts of the group's other VMs */
        int g = (int)(rnd() % N_GROUPS);
        *ret_group = g;
        for (size_t k = 0; k < n_vms && r->n_avoid < 60; k++) {
            if (vms[k].group == g)
                avoid[r->n_avoid++] = vms[k].host;
        }
        r->avoid = avoid;
    }
    if (rnd() % 10 == 0) { /* host affinity */
        r->n_affinity_hosts = (size_t)rnd_in(0, 5);
        for (size_t k = 0; k < r->n_affinity_hosts; k++)
            affinity[k] = m->h[rnd() % m->n].id;
        r->affinity_hosts = affinity;
    }
}

static int64_t oracle_first(const struct model *m, const struct cs_sched_request *r)
{
    for (size_t i = 0; i < m->n; i++) {
        if (oracle_fits(m, &m->h[i], r))
            return m->h[i].id;
    }
    return 0;
}

/* Cluster and zone capacity (listCapacity) equal the sums over the model's hosts. */
static void check_capacity(const struct model *m, const struct cs_sched_index *idx)
{
    struct cs_err err = {0};
    struct cs_sched_capacity zone_want[3] = {{0}};
    for (int64_t c = 1; c <= m->clusters; c++) {
        int64_t raw_cpu = 0, raw_mem = 0, zone = 0;
        struct cs_sched_capacity want = {0}, got;
        for (size_t i = 0; i < m->n; i++) {
            const struct cs_sched_host *h = &m->h[i];
            if (h->cluster_id != c)
                continue;
            raw_cpu += (int64_t)h->cpu_cores * h->cpu_mhz;
            raw_mem += h->mem_bytes;
            want.cpu_used_mhz += h->cpu_used_mhz;
            want.mem_used_bytes += h->mem_used_bytes;
            want.hosts++;
            zone = h->zone_id;
        }
        if (!want.hosts) {
            assert_int_equal(cs_sched_index_capacity(idx, CS_SCHED_SCOPE_CLUSTER, c, &got, &err),
                             -CS_ERR_NOT_FOUND);
            continue;
        }
        struct cs_sched_factors f = factors_of(m, c);
        want.cpu_total_mhz = (int64_t)((double)raw_cpu * f.cpu);
        want.mem_total_bytes = (int64_t)((double)raw_mem * f.mem);
        assert_int_equal(cs_sched_index_capacity(idx, CS_SCHED_SCOPE_CLUSTER, c, &got, &err), 0);
        assert_memory_equal(&got, &want, sizeof(got));
        zone_want[zone].cpu_total_mhz += want.cpu_total_mhz;
        zone_want[zone].mem_total_bytes += want.mem_total_bytes;
        zone_want[zone].cpu_used_mhz += want.cpu_used_mhz;
        zone_want[zone].mem_used_bytes += want.mem_used_bytes;
        zone_want[zone].hosts += want.hosts;
    }
    for (int64_t z = 1; z <= 2; z++) {
        struct cs_sched_capacity got;
        if (cs_sched_index_capacity(idx, CS_SCHED_SCOPE_ZONE, z, &got, &err) == 0)
            assert_memory_equal(&got, &zone_want[z], sizeof(got));
    }
}

static void check_records(struct model *m, const struct cs_sched_index *idx)
{
    struct cs_err err = {0};
    check_capacity(m, idx);
    for (size_t i = 0; i < m->n; i++) {
        struct cs_sched_host got;
        assert_int_equal(cs_sched_index_get(idx, m->h[i].id, &got, &err), 0);
        assert_memory_equal(&got, &m->h[i], sizeof(got));
        int64_t cpu, mem;
        totals(m, &m->h[i], &cpu, &mem);
        assert_true(m->h[i].cpu_used_mhz <= cpu && m->h[i].mem_used_bytes <= mem);
    }
}

static void place_one(struct model *m, struct cs_sched_index *idx, uint64_t seed, int op,
                      int *placed)
{
    struct cs_sched_request r;
    int64_t avoid[64], affinity[8];
    const char *tags[2];
    int group;
    random_request(m, &r, avoid, affinity, tags, &group);
    struct cs_err err = {0};
    int64_t got = 0, first = oracle_first(m, &r);
    int rc = cs_sched_place(idx, &r, &got, &err);
    if (rc == -CS_ERR_PERMISSION) { /* a dedicated zone named by the request */
        assert_true(r.zone_id == 2 || r.pod_id || r.cluster_id);
        assert_int_equal(first, 0);
        return;
    }
    bool exact = r.planner == CS_SCHED_PLANNER_HOST_ORDER &&
                 r.allocator == CS_SCHED_ALLOC_FIRST_FIT;
    if (rc == 0) {
        const struct cs_sched_host *h = find(m, got);
        if (!h || !oracle_fits(m, h, &r) || (exact && got != first))
            fail_msg("seed %llu op %d: planner %d alloc %d chose %lld, oracle %lld",
                     (unsigned long long)seed, op, r.planner, r.allocator, (long long)got,
                     (long long)first);
        if (r.planner == CS_SCHED_PLANNER_IMPLICIT) {
            int st = implicit_stage(h);
            for (size_t i = 0; i < m->n; i++) { /* no fitting host of an earlier stage */
                if (oracle_fits(m, &m->h[i], &r) && implicit_stage(&m->h[i]) < st)
                    fail_msg("seed %llu op %d: implicit alloc %d chose %lld (stage %d) before "
                             "%lld (stage %d); scope %lld/%lld/%lld tags %zu explicit %d "
                             "affinity %zu acct %lld",
                             (unsigned long long)seed, op, r.allocator, (long long)got, st,
                             (long long)m->h[i].id, implicit_stage(&m->h[i]),
                             (long long)r.zone_id, (long long)r.pod_id, (long long)r.cluster_id,
                             r.n_host_tags, r.explicit_dedication, r.n_affinity_hosts,
                             (long long)r.account_id);
            }
            assert_true(st < 2 || r.implicit_preferred);
        }
    } else {
        if (rc != -CS_ERR_CAPACITY)
            fail_msg("seed %llu op %d: planner %d alloc %d: %d %s", (unsigned long long)seed, op,
                     r.planner, r.allocator, rc, err.msg);
        bool some = false;
        for (size_t i = 0; i < m->n && !some; i++) {
            some = oracle_fits(m, &m->h[i], &r) &&
                   (r.planner != CS_SCHED_PLANNER_IMPLICIT || r.implicit_preferred ||
                    implicit_stage(&m->h[i]) < 2);
        }
        if (some)
            fail_msg("seed %llu op %d: planner %d alloc %d refused (%s), oracle has %lld",
                     (unsigned long long)seed, op, r.planner, r.allocator, err.msg,
                     (long long)first);
        return;
    }
    int64_t cpu = (int64_t)r.cpus * r.cpu_mhz;
    assert_int_equal(cs_sched_reserve(idx, got, cpu, r.mem_bytes, &err), 0);
    struct cs_sched_host *h = find(m, got);
    h->cpu_used_mhz += cpu;
    h->mem_used_bytes += r.mem_bytes;
    if (n_vms < MAX_VMS)
        vms[n_vms++] = (struct vm){got, cpu, r.mem_bytes, group};
    (*placed)++;
}

static void release_vm(struct model *m, struct cs_sched_index *idx, size_t k)
{
    struct vm v = vms[k];
    vms[k] = vms[--n_vms];
    cs_sched_release(idx, v.host, v.cpu, v.mem);
    struct cs_sched_host *h = find(m, v.host);
    h->cpu_used_mhz -= v.cpu;
    h->mem_used_bytes -= v.mem;
}

/* Anti-affinity never broken: no two VMs of a group share a host. */
static void check_groups(void)
{
    for (size_t a = 0; a < n_vms; a++) {
        for (size_t b = a + 1; b < n_vms; b++) {
            if (vms[a].group >= 0 && vms[a].group == vms[b].group)
                assert_true(vms[a].host != vms[b].host);
        }
    }
}

static void run_round(uint64_t seed, int ops)
{
    rng_state = seed;
    static struct model m;
    struct cs_sched_index *idx;
    build(&m, &idx);
    n_vms = 0;
    struct cs_err err = {0};
    int placed = 0;
    for (int op = 0; op < ops; op++) {
        uint64_t dice = rnd() % 100;
        if (dice < 65) {
            place_one(&m, idx, seed, op, &placed);
        } else if (dice < 85) {
            if (n_vms)
                release_vm(&m, idx, rnd() % n_vms);
        } else if (dice < 90) {
            struct cs_sched_host *h = &m.h[rnd() % m.n];
            h->up = rnd() % 5 != 0;
            h->enabled = rnd() % 5 != 0;
            assert_int_equal(cs_sched_index_set_state(idx, h->id, h->up, h->enabled), 0);
        } else if (dice < 95) {
            /* re-put: new tags, (un)dedicate, implicit reservation; usage kept */
            struct cs_sched_host *h = &m.h[rnd() % m.n];
            h->tags = rnd() % 2 ? m.tag_bit[rnd() % N_TAGS] | (rnd() % 2 ? m.tag_bit[0] : 0)
                                : 0;
            h->dedication_id = rnd() % 3 == 0 ? rnd_in(1, 3) : 0;
            h->implicit_account_id = !h->dedication_id && rnd() % 6 == 0 ? rnd_in(10, 13) : 0;
            assert_int_equal(cs_sched_index_put(idx, h, &err), 0);
        } else if (dice < 98) {
            /* cluster settings: factors only grow (usage stays within totals), thresholds */
            int64_t c = rnd_in(1, m.clusters);
            double grow[] = {0, 1.0, 1.5, 2.0};
            struct cs_sched_factors f = {grow[rnd() % 4], grow[rnd() % 4]};
            struct cs_sched_factors cur = factors_of(&m, c);
            if ((f.cpu > 0 ? f.cpu : 1.0) < cur.cpu)
                f.cpu = cur.cpu;
            if ((f.mem > 0 ? f.mem : 1.0) < cur.mem)
                f.mem = cur.mem;
            double thr[] = {0, 0, 0.5, 0.85, 1.0};
            struct cs_sched_thresholds t = {thr[rnd() % 5], thr[rnd() % 5]};
            assert_int_equal(cs_sched_index_set_cluster(idx, c, f, t, &err), 0);
            m.cl[c] = (struct cluster){f, t};
        } else {
            m.zone2_ded = rnd() % 2 ? rnd_in(1, 3) : 0;
            assert_int_equal(cs_sched_index_set_zone_dedication(idx, 2, m.zone2_ded, &err), 0);
        }
        if (op % 101 == 0) {
            check_records(&m, idx);
            check_groups();
        }
    }
    check_records(&m, idx);
    check_groups();
    while (n_vms)
        release_vm(&m, idx, n_vms - 1);
    check_records(&m, idx); /* releasing everything restores every host exactly */
    for (size_t i = 0; i < m.n; i++)
        assert_true(m.h[i].cpu_used_mhz == 0 && m.h[i].mem_used_bytes == 0);
    assert_true(placed > 0);
    cs_sched_index_free(idx);
}

static void test_rules_against_oracle(void **state)
{
    (void)state;
    for (uint64_t seed = 1; seed <= 100; seed++)
        run_round(seed, 3000);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rules_against_oracle),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
