// `ktal prove IMAGE`: an offline second opinion on a certified image, with
// Z3. It shares only the decoder with the verifier (and the certificate's
// reader): every instruction runs on bit-vectors (verifier/z3/x86.hpp), the
// program's regions are symbolic bases with the facts the layout guarantees,
// and the safe stack is an array indexed by the offset from the function's
// entry rsp. From each function's entry (its certified type as assumptions)
// and from each certified block (its certified state as assumptions) the
// acyclic code up to the next certified block, ret or noreturn call runs
// symbolically (paths merge at joins with if-then-else), and each obligation
// is one Z3 query: every access inside its region for its full width, every
// division by a non-zero divisor without overflow, every edge into a
// certified block in a state that satisfies it, and the rest of the policy
// that safety rests on (frames, calls, returns, control flow, fuel).
#pragma once

#include "tal/types.hpp"

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace ktal::prover {

struct Options {
    unsigned timeout_ms = 10000; // per query; a query that runs out is "unknown", never "proved"
    unsigned budget_ms = 0;      // per image (0: none); once spent, every query left is "unknown"
    u32 stack_budget = 4096;     // stack bytes the loader gives the entry function (its call tree)
    std::string cache_dir; // (cache.hpp) functions proved before under the same key are not asked
                           // again; "" for none
    // Progress: called as the proof of function `index` (of `count`) starts.
    std::function<void(u32 index, u32 count, const std::string &name)> on_function;
};

struct Obligation {
    enum Result : u8 { Proved, Refuted, Unknown };
    u64 function = 0; // entry of the function
    std::string function_name;
    u64 block = 0; // where the symbolic run started: the entry or a certified block
    u64 addr = 0;  // the instruction
    std::string insn;
    std::string kind; // memory, divide.zero, cert.edge-state, ...
    std::string what;
    Result result = Proved;
    double ms = 0;
    std::string detail; // why it was refuted or unknown, beyond the counterexample
    // A concrete state that breaks it: (name, value) pairs, registers and
    // stack slots at the start of the run, then the values at the instruction.
    std::vector<std::pair<std::string, std::string>> counterexample;
};

struct Report {
    bool loaded = false;
    std::string error; // the file is not a usable certified image
    std::vector<Obligation> obligations;
    u64 proved = 0, refuted = 0, unknown = 0;
    u64 functions = 0, runs = 0, instructions = 0;
    u64 cached = 0; // functions whose obligations came from the cache (Options::cache_dir)
    double ms = 0;
    bool all_proved() const { return loaded && refuted == 0 && unknown == 0; }
};

const char *result_name(Obligation::Result r);
// An image offset or address as the reports write it (0x...).
std::string hex(u64 v);

Report prove_image(const std::vector<u8> &file, const Options &opt = {});

// Each function's cache key (cache.hpp), in certificate order; empty when the
// file is not a usable certified image.
std::vector<std::string> function_keys(const std::vector<u8> &file);

} // namespace ktal::prover
