// The machinery the rule proofs share (verifier/z3/rules*.cpp): a proof
// under construction, the two domains a proof runs in, fresh abstract inputs
// with their concrete values, and the catalogue's entries.
#pragma once

#include "verifier/interval.hpp"
#include "verifier/z3/rules.hpp"
#include "verifier/z3/sym_int.hpp"
#include "verifier/z3/x86.hpp"

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace ktal::rules {

using sym::SB;
using z3::expr;

using z3::expr;

// One proof under construction: hypotheses, the goal, and what to show of a
// counterexample.
struct Proof {
    z3::context &c;
    sym::World &w;
    std::vector<expr> hyps;
    expr goal;
    std::string claim;
    std::vector<std::pair<std::string, expr>> show;
    // Cases that cover every input (their disjunction is true): when given,
    // each part of the goal is proved under each case on its own (smaller
    // queries for the solver; the proof is the same).
    std::vector<expr> cases;

    Proof(z3::context &ctx, sym::World &world) : c(ctx), w(world), goal(ctx.bool_val(true)) {}
    template <class V>
    void value(const std::string &name, const V &v) {
        if (v.kind == Kind::Int) {
            show.push_back({name + ".smin", v.smin.e}), show.push_back({name + ".smax", v.smax.e});
            show.push_back({name + ".umin", v.umin.e}), show.push_back({name + ".umax", v.umax.e});
        } else if (v.kind == Kind::Ptr) {
            show.push_back({name + ".lo", v.smin.e}), show.push_back({name + ".hi", v.smax.e});
        }
    }
};

// --- the two ways to run a proof ---
//
// A domain says how numbers and the concrete machine are written: Bv as
// bit-vectors (sym::Sym and verifier/z3/x86.cpp), Lin as integers with the
// wraparound spelled out (symi::SymInt and the integer semantics below).
// Concrete values are 64-bit numbers; `low` takes the low w bytes of one.

// Pointer offsets: the certificate's within 2^40; the verifier's pointer
// arithmetic turns anything reaching 2^48 into an int or a far pointer
// ([-2^48, 2^48] exactly, which stays far).
constexpr u64 kOffsetLimit = 1ull << 48;

struct Bv {
    using N = sym::Sym;
    using Val = sym::SVal;
    using I = sym::SI;
    using U = sym::SU;
    static constexpr const char *name = "bit-vectors";
    static Val fresh_int(Proof &, const std::string &n) { return sym::fresh_int(n); }
    static Val fresh_ptr(Proof &, const std::string &n, Region r) { return sym::fresh_ptr(n, r); }
    static expr var(Proof &p, const std::string &n) { return p.c.bv_const(n.c_str(), 64); }
    static expr k(Proof &p, u64 v) { return p.c.bv_val(static_cast<uint64_t>(v), 64); }
    static I as_i(const expr &e) { return I(e); }
    static U as_u(const expr &e) { return U(e); }
    static expr low(const expr &x, u8 w) { return w >= 8 ? x : x.extract(8 * w - 1, 0); }
    static expr zx(const expr &r, u8) { return x86::to_width(r, 64, false); }
    static expr sx(const expr &r, u8, u8 to) { return x86::to_width(r, 8 * to, true); }
    static expr add(const expr &x, const expr &y, const expr &cin, u8) {
        return x86::add(x, y, cin).r;
    }
    static expr sub(const expr &x, const expr &y, const expr &bin, u8) {
        return x86::sub(x, y, bin).r;
    }
    static x86::Flags cmp(const expr &x, const expr &y, u8) {
        return x86::sub(x, y, x.ctx().bool_val(false)).f;
    }
    static x86::Flags test(const expr &x, u8) { return x86::logic('&', x, x).f; }
    static expr is_zero(const expr &x, u8) { return x86::zero(x); }
    static expr is_neg(const expr &x, u8) { return x86::sign(x); }
    static expr neg(const expr &x, u8) { return x86::neg(x).r; }
    static expr bnot(const expr &x, u8) { return ~x; }
    static expr sign_fill(const expr &x, u8 w) {
        return z3::ashr(x, x.ctx().bv_val(8 * w - 1, 8 * w));
    }
    static expr add64(const expr &x, const expr &y) { return x + y; }
    static expr sub64(const expr &x, const expr &y) { return x - y; }
    // The mathematical x <= y + c, x and y read as signed 64-bit numbers.
    static expr fact(const expr &x, const expr &y, const expr &c) {
        return z3::sext(x, 64) <= z3::sext(y, 64) + z3::sext(c, 64);
    }
    static expr slt(const expr &a, const expr &b) { return a < b; }
    static expr ule(const expr &a, const expr &b) { return z3::ule(a, b); }
    static expr sign64(const expr &x) { return x.extract(63, 63) == x.ctx().bv_val(1, 1); }
    static expr wf(const Val &v) {
        z3::context &c = v.smin.e.ctx();
        if (v.kind == Kind::Int) return v.smin.e <= v.smax.e && z3::ule(v.umin.e, v.umax.e);
        if (v.kind == Kind::Ptr) {
            expr lim = c.bv_val(static_cast<uint64_t>(kOffsetLimit), 64);
            return v.smin.e <= v.smax.e && -lim <= v.smin.e && v.smax.e <= lim;
        }
        return c.bool_val(true);
    }
    static expr gamma(const Val &v, const expr &x, const expr &base) {
        switch (v.kind) {
        case Kind::Int:
            return v.smin.e <= x && x <= v.smax.e && z3::ule(v.umin.e, x) && z3::ule(x, v.umax.e);
        case Kind::Ptr: {
            expr off = x - base;
            return v.smin.e <= off && off <= v.smax.e;
        }
        default: return x.ctx().bool_val(true);
        }
    }
};

struct Lin {
    using N = symi::SymInt;
    using Val = symi::IVal;
    using I = symi::II;
    using U = symi::IU;
    static constexpr const char *name = "linear integer arithmetic";
    static Val fresh_int(Proof &p, const std::string &n) { return symi::fresh_int(n, p.hyps); }
    static Val fresh_ptr(Proof &p, const std::string &n, Region r) {
        return symi::fresh_ptr(n, r, p.hyps);
    }
    static expr var(Proof &p, const std::string &n) { // a 64-bit value, unsigned
        expr x = p.c.int_const(n.c_str());
        p.hyps.push_back(symi::u64_range(x));
        return x;
    }
    static expr k(Proof &p, u64 v) { return p.c.int_val(std::to_string(v).c_str()); }
    static I as_i(const expr &e) { return N::to_i(U(e)); }
    static U as_u(const expr &e) { return U(e); }
    static expr p2(u8 w) { return symi::pow2(8 * w); }
    static expr low(const expr &x, u8 w) { return w >= 8 ? x : z3::mod(x, p2(w)); }
    static expr zx(const expr &r, u8) { return r; }
    static expr sview(const expr &x, u8 w) {
        return z3::ite(x >= symi::pow2(8 * w - 1), x - p2(w), x);
    }
    static expr sx(const expr &r, u8 from, u8 to) {
        return z3::ite(r >= symi::pow2(8 * from - 1), r + p2(to) - p2(from), r);
    }
    static expr wrap(const expr &x, u8 w) {
        return z3::ite(x >= p2(w), x - p2(w), z3::ite(x < 0, x + p2(w), x));
    }
    static expr bit(const expr &b) { return z3::ite(b, b.ctx().int_val(1), b.ctx().int_val(0)); }
    static expr add(const expr &x, const expr &y, const expr &cin, u8 w) {
        return wrap(x + y + bit(cin), w);
    }
    static expr sub(const expr &x, const expr &y, const expr &bin, u8 w) {
        return wrap(x - y - bit(bin), w);
    }
    static x86::Flags cmp(const expr &x, const expr &y, u8 w) {
        z3::context &c = x.ctx();
        expr r = wrap(x - y, w);
        expr sd = sview(x, w) - sview(y, w);
        expr half = symi::pow2(8 * w - 1);
        return x86::Flags{x < y, r == 0, r >= half, sd < -half || sd >= half,
                          x86::fresh_bool(c, "pf")};
    }
    static x86::Flags test(const expr &x, u8 w) {
        z3::context &c = x.ctx();
        return x86::Flags{c.bool_val(false), x == 0, x >= symi::pow2(8 * w - 1), c.bool_val(false),
                          x86::fresh_bool(c, "pf")};
    }
    static expr is_zero(const expr &x, u8) { return x == 0; }
    static expr is_neg(const expr &x, u8 w) { return x >= symi::pow2(8 * w - 1); }
    static expr neg(const expr &x, u8 w) { return wrap(-x, w); }
    static expr bnot(const expr &x, u8 w) { return p2(w) - 1 - x; }
    static expr sign_fill(const expr &x, u8 w) {
        return z3::ite(x >= symi::pow2(8 * w - 1), p2(w) - 1, x.ctx().int_val(0));
    }
    static expr add64(const expr &x, const expr &y) { return wrap(x + y, 8); }
    static expr sub64(const expr &x, const expr &y) { return wrap(x - y, 8); }
    static expr fact(const expr &x, const expr &y, const expr &c) {
        return sview(x, 8) <= sview(y, 8) + sview(c, 8);
    }
    static expr slt(const expr &a, const expr &b) { return sview(a, 8) < sview(b, 8); }
    static expr ule(const expr &a, const expr &b) { return a <= b; }
    static expr sign64(const expr &x) { return x >= symi::pow2(63); }
    static expr wf(const Val &v) {
        z3::context &c = v.smin.e.ctx();
        if (v.kind == Kind::Int) return v.smin.e <= v.smax.e && v.umin.e <= v.umax.e;
        if (v.kind == Kind::Ptr) {
            expr lim = c.int_val(std::to_string(kOffsetLimit).c_str());
            return v.smin.e <= v.smax.e && -lim <= v.smin.e && v.smax.e <= lim;
        }
        return c.bool_val(true);
    }
    static expr gamma(const Val &v, const expr &x, const expr &base) {
        switch (v.kind) {
        case Kind::Int: {
            expr s = sview(x, 8);
            return v.smin.e <= s && s <= v.smax.e && v.umin.e <= x && x <= v.umax.e;
        }
        case Kind::Ptr: {
            expr off = sview(wrap(x - base, 8), 8);
            return v.smin.e <= off && off <= v.smax.e;
        }
        default: return x.ctx().bool_val(true);
        }
    }
};

// A fresh abstract value of a kind, with its concrete x and its base.
template <class D>
struct Input {
    typename D::Val v;
    expr x, base;
};
// An int is what normalize made of some bounds (every int value the verifier
// holds comes out of normalize: Value::srange/urange, the interval code, the
// certificate's reader, joins), with bounds in order.
template <class D>
Input<D> input(Proof &p, const std::string &name, Kind k, Region r = Region::Sandbox) {
    typename D::Val v = k == Kind::Int ? D::fresh_int(p, name + "0") : D::fresh_ptr(p, name, r);
    if (k == Kind::Int) p.hyps.push_back(D::N::normalize(v).e);
    Input<D> in{v, D::var(p, name + ".x"), D::var(p, name + ".base")};
    p.hyps.push_back(D::wf(in.v));
    p.hyps.push_back(D::gamma(in.v, in.x, in.base));
    p.value(name, in.v);
    p.show.push_back({name + " (concrete)", in.x});
    return in;
}

inline const char *kind_name(Kind k) {
    return k == Kind::Int ? "int" : "ptr";
}
inline std::string wname(u8 w) {
    return "/" + std::to_string(8 * w);
}

// One entry of the catalogue: a rule, and how to set up its proof in each
// domain that can run it (the integer domain first when there is one).
struct Def {
    std::string name;
    std::function<void(Proof &)> bv;  // on bit-vectors
    std::function<void(Proof &)> lin; // in integer arithmetic
};

const char *cc_name(u8 cc);

// The catalogue, by family.
void add_data_rules(std::vector<Def> &defs);       // rules_data.cpp
void add_refinement_rules(std::vector<Def> &defs); // rules_refine.cpp

} // namespace ktal::rules
