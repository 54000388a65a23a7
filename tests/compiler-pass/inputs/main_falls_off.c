/* main without a return statement (main_falls_off.sh): in C99 and later,
 * reaching the closing brace of main returns 0. */
#include <stdio.h>

int main(void) {
    puts("no return statement");
}
