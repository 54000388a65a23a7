// ktal: the command-line front end. Each subcommand is a thin layer over a
// library; this file only dispatches.
#include "tools/ktal/commands.hpp"

#include <linux/ktal.h>

#include <cstdio>
#include <cstring>

namespace {

struct Command {
    const char *name;
    int (*run)(ktal::cli::Args);
    const char *summary;
};

constexpr Command kCommands[] = {
    {"run", ktal::cli::run_run, "run a certified image (ring 0, or --user)"},
    {"load", ktal::cli::run_load, "keep an image loaded in ktal.ko; prints its handle"},
    {"unload", ktal::cli::run_unload, "unload a program `ktal load` loaded"},
    {"list", ktal::cli::run_list, "the programs loaded in ktal.ko"},
    {"verify", ktal::cli::run_verify, "check a certified image as ktal.ko would"},
    {"cert", ktal::cli::run_cert, "print or assemble a certificate's text form"},
    {"prove", ktal::cli::run_prove,
     "an offline second opinion with Z3 (images, or the verifier's --rules)"},
    {"info", ktal::cli::run_info, "version and limits of the loaded ktal.ko"},
};

void usage(FILE *out) {
    std::fprintf(out, "usage: ktal COMMAND [ARGS...]\n\ncommands:\n");
    for (const auto &c : kCommands) std::fprintf(out, "  %-10s %s\n", c.name, c.summary);
    std::fprintf(out, "\n`ktal COMMAND --help` describes one command.\n");
}

} // namespace

int main(int argc, char **argv) {
    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    std::string_view cmd = argv[1];
    if (cmd == "-h" || cmd == "--help" || cmd == "help") {
        usage(stdout);
        return 0;
    }
    if (cmd == "--version") {
        std::printf("ktal %s (ABI %d.%d)\n", KTAL_VERSION, KTAL_ABI_MAJOR, KTAL_ABI_MINOR);
        return 0;
    }
    for (const auto &c : kCommands)
        if (cmd == c.name) return c.run(ktal::cli::Args(argv + 2, argc - 2));
    std::fprintf(stderr, "ktal: unknown command '%s'\n", argv[1]);
    usage(stderr);
    return 2;
}
