// `ktal info`: what the loaded ktal.ko is and the limits it enforces.
#include "kernel/client/device.hpp"
#include "tools/common/json.hpp"
#include "tools/ktal/commands.hpp"

#include <cstdio>
#include <cstring>

namespace ktal::cli {

int run_info(Args args) {
    bool json = false;
    const char *path = KTAL_DEVICE_PATH;
    for (size_t i = 0; i < args.size(); ++i) {
        std::string_view a = args[i];
        if (a == "--json") {
            json = true;
        } else if (a == "--device" && i + 1 < args.size()) {
            path = args[++i];
        } else if (a == "-h" || a == "--help") {
            std::puts("usage: ktal info [--json] [--device PATH]\n"
                      "Prints the version and limits of the loaded ktal.ko.");
            return 0;
        } else {
            std::fprintf(stderr, "ktal info: unknown argument '%s' (see ktal info --help)\n",
                         args[i]);
            return 2;
        }
    }
    auto dev = device::Device::open(path);
    if (auto *err = std::get_if<device::Error>(&dev)) {
        std::fprintf(stderr, "ktal info: %s\n", err->message.c_str());
        return 1;
    }
    auto res = std::get<device::Device>(dev).info();
    if (auto *err = std::get_if<device::Error>(&res)) {
        std::fprintf(stderr, "ktal info: %s\n", err->message.c_str());
        return 1;
    }
    const auto &info = std::get<device::Info>(res);
    if (json) {
        json::Writer w;
        w.begin_object()
            .field("module_version", info.module_version)
            .field("abi", std::to_string(info.abi_major) + "." + std::to_string(info.abi_minor))
            .field("kernel_release", info.kernel_release)
            .field("max_image_bytes", info.max_image_bytes)
            .field("max_programs", info.max_programs)
            .field("stack_budget", info.stack_budget)
            .field("programs_loaded", info.programs_loaded)
            .field("cert_version", info.cert_version)
            .field("verifier", (info.flags & KTAL_INFO_VERIFIER) != 0)
            .field("runs_programs", (info.flags & KTAL_INFO_RUN) != 0)
            .field("loaded_bytes", info.loaded_bytes)
            .field("max_loaded_bytes", info.max_loaded_bytes)
            .field("max_verify_memory", info.max_verify_memory)
            .field("runs", info.runs)
            .end_object();
        std::puts(w.str().c_str());
        return 0;
    }
    std::printf("ktal.ko %s (ABI %u.%u) on Linux %s\n", info.module_version.c_str(), info.abi_major,
                info.abi_minor, info.kernel_release.c_str());
    std::printf("  max image       %llu bytes\n", info.max_image_bytes);
    std::printf("  max programs    %llu (%llu loaded)\n", info.max_programs, info.programs_loaded);
    std::printf("  stack budget    %llu bytes\n", info.stack_budget);
    if (info.flags & KTAL_INFO_RUN) {
        std::printf("  loaded memory   %llu of %llu bytes\n", info.loaded_bytes,
                    info.max_loaded_bytes);
        std::printf("  verifier memory at most %llu bytes\n", info.max_verify_memory);
        std::printf("  runs            %llu\n", info.runs);
    }
    std::printf(
        "  certificates    %s\n",
        (info.flags & KTAL_INFO_VERIFIER)
            ? ("verified in the kernel, format v" + std::to_string(info.cert_version)).c_str()
            : "not yet verified in the kernel (no admission in this module)");
    std::printf("  ring 0          %s\n", (info.flags & KTAL_INFO_RUN)
                                              ? "runs programs (ktal run, load, list, unload)"
                                              : "cannot run programs (ABI before 1.2)");
    return 0;
}

} // namespace ktal::cli
