/* Constructors and destructors, with priorities (constructors.sh): run in
 * glibc's order before main, and after it or at exit(), not at _exit(). */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
static int order[8], n;
__attribute__((constructor(200))) static void late(void) { order[n++] = 2; printf("ctor 200\n"); }
__attribute__((constructor(101))) static void early(void) { order[n++] = 1; printf("ctor 101\n"); }
__attribute__((constructor)) static void plain1(void) { order[n++] = 3; printf("ctor plain 1\n"); }
__attribute__((constructor)) static void plain2(void) { order[n++] = 4; printf("ctor plain 2\n"); }
__attribute__((destructor(101))) static void d101(void) { printf("dtor 101\n"); }
__attribute__((destructor(200))) static void d200(void) { printf("dtor 200\n"); }
__attribute__((destructor)) static void dplain1(void) { printf("dtor plain 1\n"); }
__attribute__((destructor)) static void dplain2(void) { printf("dtor plain 2\n"); }
int main(int argc, char **argv) {
    printf("main:");
    for (int i = 0; i < n; i++) printf(" %d", order[i]);
    printf("\n");
    if (argc > 1 && argv[1][0] == 'e') exit(3);
    if (argc > 1 && argv[1][0] == '_') { fflush(stdout); _exit(4); }
    return 0;
}
