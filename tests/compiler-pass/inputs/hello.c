/* The smallest useful program: greets each argument. */
#include <stdio.h>

int main(int argc, char **argv) {
    printf("hello from ktal\n");
    for (int i = 1; i < argc; i++) printf("arg %d: %s\n", i, argv[i]);
    return 0;
}
