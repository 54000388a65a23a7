// `ktal run [--user] IMAGE ARGS...` and `ktal run --handle N ARGS...`: runs a
// certified image. In ring 0 through /dev/ktal when it exists (the kernel
// verifies it again, loads it for this run only, runs it in this process's
// context); with --user, or without ktal.ko, in this process with the
// helpers as system calls. Either way the program's exit status is ktal's.
#include "kernel/client/device.hpp"
#include "loader/symbols.hpp"
#include "loader/user/runner.hpp"
#include "tools/common/report.hpp"
#include "tools/ktal/commands.hpp"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <sys/stat.h>
#include <vector>

namespace ktal::cli {

// A kernel rejection in the verifier's own terms, so it prints exactly as
// `ktal verify` prints a user-space one (tools/common/report.hpp).
Rejection to_rejection(const device::Rejection &k) {
    Rejection r;
    r.rule = k.rule.c_str(); // k outlives r's use
    r.message.add(k.message.c_str());
    r.expected.add(k.expected.c_str());
    r.found.add(k.found.c_str());
    r.disasm.add(k.disasm.c_str());
    r.in_function = k.in_function;
    r.function_entry = k.function_entry;
    r.block = k.block;
    r.address = k.address;
    r.cert_offset = k.cert_offset;
    return r;
}

// Prints why ktal.ko refused an image; returns 1.
int report_refusal(const char *cmd, const device::Loaded &l, const std::vector<u8> &image,
                   const std::string &path) {
    if (l.malformed) {
        std::fprintf(stderr, "%s: %s: not a usable image: %s\n", cmd, path.c_str(),
                     l.rejection.message.c_str());
        return 1;
    }
    std::fprintf(
        stderr, "%s: %s was REJECTED by the verifier in ktal.ko\n%s", cmd, path.c_str(),
        report::rejection_text(to_rejection(l.rejection), SymbolTable::from_elf(image), path)
            .c_str());
    return 1;
}

static std::string base_name(const std::string &path) {
    size_t slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

// Runs a loaded program and turns its outcome into ktal's exit status.
static int run_loaded(const device::Device &dev, std::uint64_t handle,
                      const std::vector<std::string> &argv, bool stats) {
    std::fflush(nullptr);
    auto res = dev.run(handle, argv);
    if (auto *e = std::get_if<device::Error>(&res)) {
        std::fprintf(stderr, "ktal run: %s\n", e->message.c_str());
        return e->errnum == EINTR ? 130 : 1;
    }
    const device::Ran &r = std::get<device::Ran>(res);
    if (stats)
        std::fprintf(stderr, "ktal: %.3f ms in ring 0, %llu fuel checks (yields, signal checks)\n",
                     r.nanoseconds / 1e6, r.fuel);
    if (r.how == device::Ran::Trapped) {
        std::fprintf(stderr, "ktal: the program trapped: %s (value 0x%llx)\n",
                     device::trap_reason(r.trap_code), r.trap_value);
        return 134;
    }
    return static_cast<int>(r.status);
}

int run_run(Args args) {
    bool user = false, stats = false, perf_map = false;
    unsigned long budget = 0;
    long long handle = -1;
    size_t i = 0;
    for (; i < args.size(); ++i) {
        std::string a = args[i];
        if (a == "--user")
            user = true;
        else if (a == "--stats")
            stats = true;
        else if (a == "--perf-map")
            perf_map = true;
        else if (a == "--budget" && i + 1 < args.size())
            budget = std::strtoul(args[++i], nullptr, 0);
        else if (a == "--handle" && i + 1 < args.size()) {
            char *end = nullptr;
            handle = std::strtoll(args[++i], &end, 10);
            if (!end || *end || handle <= 0) {
                std::fprintf(stderr,
                             "ktal run: --handle takes a handle number (see `ktal list`)\n");
                return 2;
            }
        } else if (a == "-h" || a == "--help") {
            std::puts(
                "usage: ktal run [--user] [--budget BYTES] [--stats] IMAGE [ARGS...]\n"
                "       ktal run --handle N [ARGS...]\n"
                "Runs a certified image; its exit status is ktal's. With /dev/ktal the\n"
                "program runs in ring 0 in this process's context (ktal.ko verifies it\n"
                "again first); otherwise in this process with the helpers as system calls.\n"
                "  --user          run in user mode even if ktal.ko is loaded\n"
                "  --handle N      run a program loaded with `ktal load` (argv[0] is its name)\n"
                "  --budget BYTES  stack the program may use (default: ktal.ko's, or 4096)\n"
                "  --stats         print the time spent in ring 0 and its fuel checks\n"
                "  --perf-map      user mode: write /tmp/perf-PID.map so `perf report` names\n"
                "                  the program's functions");
            return 0;
        } else if (a == "--") {
            ++i;
            break;
        } else if (!a.empty() && a[0] == '-') {
            std::fprintf(stderr, "ktal run: unknown option '%s' (see --help)\n", a.c_str());
            return 2;
        } else
            break;
    }
    std::vector<std::string> argv;
    if (handle > 0) {
        if (user) {
            std::fprintf(stderr,
                         "ktal run: --handle names a program in ktal.ko; --user cannot run it\n");
            return 2;
        }
        auto opened = device::Device::open();
        if (auto *e = std::get_if<device::Error>(&opened)) {
            std::fprintf(stderr, "ktal run: %s\n", e->message.c_str());
            return 1;
        }
        const device::Device &dev = std::get<device::Device>(opened);
        std::string name = "ktal-" + std::to_string(handle);
        if (auto progs = dev.list(); auto *v = std::get_if<std::vector<device::Program>>(&progs))
            for (const auto &p : *v)
                if (p.handle == static_cast<std::uint64_t>(handle) && !p.name.empty())
                    name = p.name;
        argv.push_back(name);
        for (size_t k = i; k < args.size(); ++k) argv.push_back(args[k]);
        auto info = dev.info();
        if (auto *in = std::get_if<device::Info>(&info))
            std::fprintf(stderr, "ktal: running in ring 0 (ktal.ko %s)\n",
                         in->module_version.c_str());
        return run_loaded(dev, static_cast<std::uint64_t>(handle), argv, stats);
    }
    if (i == args.size()) {
        std::fprintf(stderr, "usage: ktal run [--user] IMAGE [ARGS...]\n");
        return 2;
    }
    std::string path = args[i];
    std::string err;
    auto image = read_file(path, err);
    if (!image) {
        std::fprintf(stderr, "ktal run: %s\n", err.c_str());
        return 1;
    }
    for (size_t k = i; k < args.size(); ++k) argv.push_back(args[k]);

    struct stat st;
    if (perf_map && !user) {
        std::fprintf(stderr, "ktal run: --perf-map needs --user (perf cannot see ring 0 code)\n");
        return 2;
    }
    if (!user && ::stat(KTAL_DEVICE_PATH, &st) == 0) {
        auto opened = device::Device::open();
        if (auto *e = std::get_if<device::Error>(&opened)) {
            std::fprintf(stderr, "ktal run: %s; `ktal run --user` runs it in user mode\n",
                         e->message.c_str());
            return 1;
        }
        const device::Device &dev = std::get<device::Device>(opened);
        auto info = dev.info();
        if (auto *e = std::get_if<device::Error>(&info)) {
            std::fprintf(stderr, "ktal run: %s\n", e->message.c_str());
            return 1;
        }
        const device::Info &in = std::get<device::Info>(info);
        if (!(in.flags & KTAL_INFO_RUN)) {
            std::fprintf(
                stderr,
                "ktal run: ktal.ko %s cannot run programs (ABI %u.%u); `ktal run --user` can\n",
                in.module_version.c_str(), in.abi_major, in.abi_minor);
            return 1;
        }
        auto loaded = dev.load(*image, base_name(path), false, static_cast<unsigned>(budget));
        if (auto *e = std::get_if<device::Error>(&loaded)) {
            std::fprintf(stderr, "ktal run: %s\n", e->message.c_str());
            return 1;
        }
        const device::Loaded &l = std::get<device::Loaded>(loaded);
        if (!l.accepted) return report_refusal("ktal run", l, *image, path);
        std::fprintf(stderr, "ktal: running in ring 0 (ktal.ko %s)\n", in.module_version.c_str());
        return run_loaded(dev, l.handle, argv, stats); // closing the device unloads it
    }
    user::RunOptions o;
    o.stack_budget = budget ? static_cast<u32>(budget) : 4096;
    o.perf_map = perf_map;
    return user::run(*image, path, argv, o);
}

} // namespace ktal::cli
