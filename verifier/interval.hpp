// Interval arithmetic on int values, at an operand width w (bytes). A w-byte
// operation reads the low w bytes of its inputs and produces a w-byte result;
// these helpers keep the bounds exact while no wraparound is possible and give
// up (full range) as soon as it is.
//
// The code is written once over a number type N, so that the very code the
// verifier runs can also run on symbolic numbers. N = Exact is the verifier's
// (i64, u64, bool and ktal::Value); the offline prover (verifier/z3/)
// instantiates the same templates with Z3 terms and proves every rule sound for
// all inputs, as Agni does for the eBPF verifier's range analysis. What code in
// this file must respect so that both readings agree:
//  - a test on bounds is an N::B: branch on it only through N::when (on
//    symbolic numbers both sides run and the result is an if-then-else) or
//    sel (both sides already computed, so neither may have undefined
//    behaviour), never with `if` or `?:`;
//  - an early return on a bounds test goes through N::stop (exact numbers
//    return; symbolic ones carry on under the opposite condition), and the
//    function's result says what the early return would have said;
//  - kinds, regions, widths, condition codes and layouts are plain values:
//    `if` and `switch` on them as usual.
// Freestanding: also compiled into ktal.ko.
#pragma once

#include "tal/cert.hpp"
#include "tal/number.hpp"
#include "verifier/decode.hpp"

