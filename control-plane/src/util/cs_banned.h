/* Unsafe C library calls banned from cstack (after git's banned.h): include last. */
#ifndef CS_BANNED_H
#define CS_BANNED_H

#define CS_BANNED(func) sorry_##func##_is_a_banned_function

#undef strcpy
#define strcpy(x, y) CS_BANNED(strcpy)
#undef strcat
#define strcat(x, y) CS_BANNED(strcat)
#undef sprintf
#define sprintf(...) CS_BANNED(sprintf)
#undef vsprintf
#define vsprintf(...) CS_BANNED(vsprintf)
#undef strtok
#define strtok(x, y) CS_BANNED(strtok)
#undef atoi
#define atoi(x) CS_BANNED(atoi)
#undef gmtime
#define gmtime(x) CS_BANNED(gmtime)
#undef localtime
#define localtime(x) CS_BANNED(localtime)

#endif
