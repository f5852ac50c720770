/* Logging: one line per event to stderr, with level and time. Never log secrets. */
#ifndef CS_UTIL_LOG_H
#define CS_UTIL_LOG_H

enum cs_log_level { CS_LOG_DEBUG, CS_LOG_INFO, CS_LOG_WARN, CS_LOG_ERROR };

void cs_util_log_set_level(enum cs_log_level level);
void cs_util_log(enum cs_log_level level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#define cs_log_debug(...) cs_util_log(CS_LOG_DEBUG, __VA_ARGS__)
#define cs_log_info(...) cs_util_log(CS_LOG_INFO, __VA_ARGS__)
#define cs_log_warn(...) cs_util_log(CS_LOG_WARN, __VA_ARGS__)
#define cs_log_error(...) cs_util_log(CS_LOG_ERROR, __VA_ARGS__)

#endif
