// Processes: fork() would need a second thread of control.
// EXPECT-ERROR: 8 'fork': threads and processes are not supported
#include <stdio.h>

int fork(void);

int main(void) {
    if (fork() == 0) puts("child");
    return 0;
}
