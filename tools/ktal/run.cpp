// `ktal run [--user] IMAGE ARGS...`: runs a certified image. In ring 0 through
// /dev/ktal when it exists (not yet: user mode for now), else in this process
// with the helpers as system calls.
#include "loader/symbols.hpp"
#include "loader/user/runner.hpp"
#include "tools/ktal/commands.hpp"

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace ktal::cli {

int run_run(Args args) {
    bool user = false;
    unsigned long budget = 4096;
    size_t i = 0;
    for (; i < args.size(); ++i) {
        std::string a = args[i];
        if (a == "--user") user = true;
        else if (a == "--budget" && i + 1 < args.size()) budget = std::strtoul(args[++i], nullptr, 0);
        else if (a == "-h" || a == "--help") {
            std::puts("usage: ktal run [--user] [--budget BYTES] IMAGE [ARGS...]\n"
                      "Runs a certified image; its exit status is ktal's.\n"
                      "  --user          run in this process (helpers are system calls)");
            return 0;
        } else if (!a.empty() && a[0] == '-') {
            std::fprintf(stderr, "ktal run: unknown option '%s' (see --help)\n", a.c_str());
            return 2;
        } else break;
    }
    if (i == args.size()) {
        std::fprintf(stderr, "usage: ktal run [--user] IMAGE [ARGS...]\n");
        return 2;
    }
    (void)user;
    std::string path = args[i];
    std::string err;
    auto image = read_file(path, err);
    if (!image) {
        std::fprintf(stderr, "ktal run: %s\n", err.c_str());
        return 1;
    }
    std::vector<std::string> argv;
    for (size_t k = i; k < args.size(); ++k) argv.push_back(args[k]);
    user::RunOptions o;
    o.stack_budget = static_cast<u32>(budget);
    return user::run(*image, path, argv, o);
}

} // namespace ktal::cli
