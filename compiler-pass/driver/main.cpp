// ktal-cc: C in, certified image out (see driver.hpp).
#include "compiler-pass/driver/driver.hpp"

#include <cstdio>
#include <filesystem>
#include <linux/ktal.h>
#include <unistd.h>

int main(int argc, char **argv) {
    ktal::cc::Options o;
    std::string error;
    bool help, version;
    if (!ktal::cc::parse_args(argc, argv, o, error, help, version)) {
        std::fprintf(stderr, "ktal-cc: error: %s\n%s", error.c_str(), ktal::cc::usage());
        return 2;
    }
    if (help) return std::fputs(ktal::cc::usage(), stdout), 0;
    if (version)
        return std::printf("ktal-cc %s (clang-19, certificate format 1)\n", KTAL_VERSION), 0;
    // Resources live beside the executable: bin/ktal-cc -> lib/ktal/.
    std::error_code ec;
    std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
    const char *env = std::getenv("KTAL_RESOURCES");
    o.resources = env ? env : (self.parent_path().parent_path() / "lib" / "ktal").string();
    return ktal::cc::run(o);
}
