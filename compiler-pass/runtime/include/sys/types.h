/* ktal runtime: sys/types.h. */
#ifndef KTAL_SYS_TYPES_H
#define KTAL_SYS_TYPES_H
#include <bits/ktal_types.h>
#include <stdint.h>
typedef unsigned char u_char;
typedef unsigned short u_short;
typedef unsigned int u_int;
typedef unsigned long u_long;
typedef int64_t quad_t;
typedef uint64_t u_quad_t;
#endif
