/* Logging: one line per event to stderr, with level and time. */
#include "util_log.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util_time.h"

static enum cs_log_level min_level = CS_LOG_INFO;

void cs_util_log_set_level(enum cs_log_level level)
{
    min_level = level;
}

void cs_util_log(enum cs_log_level level, const char *fmt, ...)
{
    static const char *const tags[] = {"DEBUG", "INFO", "WARN", "ERROR"};
    if (level < min_level)
        return;
    char date[CS_DATE_BUF], line[2048];
    cs_util_date_fmt(cs_util_now(), date);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof(line), fmt, ap);
    va_end(ap);
    fprintf(stderr, "%s %-5s %s\n", date, tags[level], line);
}
