// The typing rules: one per instruction form. Each checks the form's
// obligations against the state and moves the state past the instruction.
// Branches (jmp, jcc) are the checker's: they involve the certificate's blocks.
#pragma once

#include "verifier/operands.hpp"

namespace ktal {

struct Insn;

// Everything a rule may need beyond the state.
struct RuleCtx : Ctx {
    State *scratch; // a spare state with its own cells (cmov)
};

// Applies the rule of `in` to `s`. False with c.fault set on rejection. After
// a call to a helper that never returns, or a ret, s.live is false.
bool transfer(RuleCtx &c, State &s, const Insn &in);

// Can this condition code be read now? (flags set by the program, CF not the
// caller's for conditions that read CF)
bool flags_readable(Ctx &c, const State &s, u8 cc);

// Rules of the control forms (control.cpp).
bool rule_call(RuleCtx &c, State &s, const Insn &in);
bool rule_ret(RuleCtx &c, State &s, const Insn &in);
// rep movs / rep stos (strings.cpp).
bool rule_rep(RuleCtx &c, State &s, const Insn &in);

} // namespace ktal
