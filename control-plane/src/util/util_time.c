/* Wall-clock and monotonic time, CloudStack date formatting and parsing. */
#include "util_time.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

int64_t cs_util_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec;
}

int64_t cs_util_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int64_t cs_util_mono_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

void cs_util_date_fmt(int64_t t, char out[CS_DATE_BUF])
{
    time_t tt = (time_t)t;
    struct tm tm;
    gmtime_r(&tt, &tm);
    strftime(out, CS_DATE_BUF, "%Y-%m-%dT%H:%M:%S+0000", &tm);
}

static bool digits(const char *s, int n, int *ret)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (!isdigit((unsigned char)s[i]))
            return false;
        v = v * 10 + (s[i] - '0');
    }
    *ret = v;
    return true;
}

/* Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar. */
static int64_t days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

bool cs_util_date_parse(const char *s, int64_t *ret_t)
{
    int y, mo, d, h = 0, mi = 0, se = 0;
    size_t n = s ? strlen(s) : 0;
    if (n < 10 || !digits(s, 4, &y) || s[4] != '-' || !digits(s + 5, 2, &mo) || s[7] != '-' ||
        !digits(s + 8, 2, &d))
        return false;
    const char *p = s + 10;
    int offset = 0;
    if (*p == 'T' || *p == ' ') {
        bool iso = *p == 'T';
        p++;
        if (strlen(p) < 8 || !digits(p, 2, &h) || p[2] != ':' || !digits(p + 3, 2, &mi) ||
            p[5] != ':' || !digits(p + 6, 2, &se))
            return false;
        p += 8;
        if (*p == '.') {
            p++;
            if (!isdigit((unsigned char)*p))
                return false;
            while (isdigit((unsigned char)*p))
                p++;
        }
        if (iso && *p == 'Z')
            p++;
        if (iso && (*p == '+' || *p == '-')) {
            int sign = *p == '-' ? -1 : 1, oh, om;
            p++;
            if (!digits(p, 2, &oh))
                return false;
            p += 2;
            if (*p == ':')
                p++;
            if (!digits(p, 2, &om))
                return false;
            p += 2;
            offset = sign * (oh * 3600 + om * 60);
        }
    }
    if (*p != '\0')
        return false;
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || se > 60)
        return false;
    *ret_t = days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + se - offset;
    return true;
}
