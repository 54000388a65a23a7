// The interval templates (verifier/interval.hpp) compute exactly what the
// code they replaced computed: the verifier's behaviour is unchanged bit for
// bit. The reference is the previous code, verbatim (namespace ref), run side
// by side with the templates on exact numbers over many random and edge-case
// values. Also: the template copies of tal's normalize and join, which the
// rule proofs run on symbolic numbers, agree with tal's own.
#include "verifier/interval.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>

using namespace ktal;

namespace ref {
using namespace ktal;
// --- verifier/interval.hpp before the templates ---


// Unsigned bounds of the low w bytes.
inline void r_low_u(const Value &v, u8 w, u64 &lo, u64 &hi) {
    if (v.kind == Kind::Int && v.umax <= width_mask(w)) lo = v.umin, hi = v.umax;
    else lo = 0, hi = width_mask(w);
}

// Signed bounds of the low w bytes read as a w-byte two's complement number.
inline void r_low_s(const Value &v, u8 w, i64 &lo, i64 &hi) {
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
inline Value r_result_w(i64 lo, i64 hi, u8 w) {
    u64 m = width_mask(w);
    if (lo >= 0 && static_cast<u64>(hi) <= m) return Value::urange(static_cast<u64>(lo), static_cast<u64>(hi));
    i64 span = static_cast<i64>(m) + 1;
    if (hi < 0 && lo >= -span) return Value::urange(static_cast<u64>(lo + span), static_cast<u64>(hi + span));
    return Value::urange(0, m);
}

// Signed w-byte result in [lo, hi], stored zero-extended (so a negative
// 32-bit result is a large 64-bit number).
inline Value r_result_sw(i64 lo, i64 hi, u8 w) {
    if (w >= 8) return Value::srange(lo, hi);
    if (lo >= 0 || hi < 0) return r_result_w(lo, hi, w);
    return Value::urange(0, width_mask(w));
}

inline Value r_add64(const Value &a, const Value &b) {
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

inline Value r_sub64(const Value &a, const Value &b) {
    Value r = Value::top();
    i64 s1, s2;
    if (!__builtin_sub_overflow(a.smin, b.smax, &s1) && !__builtin_sub_overflow(a.smax, b.smin, &s2))
        r.smin = s1, r.smax = s2;
    if (a.umin >= b.umax) r.umin = a.umin - b.umax, r.umax = a.umax - b.umin;
    normalize(r);
    return r;
}

inline Value r_mul64(const Value &a, const Value &b) {
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
inline Value r_add_w(const Value &a, const Value &b, u8 w) {
    if (w >= 8) return r_add64(as_int(a), as_int(b));
    u64 al, ah, bl, bh;
    r_low_u(a, w, al, ah);
    r_low_u(b, w, bl, bh);
    u64 m = width_mask(w), lo = al + bl, hi = ah + bh;
    if (hi <= m) return Value::urange(lo, hi);
    if (lo > m) return Value::urange(lo - m - 1, hi - m - 1);
    return Value::urange(0, m);
}

inline Value r_sub_w(const Value &a, const Value &b, u8 w) {
    if (w >= 8) return r_sub64(as_int(a), as_int(b));
    u64 al, ah, bl, bh;
    r_low_u(a, w, al, ah);
    r_low_u(b, w, bl, bh);
    return r_result_w(static_cast<i64>(al) - static_cast<i64>(bh), static_cast<i64>(ah) - static_cast<i64>(bl), w);
}

inline Value r_mul_w(const Value &a, const Value &b, u8 w) {
    if (w >= 8) return r_mul64(as_int(a), as_int(b));
    u64 al, ah, bl, bh;
    r_low_u(a, w, al, ah);
    r_low_u(b, w, bl, bh);
    if (ah * bh <= width_mask(w)) return Value::urange(al * bl, ah * bh); // cannot overflow 64 bits: w <= 4
    return Value::urange(0, width_mask(w));
}

// Sign-extends the low `from` bytes to 64 bits.
inline Value r_sext(const Value &v, u8 from) {
    i64 lo, hi;
    r_low_s(v, from, lo, hi);
    return Value::srange(lo, hi);
}


// --- verifier/refine.cpp before the templates ---
bool r_is_unsigned(u8 cc) { return cc == CB || cc == CAE || cc == CBE || cc == CA; }

// Does the w-byte view of v equal v itself, for this kind of comparison?
bool r_view_exact(const Value &v, u8 w, bool uns) {
    if (w >= 8 || v.kind != Kind::Int) return true;
    if (uns) return v.umax <= width_mask(w);
    i64 half = static_cast<i64>(1) << (8 * w - 1);
    return v.smin >= -half && v.smax < half;
}

// a cc b on two int values; false if impossible.
bool r_relate_ints(Value &a, Value &b, u8 cc) {
    switch (cc) {
    case CE:
        a.smin = b.smin = max_of(a.smin, b.smin);
        a.smax = b.smax = min_of(a.smax, b.smax);
        a.umin = b.umin = max_of(a.umin, b.umin);
        a.umax = b.umax = min_of(a.umax, b.umax);
        break;
    case CNE:
        for (int k = 0; k < 2; ++k) {
            Value &x = k ? b : a;
            const Value &c = k ? a : b;
            if (!c.is_const()) continue;
            if (x.is_const() && x.smin == c.smin) return false;
            if (x.smin == c.smin) ++x.smin;
            else if (x.smax == c.smin) --x.smax;
            if (x.umin == c.umin) ++x.umin;
            else if (x.umax == c.umin) --x.umax;
        }
        break;
    case CB:
        if (b.umax == 0 || a.umin == kU64Max) return false;
        a.umax = min_of(a.umax, b.umax - 1), b.umin = max_of(b.umin, a.umin + 1);
        break;
    case CBE: a.umax = min_of(a.umax, b.umax), b.umin = max_of(b.umin, a.umin); break;
    case CA: return r_relate_ints(b, a, CB);
    case CAE: return r_relate_ints(b, a, CBE);
    case CL:
        if (b.smax == kI64Min || a.smin == kI64Max) return false;
        a.smax = min_of(a.smax, b.smax - 1), b.smin = max_of(b.smin, a.smin + 1);
        break;
    case CLE: a.smax = min_of(a.smax, b.smax), b.smin = max_of(b.smin, a.smin); break;
    case CG: return r_relate_ints(b, a, CL);
    case CGE: return r_relate_ints(b, a, CLE);
    case CS: // a < 0 (b is zero here)
        return r_relate_ints(a, b, CL);
    case CNS: return r_relate_ints(b, a, CLE);
    default: return true; // overflow and parity: nothing to learn
    }
    return normalize(a) && normalize(b);
}

// Pointers into one region compare like their r_offsets while both stay where
// memory is mapped and contiguous: inside the image (whose end never wraps
// around the address space), or inside the frame. Anything else, not refined.
bool r_in_place(const Value &p, const Layout &l) {
    i64 lo, hi;
    if (p.region == Region::Stack) lo = -static_cast<i64>(kMaxFrame), hi = 8;
    else {
        i64 base = static_cast<i64>(p.region == Region::Sandbox ? l.sandbox_off : l.rodata_off);
        lo = -base, hi = static_cast<i64>(l.image_size) - base;
    }
    return p.smin >= lo && p.smax <= hi;
}

bool r_comparable(const Value &a, const Value &b, const Layout &l) {
    if (a.kind == Kind::Int && b.kind == Kind::Int) return true;
    return a.kind == Kind::Ptr && b.kind == Kind::Ptr && a.region == b.region && r_in_place(a, l) && r_in_place(b, l);
}

Value r_offsets(const Value &p) { return p.kind == Kind::Ptr ? Value::srange(p.smin, p.smax) : p; }
Value r_back(const Value &orig, const Value &v) {
    return orig.kind == Kind::Ptr ? Value::ptr(orig.region, v.smin, v.smax) : v;
}

// An immediate as the comparison sees it: zero-extended from w bytes for
// unsigned and equality tests, sign-extended for signed ones.
Value r_imm_for(i64 imm, u8 w, u8 cc) {
    if (w >= 8) return Value::constant(imm);
    u64 m = width_mask(w), v = static_cast<u64>(imm) & m;
    if (r_is_unsigned(cc) || cc == CE || cc == CNE) return Value::constant(static_cast<i64>(v));
    u64 sign = 1ull << (8 * w - 1);
    return Value::constant(static_cast<i64>((v ^ sign) - sign));
}


// relate() on two values, as refine.cpp computed it (the state glue aside):
// whether it applied, whether it was feasible, the new values, the fact kept.
struct Rel {
    bool applies = false, ok = true;
    Value a, b;
    bool fact = false, x_is_a = true;
    i64 c = 0;
};
Rel relate(const Value &va, const Value &vb_in, i64 imm, bool b_imm, u8 cc, u8 w, bool regs, const Layout &l) {
    Rel r;
    Value vb = b_imm ? r_imm_for(imm, w, cc) : vb_in;
    r.a = va, r.b = vb;
    if (!r_comparable(va, vb, l) || !r_view_exact(va, w, r_is_unsigned(cc)) || !r_view_exact(vb, w, r_is_unsigned(cc)))
        return r;
    r.applies = true;
    Value a = r_offsets(va), b = r_offsets(vb);
    if (!r_relate_ints(a, b, cc)) {
        r.ok = false;
        return r;
    }
    r.a = r_back(va, a);
    r.b = r_back(vb, b);
    if (!b_imm && w == 8 && va.kind == Kind::Int && regs) {
        bool nonneg = a.smin >= 0 && b.smin >= 0;
        switch (cc) {
        case CL: r.fact = true, r.c = -1; break;
        case CLE: r.fact = true, r.c = 0; break;
        case CG: r.fact = true, r.x_is_a = false, r.c = -1; break;
        case CGE: r.fact = true, r.x_is_a = false, r.c = 0; break;
        case CB: r.fact = nonneg, r.c = -1; break;
        case CBE: r.fact = nonneg, r.c = 0; break;
        case CA: r.fact = nonneg, r.x_is_a = false, r.c = -1; break;
        case CAE: r.fact = nonneg, r.x_is_a = false, r.c = 0; break;
        default: break;
        }
    }
    return r;
}
bool tighten(Value &x, Value &y, i64 c) {
    i64 t;
    if (!__builtin_add_overflow(y.smax, c, &t) && t < x.smax) x.smax = t;
    if (!__builtin_sub_overflow(x.smin, c, &t) && t > y.smin) y.smin = t;
    return normalize(x) && normalize(y);
}
} // namespace ref

namespace {

bool same_bits(const Value &a, const Value &b) {
    return a.kind == b.kind && a.region == b.region && a.reg == b.reg && a.low == b.low && a.smin == b.smin &&
           a.smax == b.smax && a.umin == b.umin && a.umax == b.umax;
}
std::string show(const Value &v) {
    Text<160> t;
    describe(v, t);
    return std::string(t.c_str()) + " {" + std::to_string(v.smin) + "," + std::to_string(v.smax) + "," +
           std::to_string(v.umin) + "," + std::to_string(v.umax) + "}";
}
#define EXPECT_SAME(x, y) EXPECT_TRUE(same_bits(x, y)) << show(x) << " vs " << show(y)

struct Gen {
    std::mt19937_64 rng{12345};
    u64 edge() {
        static const u64 e[] = {0, 1, 2, 3, 7, 8, 0x7f, 0x80, 0xff, 0x100, 0x7fff, 0x8000, 0xffff, 0x10000,
                                0x7fffffff, 0x80000000, 0xffffffff, 0x100000000ull, 1ull << 40, 1ull << 48,
                                0x7fffffffffffffffull, 0x8000000000000000ull, ~0ull, ~0ull - 1, ~0ull - 0x7f,
                                ~0ull - 0xffffffffull, ~0ull << 31};
        return e[rng() % (sizeof e / sizeof e[0])];
    }
    u64 num() {
        switch (rng() % 4) {
        case 0: return edge();
        case 1: return edge() + (rng() % 5) - 2;
        case 2: return rng() >> (rng() % 64);
        default: return rng();
        }
    }
    Value int_value(bool normalized = true) {
        u64 a = num(), b = num(), c = num(), d = num();
        i64 s1 = static_cast<i64>(a), s2 = static_cast<i64>(b);
        Value v = Value::both(min_of(s1, s2), max_of(s1, s2), min_of(c, d), max_of(c, d));
        switch (rng() % 4) {
        case 0: v = Value::constant(static_cast<i64>(a)); break;
        case 1: v = Value::urange(min_of(c, d), max_of(c, d)); break;
        case 2: v = Value::srange(min_of(s1, s2), max_of(s1, s2)); break;
        default: break;
        }
        if (normalized) normalize(v);
        return v;
    }
    Value ptr_value() {
        static const Region rs[] = {Region::Sandbox, Region::Rodata, Region::Stack};
        i64 a = static_cast<i64>(num() % (1ull << 41)) - (1ll << 40), b = static_cast<i64>(num() % (1ull << 41)) - (1ll << 40);
        if (rng() % 3 == 0) b = a;
        return Value::ptr(rs[rng() % 3], min_of(a, b), max_of(a, b));
    }
    Value any() {
        switch (rng() % 8) {
        case 0: return ptr_value();
        case 1: return Value::uninit(static_cast<u8>(rng() % 3));
        case 2: return Value::retaddr();
        default: return int_value(rng() % 8 != 0);
        }
    }
    u8 width() { static const u8 w[] = {1, 2, 4, 8}; return w[rng() % 4]; }
    Layout layout() {
        Layout l;
        l.rodata_off = 0x1000 * (1 + rng() % 16);
        l.rodata_size = rng() % 0x3000;
        l.sandbox_off = l.rodata_off + 0x1000 * (1 + rng() % 16);
        l.sandbox_size = rng() % 0x100000;
        l.image_size = l.sandbox_off + l.sandbox_size + rng() % 0x1000;
        return l;
    }
};

constexpr int kRounds = 200000;

TEST(IntervalTemplates, PrimitivesUnchanged) {
    Gen g;
    for (int i = 0; i < kRounds; ++i) {
        Value a = g.any(), b = g.any();
        u8 w = g.width();
        u64 l1, h1, l2, h2;
        ref::r_low_u(a, w, l1, h1);
        low_u(a, w, l2, h2);
        ASSERT_EQ(l1, l2);
        ASSERT_EQ(h1, h2);
        i64 s1, t1, s2, t2;
        ref::r_low_s(a, w, s1, t1);
        low_s(a, w, s2, t2);
        ASSERT_EQ(s1, s2);
        ASSERT_EQ(t1, t2);
        if (a.kind == Kind::Int && b.kind == Kind::Int) {
            ASSERT_TRUE(same_bits(ref::r_add64(a, b), add64(a, b))) << show(a) << " " << show(b);
            ASSERT_TRUE(same_bits(ref::r_sub64(a, b), sub64(a, b))) << show(a) << " " << show(b);
            ASSERT_TRUE(same_bits(ref::r_mul64(a, b), mul64(a, b))) << show(a) << " " << show(b);
        }
        ASSERT_TRUE(same_bits(ref::r_add_w(a, b, w), add_w(a, b, w))) << show(a) << " " << show(b) << " w" << int(w);
        ASSERT_TRUE(same_bits(ref::r_sub_w(a, b, w), sub_w(a, b, w))) << show(a) << " " << show(b) << " w" << int(w);
        ASSERT_TRUE(same_bits(ref::r_mul_w(a, b, w), mul_w(a, b, w))) << show(a) << " " << show(b) << " w" << int(w);
        ASSERT_TRUE(same_bits(ref::r_sext(a, w), sext(a, w))) << show(a) << " w" << int(w);
        i64 lo = static_cast<i64>(g.num()), hi = static_cast<i64>(g.num());
        if (lo > hi) std::swap(lo, hi);
        if (w < 8 && (hi - lo < 0 || (lo < -(1ll << 40) || hi > (1ll << 40)))) continue; // the callers' range
        ASSERT_TRUE(same_bits(ref::r_result_w(lo, hi, w), result_w(lo, hi, w))) << lo << " " << hi << " w" << int(w);
        ASSERT_TRUE(same_bits(ref::r_result_sw(lo, hi, w), result_sw(lo, hi, w))) << lo << " " << hi << " w" << int(w);
    }
}

TEST(IntervalTemplates, RelationsUnchanged) {
    Gen g;
    for (int i = 0; i < kRounds; ++i) {
        Layout l = g.layout();
        Value a = g.rng() % 4 ? g.int_value() : g.ptr_value();
        Value b = a.kind == Kind::Ptr && g.rng() % 2 ? g.ptr_value() : g.int_value();
        if (a.kind == Kind::Ptr && b.kind == Kind::Ptr && g.rng() % 2) b.region = a.region;
        if (g.rng() % 8 == 0) b = a;
        u8 w = g.width(), cc = static_cast<u8>(g.rng() % 16);
        bool b_imm = g.rng() % 3 == 0, regs = g.rng() % 2;
        i64 imm = static_cast<i64>(g.num());
        ref::Rel r1 = ref::relate(a, b, imm, b_imm, cc, w, regs, l);
        Value vb = b_imm ? imm_for<Exact>(imm, w, cc) : b;
        ASSERT_TRUE(same_bits(vb, b_imm ? ref::r_imm_for(imm, w, cc) : b));
        i64 lo, hi;
        place_bounds(a.region, l, lo, hi);
        Relation<Exact> r2 = relate_values<Exact>(a, vb, b_imm, cc, w, regs, lo, hi);
        ASSERT_EQ(r1.applies, r2.applies) << show(a) << " " << show(vb) << " cc" << int(cc) << " w" << int(w);
        if (!r1.applies) continue;
        ASSERT_EQ(r1.ok, r2.ok) << show(a) << " " << show(vb) << " cc" << int(cc) << " w" << int(w);
        if (!r1.ok) continue;
        ASSERT_TRUE(same_bits(r1.a, r2.a)) << show(r1.a) << " vs " << show(r2.a);
        ASSERT_TRUE(same_bits(r1.b, r2.b)) << show(r1.b) << " vs " << show(r2.b);
        ASSERT_EQ(r1.fact, r2.fact);
        if (r1.fact) {
            ASSERT_EQ(r1.x_is_a, r2.x_is_a);
            ASSERT_EQ(r1.c, r2.c);
        }
    }
}

TEST(IntervalTemplates, TighteningUnchanged) {
    Gen g;
    for (int i = 0; i < kRounds; ++i) {
        Value x = g.int_value(), y = g.int_value();
        i64 c = static_cast<i64>(g.num());
        Value x1 = x, y1 = y, x2 = x, y2 = y;
        bool ok1 = ref::tighten(x1, y1, c), ok2 = tighten_fact<Exact>(x2, y2, c);
        ASSERT_EQ(ok1, ok2);
        if (!ok1) continue;
        ASSERT_TRUE(same_bits(x1, x2)) << show(x1) << " vs " << show(x2);
        ASSERT_TRUE(same_bits(y1, y2)) << show(y1) << " vs " << show(y2);
    }
}

TEST(IntervalTemplates, NormalizeAndJoinCopiesAgreeWithTal) {
    Gen g;
    for (int i = 0; i < kRounds; ++i) {
        Value v = g.rng() % 2 ? g.int_value(false) : g.any();
        if (v.kind == Kind::Int && g.rng() % 2) { // arbitrary, possibly empty bounds
            v.smin = static_cast<i64>(g.num()), v.smax = static_cast<i64>(g.num());
            v.umin = g.num(), v.umax = g.num();
        }
        Value v1 = v, v2 = v;
        bool ok1 = normalize(v1), ok2 = normalize_t<Exact>(v2);
        ASSERT_EQ(ok1, ok2) << show(v);
        if (ok1) ASSERT_TRUE(same_bits(v1, v2)) << show(v1) << " vs " << show(v2);
        Value a = g.any(), b = g.rng() % 4 ? g.any() : a;
        if (a.kind == Kind::Ptr && b.kind == Kind::Ptr && g.rng() % 2) b.region = a.region;
        Value j1 = join(a, b), j2 = join_t<Exact>(a, b);
        ASSERT_TRUE(same_bits(j1, j2)) << show(a) << " join " << show(b) << ": " << show(j1) << " vs " << show(j2);
    }
}

} // namespace
