// `ktal verify IMAGE`: the verifier, in user space, on a certified image.
#include "tools/common/json.hpp"
#include "tools/common/report.hpp"
#include "tools/ktal/commands.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace ktal::cli {

int run_verify(Args args) {
    bool json = false;
    std::string path;
    unsigned long budget = 4096;
    for (size_t i = 0; i < args.size(); ++i) {
        std::string a = args[i];
        if (a == "--json")
            json = true;
        else if (a == "--budget" && i + 1 < args.size())
            budget = std::strtoul(args[++i], nullptr, 0);
        else if (a == "-h" || a == "--help") {
            std::puts("usage: ktal verify IMAGE [--json] [--budget BYTES]\n"
                      "Checks a certified image as ktal.ko would before admitting it to ring 0.\n"
                      "Exit status: 0 accepted, 1 rejected or not an image, 2 usage.\n"
                      "  --budget BYTES  stack the program may use (default 4096, as ktal.ko)");
            return 0;
        } else if (!a.empty() && a[0] == '-') {
            std::fprintf(stderr, "ktal verify: unknown option '%s' (see --help)\n", a.c_str());
            return 2;
        } else if (path.empty())
            path = a;
        else {
            std::fprintf(stderr, "ktal verify: one image at a time\n");
            return 2;
        }
    }
    if (path.empty()) {
        std::fprintf(stderr, "usage: ktal verify IMAGE [--json] [--budget BYTES]\n");
        return 2;
    }
    std::string err;
    auto file = read_file(path, err);
    if (!file) {
        std::fprintf(stderr, "ktal verify: %s\n", err.c_str());
        return 1;
    }
    auto t0 = std::chrono::steady_clock::now();
    CheckResult r = check_image(*file, static_cast<u32>(budget));
    double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    SymbolTable syms = SymbolTable::from_elf(*file);
    if (json) {
        json::Writer w;
        w.begin_object().field("image", path).field("accepted", r.accepted);
        if (r.malformed)
            w.field("error", r.load_error);
        else if (!r.accepted)
            w.key("rejection").begin_object().end_object();
        w.field("functions", r.stats.functions).field("instructions", r.stats.instructions);
        w.field("certified_blocks", r.stats.cert_blocks).field("joins", r.stats.joins);
        w.field("memory_bytes", static_cast<u64>(r.stats.memory))
            .field("milliseconds", ms)
            .end_object();
        std::string out = w.str();
        if (!r.malformed && !r.accepted) { // splice the rejection object in
            std::string rej = report::rejection_json(r.rejection, syms, path);
            size_t at = out.find("\"rejection\":{}");
            out.replace(at, 14, "\"rejection\":" + rej);
        }
        std::puts(out.c_str());
        return r.accepted ? 0 : 1;
    }
    if (r.malformed) {
        std::fprintf(stderr, "ktal verify: %s: not a usable image: %s\n", path.c_str(),
                     r.load_error.c_str());
        return 1;
    }
    if (!r.accepted) {
        std::printf("ktal verify: REJECTED %s\n%s", path.c_str(),
                    report::rejection_text(r.rejection, syms, path).c_str());
        return 1;
    }
    std::printf(
        "ktal verify: OK %s: %llu functions, %llu instructions, %llu certified blocks, %.2f ms\n",
        path.c_str(), static_cast<unsigned long long>(r.stats.functions),
        static_cast<unsigned long long>(r.stats.instructions),
        static_cast<unsigned long long>(r.stats.cert_blocks), ms);
    return 0;
}

} // namespace ktal::cli
