// The certificate as the verifier reads it. Binary format, version 3
// (little-endian; uv = unsigned LEB128, sv = signed LEB128):
//
//   "KTALCERT" u8 version u8 0
//   layout:    uv image_size helpers_off helper_count text_off text_size
//                 rodata_off rodata_size sandbox_off sandbox_size
//   uv entry_function
//   helpers:   helper_count x uv helper id          (slot i calls helper i: id = i)
//   uv nfuncs, then per function (sorted by entry, disjoint):
//     uv entry uv size uv frame uv bound uv order
//     u8 nargs, nargs x value (rdi, rsi, rdx, rcx, r8, r9)
//     u8 has_result [value]
//     uv nblocks, per block: uv start (delta from the previous, the first from
//     the entry) and a state
//   state:  keep bits: one per entry of the previous block's state (none for
//           a function's first block), in bytes, low bit first: kept or not
//           uv nnew x (loc, then u8 byte mask for a bytes slot, else value)
//           the kept and new entries merge into registers by number, then
//           slots by offset (sorted, disjoint)
//           u8 bits: 1 fuel, 2 flags set, 4 rdx=sext(eax), 8 rdx=sext(rax)
//           uv nfacts x (loc x, loc y, sv c)
//   loc:    u8 tag: 0-15 a register; 16 | width (20: 4 bytes, 24: 8 bytes,
//           16: bytes written, states only), then sv offset
//   value:  u8 tag = kind | extra << 3
//           uninit: extra = written low bytes; int: extra = which of smin smax
//           umin umax follow (sv sv uv uv); ptr: extra = region | 4 if exact,
//           then sv lo [sv hi]; retaddr; saved: u8 reg
//
// The reader trusts nothing: every count is bounded by the bytes left, every
// offset is checked against the layout, every value is well formed. Slots
// never cover [0, 8): the return address lives there in every state.
#pragma once

#include "tal/arena.hpp"
#include "tal/state.hpp"

namespace ktal {

// 2: slots as changes from the previous block; 3: registers and slots as one list
inline constexpr u8 kCertVersion = 3;
inline constexpr u32 kHelperSlotSize = 16;
inline constexpr u32 kPageSize = 4096;
inline constexpr u32 kMaxFrame = 1u << 16;

struct Layout {
    u64 image_size = 0;
    u64 helpers_off = 0, helper_count = 0;
    u64 text_off = 0, text_size = 0;
    u64 rodata_off = 0, rodata_size = 0;
    u64 sandbox_off = 0, sandbox_size = 0;
    bool operator==(const Layout &) const = default;
};

// The fuel word F: the first word of the page before the sandbox, when that
// page is outside rodata. Inline fuel points read it; the program may not
// write it (it lies past rodata's end); the loaders map it writable, and
// ktal.ko sets it while a program runs and the fuel helper clears it.
inline bool has_fuel_page(const Layout &l) {
    return l.rodata_off + l.rodata_size + kPageSize <= l.sandbox_off;
}
inline u64 fuel_word_off(const Layout &l) {
    return l.sandbox_off - kPageSize;
}

// A register or stack slot of a certified state and what it holds.
struct Entry {
    Loc at; // a register, or a slot of width 8, 4 or 0 (bytes written, per mask)
    u8 mask;
    Value v;
};

struct CertState {
    Entry *entries = nullptr; // registers by number, then slots by offset
    u32 n = 0;
    Fact facts[kMaxFacts];
    u8 nfacts = 0;
    u8 fuel = 0, flags_set = 0, sext = 0;
};

struct Block {
    u64 start;
    CertState state;
};

struct Function {
    u64 entry, size;
    u32 frame, bound, order;
    u8 nargs;
    bool has_result;
    Value args[6];
    Value result;
    Block *blocks;
    u32 nblocks;
};

struct Cert {
    u8 version;
    Layout layout;
    u32 entry_function;
    Function *funcs;
    u32 nfuncs;
};

struct CertError {
    Text<160> message;
    u64 offset = 0; // byte offset in the certificate where reading stopped
};

// Reads and validates a binary certificate. On failure returns false and says
// why; allocations come from `arena` (bounded by a small multiple of `size`).
bool cert_read(const u8 *data, usize size, Arena &arena, Cert &out, CertError &err);

// Applies a certified state onto a dense state laid out for `fn`'s frame.
void cert_apply(const CertState &cs, State &s);

} // namespace ktal
