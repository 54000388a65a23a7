// Interval arithmetic on int values, at an operand width w (bytes). A w-byte
// operation reads the low w bytes of its inputs and produces a w-byte result;
// these helpers keep the bounds exact while no wraparound is possible and give
// up (full range) as soon as it is.
#pragma once

#include "tal/value.hpp"

namespace ktal {

inline u64 width_mask(u8 w) { return w >= 8 ? kU64Max : (1ull << (8 * w)) - 1; }

// Unsigned bounds of the low w bytes.
inline void low_u(const Value &v, u8 w, u64 &lo, u64 &hi) {
    if (v.kind == Kind::Int && v.umax <= width_mask(w)) lo = v.umin, hi = v.umax;
    else lo = 0, hi = width_mask(w);
}

// Signed bounds of the low w bytes read as a w-byte two's complement number.
inline void low_s(const Value &v, u8 w, i64 &lo, i64 &hi) {
    if (w >= 8) {
        Value x = as_int(v);
        lo = x.smin, hi = x.smax;
        return;
    }
    i64 half = static_cast<i64>(1) << (8 * w - 1);
    if (v.kind == Kind::Int && v.smin >= -half && v.smax < half) lo = v.smin, hi = v.smax;
    else if (v.kind == Kind::Int && v.umin >= static_cast<u64>(half) && v.umax <= width_mask(w))
        lo = static_cast<i64>(v.umin) - 2 * half, hi = static_cast<i64>(v.umax) - 2 * half;
    else lo = -half, hi = half - 1;
}

// A w-byte result whose mathematical value lies in [lo, hi] (signed 128-bit
// thinking, held in i64 where no overflow happened): zero-extended to 64 bits
// for w = 4 (and below, for the low bytes a merge will use).
inline Value result_w(i64 lo, i64 hi, u8 w) {
    u64 m = width_mask(w);
    if (lo >= 0 && static_cast<u64>(hi) <= m) return Value::urange(static_cast<u64>(lo), static_cast<u64>(hi));
    i64 span = static_cast<i64>(m) + 1;
    if (hi < 0 && lo >= -span) return Value::urange(static_cast<u64>(lo + span), static_cast<u64>(hi + span));
    return Value::urange(0, m);
}

// Signed w-byte result in [lo, hi], stored zero-extended (so a negative
// 32-bit result is a large 64-bit number).
inline Value result_sw(i64 lo, i64 hi, u8 w) {
    if (w >= 8) return Value::srange(lo, hi);
    if (lo >= 0 || hi < 0) return result_w(lo, hi, w);
    return Value::urange(0, width_mask(w));
}

inline Value add64(const Value &a, const Value &b) {
    Value r = Value::top();
    i64 s1, s2;
    if (!__builtin_add_overflow(a.smin, b.smin, &s1) && !__builtin_add_overflow(a.smax, b.smax, &s2))
        r.smin = s1, r.smax = s2;
    u64 u1, u2;
    if (!__builtin_add_overflow(a.umax, b.umax, &u2) && !__builtin_add_overflow(a.umin, b.umin, &u1))
        r.umin = u1, r.umax = u2;
    normalize(r);
    return r;
}

inline Value sub64(const Value &a, const Value &b) {
    Value r = Value::top();
    i64 s1, s2;
    if (!__builtin_sub_overflow(a.smin, b.smax, &s1) && !__builtin_sub_overflow(a.smax, b.smin, &s2))
        r.smin = s1, r.smax = s2;
    if (a.umin >= b.umax) r.umin = a.umin - b.umax, r.umax = a.umax - b.umin;
    normalize(r);
    return r;
}

inline Value mul64(const Value &a, const Value &b) {
    Value r = Value::top();
    i64 c[4];
    int ovf = 0; // all four corners are computed either way
    ovf += __builtin_mul_overflow(a.smin, b.smin, &c[0]);
    ovf += __builtin_mul_overflow(a.smin, b.smax, &c[1]);
    ovf += __builtin_mul_overflow(a.smax, b.smin, &c[2]);
    ovf += __builtin_mul_overflow(a.smax, b.smax, &c[3]);
    if (!ovf) {
        r.smin = min_of(min_of(c[0], c[1]), min_of(c[2], c[3]));
        r.smax = max_of(max_of(c[0], c[1]), max_of(c[2], c[3]));
    }
    u64 hi;
    if (!__builtin_mul_overflow(a.umax, b.umax, &hi)) r.umin = a.umin * b.umin, r.umax = hi;
    normalize(r);
    return r;
}

// w-byte add/sub/mul of int values, reading the low w bytes.
inline Value add_w(const Value &a, const Value &b, u8 w) {
    if (w >= 8) return add64(as_int(a), as_int(b));
    u64 al, ah, bl, bh;
    low_u(a, w, al, ah);
    low_u(b, w, bl, bh);
    u64 m = width_mask(w), lo = al + bl, hi = ah + bh;
    if (hi <= m) return Value::urange(lo, hi);
    if (lo > m) return Value::urange(lo - m - 1, hi - m - 1);
    return Value::urange(0, m);
}

inline Value sub_w(const Value &a, const Value &b, u8 w) {
    if (w >= 8) return sub64(as_int(a), as_int(b));
    u64 al, ah, bl, bh;
    low_u(a, w, al, ah);
    low_u(b, w, bl, bh);
    return result_w(static_cast<i64>(al) - static_cast<i64>(bh), static_cast<i64>(ah) - static_cast<i64>(bl), w);
}

inline Value mul_w(const Value &a, const Value &b, u8 w) {
    if (w >= 8) return mul64(as_int(a), as_int(b));
    u64 al, ah, bl, bh;
    low_u(a, w, al, ah);
    low_u(b, w, bl, bh);
    if (ah * bh <= width_mask(w)) return Value::urange(al * bl, ah * bh); // cannot overflow 64 bits: w <= 4
    return Value::urange(0, width_mask(w));
}

// Sign-extends the low `from` bytes to 64 bits.
inline Value sext(const Value &v, u8 from) {
    i64 lo, hi;
    low_s(v, from, lo, hi);
    return Value::srange(lo, hi);
}

} // namespace ktal
