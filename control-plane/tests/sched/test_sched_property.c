/* Randomized property test of placement against a brute-force linear-scan oracle. */
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
#define MAX_HOSTS 600
#define MAX_VMS 20000

/* splitmix64: a seeded PRNG of the test's own, so runs are reproducible */
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

/* The oracle: plain host records, scanned in id order. */
struct model {
    struct cs_sched_host h[MAX_HOSTS];
    bool live[MAX_HOSTS];
    size_t n; /* records, sorted by id; dead ones stay in place */
    struct cs_sched_factors f;
    bool stranded; /* a factor went down: usage may now exceed totals */
};

struct vm {
    int64_t host, cpu, mem;
};

static struct vm vms[MAX_VMS];
static size_t n_vms;

static void totals(const struct model *m, const struct cs_sched_host *h, int64_t *cpu,
                   int64_t *mem)
{
    *cpu = (int64_t)((double)h->cpu_cores * (double)h->cpu_mhz * m->f.cpu);
    *mem = (int64_t)((double)h->mem_bytes * m->f.mem);
}

static bool oracle_fits(const struct model *m, const struct cs_sched_host *h,
                        const struct cs_sched_request *r)
{
    int64_t cpu, mem;
    totals(m, h, &cpu, &mem);
    for (size_t i = 0; i < r->n_avoid; i++) {
        if (r->avoid[i] == h->id)
            return false;
    }
    return h->up && h->enabled && h->cpu_cores >= r->cpus && h->cpu_mhz >= r->cpu_mhz &&
           cpu - h->cpu_used_mhz >= (int64_t)r->cpus * r->cpu_mhz &&
           mem - h->mem_used_bytes >= r->mem_bytes;
}

static bool in_scope(const struct cs_sched_host *h, const struct cs_sched_request *r)
{
    return (!r->zone_id || h->zone_id == r->zone_id) && (!r->pod_id || h->pod_id == r->pod_id) &&
           (!r->cluster_id || h->cluster_id == r->cluster_id);
}

static struct cs_sched_host *find(struct model *m, int64_t id)
{
    for (size_t i = 0; i < m->n; i++) {
        if (m->live[i] && m->h[i].id == id)
            return &m->h[i];
    }
    return NULL;
}

/* 0 and the host, or a negative code, by linear scan. */
static int oracle_place(struct model *m, const struct cs_sched_request *r, int64_t *ret)
{
    if (r->host_id) {
        struct cs_sched_host *h = find(m, r->host_id);
        if (!h)
            return -CS_ERR_NOT_FOUND;
        if (!in_scope(h, r) || !oracle_fits(m, h, r))
            return -CS_ERR_CAPACITY;
        *ret = h->id;
        return 0;
    }
    for (size_t i = 0; i < m->n; i++) {
        if (m->live[i] && in_scope(&m->h[i], r) && oracle_fits(m, &m->h[i], r)) {
            *ret = m->h[i].id;
            return 0;
        }
    }
    return -CS_ERR_CAPACITY;
}

static int cmp_host(const void *a, const void *b)
{
    const struct cs_sched_host *x = a, *y = b;
    return (x->id > y->id) - (x->id < y->id);
}

/* Random topology: zones, pods, clusters of 1-20 hosts, ids with gaps, put in random order. */
static void build(struct model *m, struct cs_sched_index **ret_idx)
{
    memset(m, 0, sizeof(*m));
    double factors[] = {1.0, 1.0, 1.5, 2.0, 0.75};
    m->f = (struct cs_sched_factors){factors[rnd() % 5], factors[rnd() % 5]};
    int zones = (int)rnd_in(1, 3);
    int64_t pod = 0, cluster = 0, next_id = rnd_in(1, 5);
    for (int z = 1; z <= zones; z++) {
        int pods = (int)rnd_in(1, 3);
        for (int p = 0; p < pods; p++) {
            pod++;
            int clusters = (int)rnd_in(1, 4);
            for (int c = 0; c < clusters; c++) {
                cluster++;
                int hosts = (int)rnd_in(1, 20);
                for (int k = 0; k < hosts && m->n < MAX_HOSTS; k++) {
                    struct cs_sched_host *h = &m->h[m->n];
                    int cores[] = {1, 2, 4, 8, 16};
                    *h = (struct cs_sched_host){
                        .id = next_id, .zone_id = z, .pod_id = pod, .cluster_id = cluster,
                        .up = rnd() % 10 != 0, .enabled = rnd() % 10 != 0,
                        .cpu_cores = cores[rnd() % 5], .cpu_mhz = (int)rnd_in(5, 30) * 100,
                        .mem_bytes = rnd_in(1, 64) * 512 * MIB};
                    m->live[m->n++] = true;
                    next_id += rnd_in(1, 3);
                }
            }
        }
    }
    /* cluster ids interleave with host ids: hosts of one cluster are not contiguous */
    if (rnd() % 2) {
        for (size_t i = m->n; i > 1; i--) {
            size_t j = rnd() % i;
            int64_t t = m->h[i - 1].id;
            m->h[i - 1].id = m->h[j].id;
            m->h[j].id = t;
        }
    }
    struct cs_sched_index *idx = cs_sched_index_new(m->f);
    assert_non_null(idx);
    /* put in random order */
    size_t order[MAX_HOSTS];
    for (size_t i = 0; i < m->n; i++)
        order[i] = i;
    bool shuffle = rnd() % 2;
    for (size_t i = m->n; shuffle && i > 1; i--) {
        size_t j = rnd() % i, t = order[i - 1];
        order[i - 1] = order[j];
        order[j] = t;
    }
    struct cs_err err = {0};
    for (size_t i = 0; i < m->n; i++)
        assert_int_equal(cs_sched_index_put(idx, &m->h[order[i]], &err), 0);
    qsort(m->h, m->n, sizeof(m->h[0]), cmp_host);
    *ret_idx = idx;
}

