// A call through a declaration without parameters, whose arguments do not
// match the definition's (one where it takes two).
// EXPECT-ERROR: 9 whose arguments do not match its parameters
// FLAGS: -O0 -w
int g();

int main(int argc, char **argv) {
    (void)argv;
    return g(argc);
}

int g(int a, int b) { return a + b; }
