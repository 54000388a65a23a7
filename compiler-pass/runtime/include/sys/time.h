/* ktal runtime: sys/time.h. */
#ifndef KTAL_SYS_TIME_H
#define KTAL_SYS_TIME_H
#include <bits/ktal_types.h>

struct timezone {
    int tz_minuteswest;
    int tz_dsttime;
};

KTAL_BEGIN_DECLS
int gettimeofday(struct timeval *restrict tv, void *restrict tz);
KTAL_END_DECLS
#endif
