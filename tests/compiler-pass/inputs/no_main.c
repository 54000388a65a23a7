/* A library file on its own: no main(). */
int helper(int x) { return x * 3; }
