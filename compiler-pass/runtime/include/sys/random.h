/* ktal runtime: sys/random.h. */
#ifndef KTAL_SYS_RANDOM_H
#define KTAL_SYS_RANDOM_H
#include <bits/ktal_types.h>
#define GRND_NONBLOCK 0x01
#define GRND_RANDOM 0x02
#define GRND_INSECURE 0x04
KTAL_BEGIN_DECLS
ssize_t getrandom(void *buf, size_t n, unsigned int flags);
KTAL_END_DECLS
#endif
