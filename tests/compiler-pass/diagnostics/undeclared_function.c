// A function called without any declaration (C89's implicit int f()) that
// nothing defines: the undefined-function error, at the call (it was taken
// for a call through a pointer to a variadic function).
// EXPECT-ERROR: 9 call to 'ffs', which is neither defined
// FLAGS: -w -Wno-implicit-function-declaration

int main(int argc, char **argv) {
    (void)argv;
    return ffs(argc);
}
