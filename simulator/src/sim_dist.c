/* Latency distributions (fixed, uniform, lognormal) drawn from a seeded xorshift PRNG. */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sim_internal.h"

uint64_t sim_rng_next(uint64_t *state)
{
    uint64_t x = *state;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    *state = x;
    return x * 0x2545F4914F6CDD1DULL;
}

double sim_rng_unit(uint64_t *state)
{
    return (double)(sim_rng_next(state) >> 11) * (1.0 / 9007199254740992.0);
}

double sim_dist_sample(const struct sim_dist *d, uint64_t *state)
{
    double v;
    switch (d->kind) {
    case SIM_DIST_FIXED:
        v = d->a;
        break;
    case SIM_DIST_UNIFORM:
        v = d->a + (d->b - d->a) * sim_rng_unit(state);
        break;
    case SIM_DIST_LOGNORMAL: {
        /* Box-Muller: one standard normal from two uniforms (u1 in (0, 1]) */
        double u1 = 1.0 - sim_rng_unit(state);
        double u2 = sim_rng_unit(state);
        double z = sqrt(-2.0 * log(u1)) * cos(2.0 * M_PI * u2);
        v = d->a * exp(d->b * z);
        break;
    }
    default:
        v = 0;
    }
    return v > 0 ? v : 0;
}

static int parse_num(const char *s, char **end, double *ret)
{
    errno = 0;
    double v = strtod(s, end);
    if (*end == s || errno != 0 || !isfinite(v) || v < 0)
        return -1;
    *ret = v;
    return 0;
}

int sim_dist_parse(const char *s, struct sim_dist *ret_dist, struct sim_err *err)
{
    static const struct {
        const char *prefix;
        enum sim_dist_kind kind;
        int nargs;
    } kinds[] = {
        {"fixed:", SIM_DIST_FIXED, 1},
        {"uniform:", SIM_DIST_UNIFORM, 2},
        {"lognormal:", SIM_DIST_LOGNORMAL, 2},
    };
    if (!s || !*s)
        return sim_err_set(err, SIM_ERR_PARAM, "empty latency distribution");
    struct sim_dist d = {SIM_DIST_FIXED, 0, 0};
    const char *p = s;
    int nargs = 1;
    for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
        size_t n = strlen(kinds[i].prefix);
        if (strncmp(s, kinds[i].prefix, n) == 0) {
            d.kind = kinds[i].kind;
            nargs = kinds[i].nargs;
            p = s + n;
            break;
        }
    }
    char *end;
    if (parse_num(p, &end, &d.a) < 0)
        return sim_err_set(err, SIM_ERR_PARAM, "bad latency distribution '%s'", s);
    if (nargs == 2) {
        if (*end != ':' || parse_num(end + 1, &end, &d.b) < 0)
            return sim_err_set(err, SIM_ERR_PARAM, "bad latency distribution '%s'", s);
    }
    if (*end != '\0')
        return sim_err_set(err, SIM_ERR_PARAM, "bad latency distribution '%s'", s);
    if (d.kind == SIM_DIST_UNIFORM && d.b < d.a)
        return sim_err_set(err, SIM_ERR_PARAM, "uniform latency max below min in '%s'", s);
    *ret_dist = d;
    return 0;
}
