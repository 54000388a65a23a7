// The bit-vector semantics of the allowed x86-64 instruction forms, written
// from the Intel and AMD manuals, independently of the verifier's typing
// rules: results at an operand width of w bytes (8w-bit vectors) and the
// flags they define. Flags the manuals leave undefined are fresh variables
// (any value), so nothing proved depends on them. Shared by `ktal prove`
// (programs) and `ktal prove --rules` (the concrete side of each rule).
#pragma once

#include "tal/types.hpp"
#include "verifier/decode.hpp"

#include <z3++.h>

#include <string>

namespace ktal {
// The mnemonic of an instruction form, for the prover's reports.
const char *op_name(Op op);
} // namespace ktal

namespace ktal::x86 {

// Fresh names for undefined values.
z3::expr fresh_bool(z3::context &c, const char *what);
z3::expr fresh_bv(z3::context &c, const char *what, unsigned bits);

struct Flags {
    z3::expr cf, zf, sf, of, pf; // Bool each
};
struct Result {
    z3::expr r; // the w-byte result
    Flags f;    // the flags afterwards
    // Which flag groups now hold values this instruction defined (the rest
    // keep their old values, or became undefined).
    z3::expr def_cf, def_of, def_zsp;
};

// The condition of a jcc/setcc/cmov (x86 encoding order, 0..15).
z3::expr cond(u8 cc, const Flags &f);

// ZF, SF, PF of a result. zero(r) is r = 0, or, once zero_as_compare(true)
// (the image prover), the same written r <=u 0 as `not (1 <=u r)`: Z3's
// rewriter solves `a + b - c = 0` for one of its summands (a = c - b), a form
// the SAT solver must then prove equal to the compares of the sum itself
// (a bounds guard's `cmp; ja` is `K <=u x` and `x = K`); the compare keeps
// the sum whole. The --rules proofs keep the equality.
z3::expr zero(const z3::expr &r);
void zero_as_compare(bool on);
z3::expr sign(const z3::expr &r);
z3::expr parity(const z3::expr &r);

// add/adc, sub/sbb/cmp/neg, and/or/xor/test on two w-byte values.
Result add(const z3::expr &a, const z3::expr &b, const z3::expr &carry_in);
Result sub(const z3::expr &a, const z3::expr &b, const z3::expr &borrow_in);
Result logic(char op, const z3::expr &a, const z3::expr &b); // '&', '|', '^'
// inc/dec: CF keeps its old value.
Result incdec(bool inc, const z3::expr &a, const Flags &old);
Result neg(const z3::expr &a);

// Shifts and rotates by an 8-bit count register/immediate (already read as
// an 8-bit vector). A masked count of 0 leaves every flag alone.
Result shift(char op, const z3::expr &a, const z3::expr &count8,
             const Flags &old); // 'l','r','a' (sar), 'L' rol, 'R' ror
Result double_shift(bool left, const z3::expr &dst, const z3::expr &src, const z3::expr &count8,
                    const Flags &old);

// imul r, r/m(, imm): the low w bytes; CF = OF = the signed product does not fit.
Result imul2(const z3::expr &a, const z3::expr &b);
// mul/imul r/m: (high, low) halves of the double-width product.
struct Wide {
    z3::expr hi, lo;
    Flags f;
};
Wide mul1(bool is_signed, const z3::expr &a, const z3::expr &b, const Flags &old);

// div/idiv: rdx:rax / d. `ok` says the instruction does not fault (#DE):
// d != 0 and the quotient fits in w bytes.
struct Division {
    z3::expr zero_ok; // d != 0
    z3::expr fits;    // the quotient fits (meaningful when d != 0)
    z3::expr quot, rem;
};
Division divide(bool is_signed, const z3::expr &hi, const z3::expr &lo, const z3::expr &d);

// bt (register forms): CF = the bit; the other flags undefined.
Result bt(const z3::expr &a, const z3::expr &bit, const Flags &old);
// bts, btr, btc (register forms): a with bit (bit mod the width) set, reset
// or complemented ('s', 'r', 'c').
z3::expr bit_set(char op, const z3::expr &a, const z3::expr &bit);
// bsf, bsr (dst unchanged when src is 0, as AMD documents and Intel
// processors do), tzcnt (either as tzcnt, or as bsf on processors without
// BMI1: both are possible).
Result bitscan(char op, const z3::expr &dst, const z3::expr &src,
               const Flags &old); // 'f', 'r', 't'
z3::expr bswap(const z3::expr &a);

// Sign- or zero-extends a bit-vector to `bits`, or truncates it.
z3::expr to_width(const z3::expr &a, unsigned bits, bool sign);

} // namespace ktal::x86
