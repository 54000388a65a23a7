#include "verifier/transfer.hpp"

#include "verifier/interval.hpp"
#include "verifier/refine.hpp"
#include "verifier/rules.hpp"

namespace ktal {
namespace {

// --- flags ---

// The flags now describe a: compared with b (cmp, test), or as the result
// an instruction left there (no b).
void set_flags(State &s, Flags::Kind k, u8 w, const Operand &a, const Operand *b = nullptr) {
    Flags f;
    f.kind = k;
    f.secret = 0;
    f.width = w;
    f.a = loc_of(s, a);
    if (b && b->kind == Operand::Imm)
        f.b_is_imm = true, f.imm = b->imm;
    else if (b)
        f.b = loc_of(s, *b);
    s.flags = f;
}

// The flags an arithmetic result r (now in a) leaves: those of a value that
// is not data are secret (the carry of `add rax, rdx` with rax on the stack
// tells whether the address is above 2^64 - rdx).
void set_result_flags(State &s, u8 w, const Operand &a, const Value &r) {
    set_flags(s, Flags::Result, w, a);
    if (!r.is_data()) s.flags.secret = Flags::kAllFlags;
}

// Some flags written (`written`), the rest unchanged or undefined: no
// refinement any more, and only the written ones stop being secret.
void flags_partly(State &s, u8 written) {
    u8 secret = s.flags.secret & ~written;
    s.flags = Flags{};
    s.flags.kind = Flags::Known;
    s.flags.secret = secret;
}

// A result computed from inputs that are not all data: only its low bytes
// (as many as every input has) are the program's; flags computed from it say
// something about the rest, so none of them may be read.
bool partial_result(State &s, const Operand &dst, u8 w, u8 low, RuleCtx &c) {
    if (!write_op(c, s, dst, w, Value::uninit(min_of<u8>(low, w)))) return false;
    s.flags = Flags{};
    return true;
}

// Writes r to d. With `shift`, r is d's old value a plus delta: if that is
// exact (an int, 64 bits, no wraparound), facts on a register d still hold,
// shifted by delta.
bool write_shifted(RuleCtx &c, State &s, const Operand &d, u8 w, const Value &r, bool shift,
                   const Value &a, i64 delta) {
    i64 t;
    shift = shift && w == 8 && a.kind == Kind::Int && !__builtin_add_overflow(a.smin, delta, &t) &&
            !__builtin_add_overflow(a.smax, delta, &t);
    Fact before[kMaxFacts];
    u8 n = s.nfacts;
    if (shift) copy_bytes(before, s.fact, sizeof before);
    if (!write_op(c, s, d, w, r)) return false;
    for (u8 i = 0; shift && d.kind == Operand::Reg && i < n; ++i) {
        Fact f = before[i];
        bool is_x = f.x.kind == Loc::Reg && f.x.reg == d.reg;
        bool is_y = f.y.kind == Loc::Reg && f.y.reg == d.reg;
        // (neither: the write kept it; both: x <= x + c says nothing)
        if (is_x != is_y && !__builtin_add_overflow(f.c, is_x ? delta : -delta, &f.c))
            state_add_fact(s, f);
    }
    return true;
}

// --- data movement ---

// mov copies: what is not all initialised stays so (a store into the
// sandbox still refuses it; any later use checks it).
bool rule_mov(RuleCtx &c, State &s, const Insn &in) {
    Value v;
    const Operand &d = in.ops[0], &sr = in.ops[1];
    // Where the copy goes and comes from, as locations facts can name
    // (registers, exact stack slots), before the write moves anything.
    Loc to = loc_of(s, d), from = loc_of(s, sr);
    if (!read_op(c, s, sr, in.width, Use::Copy, v)) return false;
    if (!write_op(c, s, d, in.width, v)) return false;
    // The copy is remembered (dst = src), so that what a later compare learns
    // about one also holds for the other: a register and its spill slot, say.
    // 4-byte copies only of values the 4 bytes hold whole (a source register
    // with its upper half zero).
    bool whole = in.width == 8 ||
                 (in.width == 4 && v.umax <= 0xffffffffull &&
                  (from.kind != Loc::Reg ||
                   (s.reg[from.reg].kind == Kind::Int && s.reg[from.reg].umax <= 0xffffffffull)));
    if (to.kind != Loc::None && from.kind != Loc::None && !(to == from) &&
        (to.kind == Loc::Reg || from.kind == Loc::Reg) && v.kind == Kind::Int && whole) {
        state_add_fact(s, Fact{to, from, 0});
        state_add_fact(s, Fact{from, to, 0});
    }
    return true;
}

bool rule_movx(RuleCtx &c, State &s, const Insn &in) {
    u8 from = in.ops[1].size;
    if (from == 0 || from >= in.width)
        return c.fail(rule::kForbiddenOperand, "extension to a narrower register");
    Value v;
    if (!read_op(c, s, in.ops[1], from, Use::Data, v)) return false;
    if (in.op == Op::Movsx) v = movsx_bounds<Exact>(v, from, in.width);
    return write_op(c, s, in.ops[0], in.width, v);
}

bool rule_lea(RuleCtx &c, State &s, const Insn &in) {
    Value v;
    // Arithmetic on registers whose low bytes alone are data (lea of a short).
    const MemRef &m = in.ops[1].mem;
    u8 low = 8;
    const u8 regs[2] = {m.base, m.index};
    for (u8 r : regs)
        if (r != kNoReg && s.reg[r].kind == Kind::Uninit && s.reg[r].low)
            low = min_of(low, s.reg[r].low);
    if (low < 8 && !m.rip) {
        for (u8 r : regs)
            if (r != kNoReg && !s.reg[r].is_data() &&
                !(s.reg[r].kind == Kind::Uninit && s.reg[r].low))
                return read_reg(c, s, r, 8, false, Use::Data, v); // the reason it is refused
        return write_op(c, s, in.ops[0], in.width, Value::uninit(min_of(low, in.width)));
    }
    if (!address(c, s, in.ops[1].mem, v)) return false;
    if (in.width < 8) {
        if (v.is_stack_ptr())
            return c.fail(rule::kStackPointer, "part of a safe-stack address kept as data", v,
                          "data");
        v = low_bytes<Exact>(v, in.width);
    }
    return write_op(c, s, in.ops[0], in.width, v);
}

bool rule_push(RuleCtx &c, State &s, const Insn &in) {
    Value v;
    if (!read_op(c, s, in.ops[0], 8, Use::Copy, v)) return false;
    if (!set_rsp(c, s, Value::ptr(Region::Stack, s.rsp() - 8, s.rsp() - 8))) return false;
    return store(c, s, MemRef{.base = RSP}, 8, v);
}

bool rule_pop(RuleCtx &c, State &s, const Insn &in) {
    Value v;
    if (!load(c, s, MemRef{.base = RSP}, 8, Use::Copy, v)) return false;
    if (!set_rsp(c, s, Value::ptr(Region::Stack, s.rsp() + 8, s.rsp() + 8))) return false;
    return write_op(c, s, in.ops[0], 8, v);
}

bool rule_cmov(RuleCtx &c, State &s, const Insn &in) {
    if (in.ops[0].kind == Operand::Reg && in.ops[0].reg == RSP)
        return c.fail(rule::kRspExact, "cmov into rsp: rsp must stay an exact offset");
    if (!flags_readable(c, s, in.cc)) return false;
    Value d, src;
    if (!read_op(c, s, in.ops[0], in.width, Use::Partial, d) ||
        !read_op(c, s, in.ops[1], in.width, Use::Partial, src))
        return false;
    // Each outcome seen through the refinement of its condition: after `bsf
    // ecx, eax`, `cmove ecx, edx` keeps ecx only where the scan found a bit,
    // which makes it a bit index even if it held stale data before. The
    // join keeps what both outcomes have (of uninitialised ones, the data
    // bytes both have; two pointers into one region join into one: llc
    // selects between two globals' addresses, then loads, for `x ? a : b`).
    State &t = *c.scratch;
    Value when_false, when_true;
    state_copy(t, s);
    bool f_ok = refine(t, in.cc ^ 1, c.cert.layout);
    if (f_ok) read_op(c, t, in.ops[0], in.width, Use::Partial, when_false);
    state_copy(t, s);
    bool t_ok = refine(t, in.cc, c.cert.layout);
    if (t_ok) read_op(c, t, in.ops[1], in.width, Use::Partial, when_true);
    Value v = f_ok && t_ok ? join(when_false, when_true) : f_ok ? when_false : t_ok ? when_true : d;
    return write_op(c, s, in.ops[0], in.width, v);
}

bool rule_setcc(RuleCtx &c, State &s, const Insn &in) {
    if (!flags_readable(c, s, in.cc)) return false;
    return write_op(c, s, in.ops[0], 1, Value::urange(0, 1));
}

// --- arithmetic ---

bool rule_alu(RuleCtx &c, State &s, const Insn &in) {
    const Operand &d = in.ops[0], &sr = in.ops[1];
    u8 w = in.width;
    if ((in.op == Op::Xor || in.op == Op::Sub) && d.kind == Operand::Reg &&
        sr.kind == Operand::Reg && d.reg == sr.reg && d.high8 == sr.high8 && d.reg != RSP) {
        write_reg(s, d.reg, w, d.high8, Value::constant(0)); // the zeroing idiom reads nothing
        set_flags(s, Flags::Result, w, d);
        return true;
    }
    if ((in.op == Op::Adc || in.op == Op::Sbb) && !flags_readable(c, s, CB)) return false;
    bool ptr_ok = w == 8 && (in.op == Op::Add || in.op == Op::Sub);
    bool compare = in.op == Op::Cmp || in.op == Op::Test; // the others write their low bits
    bool to_rsp = d.kind == Operand::Reg && d.reg == RSP && !compare;
    Use plain = compare ? Use::Data : Use::Partial;
    Value a, b;
    if (!read_op(c, s, d, w, ptr_ok || to_rsp ? Use::Addr : plain, a) ||
        !read_op(c, s, sr, w, in.op == Op::Add && ptr_ok ? Use::Addr : plain, b))
        return false;
    // A mask of data whose bits all lie in the other side's data bytes: the
    // result is data (the bits above are zero, whatever the rest holds).
    // llc -Os: `mov r14w, -769` over a saved register, later `and r14d, 255`.
    const Value &mask = a.kind == Kind::Uninit ? b : a, &part = a.kind == Kind::Uninit ? a : b;
    if (in.op == Op::And && mask.kind == Kind::Int && part.kind == Kind::Uninit &&
        mask.umax >> (8 * part.low) == 0) {
        Value r = Value::urange(0, mask.umax);
        if (!write_op(c, s, d, w, r)) return false;
        set_result_flags(s, w, d, r);
        return true;
    }
    if (a.kind == Kind::Uninit || b.kind == Kind::Uninit)
        return partial_result(s, d, w, min_of(data_low(a), data_low(b)), c);
    if (compare) {
        if (a.is_stack_ptr())
            return c.fail(rule::kStackPointer, "a safe-stack address is compared", a, "data");
        set_flags(s, in.op == Op::Cmp ? Flags::Cmp : Flags::Test, w, d, &sr);
        return true;
    }
    Value r;
    if (in.op == Op::Add && b.kind == Kind::Ptr && a.kind != Kind::Ptr) {
        Value t = a;
        a = b, b = t;
    }
    if ((in.op == Op::Add || in.op == Op::Sub) && a.kind == Kind::Ptr) {
        if (b.kind == Kind::Ptr) {
            // A distance: within one region, or between rodata and the sandbox,
            // whose places in the image are fixed.
            bool image = a.region != Region::Stack && b.region != Region::Stack;
            if (in.op == Op::Add && !image)
                return c.fail(rule::kStackPointer, "a safe-stack address used as data", b);
            if (a.region != b.region && !image)
                return c.fail(
                    rule::kStackPointer,
                    "the distance between the safe stack and data reveals a kernel address", b);
            const Layout &l = c.cert.layout;
            auto base = [&](Region g) {
                return static_cast<i64>(g == Region::Sandbox ? l.sandbox_off : l.rodata_off);
            };
            i64 delta = a.region == b.region ? 0 : base(a.region) - base(b.region);
            // A sum of image addresses is only a number (optimisers make them:
            // (p + ~q) + q is p - 1).
            r = in.op == Op::Add || is_far(a) || is_far(b) ? Value::top()
                                                           : ptr_distance<Exact>(a, b, delta);
        } else {
            PtrMove<Exact> m = ptr_move<Exact>(in.op == Op::Add, a, as_int(b), kFar);
            r = !m.far ? m.p : a.region == Region::Stack ? Value::uninit() : far_ptr(a.region);
        }
    } else if (b.is_stack_ptr()) {
        return c.fail(rule::kStackPointer, "a safe-stack address used as data", b, "data");
    } else {
        r = alu_bounds<Exact>(in.op, a, b, w);
    }
    i64 delta = 0;
    bool shift = sr.kind == Operand::Imm && (in.op == Op::Add || in.op == Op::Sub) &&
                 !__builtin_mul_overflow(sr.imm, in.op == Op::Add ? 1 : -1, &delta);
    if (!write_shifted(c, s, d, w, r, shift, a, delta)) return false;
    if (in.op == Op::Adc || in.op == Op::Sbb)
        flags_partly(s, Flags::kAllFlags); // all written, with values we do not model
    else
        set_result_flags(s, w, d, r);
    return true;
}

bool rule_unary(RuleCtx &c, State &s, const Insn &in) {
    const Operand &d = in.ops[0];
    u8 w = in.width;
    Value a;
    bool ptr_ok = w == 8 && (in.op == Op::Inc || in.op == Op::Dec) && d.kind == Operand::Reg;
    if (!read_op(c, s, d, w, ptr_ok ? Use::Addr : Use::Partial, a)) return false;
    if (a.kind == Kind::Uninit) {
        Flags keep = s.flags;
        if (!partial_result(s, d, w, data_low(a), c)) return false;
        if (in.op == Op::Not) s.flags = keep; // not writes no flag
        return true;
    }
    Value r;
    i64 k = in.op == Op::Inc ? 1 : -1;
    if (a.kind == Kind::Ptr && ptr_ok)
        r = is_far(a) ? a : ptr_step<Exact>(a, k);
    else
        r = unary_bounds<Exact>(in.op, a = as_int(a), w);
    u8 cf_secret = s.flags.secret & Flags::kCF;
    if (!write_shifted(c, s, d, w, r, in.op == Op::Inc || in.op == Op::Dec, a, k)) return false;
    if (in.op == Op::Not) return true; // not leaves the flags alone
    set_result_flags(s, w, d, r);
    if (in.op != Op::Neg) s.flags.secret |= cf_secret; // inc and dec keep CF
    return true;
}

bool rule_imul(RuleCtx &c, State &s, const Insn &in) {
    u8 w = in.width;
    Value a, b;
    const Operand &x = in.nops == 3 ? in.ops[1] : in.ops[0];
    const Operand &y = in.nops == 3 ? in.ops[2] : in.ops[1];
    if (in.nops < 2) return c.fail(rule::kForbiddenOperand, "one-operand imul form");
    if (!read_op(c, s, x, w, Use::Partial, a) || !read_op(c, s, y, w, Use::Partial, b))
        return false;
    if (a.kind == Kind::Uninit || b.kind == Kind::Uninit)
        return partial_result(s, in.ops[0], w, min_of(data_low(a), data_low(b)), c);
    if (!write_op(c, s, in.ops[0], w, mul_w<Exact>(a, b, w))) return false;
    flags_partly(s, Flags::kCF | Flags::kOF); // SF, ZF, PF are undefined
    return true;
}

// mul/imul with one operand: rdx:rax = rax * src; 8-bit: ax = al * src.
bool rule_mul1(RuleCtx &c, State &s, const Insn &in) {
    u8 w = in.width;
    if (w == 2) return c.fail(rule::kForbiddenOperand, "16-bit one-operand multiply");
    Value a, b;
    if (!read_reg(c, s, RAX, w, false, Use::Data, a) || !read_op(c, s, in.ops[0], w, Use::Data, b))
        return false;
    if (w == 1) {
        write_reg(s, RAX, 2, false, mul8_bounds<Exact>(in.op == Op::Mul1, a, b));
        flags_partly(s, Flags::kCF | Flags::kOF);
        return true;
    }
    Value rax, rdx;
    mul1_bounds<Exact>(in.op == Op::Mul1, a, b, w, rax, rdx);
    write_reg(s, RAX, w, false, rax);
    write_reg(s, RDX, w, false, rdx);
    flags_partly(s, Flags::kCF | Flags::kOF);
    return true;
}

// div/idiv: rdx:rax / src. Must not fault: the divisor is never 0, the
// quotient always fits (rdx = 0 for div; rdx = sign of rax and not
// MIN / -1 for idiv).
bool rule_div(RuleCtx &c, State &s, const Insn &in) {
    u8 w = in.width;
    if (w < 4) return c.fail(rule::kForbiddenOperand, "8/16-bit divide");
    Value a, d, hi;
    if (!read_reg(c, s, RAX, w, false, Use::Data, a) ||
        !read_reg(c, s, RDX, w, false, Use::Data, hi) || !read_op(c, s, in.ops[0], w, Use::Data, d))
        return false;
    // rdx must be rax's sign for idiv: by cqo/cdq, or a constant matching a known sign.
    DivBounds<Exact> o = div_bounds<Exact>(in.op == Op::Div, a, hi, d, w, s.sext == w);
    if (o.zero) return c.fail(rule::kDivZero, "the divisor may be zero", d, "non-zero");
    if (o.rdx_high)
        return c.fail(rule::kDivOverflow, "div needs rdx = 0 (the quotient may not fit)", hi, "0");
    if (o.sign)
        return c.fail(rule::kDivOverflow, "idiv needs rdx = the sign extension of rax (cqo/cdq)",
                      hi, "sext(rax)");
    if (o.min_neg1)
        return c.fail(rule::kDivOverflow, "idiv may divide the minimum by -1", d,
                      "not -1, or a dividend above the minimum");
    write_reg(s, RAX, w, false, o.rax);
    write_reg(s, RDX, w, false, o.rdx);
    flags_partly(s, 0); // all undefined: whatever they hold is not more ours than before
    return true;
}

bool rule_shift(RuleCtx &c, State &s, const Insn &in) {
    u8 w = in.width;
    const Operand &d = in.ops[0];
    Value a;
    bool shl_imm = in.op == Op::Shl && (in.nops < 2 || in.ops[1].kind == Operand::Imm);
    if (!read_op(c, s, d, w, shl_imm ? Use::Partial : Use::Data, a)) return false;
    if (a.kind == Kind::Uninit) { // shl by k: the low bytes move up by k / 8
        u64 k = in.nops >= 2 ? static_cast<u64>(in.ops[1].imm) & (w == 8 ? 63 : 31) : 1;
        return partial_result(s, d, w, static_cast<u8>(min_of<u64>(7, data_low(a) + k / 8)), c);
    }
    bool known = true;
    u64 k = 1;
    if (in.nops >= 2 && in.ops[1].kind == Operand::Imm) {
        k = static_cast<u64>(in.ops[1].imm);
    } else if (in.nops >= 2) {
        Value cl;
        if (!read_reg(c, s, RCX, 1, false, Use::Data, cl)) return false;
        known = cl.is_const();
        k = cl.umin;
    }
    k &= w == 8 ? 63 : 31;
    Value r = shift_bounds<Exact>(in.op, a, w, known, k);
    u8 secret = s.flags.secret;
    if (!write_op(c, s, d, w, r)) return false;
    // A shift by 0 leaves every flag alone; OF is defined for 1-bit shifts only;
    // rotates write CF (and OF) only.
    u8 of = k == 1 ? Flags::kOF : 0;
    if (!(known && k != 0))
        flags_partly(s, 0);
    else if (in.op == Op::Rol || in.op == Op::Ror)
        flags_partly(s, Flags::kCF | of);
    else {
        set_flags(s, Flags::Result, w, d);
        s.flags.secret = secret & ~(Flags::kCF | Flags::kZSP | of);
    }
    return true;
}

bool rule_double_shift(RuleCtx &c, State &s, const Insn &in) {
    Value a, b, cl;
    if (!read_op(c, s, in.ops[0], in.width, Use::Data, a) ||
        !read_op(c, s, in.ops[1], in.width, Use::Data, b))
        return false;
    if (in.ops[2].kind != Operand::Imm && !read_reg(c, s, RCX, 1, false, Use::Data, cl))
        return false;
    bool nonzero =
        in.ops[2].kind == Operand::Imm && (in.ops[2].imm & (in.width == 8 ? 63 : 31)) != 0;
    if (!write_op(c, s, in.ops[0], in.width, Value::urange(0, width_mask(in.width)))) return false;
    flags_partly(s, nonzero ? Flags::kCF | Flags::kZSP : 0); // OF is undefined past 1 bit
    return true;
}

bool rule_ext(RuleCtx &c, State &s, const Insn &in) {
    u8 half = in.width / 2;
    Value a;
    if (!read_reg(c, s, RAX, half, false, Use::Data, a)) return false;
    if (in.op == Op::Cext) {
        write_reg(s, RAX, in.width, false, movsx_bounds<Exact>(a, half, in.width)); // cwde, cdqe
        return true;
    }
    if (!read_reg(c, s, RAX, in.width, false, Use::Data, a)) return false;
    write_reg(s, RDX, in.width, false, csext_bounds<Exact>(a, in.width));
    s.sext = in.width;
    return true;
}

bool rule_bits(RuleCtx &c, State &s, const Insn &in) {
    u8 w = in.width;
    Value a, b;
    if (in.op == Op::Bswap) {
        if (!read_op(c, s, in.ops[0], w, Use::Data, a)) return false;
        return write_op(c, s, in.ops[0], w, Value::urange(0, width_mask(w)));
    }
    if (!read_op(c, s, in.ops[1], w, Use::Data, b)) return false;
    if (in.op == Op::Bt || in.op == Op::Bts || in.op == Op::Btr || in.op == Op::Btc) {
        if (!read_op(c, s, in.ops[0], w, Use::Data, a)) return false;
        if (in.op != Op::Bt && !write_op(c, s, in.ops[0], w, Value::urange(0, width_mask(w))))
            return false;
        flags_partly(s, Flags::kCF); // ZF unchanged, the rest undefined
        return true;
    }
    if (w < 4) return c.fail(rule::kForbiddenOperand, "16-bit bit scan");
    // bsf/bsr leave the destination unchanged when the source is 0, and so
    // does tzcnt on CPUs without BMI1 (it runs as bsf): unless the source is
    // known non-zero, the result is the old value or a bit index.
    Value r = Value::urange(0, in.op == Op::Tzcnt ? 8u * w : 8u * w - 1);
    bool maybe_zero = low_bytes<Exact>(b, w).umin == 0;
    if (maybe_zero) {
        if (!read_op(c, s, in.ops[0], w, Use::Copy, a)) return false;
        r = bitscan_bounds<Exact>(in.op == Op::Tzcnt, a, w);
    }
    if (in.ops[0].kind != Operand::Reg)
        return c.fail(rule::kForbiddenOperand, "bit scan into memory");
    Value before = s.reg[in.ops[0].reg];
    if (!write_op(c, s, in.ops[0], w, r)) return false;
    // A 32-bit scan of 0 may leave the whole register as it was, upper half
    // included (AMD: "does not change the destination"; Intel processors
    // do the same), or zero-extend its low half: either may be there.
    if (maybe_zero && w == 4) s.reg[in.ops[0].reg] = join(before, s.reg[in.ops[0].reg]);
    flags_partly(s, 0); // ZF is defined, but SF and PF are not: the ZSP group stays as it was
    // bsf/bsr set ZF exactly when the source was 0 (the destination then kept
    // its old value): a branch or cmov on ZF = 0 knows it holds a bit index.
    // (Not tzcnt: on BMI1 CPUs its ZF says the result is 0.)
    if (in.op != Op::Tzcnt) {
        s.flags.kind = Flags::Scan;
        s.flags.width = w;
        s.flags.a = Loc::r(in.ops[0].reg);
        s.flags.secret &= static_cast<u8>(~Flags::kZF); // ZF is ours; SF and PF are undefined
    }
    return true;
}

bool rule_nop(RuleCtx &, State &, const Insn &) {
    return true;
}

using Rule = bool (*)(RuleCtx &, State &, const Insn &);
// The typing rule of each allowed instruction form.
constexpr struct {
    Op op;
    Rule rule;
} kRules[] = {
    {Op::Mov, rule_mov},    {Op::Movzx, rule_movx},        {Op::Movsx, rule_movx},
    {Op::Lea, rule_lea},    {Op::Push, rule_push},         {Op::Pop, rule_pop},
    {Op::Cmov, rule_cmov},  {Op::Setcc, rule_setcc},       {Op::Add, rule_alu},
    {Op::Or, rule_alu},     {Op::Adc, rule_alu},           {Op::Sbb, rule_alu},
    {Op::And, rule_alu},    {Op::Sub, rule_alu},           {Op::Xor, rule_alu},
    {Op::Cmp, rule_alu},    {Op::Test, rule_alu},          {Op::Inc, rule_unary},
    {Op::Dec, rule_unary},  {Op::Neg, rule_unary},         {Op::Not, rule_unary},
    {Op::Imul, rule_imul},  {Op::Mul1, rule_mul1},         {Op::Imul1, rule_mul1},
    {Op::Div, rule_div},    {Op::Idiv, rule_div},          {Op::Rol, rule_shift},
    {Op::Ror, rule_shift},  {Op::Shl, rule_shift},         {Op::Shr, rule_shift},
    {Op::Sar, rule_shift},  {Op::Shld, rule_double_shift}, {Op::Shrd, rule_double_shift},
    {Op::Cext, rule_ext},   {Op::Csext, rule_ext},         {Op::Bt, rule_bits},
    {Op::Bts, rule_bits},   {Op::Btr, rule_bits},          {Op::Btc, rule_bits},
    {Op::Bsf, rule_bits},   {Op::Bsr, rule_bits},          {Op::Tzcnt, rule_bits},
    {Op::Bswap, rule_bits}, {Op::Nop, rule_nop},           {Op::Call, rule_call},
    {Op::Ret, rule_ret},    {Op::RepMovs, rule_rep},       {Op::RepStos, rule_rep},
};
// The same, indexed by Op at compile time: one lookup per instruction.
struct RuleMap {
    Rule of[static_cast<u8>(Op::Int3) + 1] = {};
};
constexpr RuleMap kRuleOf = [] {
    RuleMap m;
    for (const auto &r : kRules) m.of[static_cast<u8>(r.op)] = r.rule;
    return m;
}();

} // namespace

bool flags_readable(Ctx &c, const State &s, u8 cc) {
    constexpr u8 CF = Flags::kCF, OF = Flags::kOF, ZF = Flags::kZF, SP = Flags::kSP;
    static constexpr u8 reads[16] = {OF, OF, CF, CF, ZF,      ZF,      CF | ZF,      CF | ZF,
                                     SP, SP, SP, SP, SP | OF, SP | OF, ZF | SP | OF, ZF | SP | OF};
    if (s.flags.secret & reads[cc & 15])
        return c.fail(rule::kFlags, "flags read that this function did not set (they hold the "
                                    "caller's, a callee's or a helper's) or that a safe-stack "
                                    "address set");
    return true;
}

bool transfer(RuleCtx &c, State &s, const Insn &in) {
    if (in.op < Op::Int3 && kRuleOf.of[static_cast<u8>(in.op)])
        return kRuleOf.of[static_cast<u8>(in.op)](c, s, in);
    if (in.op == Op::Int3)
        return c.fail(rule::kForbiddenOpcode, "int3 is padding and must never be reached");
    return c.fail(rule::kForbiddenOpcode, "no typing rule for this form");
}

} // namespace ktal
