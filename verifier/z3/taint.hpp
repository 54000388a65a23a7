// Information flow in `ktal prove`: which flags a program may read. A flag
// is readable when this function computed it from program data: not the
// caller's flags (kernel state at the entry), not what a callee or helper
// left behind, and not the outcome of an operation on a secret (the return
// address, a caller's saved register, stale data, a safe-stack address).
// Values carry the same distinction as a "holds program data" bit per byte
// (program.cpp); this file is the flags' half, written from the Intel
// manual's table of condition codes, not from the verifier's flag tracking.
#pragma once

#include "tal/types.hpp"
#include "verifier/z3/x86.hpp"

#include <z3++.h>

#include <string>

namespace ktal::prover {

// Per flag group (x86::Result's groups: CF; OF; ZF, SF and PF), "holds a
// value this function computed from program data".
struct FlagData {
    z3::expr cf, of, zsp; // Bool each
};

// Nothing readable (at a function's entry, after a call) or everything.
FlagData flags_unreadable(z3::context &c);
FlagData flags_readable_all(z3::context &c);

// After an instruction that computed r from operands whose data bit is
// `data`: the groups it defined hold data exactly when its operands did; the
// rest keep what they were.
FlagData flags_written(const FlagData &old, const x86::Result &r, const z3::expr &data);

// Every group readable (what a certified block's "flags" claims).
z3::expr flags_all(const FlagData &d);

// The condition code cc (0..15, x86 encoding order) reads only readable flags.
z3::expr flags_readable(const FlagData &d, u8 cc);
// The flags cc reads, by name ("ZF", "CF, ZF", ...).
std::string flags_read(u8 cc);

} // namespace ktal::prover
