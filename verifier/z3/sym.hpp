// Symbolic numbers for the verifier's interval code (verifier/interval.hpp):
// N = Sym instantiates the very templates the verifier runs, with Z3 terms
// instead of i64/u64/bool. Arithmetic is the 64-bit two's complement the C++
// code computes; a comparison is a symbolic boolean; N::when runs both sides
// of a branch and joins them with if-then-else. Every operation that would be
// undefined behaviour in C++ on some input (signed overflow, a shift by 64 or
// more, a division by 0) adds a side condition "not on this path", which the
// rule proofs must discharge too. User space only (Z3, exceptions, the STL).
#pragma once

#include "verifier/interval.hpp"

#include <z3++.h>

#include <string>
#include <vector>

namespace ktal::sym {

// The context one proof runs in: the Z3 context, the path condition of the
// interval code being run, and the side conditions it has collected.
struct World {
    explicit World(z3::context &c) : ctx(c) {}
    z3::context &ctx;
    std::vector<z3::expr> path;
    struct Side {
        z3::expr cond; // path => no undefined behaviour
        std::string what;
    };
    std::vector<Side> side;
    // Products of two unknowns in the integer domain (symi::product): each an
    // atom p standing for a * b, with the facts of multiplication added as
    // axioms (symi::product_axioms), so that what Z3 solves stays linear.
    struct Product {
        z3::expr a, b, p;
        bool is_signed; // of signed bounds (or a signed concrete): a group of its own
    };
    std::vector<Product> products;
    std::vector<std::pair<z3::expr, z3::expr>>
        factors; // a factor's term, and the constant naming it
    // The integer domain may divide by an unknown (Z3's own integer division:
    // nonlinear, but quick for the division rules' monotonicity).
    bool nonlinear_div = false;

    z3::expr path_cond() const;
    // `cond` must hold wherever the code is now.
    void require(const z3::expr &cond, const char *what);
};

// The world symbolic numbers are made in (one at a time, per thread).
World &world();
class Use {
  public:
    explicit Use(World &w);
    ~Use();
    Use(const Use &) = delete;
    Use &operator=(const Use &) = delete;

  private:
    World *prev_;
};

struct SB {
    z3::expr e;
    SB();
    SB(bool b);
    explicit SB(const z3::expr &x) : e(x) {}
};
struct SU {
    z3::expr e;
    SU();
    SU(u64 v);
    explicit SU(const z3::expr &x) : e(x) {}
};
struct SI {
    z3::expr e;
    SI();
    SI(i64 v);
    explicit SI(const z3::expr &x) : e(x) {}
};

SB operator&&(const SB &a, const SB &b);
SB operator||(const SB &a, const SB &b);
SB operator!(const SB &a);

SU operator+(const SU &a, const SU &b);
SU operator-(const SU &a, const SU &b);
SU operator*(const SU &a, const SU &b);
SU operator/(const SU &a, const SU &b);
SU operator&(const SU &a, const SU &b);
SU operator|(const SU &a, const SU &b);
SU operator^(const SU &a, const SU &b);
SU operator~(const SU &a);
SU operator<<(const SU &a, const SU &k);
SU operator>>(const SU &a, const SU &k);
inline SU &operator|=(SU &a, const SU &b) {
    return a = a | b;
}
SB operator==(const SU &a, const SU &b);
SB operator!=(const SU &a, const SU &b);
SB operator<(const SU &a, const SU &b);
SB operator<=(const SU &a, const SU &b);
SB operator>(const SU &a, const SU &b);
SB operator>=(const SU &a, const SU &b);

SI operator+(const SI &a, const SI &b);
SI operator-(const SI &a, const SI &b);
SI operator-(const SI &a);
SI operator~(const SI &a);
SI operator>>(const SI &a, const SU &k); // arithmetic
SB operator==(const SI &a, const SI &b);
SB operator!=(const SI &a, const SI &b);
SB operator<(const SI &a, const SI &b);
SB operator<=(const SI &a, const SI &b);
SB operator>(const SI &a, const SI &b);
SB operator>=(const SI &a, const SI &b);

SB sel(const SB &c, const SB &a, const SB &b);
SU sel(const SB &c, const SU &a, const SU &b);
SI sel(const SB &c, const SI &a, const SI &b);
SU min_of(const SU &a, const SU &b);
SU max_of(const SU &a, const SU &b);
SI min_of(const SI &a, const SI &b);
SI max_of(const SI &a, const SI &b);

// An abstract value with symbolic bounds; its kind and region stay plain
// (each rule is proved per kind of abstract value).
struct SVal {
    Kind kind = Kind::Uninit;
    Region region = Region::None;
    u8 reg = 0, low = 0;
    SI smin, smax;
    SU umin, umax;

    SB is_const() const { return kind == Kind::Int ? (smin == smax) : SB(false); }
    SB is_top() const;
    bool is_int() const { return kind == Kind::Int; }
    bool is_stack_ptr() const { return kind == Kind::Ptr && region == Region::Stack; }
    bool is_opaque() const { return kind == Kind::RetAddr || kind == Kind::Saved; }
    bool is_data() const {
        return kind == Kind::Int || (kind == Kind::Ptr && region != Region::Stack);
    }
};
// Both must be of one kind and region (a rule whose result kind depends on
// symbolic bounds cannot be run this way: it throws).
SVal sel(const SB &c, const SVal &a, const SVal &b);

struct Sym {
    using I = SI;
    using U = SU;
    using B = SB;
    using Val = SVal;
    struct Frame {
        Frame();
        ~Frame();
        Frame(const Frame &) = delete;
        Frame &operator=(const Frame &) = delete;
        size_t depth;
    };

    static Val top();
    static Val constant(I c);
    static Val srange(I lo, I hi);
    static Val urange(U lo, U hi);
    static Val ptr(Region r, I lo, I hi);
    static Val uninit();
    static B normalize(Val &v) { return normalize_t<Sym>(v); }
    static Val join(const Val &a, const Val &b) { return join_t<Sym>(a, b); }
    static Val as_int(const Val &v) { return v.kind == Kind::Int ? v : top(); }
    static I to_i(const U &x) { return SI(x.e); }
    static U to_u(const I &x) { return SU(x.e); }
    static B add_ovf(const I &a, const I &b, I &r);
    static B sub_ovf(const I &a, const I &b, I &r);
    static B mul_ovf(const I &a, const I &b, I &r);
    static B add_ovf(const U &a, const U &b, U &r);
    static B mul_ovf(const U &a, const U &b, U &r);
    template <class F, class G>
    static auto when(const B &c, F &&f, G &&g) {
        World &w = world();
        w.path.push_back(c.e);
        auto x = f();
        w.path.pop_back();
        w.path.push_back(!c.e);
        auto y = g();
        w.path.pop_back();
        return sel(c, x, y);
    }
    // The exact code would return here when c holds: symbolic code carries on
    // under !c, until the function's Frame ends.
    static bool stop(const B &c) {
        world().path.push_back(!c.e);
        return false;
    }
};

// Fresh symbolic abstract values of a kind, named after `name`.
SVal fresh_int(const std::string &name);
SVal fresh_ptr(const std::string &name, Region r);

} // namespace ktal::sym
