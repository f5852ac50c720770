/* Ownership helpers: the cleanup attribute in its fixed forms, and checked allocation. */
#ifndef CS_UTIL_MEM_H
#define CS_UTIL_MEM_H

#include <stdlib.h>

static inline void cs_util_freep(void *p)
{
    free(*(void **)p);
}

/* A heap pointer freed when it goes out of scope. */
#define cs_autofree __attribute__((cleanup(cs_util_freep)))

/* CS_AUTO(type) declares a pointer released by type##_free when it goes out of scope.
 * The type must provide `void type##_free(struct type *)` and CS_DEFINE_AUTO(type). */
#define CS_DEFINE_AUTO(type)                                                                       \
    static inline void type##_autoptr(struct type **p)                                            \
    {                                                                                              \
        type##_free(*p);                                                                           \
    }
#define CS_AUTO(type) __attribute__((cleanup(type##_autoptr))) struct type *

/* Hands ownership out of a cleanup-attributed variable. */
#define CS_TAKE(p)                                                                                 \
    ({                                                                                             \
        __typeof__(p) cs_take_tmp_ = (p);                                                          \
        (p) = NULL;                                                                                \
        cs_take_tmp_;                                                                              \
    })

#define CS_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

#endif
