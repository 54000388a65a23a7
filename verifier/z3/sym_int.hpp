// A second symbolic number type for the verifier's interval code: 64-bit
// numbers as mathematical integers (Z3's linear integer arithmetic) with the
// wraparound of u64 and the overflow checks of i64 written out. The same
// templates as with sym::Sym, the same meaning bit for bit (tests/prover
// checks both against the exact numbers), but the solver reasons about sums
// and comparisons as arithmetic instead of adders and comparators, which is
// what makes the proofs of the additive rules and of every branch refinement
// fast. Operations outside linear arithmetic (the product or quotient of two
// unknowns, bitwise operations other than with masks and single bits, shifts
// by an unknown count) throw Nonlinear: those rules are proved on
// bit-vectors (sym::Sym). Products of two unknowns become atoms with the
// facts of multiplication as axioms (product, product_axioms); a quotient by
// an unknown is Z3's nonlinear integer division where the world allows it.
#pragma once

#include "verifier/z3/sym.hpp"

#include <stdexcept>

namespace ktal::symi {

using sym::SB;

struct Nonlinear : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// a * b: itself when one is a number, else an atom standing for the product
// (the same atom for the same factors), recorded in the world. Products of
// signed quantities and of unsigned ones form two groups.
z3::expr product(const z3::expr &a, const z3::expr &b, bool is_signed = false);
// The atom of two factors already named by constants.
z3::expr product_of(const z3::expr &a, const z3::expr &b, bool is_signed);
// Facts of multiplication about the world's product atoms, as hypotheses: the
// product of every left factor with every right one becomes an atom too, and
// each atom gets its sign, its bound against the widths' maxima, and its
// order against every atom that shares a factor (monotonicity, which
// `ktal prove --rules` proves as a lemma in nonlinear arithmetic). Call once,
// after the rule and the concrete side have been built.
void product_axioms(std::vector<z3::expr> &hyps);
// Does a model give every product atom the product of its factors? (If not,
// a counterexample may be one of the abstraction, not of the rule.)
bool products_exact(const z3::model &m);

// 2^k as an integer term, and the ranges of u64 and i64.
z3::expr pow2(unsigned k);
z3::expr u64_range(const z3::expr &x); // 0 <= x < 2^64
z3::expr i64_range(const z3::expr &x); // -2^63 <= x < 2^63

struct IU { // a u64
    z3::expr e;
    IU();
    IU(u64 v);
    explicit IU(const z3::expr &x) : e(x) {}
};
struct II { // an i64
    z3::expr e;
    II();
    II(i64 v);
    explicit II(const z3::expr &x) : e(x) {}
};

IU operator+(const IU &a, const IU &b);
IU operator-(const IU &a, const IU &b);
IU operator*(const IU &a, const IU &b);
IU operator/(const IU &a, const IU &b);
IU operator&(const IU &a, const IU &b);
IU operator|(const IU &a, const IU &b);
IU operator^(const IU &a, const IU &b);
IU operator~(const IU &a);
IU operator<<(const IU &a, const IU &k);
IU operator>>(const IU &a, const IU &k);
inline IU &operator|=(IU &a, const IU &b) {
    return a = a | b;
}
SB operator==(const IU &a, const IU &b);
SB operator!=(const IU &a, const IU &b);
SB operator<(const IU &a, const IU &b);
SB operator<=(const IU &a, const IU &b);
SB operator>(const IU &a, const IU &b);
SB operator>=(const IU &a, const IU &b);

II operator+(const II &a, const II &b);
II operator-(const II &a, const II &b);
II operator-(const II &a);
II operator~(const II &a);
II operator>>(const II &a, const IU &k);
SB operator==(const II &a, const II &b);
SB operator!=(const II &a, const II &b);
SB operator<(const II &a, const II &b);
SB operator<=(const II &a, const II &b);
SB operator>(const II &a, const II &b);
SB operator>=(const II &a, const II &b);

IU sel(const SB &c, const IU &a, const IU &b);
II sel(const SB &c, const II &a, const II &b);
IU min_of(const IU &a, const IU &b);
IU max_of(const IU &a, const IU &b);
II min_of(const II &a, const II &b);
II max_of(const II &a, const II &b);

struct IVal {
    Kind kind = Kind::Uninit;
    Region region = Region::None;
    u8 reg = 0, low = 0;
    II smin, smax;
    IU umin, umax;

    SB is_const() const { return kind == Kind::Int ? (smin == smax) : SB(false); }
    bool is_int() const { return kind == Kind::Int; }
    bool is_stack_ptr() const { return kind == Kind::Ptr && region == Region::Stack; }
    bool is_opaque() const { return kind == Kind::RetAddr || kind == Kind::Saved; }
    bool is_data() const {
        return kind == Kind::Int || (kind == Kind::Ptr && region != Region::Stack);
    }
};
IVal sel(const SB &c, const IVal &a, const IVal &b);

struct SymInt {
    using I = II;
    using U = IU;
    using B = SB;
    using Val = IVal;
    using Frame = sym::Sym::Frame;

    static Val top();
    static Val constant(I c);
    static Val srange(I lo, I hi);
    static Val urange(U lo, U hi);
    static Val ptr(Region r, I lo, I hi);
    static Val uninit();
    static B normalize(Val &v) { return normalize_t<SymInt>(v); }
    static Val join(const Val &a, const Val &b) { return join_t<SymInt>(a, b); }
    static Val as_int(const Val &v) { return v.kind == Kind::Int ? v : top(); }
    static I to_i(const U &x);
    static U to_u(const I &x);
    static B add_ovf(const I &a, const I &b, I &r);
    static B sub_ovf(const I &a, const I &b, I &r);
    static B mul_ovf(const I &a, const I &b, I &r);
    static B add_ovf(const U &a, const U &b, U &r);
    static B mul_ovf(const U &a, const U &b, U &r);
    template <class F, class G>
    static auto when(const B &c, F &&f, G &&g) {
        sym::World &w = sym::world();
        w.path.push_back(c.e);
        auto x = f();
        w.path.pop_back();
        w.path.push_back(!c.e);
        auto y = g();
        w.path.pop_back();
        return sel(c, x, y);
    }
    static bool stop(const B &c) { return sym::Sym::stop(c); }
};

// Fresh symbolic values (their ranges go to `hyps`).
IVal fresh_int(const std::string &name, std::vector<z3::expr> &hyps);
IVal fresh_ptr(const std::string &name, Region r, std::vector<z3::expr> &hyps);

} // namespace ktal::symi
