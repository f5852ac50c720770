/* A growable vector of fixed-size elements. */
#include "util_vec.h"

#include <stdlib.h>
#include <string.h>

void *cs_util_vec_push(struct cs_vec *vec)
{
    if (vec->n == vec->cap) {
        size_t cap = vec->cap ? vec->cap * 2 : 16;
        void *p = realloc(vec->v, cap * vec->elem);
        if (!p)
            abort();
        vec->v = p;
        vec->cap = cap;
    }
    void *e = (char *)vec->v + vec->n * vec->elem;
    memset(e, 0, vec->elem);
    vec->n++;
    return e;
}

void cs_util_vec_release(struct cs_vec *vec)
{
    free(vec->v);
    vec->v = NULL;
    vec->n = vec->cap = 0;
    vec->total = 0;
}
