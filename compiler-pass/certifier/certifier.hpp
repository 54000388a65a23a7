// The certifier: finds the certificate for a linked image by abstract
// interpretation of its machine code, in the verifier's own domain and with
// the verifier's own typing rules (so what it finds is what the verifier can
// check), iterating with widening and then narrowing at loop heads. Untrusted:
// ktal-cc verifies every certificate it produces before writing the image.
#pragma once

#include "tal/cert_model.hpp"

#include <map>
#include <string>
#include <vector>

namespace ktal::certify {

// The side table the pass wrote (a hint: nothing here is trusted).
struct Hints {
    struct Signature {
        unsigned nargs = 0;
        unsigned result_bytes = 0; // 0: no result
    };
    std::map<std::string, Signature> functions;
    u64 rodata_span = 0, sandbox_span = 0;
    u64 fold_slack = 0; // bytes at each window's start that hold no object
};
bool read_hints(const std::string &path, Hints &out, std::string &error);

struct Options {
    u32 stack_budget = 4096;
    std::string entry = "__ktal_start";
};

// Why no certificate could be found: the first instruction the domain could
// not type, with the rule it broke (usually a missing guard: a compiler bug).
struct Failure {
    std::string function;
    u64 address = 0;
    std::string disasm;
    std::string rule;
    std::string message, expected, found;
    std::string state; // the registers just before the instruction
};

struct Stats {
    unsigned functions = 0, loop_heads = 0, iterations = 0;
};

bool certify(const std::vector<u8> &elf, const Hints &hints, const Options &opts, model::Cert &out,
             Failure &why, Stats *stats = nullptr);

} // namespace ktal::certify
