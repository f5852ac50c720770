/* Simulator host URLs: "http://sim.../<path>/<last>", hardware overrides in the last segment. */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "sim_internal.h"

void sim_host_hw_defaults(struct sim_host_hw *ret_hw)
{
    memset(ret_hw, 0, sizeof(*ret_hw));
    ret_hw->cpu_cores = 4;
    ret_hw->cpu_mhz = 8000;
    ret_hw->cpu_sockets = 1;
    ret_hw->mem_bytes = 8LL * 1024 * 1024 * 1024;
    ret_hw->local_storage_bytes = 1024LL * 1024 * 1024 * 1024;
    memcpy(ret_hw->arch, "x86_64", sizeof("x86_64"));
}

/* A positive integer filling exactly [s, s+n). */
static int parse_pos(const char *s, size_t n, long long max, long long *ret)
{
    char buf[32];
    if (n == 0 || n >= sizeof(buf))
        return -1;
    memcpy(buf, s, n);
    buf[n] = '\0';
    for (size_t i = 0; i < n; i++) {
        if (!isdigit((unsigned char)buf[i]))
            return -1;
    }
    errno = 0;
    char *end;
    long long v = strtoll(buf, &end, 10);
    if (errno || *end || v <= 0 || v > max)
        return -1;
    *ret = v;
    return 0;
}

static int apply_param(struct sim_host_hw *hw, const char *p, size_t n, const char *url,
                       struct sim_err *err)
{
    const char *eq = memchr(p, '=', n);
    if (!eq)
        return 0; /* a plain segment name such as "h0" */
    size_t klen = (size_t)(eq - p);
    const char *v = eq + 1;
    size_t vlen = n - klen - 1;
    long long num;
#define KEY_IS(k) (klen == sizeof(k) - 1 && strncasecmp(p, k, klen) == 0)
    if (KEY_IS("cpuspeed") || KEY_IS("cpucore")) {
        if (parse_pos(v, vlen, 10000000, &num) < 0)
            return sim_err_set(err, SIM_ERR_PARAM, "bad %.*s value in url '%s'", (int)klen, p,
                               url);
        if (KEY_IS("cpuspeed"))
            hw->cpu_mhz = (int)num;
        else
            hw->cpu_cores = (int)num;
    } else if (KEY_IS("memory") || KEY_IS("localstorage")) {
        if (parse_pos(v, vlen, INT64_MAX, &num) < 0)
            return sim_err_set(err, SIM_ERR_PARAM, "bad %.*s value in url '%s'", (int)klen, p,
                               url);
        if (KEY_IS("memory"))
            hw->mem_bytes = num;
        else
            hw->local_storage_bytes = num;
    } else if (KEY_IS("arch")) {
        if (vlen == 0 || vlen >= sizeof(hw->arch))
            return sim_err_set(err, SIM_ERR_PARAM, "bad arch value in url '%s'", url);
        for (size_t i = 0; i < vlen; i++) {
            if (!isalnum((unsigned char)v[i]) && v[i] != '_')
                return sim_err_set(err, SIM_ERR_PARAM, "bad arch value in url '%s'", url);
        }
        memcpy(hw->arch, v, vlen);
        hw->arch[vlen] = '\0';
    }
    /* other keys are ignored, as CloudStack does */
#undef KEY_IS
    return 0;
}

int sim_url_parse(const char *url, struct sim_host_hw *ret_hw, struct sim_err *err)
{
    static const char scheme[] = "http://";
    if (!url || !*url)
        return sim_err_set(err, SIM_ERR_PARAM, "missing simulator url");
    if (strncasecmp(url, scheme, sizeof(scheme) - 1) != 0)
        return sim_err_set(err, SIM_ERR_PARAM, "url '%s' is not an http:// simulator url", url);
    const char *auth = url + sizeof(scheme) - 1;
    size_t alen = strcspn(auth, "/?#");
    if (alen < 3 || strncasecmp(auth, "sim", 3) != 0)
        return sim_err_set(err, SIM_ERR_PARAM, "url '%s': host must start with 'sim'", url);
    for (size_t i = 0; i < alen; i++) {
        unsigned char c = (unsigned char)auth[i];
        if (!isalnum(c) && c != '.' && c != '-' && c != '_' && c != ':')
            return sim_err_set(err, SIM_ERR_PARAM, "url '%s': bad host name", url);
    }
    const char *path = auth + alen;
    if (*path != '/' || path[1] == '\0')
        return sim_err_set(err, SIM_ERR_PARAM, "url '%s' has no path", url);
    for (const char *q = path; *q; q++) {
        if (isspace((unsigned char)*q) || iscntrl((unsigned char)*q))
            return sim_err_set(err, SIM_ERR_PARAM, "url '%s' contains blanks", url);
    }
    /* the last non-empty path segment carries the overrides */
    const char *end = path + strlen(path);
    while (end > path && end[-1] == '/')
        end--;
    const char *last = end;
    while (last > path && last[-1] != '/')
        last--;
    if (last == end)
        return sim_err_set(err, SIM_ERR_PARAM, "url '%s' has no path", url);

    struct sim_host_hw hw;
    sim_host_hw_defaults(&hw);
    const char *p = last;
    while (p < end) {
        const char *amp = memchr(p, '&', (size_t)(end - p));
        const char *stop = amp ? amp : end;
        int rc = apply_param(&hw, p, (size_t)(stop - p), url, err);
        if (rc < 0)
            return rc;
        p = amp ? amp + 1 : end;
    }
    *ret_hw = hw;
    return 0;
}
