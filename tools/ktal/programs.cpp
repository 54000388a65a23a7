// `ktal load IMAGE`, `ktal unload N`, `ktal list [--json]`: programs that stay
// loaded in ktal.ko across processes (KTAL_LOAD_PERSIST, root only), so that
// `ktal run --handle N` skips verification.
#include "kernel/client/device.hpp"
#include "loader/symbols.hpp"
#include "tools/common/json.hpp"
#include "tools/ktal/commands.hpp"

#include <cstdio>
#include <cstdlib>
#include <string>

namespace ktal::cli {

int report_refusal(const char *cmd, const device::Loaded &l, const std::vector<u8> &image,
                   const std::string &path);

static std::variant<device::Device, int> open_device(const char *cmd) {
    auto opened = device::Device::open();
    if (auto *e = std::get_if<device::Error>(&opened)) {
        std::fprintf(stderr, "%s: %s\n", cmd, e->message.c_str());
        return 1;
    }
    return std::move(std::get<device::Device>(opened));
}

int run_load(Args args) {
    std::string path, name;
    unsigned long budget = 0;
    for (size_t i = 0; i < args.size(); ++i) {
        std::string a = args[i];
        if (a == "--budget" && i + 1 < args.size())
            budget = std::strtoul(args[++i], nullptr, 0);
        else if (a == "--name" && i + 1 < args.size())
            name = args[++i];
        else if (a == "-h" || a == "--help") {
            std::puts("usage: ktal load [--name NAME] [--budget BYTES] IMAGE\n"
                      "Verifies IMAGE in ktal.ko and keeps it loaded (root only) until\n"
                      "`ktal unload`; prints its handle for `ktal run --handle N`.");
            return 0;
        } else if (!a.empty() && a[0] == '-') {
            std::fprintf(stderr, "ktal load: unknown option '%s' (see --help)\n", a.c_str());
            return 2;
        } else if (path.empty())
            path = a;
        else {
            std::fprintf(stderr, "ktal load: one image at a time\n");
            return 2;
        }
    }
    if (path.empty()) {
        std::fprintf(stderr, "usage: ktal load [--name NAME] IMAGE\n");
        return 2;
    }
    std::string err;
    auto image = read_file(path, err);
    if (!image) {
        std::fprintf(stderr, "ktal load: %s\n", err.c_str());
        return 1;
    }
    if (name.empty())
        name = path.substr(path.rfind('/') == std::string::npos ? 0 : path.rfind('/') + 1);
    auto dev = open_device("ktal load");
    if (auto *rc = std::get_if<int>(&dev)) return *rc;
    auto res =
        std::get<device::Device>(dev).load(*image, name, true, static_cast<unsigned>(budget));
    if (auto *e = std::get_if<device::Error>(&res)) {
        std::fprintf(stderr, "ktal load: %s\n", e->message.c_str());
        return 1;
    }
    const device::Loaded &l = std::get<device::Loaded>(res);
    if (!l.accepted) return report_refusal("ktal load", l, *image, path);
    std::printf("%llu\n", static_cast<unsigned long long>(l.handle));
    return 0;
}

int run_unload(Args args) {
    if (args.size() != 1 || std::string(args[0]) == "-h" || std::string(args[0]) == "--help") {
        std::fprintf(args.size() == 1 ? stdout : stderr,
                     "usage: ktal unload HANDLE\n"
                     "Unloads a program `ktal load` loaded (root only).\n");
        return args.size() == 1 ? 0 : 2;
    }
    char *end = nullptr;
    unsigned long long h = std::strtoull(args[0], &end, 10);
    if (!end || *end || !h) {
        std::fprintf(stderr, "ktal unload: '%s' is not a handle (see `ktal list`)\n", args[0]);
        return 2;
    }
    auto dev = open_device("ktal unload");
    if (auto *rc = std::get_if<int>(&dev)) return *rc;
    auto res = std::get<device::Device>(dev).unload(h);
    if (auto *e = std::get_if<device::Error>(&res)) {
        std::fprintf(stderr, "ktal unload: %s\n", e->message.c_str());
        return 1;
    }
    return 0;
}

int run_list(Args args) {
    bool json = false;
    for (size_t i = 0; i < args.size(); ++i) {
        std::string a = args[i];
        if (a == "--json")
            json = true;
        else if (a == "-h" || a == "--help") {
            std::puts(
                "usage: ktal list [--json]\nThe programs loaded in ktal.ko with `ktal load`.");
            return 0;
        } else {
            std::fprintf(stderr, "ktal list: unknown argument '%s'\n", a.c_str());
            return 2;
        }
    }
    auto dev = open_device("ktal list");
    if (auto *rc = std::get_if<int>(&dev)) return *rc;
    auto res = std::get<device::Device>(dev).list();
    if (auto *e = std::get_if<device::Error>(&res)) {
        std::fprintf(stderr, "ktal list: %s\n", e->message.c_str());
        return 1;
    }
    const auto &progs = std::get<std::vector<device::Program>>(res);
    if (json) {
        json::Writer w;
        w.begin_array();
        for (const auto &p : progs) {
            w.begin_object()
                .field("handle", static_cast<std::uint64_t>(p.handle))
                .field("name", p.name)
                .field("persistent", p.persistent)
                .field("image_bytes", p.image_bytes)
                .field("runs", p.runs)
                .field("instructions", p.instructions)
                .field("entry_stack_bound", p.entry_bound)
                .field("loader_uid", p.loader_uid)
                .field("loader_pid", p.loader_pid)
                .end_object();
        }
        w.end_array();
        std::puts(w.str().c_str());
        return 0;
    }
    if (progs.empty()) {
        std::puts("no programs loaded");
        return 0;
    }
    std::printf("%-8s %-24s %10s %8s %12s %6s %s\n", "HANDLE", "NAME", "BYTES", "RUNS",
                "INSTRUCTIONS", "STACK", "LOADED BY");
    for (const auto &p : progs)
        std::printf("%-8llu %-24s %10llu %8llu %12llu %6u uid %u pid %d%s\n",
                    static_cast<unsigned long long>(p.handle), p.name.c_str(), p.image_bytes,
                    p.runs, p.instructions, p.entry_bound, p.loader_uid, p.loader_pid,
                    p.persistent ? "" : " (this process)");
    return 0;
}

} // namespace ktal::cli