static void random_request(struct model *m, struct cs_sched_request *r, int64_t *avoid)
{
    int cpus[] = {1, 1, 2, 2, 4, 8};
    *r = (struct cs_sched_request){.cpus = cpus[rnd() % 6], .cpu_mhz = (int)rnd_in(1, 25) * 100,
                                   .mem_bytes = rnd_in(1, 32) * 256 * MIB};
    const struct cs_sched_host *h = &m->h[rnd() % m->n];
    switch (rnd() % 8) {
    case 0:
        r->host_id = rnd() % 10 ? h->id : 99999; /* sometimes unknown */
        if (rnd() % 2)
            r->zone_id = h->zone_id;
        break;
    case 1:
        r->cluster_id = h->cluster_id;
        if (rnd() % 2)
            r->pod_id = rnd() % 4 ? h->pod_id : h->pod_id + 1;
        r->zone_id = rnd() % 2 ? h->zone_id : 0;
        break;
    case 2:
        r->pod_id = h->pod_id;
        r->zone_id = rnd() % 4 ? h->zone_id : h->zone_id + 1;
        break;
    case 3:
        break; /* any zone */
    default:
        r->zone_id = h->zone_id;
    }
    if (rnd() % 3 == 0) {
        r->n_avoid = (size_t)rnd_in(1, 40);
        for (size_t i = 0; i < r->n_avoid; i++)
            avoid[i] = m->h[rnd() % m->n].id;
        r->avoid = avoid;
    }
}

/* Every host record in the index equals the oracle's; capacity is never exceeded. */
static void check_all(struct model *m, struct cs_sched_index *idx)
{
    struct cs_err err = {0};
    size_t live = 0;
    for (size_t i = 0; i < m->n; i++) {
        struct cs_sched_host got;
        if (!m->live[i]) {
            assert_int_equal(cs_sched_index_get(idx, m->h[i].id, &got, &err), -CS_ERR_NOT_FOUND);
            continue;
        }
        live++;
        assert_int_equal(cs_sched_index_get(idx, m->h[i].id, &got, &err), 0);
        assert_memory_equal(&got, &m->h[i], sizeof(got));
        int64_t cpu, mem;
        totals(m, &m->h[i], &cpu, &mem);
        if (!m->stranded) {
            assert_true(m->h[i].cpu_used_mhz <= cpu);
            assert_true(m->h[i].mem_used_bytes <= mem);
        }
    }
    assert_int_equal(cs_sched_index_count(idx), live);
}

