/* A growable byte buffer for building strings. */
#include "util_buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void reserve(struct cs_buf *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + extra + 1)
        cap *= 2;
    char *p = realloc(b->data, cap);
    if (!p)
        abort();
    b->data = p;
    b->cap = cap;
}

void cs_util_buf_add(struct cs_buf *b, const char *s, size_t n)
{
    reserve(b, n);
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void cs_util_buf_adds(struct cs_buf *b, const char *s)
{
    cs_util_buf_add(b, s, strlen(s));
}

void cs_util_buf_addc(struct cs_buf *b, char c)
{
    cs_util_buf_add(b, &c, 1);
}

void cs_util_buf_printf(struct cs_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    reserve(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

char *cs_util_buf_take(struct cs_buf *b)
{
    if (!b->data)
        reserve(b, 0), b->data[0] = '\0';
    char *s = b->data;
    b->data = NULL;
    b->len = b->cap = 0;
    return s;
}

void cs_util_buf_release(struct cs_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}
