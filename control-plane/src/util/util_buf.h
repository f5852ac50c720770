/* A growable byte buffer for building strings. */
#ifndef CS_UTIL_BUF_H
#define CS_UTIL_BUF_H

#include <stddef.h>

struct cs_buf {
    char *data; /* always NUL-terminated when len > 0 or after any append */
    size_t len;
    size_t cap;
};

#define CS_BUF_INIT {NULL, 0, 0}

/* Appends; on allocation failure aborts (strings here are small and bounded by request limits). */
void cs_util_buf_add(struct cs_buf *b, const char *s, size_t n);
void cs_util_buf_adds(struct cs_buf *b, const char *s);
void cs_util_buf_addc(struct cs_buf *b, char c);
void cs_util_buf_printf(struct cs_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Returns the string ("" when empty) and resets b; the caller owns the result. */
char *cs_util_buf_take(struct cs_buf *b);
void cs_util_buf_release(struct cs_buf *b);

#endif
