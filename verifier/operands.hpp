// The operand model every typing rule uses: reading and writing registers at
// a width, computing addresses, and loads and stores with their obligations
// (the access lies inside one region for its full width, rodata is never
// written, the safe stack only inside the live frame, nothing secret is read).
#pragma once

#include "tal/cert.hpp"
#include "verifier/decode.hpp"

namespace ktal {

// Offsets beyond this mean nothing (no image is that large): such a pointer
// becomes "far", offsets exactly [-kFar, kFar], and stays far; no access
// through it passes, and its distance to anything is unknown.
inline constexpr i64 kFar = 1ll << 48;
inline Value far_ptr(Region r) {
    return Value::ptr(r, -kFar, kFar);
}
inline bool is_far(const Value &v) {
    return v.kind == Kind::Ptr && (v.smin <= -kFar || v.smax >= kFar);
}

// Why an instruction was rejected.
struct Fault {
    const char *rule = nullptr;
    Text<200> message;
    Text<96> expected, found;
};

struct Ctx {
    const Cert &cert;
    const Function &fn;
    Fault &fault;

    bool fail(const char *rule, const char *message) {
        fault.rule = rule;
        fault.message.add(message);
        return false;
    }
    // Fails with the value that was found (and optionally the one expected).
    bool fail(const char *rule, const char *message, const Value &found,
              const char *expected = nullptr) {
        describe(found, fault.found);
        if (expected) fault.expected.add(expected);
        return fail(rule, message);
    }
};

// How a read may use what it reads.
enum class Use : u8 {
    Data,    // computes with it: an int, or a sandbox/rodata pointer as an int
    Move,    // copies it whole (mov, push, store): opaque values and stack pointers may move
    Copy,    // like Move, and may copy the unreadable (push rax as `sub rsp, 8`; pop into a
             // dead register): uninit stays uninit, so nothing is learnt
    Addr,    // forms an address: pointers of every region
    Partial, // arithmetic whose low result bytes depend only on low input bytes
             // (add, sub, and, or, xor, neg, not, imul, shl): an input whose low
             // bytes alone hold data gives a result whose low bytes alone do
};

// The leak rule that using v as data breaks (v not data).
const char *leak_rule(const Value &v);

bool read_reg(Ctx &c, const State &s, u8 reg, u8 size, bool high8, Use use, Value &out);
void write_reg(State &s, u8 reg, u8 size, bool high8, const Value &v);
// Writes rsp: an exact offset inside the frame; cells below it are forgotten.
bool set_rsp(Ctx &c, State &s, const Value &v);

bool read_op(Ctx &c, State &s, const Operand &op, u8 w, Use use, Value &out);
bool write_op(Ctx &c, State &s, const Operand &op, u8 w, const Value &v);

// lea semantics: the address as a value (a pointer, or an int if no pointer
// takes part).
bool address(Ctx &c, const State &s, const MemRef &m, Value &out);
bool load(Ctx &c, State &s, const MemRef &m, u8 w, Use use, Value &out);
bool store(Ctx &c, State &s, const MemRef &m, u8 w, const Value &v);
// Obligation of a w-byte access at ptr (any offset range): inside its region.
bool check_access(Ctx &c, const State &s, const Value &ptr, u64 bytes, bool write);

// The location an operand names, for flags and facts (None if memory that
// is not an exact stack slot).
Loc loc_of(const State &s, const Operand &op);
Value loc_value(const State &s, const Loc &l);
void loc_set(State &s, const Loc &l, const Value &v);

} // namespace ktal
