// ktal-testimage CASE.s -o IMAGE: builds a test case's image (for the qemu
// tests, which hand the same images to ktal.ko).
#include "tests/support/case_builder.hpp"

#include <cstdio>
#include <fstream>
#include <string>

int main(int argc, char **argv) {
    if (argc != 4 || std::string(argv[2]) != "-o") {
        std::fprintf(stderr, "usage: ktal-testimage CASE.s -o IMAGE\n");
        return 2;
    }
    ktal::test::Case c;
    std::string err;
    std::vector<ktal::u8> image;
    if (!ktal::test::load_case(argv[1], c, err) || !ktal::test::build_case(c, image, err)) {
        std::fprintf(stderr, "ktal-testimage: %s: %s\n", argv[1], err.c_str());
        return 1;
    }
    std::ofstream out(argv[3], std::ios::binary);
    out.write(reinterpret_cast<const char *>(image.data()),
              static_cast<std::streamsize>(image.size()));
    std::printf("%s\n", c.expect.c_str());
    return out ? 0 : 1;
}
