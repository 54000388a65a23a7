// Abstract values: what the verifier knows about one register or stack slot.
//
//   uninit        never written on some path: it may hold stale kernel data and
//                 must never be read (low > 0: only the low bytes were written)
//   int           an integer with signed and unsigned bounds (both kept, as the
//                 eBPF verifier does: guards compare unsigned, C code signed)
//   ptr(region)   base of region + an offset in [smin, smax]
//   retaddr       this function's return address: opaque, never data
//   saved(r)      the caller's value of callee-saved register r: opaque
//
// A pointer into the sandbox or rodata may be used as a plain integer (it is
// one, and C programs do arithmetic on them); a pointer into the safe stack may
// not: it is a kernel stack address and must not escape.
#pragma once

#include "tal/regs.hpp"
#include "tal/text.hpp"
#include "tal/types.hpp"

namespace ktal {

enum class Kind : u8 { Uninit, Int, Ptr, RetAddr, Saved };
enum class Region : u8 { None, Stack, Sandbox, Rodata };

struct Value {
    Kind kind = Kind::Uninit;
    Region region = Region::None;
    u8 reg = 0; // saved(r): r
    u8 low = 0; // uninit: bytes at the bottom that hold program data (0..7); the rest may be secret
    i64 smin = 0, smax = 0; // int: signed bounds; ptr: offset bounds
    u64 umin = 0, umax = 0; // int: unsigned bounds

    static Value uninit(u8 low = 0) {
        Value v;
        v.low = low < 8 ? low : 0; // (8 or more would read as data: nothing known is safer)
        return v;
    }
    static Value top() { return both(kI64Min, kI64Max, 0, kU64Max); }
    static Value constant(i64 c) { return both(c, c, static_cast<u64>(c), static_cast<u64>(c)); }
    static Value srange(i64 lo, i64 hi);
    static Value urange(u64 lo, u64 hi);
    static Value both(i64 slo, i64 shi, u64 ulo, u64 uhi) {
        Value v;
        v.kind = Kind::Int;
        v.smin = slo, v.smax = shi, v.umin = ulo, v.umax = uhi;
        return v;
    }
    static Value ptr(Region r, i64 lo, i64 hi) {
        Value v;
        v.kind = Kind::Ptr;
        v.region = r;
        v.smin = lo, v.smax = hi;
        return v;
    }
    static Value retaddr() {
        Value v;
        v.kind = Kind::RetAddr;
        return v;
    }
    static Value saved(u8 r) {
        Value v;
        v.kind = Kind::Saved;
        v.reg = r;
        return v;
    }

    bool is_int() const { return kind == Kind::Int; }
    bool is_stack_ptr() const { return kind == Kind::Ptr && region == Region::Stack; }
    bool is_opaque() const { return kind == Kind::RetAddr || kind == Kind::Saved; }
    // May be read as an integer: an int, or a sandbox/rodata pointer.
    bool is_data() const {
        return kind == Kind::Int || (kind == Kind::Ptr && region != Region::Stack);
    }
    bool is_const() const { return kind == Kind::Int && smin == smax; }
    bool is_top() const {
        return kind == Kind::Int && smin == kI64Min && smax == kI64Max && umin == 0 &&
               umax == kU64Max;
    }
};

// Bytes at the bottom of a value that hold program data (8: all of them).
template <class V>
u8 data_low(const V &v) {
    return v.kind == Kind::Uninit ? v.low : v.is_data() ? 8 : 0;
}

// The value as an integer: itself if int, top for a sandbox/rodata pointer.
inline Value as_int(const Value &v) {
    return v.kind == Kind::Int ? v : Value::top();
}

// Tightens signed and unsigned bounds against each other. False when no
// 64-bit integer satisfies both (the path that produced it is infeasible).
bool normalize(Value &v);

// Every concrete value that a describes is one that b describes.
bool entails(const Value &a, const Value &b);
Value join(const Value &a, const Value &b);

const char *region_name(Region r);
// The text form, as the certificate's text syntax writes it.
template <usize N>
void describe(const Value &v, Text<N> &out);

} // namespace ktal

#include "tal/value_describe.hpp"
