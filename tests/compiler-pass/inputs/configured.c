/* Compiles only with -I (greeting.h) and prints what -D says. */
#include <stdio.h>
#include "greeting.h"

#ifndef REPEAT
#define REPEAT 1
#endif

int main(void) {
    for (int i = 0; i < REPEAT; i++) puts(GREETING);
#ifdef SHOUT
    puts("SHOUT is defined");
#endif
    return 0;
}
