// Half of recursion_across_files.c's cycle.
int pong(int n);

int ping(int n) {
    if (n == 7) return 7;
    return pong(n);
}
