/* A growable vector of fixed-size elements, with the total count of a paged list. */
#ifndef CS_UTIL_VEC_H
#define CS_UTIL_VEC_H

#include <stddef.h>
#include <stdint.h>

/* n items of elem bytes each, and (for list queries) the total number of matches before
 * paging. The vector owns its storage; elements that own memory are released by the code that
 * knows their type before cs_util_vec_release. */
struct cs_vec {
    void *v;
    size_t n;
    size_t cap;
    size_t elem;
    int64_t total;
};

#define CS_VEC_INIT(type) {NULL, 0, 0, sizeof(type), 0}
#define CS_VEC_AT(vec, type, i) (&((type *)(vec)->v)[i])

/* Appends one zeroed element and returns it (aborts on allocation failure). */
void *cs_util_vec_push(struct cs_vec *vec);
void cs_util_vec_release(struct cs_vec *vec);

/* A page of a list: offset and limit (limit < 0 = no limit). */
struct cs_page {
    int64_t offset;
    int64_t limit;
};

#define CS_PAGE_ALL ((struct cs_page){0, -1})

#endif
