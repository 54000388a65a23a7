// Every undefined function is reported, not only the first.
// EXPECT-ERROR: 10 call to 'open_window'
// EXPECT-ERROR: 11 call to 'close_window'
#include <stdio.h>

int open_window(int w);
int close_window(int w);

int main(int argc, char **argv) {
    int w = open_window(argc);
    close_window(w);
    return 0;
}