namespace ktal {

// --- the interval primitives ---

// Bounds [lo, hi] of one view of a number (I: signed, U: unsigned).
template <class T>
struct Bounds {
    T lo, hi;
};

// Unsigned bounds of the low w bytes.
template <class N>
Bounds<typename N::U> low_u(const typename N::Val &v, u8 w) {
    using U = typename N::U;
    if (v.kind != Kind::Int) return {U(0), U(width_mask(w))};
    typename N::B fits = v.umax <= width_mask(w);
    return {sel(fits, v.umin, U(0)), sel(fits, v.umax, U(width_mask(w)))};
}

// Signed bounds of the low w bytes read as a w-byte two's complement number.
template <class N>
Bounds<typename N::I> low_s(const typename N::Val &v, u8 w) {
    using I = typename N::I;
    if (w >= 8) {
        typename N::Val x = N::as_int(v);
        return {x.smin, x.smax};
    }
    i64 half = static_cast<i64>(1) << (8 * w - 1);
    if (v.kind != Kind::Int) return {I(-half), I(half - 1)};
    typename N::B in_s = v.smin >= -half && v.smax < half;
    typename N::B in_u = v.umin >= static_cast<u64>(half) && v.umax <= width_mask(w);
    I lo = N::when(
        in_s, [&] { return I(v.smin); },
        [&] {
            return N::when(
                in_u, [&] { return I(N::to_i(v.umin) - 2 * half); }, [&] { return I(-half); });
        });
    I hi = N::when(
        in_s, [&] { return I(v.smax); },
        [&] {
            return N::when(
                in_u, [&] { return I(N::to_i(v.umax) - 2 * half); }, [&] { return I(half - 1); });
        });
    return {lo, hi};
}

// A w-byte result whose mathematical value lies in [lo, hi] (signed 128-bit
// thinking, held in i64 where no overflow happened): zero-extended to 64 bits
// for w = 4 (and below, for the low bytes a merge will use).
template <class N>
typename N::Val result_w(typename N::I lo, typename N::I hi, u8 w) {
    using U = typename N::U;
    u64 m = width_mask(w);
    i64 span = static_cast<i64>(m) + 1;
    return N::when(
        lo >= 0 && N::to_u(hi) <= m, [&] { return N::urange(N::to_u(lo), N::to_u(hi)); },
        [&] {
            return N::when(
                hi < 0 && lo >= -span,
                [&] { return N::urange(N::to_u(lo + span), N::to_u(hi + span)); },
                [&] { return N::urange(U(0), U(m)); });
        });
}

// Signed w-byte result in [lo, hi], stored zero-extended (so a negative
// 32-bit result is a large 64-bit number).
template <class N>
typename N::Val result_sw(typename N::I lo, typename N::I hi, u8 w) {
    using U = typename N::U;
    if (w >= 8) return N::srange(lo, hi);
    return N::when(
        lo >= 0 || hi < 0, [&] { return result_w<N>(lo, hi, w); },
        [&] { return N::urange(U(0), U(width_mask(w))); });
}

template <class N>
typename N::Val add64(const typename N::Val &a, const typename N::Val &b) {
    using I = typename N::I;
    using U = typename N::U;
    using B = typename N::B;
    typename N::Val r = N::top();
    I s1, s2;
    B o1 = N::add_ovf(a.smin, b.smin, s1), o2 = N::add_ovf(a.smax, b.smax, s2);
    B sok = !o1 && !o2;
    r.smin = sel(sok, s1, r.smin), r.smax = sel(sok, s2, r.smax);
    U u1, u2;
    B o3 = N::add_ovf(a.umax, b.umax, u2), o4 = N::add_ovf(a.umin, b.umin, u1);
    B uok = !o3 && !o4;
    r.umin = sel(uok, u1, r.umin), r.umax = sel(uok, u2, r.umax);
    N::normalize(r);
    return r;
}

template <class N>
typename N::Val sub64(const typename N::Val &a, const typename N::Val &b) {
    using I = typename N::I;
    using B = typename N::B;
    typename N::Val r = N::top();
    I s1, s2;
    B o1 = N::sub_ovf(a.smin, b.smax, s1), o2 = N::sub_ovf(a.smax, b.smin, s2);
    B sok = !o1 && !o2;
    r.smin = sel(sok, s1, r.smin), r.smax = sel(sok, s2, r.smax);
    B uok = a.umin >= b.umax;
    r.umin = sel(uok, a.umin - b.umax, r.umin), r.umax = sel(uok, a.umax - b.umin, r.umax);
    N::normalize(r);
    return r;
}

// The product's bounds before normalize: signed from the four corners,
// unsigned from the two ends (kept apart so that `ktal prove --rules` proves
// each, and normalize on its own).
template <class N>
typename N::Val mul64_bounds(const typename N::Val &a, const typename N::Val &b) {
    using I = typename N::I;
    using U = typename N::U;
    using B = typename N::B;
    typename N::Val r = N::top();
    I c[4];
    // all four corners are computed either way
    B o0 = N::mul_ovf(a.smin, b.smin, c[0]), o1 = N::mul_ovf(a.smin, b.smax, c[1]);
    B o2 = N::mul_ovf(a.smax, b.smin, c[2]), o3 = N::mul_ovf(a.smax, b.smax, c[3]);
    B sok = !(o0 || o1 || o2 || o3);
    r.smin = sel(sok, min_of(min_of(c[0], c[1]), min_of(c[2], c[3])), r.smin);
    r.smax = sel(sok, max_of(max_of(c[0], c[1]), max_of(c[2], c[3])), r.smax);
    U hi;
    B uok = !N::mul_ovf(a.umax, b.umax, hi);
    r.umin = sel(uok, a.umin * b.umin, r.umin), r.umax = sel(uok, hi, r.umax);
    return r;
}

template <class N>
typename N::Val mul64(const typename N::Val &a, const typename N::Val &b) {
    typename N::Val r = mul64_bounds<N>(a, b);
    N::normalize(r);
    return r;
}

// w-byte add/sub/mul of int values, reading the low w bytes.
template <class N>
typename N::Val add_w(const typename N::Val &a, const typename N::Val &b, u8 w) {
    using U = typename N::U;
    if (w >= 8) return add64<N>(N::as_int(a), N::as_int(b));
    auto [al, ah] = low_u<N>(a, w);
    auto [bl, bh] = low_u<N>(b, w);
    u64 m = width_mask(w);
    U lo = al + bl, hi = ah + bh;
    return N::when(
        hi <= m, [&] { return N::urange(lo, hi); },
        [&] {
            return N::when(
                lo > m, [&] { return N::urange(lo - m - 1, hi - m - 1); },
                [&] { return N::urange(U(0), U(m)); });
        });
}

template <class N>
typename N::Val sub_w(const typename N::Val &a, const typename N::Val &b, u8 w) {
    if (w >= 8) return sub64<N>(N::as_int(a), N::as_int(b));
    auto [al, ah] = low_u<N>(a, w);
    auto [bl, bh] = low_u<N>(b, w);
    return result_w<N>(N::to_i(al) - N::to_i(bh), N::to_i(ah) - N::to_i(bl), w);
}

template <class N>
typename N::Val mul_w(const typename N::Val &a, const typename N::Val &b, u8 w) {
    using U = typename N::U;
    if (w >= 8) return mul64<N>(N::as_int(a), N::as_int(b));
    auto [al, ah] = low_u<N>(a, w);
    auto [bl, bh] = low_u<N>(b, w);
    // cannot overflow 64 bits: w <= 4
    return N::when(
        ah * bh <= width_mask(w), [&] { return N::urange(al * bl, ah * bh); },
        [&] { return N::urange(U(0), U(width_mask(w))); });
}

// Sign-extends the low `from` bytes to 64 bits.
template <class N>
typename N::Val sext(const typename N::Val &v, u8 from) {
    auto [lo, hi] = low_s<N>(v, from);
    return N::srange(lo, hi);
}

// --- the bounds of the typing rules (transfer.cpp) ---

template <class U>
U mask_up(U x) { // smallest 2^k - 1 >= x
    x |= x >> 1, x |= x >> 2, x |= x >> 4, x |= x >> 8, x |= x >> 16, x |= x >> 32;
    return x;
}

// add, sub, and, or, xor, adc, sbb of two data values (no pointer result).
template <class N>
typename N::Val alu_bounds(Op op, const typename N::Val &a, const typename N::Val &b, u8 w) {
    using U = typename N::U;
    auto [al, ah] = low_u<N>(N::as_int(a), w);
    auto [bl, bh] = low_u<N>(N::as_int(b), w);
    typename N::Val r;
    switch (op) {
    case Op::Add: r = add_w<N>(a, b, w); break;
    case Op::Sub: r = sub_w<N>(a, b, w); break;
    case Op::And: r = N::urange(U(0), min_of(ah, bh)); break;
    case Op::Or: r = N::urange(max_of(al, bl), mask_up(ah | bh)); break;
    case Op::Xor: r = N::urange(U(0), mask_up(ah | bh)); break;
    default: r = N::urange(U(0), U(width_mask(w))); break; // adc, sbb
    }
    if (w == 8 && op == Op::And && a.kind == Kind::Int)
        r = sel(a.smin >= 0, N::urange(U(0), min_of(ah, bh)), r);
    return r;
}

// inc, dec, neg, not of an int (already as_int).
template <class N>
typename N::Val unary_bounds(Op op, const typename N::Val &a, u8 w) {
    using I = typename N::I;
    if (op == Op::Inc) return add_w<N>(a, N::constant(I(1)), w);
    if (op == Op::Dec) return sub_w<N>(a, N::constant(I(1)), w);
    if (op == Op::Neg) return sub_w<N>(N::constant(I(0)), a, w);
    auto [lo, hi] = low_s<N>(a, w); // not
    return result_sw<N>(~hi, ~lo, w);
}

// A pointer plus or minus an int: the pointer at the new offsets, unless
// they may reach `far` (then `far` is set and p is not to be used: the
// verifier makes it an int, or for the stack nothing usable).
template <class N>
struct PtrMove {
    typename N::B far;
    typename N::Val p;
};
template <class N>
PtrMove<N> ptr_move(bool add, const typename N::Val &a, const typename N::Val &b, i64 far) {
    typename N::Val base = N::srange(a.smin, a.smax);
    typename N::Val off = add ? add64<N>(base, b) : sub64<N>(base, b);
    return PtrMove<N>{off.smin <= -far || off.smax >= far, N::ptr(a.region, off.smin, off.smax)};
}

// inc/dec of a pointer that is not far: its offsets stay within 2^48, so no
// overflow.
template <class N>
typename N::Val ptr_step(const typename N::Val &a, i64 k) {
    return N::ptr(a.region, a.smin + k, a.smax + k);
}

// The distance between two pointers: offsets apart, plus how far apart the
// regions' bases are (0 in one region).
template <class N>
typename N::Val ptr_distance(const typename N::Val &a, const typename N::Val &b,
                             const typename N::I &delta) {
    return add64<N>(sub64<N>(N::srange(a.smin, a.smax), N::srange(b.smin, b.smax)),
                    N::constant(delta));
}

// mul/imul with one operand: rdx:rax = rax * src (w = 4 or 8).
template <class N>
void mul1_bounds(bool is_mul, const typename N::Val &a, const typename N::Val &b, u8 w,
                 typename N::Val &rax, typename N::Val &rdx) {
    using U = typename N::U;
    auto [al, ah] = low_u<N>(a, w);
    auto [bl, bh] = low_u<N>(b, w);
    U p;
    typename N::B o = N::mul_ovf(ah, bh, p);
    typename N::B fits = !o && p <= width_mask(w) &&
                         (is_mul || (ah <= (width_mask(w) >> 1) && bh <= (width_mask(w) >> 1)));
    rax = sel(fits, N::urange(al * bl, p), N::urange(U(0), U(width_mask(w))));
    rdx = sel(fits, N::constant(0), N::urange(U(0), U(width_mask(w))));
}

// mul/imul r/m8: ax = al * src as one 16-bit value, exact where it cannot
// wrap (unsigned always; signed when neither factor is negative).
template <class N>
typename N::Val mul8_bounds(bool is_mul, const typename N::Val &a, const typename N::Val &b) {
    using U = typename N::U;
    auto [al, ah] = low_u<N>(a, 1);
    auto [bl, bh] = low_u<N>(b, 1);
    typename N::B exact = is_mul || (ah <= 0x7f && bh <= 0x7f);
    return sel(exact, N::urange(al * bl, ah * bh), N::urange(U(0), U(0xffff)));
}

// div/idiv: rdx:rax / src must not fault. Which obligation fails first (in
// this order), and the results when none does.
template <class N>
struct DivBounds {
    typename N::B zero = false;     // the divisor may be 0
    typename N::B rdx_high = false; // div: rdx may be non-zero (the quotient may not fit)
    typename N::B sign = false;     // idiv: rdx may not be rax's sign
    typename N::B min_neg1 = false; // idiv: the minimum may be divided by -1
    typename N::Val rax, rdx;
};
// sext_ok: rdx is known to hold the sign extension of rax (cqo/cdq at this width).
template <class N>
DivBounds<N> div_bounds(bool is_div, const typename N::Val &a, const typename N::Val &hi,
                        const typename N::Val &d, u8 w, typename N::B sext_ok) {
    using U = typename N::U;
    typename N::Frame frame;
    DivBounds<N> o;
    auto [dl, dh] = low_u<N>(d, w);
    auto [al, ah] = low_u<N>(a, w);
    auto [hl, hh] = low_u<N>(hi, w);
    o.zero = dl == 0;
    if (N::stop(o.zero)) return o;
    if (is_div) {
        o.rdx_high = hh != 0;
        if (N::stop(o.rdx_high)) return o;
        o.rax = N::urange(al / dh, ah / dl);
        o.rdx = N::urange(U(0), dh - 1);
    } else {
        auto [xl, xh] = low_s<N>(a, w);
        o.sign = !(sext_ok || (hl == 0 && hh == 0 && xl >= 0) ||
                   (hl == width_mask(w) && hh == width_mask(w) && xh < 0));
        if (N::stop(o.sign)) return o;
        // -1 and the minimum are single points: the unsigned views say exactly
        // whether each is possible.
        u64 min_w = 1ull << (8 * w - 1);
        o.min_neg1 = dh == width_mask(w) && al <= min_w && U(min_w) <= ah;
        if (N::stop(o.min_neg1)) return o;
        o.rax = N::urange(U(0), U(width_mask(w)));
        o.rdx = N::urange(U(0), U(width_mask(w)));
    }
    return o;
}

// shl, shr, sar of a by k (already masked to the width); `known`: k is exact.
template <class N>
typename N::Val shift_bounds(Op op, const typename N::Val &a, u8 w, typename N::B known,
                             typename N::U k) {
    using U = typename N::U;
    using I = typename N::I;
    auto [lo, hi] = low_u<N>(a, w);
    auto [slo, shi] = low_s<N>(a, w);
    typename N::Val full = N::urange(U(0), U(width_mask(w)));
    switch (op) {
    case Op::Shl:
        return N::when(
            known && hi <= (U(width_mask(w)) >> k), [&] { return N::urange(lo << k, hi << k); },
            [&] { return full; });
    case Op::Shr:
        return N::when(
            known, [&] { return N::urange(lo >> k, hi >> k); },
            [&] { return N::urange(U(0), hi); });
    case Op::Sar:
        return N::when(
            known, [&] { return result_sw<N>(slo >> k, shi >> k, w); },
            [&] { return result_sw<N>(min_of(slo, I(0)), max_of(shi, I(0)), w); });
    default: return full; // rol, ror: any value
    }
}

// movsx to w bytes of a value read at `from` bytes.
template <class N>
typename N::Val movsx_bounds(const typename N::Val &v, u8 from, u8 w) {
    typename N::Val r = sext<N>(v, from);
    if (w < 8) r = result_sw<N>(r.smin, r.smax, w);
    return r;
}

// cdq/cqo: rdx = the sign of rax (read at w bytes), w bytes of it.
template <class N>
typename N::Val csext_bounds(const typename N::Val &a, u8 w) {
    using I = typename N::I;
    auto [lo, hi] = low_s<N>(a, w);
    I sl = sel(lo < 0, I(-1), I(0)), sh = sel(hi < 0, I(-1), I(0));
    return result_sw<N>(sl, sh, w);
}

// The low w bytes of an address or value, as an int.
template <class N>
typename N::Val low_bytes(const typename N::Val &v, u8 w) {
    auto [lo, hi] = low_u<N>(N::as_int(v), w);
    return N::urange(lo, hi);
}

// bsf/bsr/tzcnt: the index, or the old destination when the source is 0.
template <class N>
typename N::Val bitscan_bounds(bool tzcnt, const typename N::Val &old, u8 w) {
    using U = typename N::U;
    return N::join(old, N::urange(U(0), U(tzcnt ? 8u * w : 8u * w - 1)));
}

// --- branch refinement (refine.cpp) ---

inline bool is_unsigned(u8 cc) {
    return cc == CB || cc == CAE || cc == CBE || cc == CA;
}
// The signed condition of the same relation (jb -> jl, ...); others as they are.
inline u8 as_signed(u8 cc) {
    switch (cc) {
    case CB: return CL;
    case CAE: return CGE;
    case CBE: return CLE;
    case CA: return CG;
    default: return cc;
    }
}

// Does the w-byte view of v equal v itself, for this kind of comparison?
// Never for a pointer below 8 bytes: its low bytes say nothing of its offset
// (`ktal prove --rules` refuted `cmp cl, al` refining two pointers).
template <class N>
typename N::B view_exact(const typename N::Val &v, u8 w, bool uns) {
    using B = typename N::B;
    if (w >= 8) return B(true);
    if (v.kind != Kind::Int) return B(false);
    if (uns) return v.umax <= width_mask(w);
    i64 half = static_cast<i64>(1) << (8 * w - 1);
    return v.smin >= -half && v.smax < half;
}

// a cc b on two int values; false if impossible.
template <class N>
typename N::B relate_ints(typename N::Val &a, typename N::Val &b, u8 cc) {
    using B = typename N::B;
    using I = typename N::I;
    using U = typename N::U;
    using Val = typename N::Val;
    typename N::Frame frame;
    B ok = true;
    switch (cc) {
    case CE:
        a.smin = b.smin = max_of(a.smin, b.smin);
        a.smax = b.smax = min_of(a.smax, b.smax);
        a.umin = b.umin = max_of(a.umin, b.umin);
        a.umax = b.umax = min_of(a.umax, b.umax);
        break;
    case CNE:
        for (int k = 0; k < 2; ++k) {
            Val &x = k ? b : a;
            const Val &c = k ? a : b;
            B cst = c.is_const();
            B same = cst && x.is_const() && x.smin == c.smin;
            if (N::stop(same)) return false;
            ok = ok && !same;
            B lo_s = cst && x.smin == c.smin, hi_s = cst && !(x.smin == c.smin) && x.smax == c.smin;
            B lo_u = cst && x.umin == c.umin, hi_u = cst && !(x.umin == c.umin) && x.umax == c.umin;
            x.smin = N::when(lo_s, [&] { return I(x.smin + 1); }, [&] { return I(x.smin); });
            x.smax = N::when(hi_s, [&] { return I(x.smax - 1); }, [&] { return I(x.smax); });
            x.umin = sel(lo_u, U(x.umin + 1), x.umin);
            x.umax = sel(hi_u, U(x.umax - 1), x.umax);
        }
        break;
    case CB: {
        B none = b.umax == 0 || a.umin == kU64Max;
        if (N::stop(none)) return false;
        ok = ok && !none;
        a.umax = min_of(a.umax, U(b.umax - 1)), b.umin = max_of(b.umin, U(a.umin + 1));
        break;
    }
    case CBE: a.umax = min_of(a.umax, b.umax), b.umin = max_of(b.umin, a.umin); break;
    case CA: return relate_ints<N>(b, a, CB);
    case CAE: return relate_ints<N>(b, a, CBE);
    case CL: {
        B none = b.smax == kI64Min || a.smin == kI64Max;
        if (N::stop(none)) return false;
        ok = ok && !none;
        a.smax = min_of(a.smax, I(b.smax - 1)), b.smin = max_of(b.smin, I(a.smin + 1));
        break;
    }
    case CLE: a.smax = min_of(a.smax, b.smax), b.smin = max_of(b.smin, a.smin); break;
    case CG: return relate_ints<N>(b, a, CL);
    case CGE: return relate_ints<N>(b, a, CLE);
    case CS: // a < 0 (b is zero here)
        return relate_ints<N>(a, b, CL);
    case CNS: return relate_ints<N>(b, a, CLE);
    default: return B(true); // overflow and parity: nothing to learn
    }
    return ok && N::normalize(a) && N::normalize(b);
}

// Offsets that a region's pointers can take while they still point into
// mapped, contiguous memory: the image (whose end never wraps around the
// address space) for sandbox and rodata, the largest frame for the stack.
inline void place_bounds(Region r, const Layout &l, i64 &lo, i64 &hi) {
    if (r == Region::Stack) {
        lo = -static_cast<i64>(kMaxFrame), hi = 8;
        return;
    }
    i64 base = static_cast<i64>(r == Region::Sandbox ? l.sandbox_off : l.rodata_off);
    lo = -base, hi = static_cast<i64>(l.image_size) - base;
}

// Pointers into one region compare like their offsets while both stay where
// memory is mapped and contiguous: offsets inside [lo, hi], place_bounds of
// a's region (used only when both are pointers).
template <class N>
typename N::B comparable(const typename N::Val &a, const typename N::Val &b,
                         const typename N::I &lo, const typename N::I &hi) {
    using B = typename N::B;
    if (a.kind == Kind::Int && b.kind == Kind::Int) return B(true);
    if (!(a.kind == Kind::Ptr && b.kind == Kind::Ptr && a.region == b.region)) return B(false);
    return a.smin >= lo && a.smax <= hi && b.smin >= lo && b.smax <= hi;
}

template <class N>
typename N::Val offsets(const typename N::Val &p) {
    return p.kind == Kind::Ptr ? N::srange(p.smin, p.smax) : p;
}
template <class N>
typename N::Val back(const typename N::Val &orig, const typename N::Val &v) {
    return orig.kind == Kind::Ptr ? N::ptr(orig.region, v.smin, v.smax) : v;
}

// An immediate as the comparison sees it: zero-extended from w bytes for
// unsigned and equality tests, sign-extended for signed ones.
template <class N>
typename N::Val imm_for(typename N::I imm, u8 w, u8 cc) {
    using U = typename N::U;
    if (w >= 8) return N::constant(imm);
    u64 m = width_mask(w);
    U v = N::to_u(imm) & m;
    if (is_unsigned(cc) || cc == CE || cc == CNE) return N::constant(N::to_i(v));
    u64 sign = 1ull << (8 * w - 1);
    return N::constant(N::to_i((v ^ sign) - sign));
}

// The relation `a cc b` at width w applied to the values of two locations
// (b possibly an immediate, already through imm_for).
template <class N>
struct Relation {
    typename N::B applies = false; // comparable, and the w-byte views are the values
    typename N::B ok = true;       // false: the relation cannot hold (the edge is dead)
    typename N::Val a, b;          // the refined values (when it applies and ok)
    typename N::B fact = false;    // x <= y + c holds between the two registers
    bool x_is_a = true;            // x = a's location, y = b's (else the other way)
    i64 c = 0;
};
// regs: both are registers (facts are kept only between registers); lo, hi:
// place_bounds of va's region.
template <class N>
Relation<N> relate_values(const typename N::Val &va, const typename N::Val &vb, bool b_imm, u8 cc,
                          u8 w, bool regs, const typename N::I &lo, const typename N::I &hi) {
    using B = typename N::B;
    typename N::Frame frame;
    Relation<N> r;
    r.a = va, r.b = vb;
    B applies = comparable<N>(va, vb, lo, hi) && view_exact<N>(va, w, is_unsigned(cc)) &&
                view_exact<N>(vb, w, is_unsigned(cc));
    // Equality sees every bit of the w-byte views, so it applies when both
    // values are their zero-extended views, or both their sign-extended ones
    // (an immediate, given zero-extended, then read sign-extended).
    typename N::Val vb_eq = vb;
    if (cc == CE || cc == CNE) {
        typename N::Val vb_s = b_imm ? sext<N>(vb, w) : vb;
        B uview = view_exact<N>(va, w, true) && view_exact<N>(vb, w, true);
        B sview = view_exact<N>(va, w, false) && view_exact<N>(vb_s, w, false);
        applies = comparable<N>(va, vb, lo, hi) && (uview || sview);
        vb_eq = sel(uview, vb, vb_s);
    }
    r.applies = applies;
    if (N::stop(!applies)) return r;
    typename N::Val a = offsets<N>(va), b = offsets<N>(vb_eq);
    // Addresses in place neither wrap nor cross 2^63, so an unsigned compare
    // of two of them is a signed compare of their offsets, which may be
    // negative (`ktal prove --rules` refuted comparing them unsigned).
    B ok = relate_ints<N>(a, b, va.kind == Kind::Ptr ? as_signed(cc) : cc);
    r.ok = !applies || ok;
    if (N::stop(!ok)) return r;
    B take = applies && ok;
    r.a = sel(take, back<N>(va, a), va);
    r.b = sel(take, back<N>(vb, b), vb);
    // Between two int registers at full width, the relation itself is kept.
    if (!b_imm && w == 8 && va.kind == Kind::Int && regs) {
        // a < b is a <= b - 1 and a <= b is a <= b + 0 (x = a); > and >= the same
        // from b's side (x = b). Unsigned ones only between non-negative values.
        B nonneg = a.smin >= 0 && b.smin >= 0;
        bool less = cc == CL || cc == CLE || cc == CB || cc == CBE;
        if (less || cc == CG || cc == CGE || cc == CA || cc == CAE) {
            r.fact = is_unsigned(cc) ? B(take && nonneg) : take;
            r.x_is_a = less;
            r.c = cc == CL || cc == CG || cc == CB || cc == CA ? -1 : 0;
        }
    }
    return r;
}

// x <= y + c narrows x from above and y from below (both ints). False when
// no values satisfy it.
template <class N>
typename N::B tighten_fact(typename N::Val &x, typename N::Val &y, const typename N::I &c) {
    using I = typename N::I;
    I t1, t2;
    typename N::B o1 = N::add_ovf(y.smax, c, t1);
    x.smax = sel(!o1 && t1 < x.smax, t1, x.smax);
    typename N::B o2 = N::sub_ovf(x.smin, c, t2);
    y.smin = sel(!o2 && t2 > y.smin, t2, y.smin);
    return N::normalize(x) && N::normalize(y);
}

// After `cmp a, b`, does condition cc narrow a and b? SF is the sign of
// a - b, which is "a < b" only when nothing overflows: js/jns learn something
// only from cmp a, 0.
template <class N>
typename N::B cmp_refines(u8 cc, bool b_imm, typename N::I imm) {
    using B = typename N::B;
    if (cc != CS && cc != CNS) return B(true);
    if (!b_imm) return B(false);
    return imm == 0;
}

// After `test a, a` (test) or an instruction that sets ZF and SF from the
// value it leaves in a (!test), what condition cc says about a against 0.
enum class ZeroTest : u8 { Never, Nothing, Relate };
inline ZeroTest zero_test(bool test, u8 cc, u8 &c) {
    c = cc;
    if (test) {
        if (cc == CB) return ZeroTest::Never; // CF = 0 after test
        if (cc == CAE) return ZeroTest::Nothing;
        if (cc == CBE) c = CE;
        if (cc == CA) c = CNE;
        if (cc == CL) c = CS;
        if (cc == CGE) c = CNS;
    } else if (cc != CE && cc != CNE && cc != CS && cc != CNS) {
        return ZeroTest::Nothing;
    }
    return ZeroTest::Relate;
}

} // namespace ktal
