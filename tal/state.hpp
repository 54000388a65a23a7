// Machine states: every register, every 4-byte cell of the current frame, the
// flags (which comparison set them, for branch refinement), a few linear facts,
// the fuel bit and the cqo/cdq marker. The stack is addressed by offset from
// the function's entry rsp: the return address lives at [0, 8), the frame
// below it. One dense state per program point; the certificate's sparse
// states are applied onto it.
#pragma once

#include "tal/value.hpp"

namespace ktal {

// How a 4-byte stack cell holds its bytes.
enum class Shape : u8 {
    Bytes,   // `init` says which bytes were written; contents unknown data
    Whole32, // a 4-byte store: v describes the cell zero-extended
    Lo64,    // low half of an 8-byte value v (the next cell is its Hi64)
    Hi64,    // high half of the 8-byte value in the previous cell
};

struct Cell {
    Value v;
    Shape shape = Shape::Bytes;
    u8 init = 0; // bit i: byte i was written
};

// A place a comparison or fact can refer to: a register or a stack slot.
struct Loc {
    enum Kind : u8 { None, Reg, Slot };
    Kind kind = None;
    u8 reg = 0;
    u8 width = 0; // Slot: 4 or 8
    i32 off = 0;  // Slot: offset from the entry rsp

    static Loc r(u8 reg) { return Loc{Reg, reg, 8, 0}; }
    static Loc slot(i32 off, u8 width) { return Loc{Slot, 0, width, off}; }
    bool operator==(const Loc &o) const {
        return kind == o.kind &&
               (kind == Reg ? reg == o.reg : kind == None || (off == o.off && width == o.width));
    }
};

// x <= y + c, signed, between two locations.
struct Fact {
    Loc x, y;
    i64 c = 0;
};

// What the flags mean, so that a conditional branch can refine its operands.
struct Flags {
    enum Kind : u8 {
        Unset,  // never set in this function: reading them leaks the caller's
        Known,  // set by the program, but not from a comparison we model
        Cmp,    // cmp a, b (b a location or imm)
        Test,   // test a, b
        Result, // ZF/SF of the value now in a (and, or, xor, add, sub, inc, dec, neg)
        Scan,   // bsf/bsr into a: ZF = 0 means the source was non-zero and a holds a bit index
    };
    Kind kind = Unset;
    u8 width = 8;
    Loc a, b;
    bool b_is_imm = false;
    i64 imm = 0;
    // Which flags must never be read: those that still hold what the caller
    // (or a callee, or a helper) left, and those computed from a safe-stack
    // address (the carry of `add rax, rdx` with rax on the stack tells
    // whether the address is above 2^64 - rdx: a kernel address, bit by
    // bit). Instructions that write only some flags (inc/dec keep CF, bt
    // writes only CF, rol writes CF/OF...) clear only their bits.
    u8 secret = kAllFlags;
    static constexpr u8 kCF = 1, kOF = 2, kZF = 4, kSP = 8, kZSP = kZF | kSP, kAllFlags = 15;
};

inline constexpr int kMaxFacts = 8;

struct State {
    Value reg[kNumRegs];
    Cell *cell = nullptr; // cell[i] covers [lo + 4i, lo + 4i + 4)
    i32 lo = 0;           // lowest offset covered: -frame size
    u32 ncells = 0;       // covers [lo, 8): the frame and the return address
    Flags flags;
    Fact fact[kMaxFacts];
    u8 nfacts = 0;
    u8 fuel = 0; // a fuel point ran since the last backward-jump target
    u8 sext = 0; // rdx holds the sign extension of rax: 8 (cqo) or 4 (cdq)
    bool live = false;

    Cell *cell_at(i32 off) { return off >= lo && off < 8 ? &cell[(off - lo) / 4] : nullptr; }
    const Cell *cell_at(i32 off) const {
        return off >= lo && off < 8 ? &cell[(off - lo) / 4] : nullptr;
    }
    i64 rsp() const { return reg[RSP].smin; } // exact by invariant
    // Cells i and i + 1 hold one 8-byte value.
    bool pair_at(u32 i) const {
        return i + 1 < ncells && cell[i].shape == Shape::Lo64 && cell[i + 1].shape == Shape::Hi64;
    }
    // Bytes of cell i that hold readable data: none of an 8-byte value that
    // is not data (a secret or a stack pointer), whose bytes are never read
    // piecemeal.
    u8 data_mask(u32 i) const {
        const Cell &c = cell[i];
        if (c.shape == Shape::Lo64) return c.v.is_data() ? c.init : 0;
        if (c.shape == Shape::Hi64)
            return i > 0 && cell[i - 1].shape == Shape::Lo64 && cell[i - 1].v.is_data() ? c.init
                                                                                        : 0;
        return c.init;
    }
    bool pair_at(const Cell *c) const { return pair_at(static_cast<u32>(c - cell)); }
    u8 data_mask(const Cell *c) const { return data_mask(static_cast<u32>(c - cell)); }
};

// An 8-byte value held whole by the cells c[0] and c[1].
inline void put_pair(Cell *c, const Value &v) {
    c[0] = Cell{v, Shape::Lo64, 0xf};
    c[1] = Cell{Value{}, Shape::Hi64, 0xf};
}

// Sets up an empty state over `cells` (frame/4 + 2 of them) for a frame of
// `frame` bytes (a multiple of 4).
void state_init(State &s, Cell *cells, u32 frame);
// A live state where nothing is known but the return address at [0, 8).
void state_clear(State &s);
// The state at a function's entry: rsp = stack[0], the return address at
// [0, 8), callee-saved registers holding the caller's values, nothing else.
void state_entry(State &s);
void state_copy(State &dst, const State &src);
// dst := dst joined with src (the weakest state both entail).
void state_join(State &dst, const State &src);

// Does every concrete state of a belong to b? On failure `where`, `want` and
// `got` name the first location that differs.
struct Mismatch {
    Text<24> where;
    Text<96> want, got;
};
bool state_entails(const State &a, const State &b, Mismatch *why);

// Cells in [lo, below) lose their contents (an interrupt may use the stack
// below rsp, so what lies there is unknown and unreadable).
void state_forget_below(State &s, i64 below);
// Something wrote register `reg` or the stack bytes [lo, hi): comparisons
// and facts that mention them are stale.
void state_clobber(State &s, u8 reg);
void state_clobber_slots(State &s, i64 lo, i64 hi);
void state_add_fact(State &s, const Fact &f);

template <usize N>
void describe(const Loc &l, Text<N> &out) {
    if (l.kind == Loc::Reg)
        out.add(reg_name(l.reg));
    else if (l.kind == Loc::Slot) {
        out.add('[').dec(l.off).add(']');
        if (l.width != 8) out.add(':').udec(l.width);
    } else
        out.add("-");
}

} // namespace ktal
