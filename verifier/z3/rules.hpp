// `ktal prove --rules`: the verifier's typing rules proved sound with Z3.
// For every rule (instruction form x kind of abstract value) and every branch
// refinement (each condition code, signed and unsigned, at every width), Z3
// proves that the rule's abstract result contains every concrete result: for
// all abstract inputs a, b (symbolic bounds satisfying the domain's
// well-formedness) and all concrete x in gamma(a), y in gamma(b), the
// instruction's bit-vector semantics (verifier/z3/x86.hpp) lands in
// gamma(rule(a, b)). The rule is the verifier's own code: the templates of
// verifier/interval.hpp instantiated with symbolic numbers (sym.hpp), which
// also proves that code free of undefined behaviour on every input.
#pragma once

#include "verifier/decode.hpp"
#include "verifier/z3/sym.hpp"

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace ktal::rules {

enum class Status : u8 { Proved, Refuted, Unknown };
const char *status_name(Status s);

struct Outcome {
    std::string rule;
    std::string claim; // what was proved, in words
    Status status = Status::Unknown;
    double ms = 0;
    std::string detail; // refuted: which part fails; unknown: why
    std::vector<std::pair<std::string, std::string>> counterexample;
};

struct Options {
    unsigned timeout_ms = 60000; // per rule; out of time is "unknown", never "proved"
    std::string filter;          // only rules whose name contains this
    // Run the rules with index % shards == shard (for splitting across processes).
    unsigned shard = 0, shards = 1;
    std::function<void(const Outcome &)> progress; // called after each rule
};

struct Report {
    std::vector<Outcome> rules;
    u64 proved = 0, refuted = 0, unknown = 0;
    double ms = 0;
};

std::vector<std::string> rule_names();
Report prove_rules(const Options &opt);

// A two-operand data rule on ints given as a function (tests prove planted,
// deliberately wrong variants with it): for a, b ints and x in gamma(a),
// y in gamma(b), the w-byte `op` (add, sub, and, or, xor) of x and y must lie
// in gamma(rule(a, b)).
using BinaryRule = std::function<sym::SVal(const sym::SVal &a, const sym::SVal &b)>;
Outcome prove_binary(const std::string &name, Op op, u8 w, const BinaryRule &rule,
                     unsigned timeout_ms = 60000);

// The two ways the rule proofs write the machine (bit-vectors, and integers
// with the wraparound spelled out) agree: both evaluated on `rounds` random
// inputs of every operation and width they share. Empty if they do, else
// what differs.
std::string self_check(unsigned rounds);

} // namespace ktal::rules
