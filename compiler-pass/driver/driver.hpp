// ktal-cc's pipeline: clang (with the policy pass) per source file to
// bitcode; llvm-link with the runtime; opt (internalize, O2, ktal-lower) on
// the whole program; llc; ld.lld with loader/ktal.ld; the certifier; the
// verifier on the result. An image that fails verification is never written.
#pragma once

#include <string>
#include <vector>

namespace ktal::cc {

struct Options {
    std::vector<std::string> inputs; // .c sources, or bitcode objects from -c
    std::string output;              // -o
    bool compile_only = false;       // -c
    bool verbose = false;            // -v: show every command
    bool keep_temps = false;
    bool debug = false; // -g (line tables are always kept)
    std::string opt_level = "2";
    std::vector<std::string> cflags; // -I -D -U -W -std= ... passed to clang
    unsigned stack_budget = 4096;
    unsigned long long heap_size = 0; // --heap-size (0: the runtime's default, 8 MiB)
    std::string resources;            // directory with the plugin, runtime, slots, linker script
};

// Parses argv; false with `error` on bad usage. `help` set for --help.
bool parse_args(int argc, char **argv, Options &o, std::string &error, bool &help, bool &version);
const char *usage();

// Runs the pipeline; returns the process exit status (0 on success).
int run(const Options &o);

} // namespace ktal::cc
