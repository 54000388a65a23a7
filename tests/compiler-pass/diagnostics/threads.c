// Threads: a ktal program runs on one thread.
// EXPECT-ERROR: 15 'pthread_create': threads and processes are not supported
// EXPECT-ERROR: 16 'pthread_join': threads and processes are not supported
#include <stdio.h>

typedef unsigned long pthread_t;
int pthread_create(pthread_t *thread, const void *attr, void *(*start)(void *), void *arg);
int pthread_join(pthread_t thread, void **result);

static void *work(void *arg) { return arg; }

int main(void) {
    pthread_t t;
    void *result;
    pthread_create(&t, 0, work, 0);
    pthread_join(t, &result);
    puts("joined");
    return 0;
}
