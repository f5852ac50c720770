/* Wall-clock and monotonic time, CloudStack date formatting and parsing. */
#ifndef CS_UTIL_TIME_H
#define CS_UTIL_TIME_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#define CS_DATE_BUF 32

/* Seconds since the epoch (wall clock). */
int64_t cs_util_now(void);
/* Milliseconds since the epoch (wall clock). */
int64_t cs_util_now_ms(void);
/* Monotonic nanoseconds, for intervals. */
int64_t cs_util_mono_ns(void);
/* Formats t as CloudStack does: "2026-01-15T10:04:05+0000" (UTC). */
void cs_util_date_fmt(int64_t t, char out[CS_DATE_BUF]);
/* Parses the date forms CloudStack accepts for `expires` and date params: ISO-8601 with "Z",
 * "+hh:mm" or "+hhmm" offsets, optional fractional seconds, "yyyy-MM-dd HH:mm:ss" and
 * "yyyy-MM-dd" (both UTC). Returns false on anything else. */
bool cs_util_date_parse(const char *s, int64_t *ret_t);

#endif
