/* ktal runtime: the POSIX scalar types, shared by the headers that need them.
 * Sizes are Linux x86-64's (LP64). Each typedef is guarded so that the
 * headers can include this file in any order. */
#ifndef KTAL_BITS_TYPES_H
#define KTAL_BITS_TYPES_H

#define __need_size_t
#define __need_NULL
#include <stddef.h>

typedef long ssize_t;
typedef long off_t;
typedef long off64_t;
typedef int pid_t;
typedef unsigned int uid_t;
typedef unsigned int gid_t;
typedef unsigned int mode_t;
typedef unsigned long dev_t;
typedef unsigned long ino_t;
typedef unsigned long nlink_t;
typedef long blksize_t;
typedef long blkcnt_t;
typedef long time_t;
typedef long suseconds_t;
typedef unsigned int useconds_t;
typedef int clockid_t;
typedef unsigned int socklen_t;
typedef unsigned short sa_family_t;

#ifndef KTAL_STRUCT_TIMESPEC
#define KTAL_STRUCT_TIMESPEC
struct timespec {
    time_t tv_sec;
    long tv_nsec;
};
#endif

#ifndef KTAL_STRUCT_TIMEVAL
#define KTAL_STRUCT_TIMEVAL
struct timeval {
    time_t tv_sec;
    suseconds_t tv_usec;
};
#endif

#ifdef __cplusplus
#define KTAL_BEGIN_DECLS extern "C" {
#define KTAL_END_DECLS }
#else
#define KTAL_BEGIN_DECLS
#define KTAL_END_DECLS
#endif

#define KTAL_NORETURN __attribute__((__noreturn__))
#define KTAL_PRINTF(f, a) __attribute__((__format__(__printf__, f, a)))

#endif
