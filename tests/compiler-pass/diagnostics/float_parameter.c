// A float parameter, even unused, and the conversion at the call.
// EXPECT-ERROR: 5 floating point is not supported
// EXPECT-ERROR: 8 floating point is not supported

static int scale(int x, double factor) { return x * 2; }

int main(int argc, char **argv) {
    return scale(argc, 3);
}
