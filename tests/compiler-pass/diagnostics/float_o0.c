// The policy holds at -O0 too.
// FLAGS: -O0
// EXPECT-ERROR: 7 floating point is not supported

int main(int argc, char **argv) {
    int n = argc;
    float half = n / 2.0f;
    return n;
}