static void release_vm(struct model *m, struct cs_sched_index *idx, size_t k)
{
    struct vm v = vms[k];
    vms[k] = vms[--n_vms];
    cs_sched_release(idx, v.host, v.cpu, v.mem);
    struct cs_sched_host *h = find(m, v.host);
    if (h) {
        h->cpu_used_mhz = h->cpu_used_mhz > v.cpu ? h->cpu_used_mhz - v.cpu : 0;
        h->mem_used_bytes = h->mem_used_bytes > v.mem ? h->mem_used_bytes - v.mem : 0;
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
    int64_t avoid[40];
    int placed = 0, refused = 0;
    for (int op = 0; op < ops; op++) {
        uint64_t dice = rnd() % 100;
        if (dice < 60) {
            struct cs_sched_request r;
            random_request(&m, &r, avoid);
            int64_t want = 0, got = 0;
            int rc_want = oracle_place(&m, &r, &want);
            int rc = cs_sched_place(idx, &r, &got, &err);
            if (rc != rc_want || got != want)
                fail_msg("seed %llu op %d: index %d/host %lld, oracle %d/host %lld (%s)",
                         (unsigned long long)seed, op, rc, (long long)got, rc_want,
                         (long long)want, err.msg);
            if (rc < 0) {
                refused++;
                continue;
            }
            int64_t cpu = (int64_t)r.cpus * r.cpu_mhz;
            assert_int_equal(cs_sched_reserve(idx, got, cpu, r.mem_bytes, &err), 0);
            struct cs_sched_host *h = find(&m, got);
            h->cpu_used_mhz += cpu;
            h->mem_used_bytes += r.mem_bytes;
            int64_t tc, tm;
            totals(&m, h, &tc, &tm);
            assert_true(h->cpu_used_mhz <= tc && h->mem_used_bytes <= tm);
            if (n_vms < MAX_VMS)
                vms[n_vms++] = (struct vm){got, cpu, r.mem_bytes};
            placed++;
        } else if (dice < 80) {
            if (n_vms)
                release_vm(&m, idx, rnd() % n_vms);
        } else if (dice < 88) {
            /* a direct reserve: accepted exactly when it fits the totals */
            size_t i = rnd() % m.n;
            struct cs_sched_host *h = &m.h[i];
            int64_t cpu = rnd_in(0, 20000), mem = rnd_in(0, 16 * 1024) * MIB, tc, tm;
            totals(&m, h, &tc, &tm);
            int want = !m.live[i] ? -CS_ERR_NOT_FOUND
                       : (h->cpu_used_mhz + cpu <= tc && h->mem_used_bytes + mem <= tm)
                           ? 0
                           : -CS_ERR_CAPACITY;
            assert_int_equal(cs_sched_reserve(idx, h->id, cpu, mem, &err), want);
            if (want == 0) {
                h->cpu_used_mhz += cpu;
                h->mem_used_bytes += mem;
                if (n_vms < MAX_VMS)
                    vms[n_vms++] = (struct vm){h->id, cpu, mem};
            }
        } else if (dice < 95) {
            size_t i = rnd() % m.n;
            bool up = rnd() % 4 != 0, enabled = rnd() % 4 != 0;
            assert_int_equal(cs_sched_index_set_state(idx, m.h[i].id, up, enabled),
                             m.live[i] ? 0 : -CS_ERR_NOT_FOUND);
            if (m.live[i]) {
                m.h[i].up = up;
                m.h[i].enabled = enabled;
            }
        } else if (dice < 97) {
            /* remove a host, or bring a removed one back (possibly into another cluster of
             * its pod) with fresh usage */
            size_t i = rnd() % m.n;
            if (m.live[i]) {
                assert_int_equal(cs_sched_index_remove(idx, m.h[i].id), 0);
                m.live[i] = false;
            } else {
                const struct cs_sched_host *peer = &m.h[rnd() % m.n];
                if (peer->pod_id == m.h[i].pod_id)
                    m.h[i].cluster_id = peer->cluster_id;
                m.h[i].cpu_used_mhz = 0;
                m.h[i].mem_used_bytes = 0;
                assert_int_equal(cs_sched_index_put(idx, &m.h[i], &err), 0);
                m.live[i] = true;
            }
        } else if (dice < 99) {
            /* replace a host's record: new size, same usage */
            size_t i = rnd() % m.n;
            if (m.live[i]) {
                m.h[i].mem_bytes += rnd_in(0, 8) * 512 * MIB;
                m.h[i].cpu_cores *= (int)rnd_in(1, 2);
                assert_int_equal(cs_sched_index_put(idx, &m.h[i], &err), 0);
            }
        } else {
            double factors[] = {1.0, 1.25, 2.0, 3.0};
            struct cs_sched_factors f = {factors[rnd() % 4], factors[rnd() % 4]};
            if (f.cpu < m.f.cpu || f.mem < m.f.mem)
                m.stranded = true;
            m.f = f;
            cs_sched_index_set_factors(idx, m.f);
        }
        if (op % 97 == 0)
            check_all(&m, idx);
    }
    check_all(&m, idx);
    /* releasing everything restores the records exactly (usage was 0 at build) */
    while (n_vms)
        release_vm(&m, idx, n_vms - 1);
    check_all(&m, idx);
    for (size_t i = 0; i < m.n; i++) {
        if (m.live[i]) {
            assert_int_equal(m.h[i].cpu_used_mhz, 0);
            assert_int_equal(m.h[i].mem_used_bytes, 0);
        }
    }
    assert_true(placed > 0);
    (void)refused;
    cs_sched_index_free(idx);
}

static void test_random_against_oracle(void **state)
{
    for (uint64_t seed = 1; seed <= 60; seed++)
        run_round(seed, 5000);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_random_against_oracle),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
