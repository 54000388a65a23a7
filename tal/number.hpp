// The number type that tal's value operations and the verifier's interval
// arithmetic (verifier/interval.hpp) are written over, so that the very code
// the verifier runs can also run on symbolic numbers: N = Exact is the
// verifier's (i64, u64, bool and ktal::Value); the offline prover
// (verifier/z3/) instantiates the same templates with Z3 terms and proves
// every rule sound for all inputs. See interval.hpp for what such code must
// respect. Freestanding: also compiled into ktal.ko.
#pragma once

#include "tal/value.hpp"

namespace ktal {

inline u64 width_mask(u8 w) {
    return w >= 8 ? kU64Max : (1ull << (8 * w)) - 1;
}

// The verifier's number type: plain integers, and tal's own Value operations.
struct Exact {
    using I = i64;
    using U = u64;
    using B = bool;
    using Val = Value;
    struct Frame { // symbolic numbers keep a path condition per function; exact ones need nothing
        Frame() {}
    };

    static Val top() { return Value::top(); }
    static Val constant(I c) { return Value::constant(c); }
    static Val srange(I lo, I hi) { return Value::srange(lo, hi); }
    static Val urange(U lo, U hi) { return Value::urange(lo, hi); }
    static Val ptr(Region r, I lo, I hi) { return Value::ptr(r, lo, hi); }
    static Val uninit() { return Value::uninit(); }
    static B normalize(Val &v) { return ktal::normalize(v); }
    static Val join(const Val &a, const Val &b) { return ktal::join(a, b); }
    static Val as_int(const Val &v) { return ktal::as_int(v); }
    static I to_i(U x) { return static_cast<i64>(x); }
    static U to_u(I x) { return static_cast<u64>(x); }
    static B add_ovf(I a, I b, I &r) { return __builtin_add_overflow(a, b, &r); }
    static B sub_ovf(I a, I b, I &r) { return __builtin_sub_overflow(a, b, &r); }
    static B mul_ovf(I a, I b, I &r) { return __builtin_mul_overflow(a, b, &r); }
    static B add_ovf(U a, U b, U &r) { return __builtin_add_overflow(a, b, &r); }
    static B mul_ovf(U a, U b, U &r) { return __builtin_mul_overflow(a, b, &r); }
    template <class F, class G>
    static auto when(bool c, F &&f, G &&g) {
        return c ? f() : g();
    }
    static bool stop(bool c) { return c; }
};

template <class T>
inline T sel(bool c, const T &a, const T &b) {
    return c ? a : b;
}

// --- tal's value operations over N: tal's normalize and join are these on
// exact numbers (value.cpp), and the prover runs them on symbolic ones ---

template <class N>
typename N::B normalize_t(typename N::Val &v) {
    using B = typename N::B;
    typename N::Frame frame;
    if (v.kind == Kind::Ptr) return v.smin <= v.smax;
    if (v.kind != Kind::Int) return B(true);
    B ok = true;
    for (int round = 0; round < 2; ++round) {
        B empty = v.smin > v.smax || v.umin > v.umax;
        if (N::stop(empty)) return false;
        ok = ok && !empty;
        // The unsigned range lies on one side of 2^63: it bounds the signed view.
        B one_side = N::to_i(v.umin) <= N::to_i(v.umax);
        v.smin = sel(one_side, max_of(v.smin, N::to_i(v.umin)), v.smin);
        v.smax = sel(one_side, min_of(v.smax, N::to_i(v.umax)), v.smax);
        // The signed range lies on one side of 0: it bounds the unsigned view.
        B one_sign = v.smin >= 0 || v.smax < 0;
        v.umin = sel(one_sign, max_of(v.umin, N::to_u(v.smin)), v.umin);
        v.umax = sel(one_sign, min_of(v.umax, N::to_u(v.smax)), v.umax);
    }
    return ok && v.smin <= v.smax && v.umin <= v.umax;
}

template <class N>
typename N::Val join_t(const typename N::Val &a, const typename N::Val &b) {
    if (a.kind == Kind::Uninit || b.kind == Kind::Uninit) {
        u8 n = min_of(data_low(a), data_low(b));
        typename N::Val u = N::uninit();
        u.low = n >= 8 ? 0 : n;
        return u;
    }
    if (a.kind == Kind::Int && b.kind == Kind::Int) {
        typename N::Val v = N::top();
        v.smin = min_of(a.smin, b.smin), v.smax = max_of(a.smax, b.smax);
        v.umin = min_of(a.umin, b.umin), v.umax = max_of(a.umax, b.umax);
        N::normalize(v);
        return v;
    }
    if (a.kind == Kind::Ptr && b.kind == Kind::Ptr && a.region == b.region)
        return N::ptr(a.region, min_of(a.smin, b.smin), max_of(a.smax, b.smax));
    if (a.is_data() && b.is_data()) return N::top();
    if (a.kind == Kind::RetAddr && b.kind == Kind::RetAddr) return a;
    if (a.kind == Kind::Saved && b.kind == Kind::Saved && a.reg == b.reg) return a;
    return N::uninit();
}

} // namespace ktal
