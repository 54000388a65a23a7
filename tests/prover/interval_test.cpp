// The interval templates (verifier/interval.hpp) on exact numbers, over many
// random and edge-case values:
// - the arithmetic primitives and tighten_fact compute exactly what the code
//   they replaced computed (that code, verbatim, in namespace ref);
// - branch refinement (relate_values) is sound on concrete machines: when
//   `cmp x, y` at width w makes condition cc true, the refined values still
//   contain x and y, and the fact it keeps holds. (It deliberately changed
//   since the templates came: pointer compares below 8 bytes refine nothing
//   and unsigned pointer compares use signed offsets; `ktal prove --rules`
//   proves the same claim symbolically.)
// - tal's normalize and join, now the templates the rule proofs run on
//   symbolic numbers, compute what tal's own code computed before.
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
    if (v.kind == Kind::Int && v.umax <= width_mask(w))
        lo = v.umin, hi = v.umax;
    else
        lo = 0, hi = width_mask(w);
}

// Signed bounds of the low w bytes read as a w-byte two's complement number.
inline void r_low_s(const Value &v, u8 w, i64 &lo, i64 &hi) {
    if (w >= 8) {
        Value x = as_int(v);
        lo = x.smin, hi = x.smax;
        return;
    }
    i64 half = static_cast<i64>(1) << (8 * w - 1);
    if (v.kind == Kind::Int && v.smin >= -half && v.smax < half)
        lo = v.smin, hi = v.smax;
    else if (v.kind == Kind::Int && v.umin >= static_cast<u64>(half) && v.umax <= width_mask(w))
        lo = static_cast<i64>(v.umin) - 2 * half, hi = static_cast<i64>(v.umax) - 2 * half;
    else
        lo = -half, hi = half - 1;
}

// A w-byte result whose mathematical value lies in [lo, hi] (signed 128-bit
// thinking, held in i64 where no overflow happened): zero-extended to 64 bits
// for w = 4 (and below, for the low bytes a merge will use).
inline Value r_result_w(i64 lo, i64 hi, u8 w) {
    u64 m = width_mask(w);
    if (lo >= 0 && static_cast<u64>(hi) <= m)
        return Value::urange(static_cast<u64>(lo), static_cast<u64>(hi));
    i64 span = static_cast<i64>(m) + 1;
    if (hi < 0 && lo >= -span)
        return Value::urange(static_cast<u64>(lo + span), static_cast<u64>(hi + span));
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
    if (!__builtin_add_overflow(a.smin, b.smin, &s1) &&
        !__builtin_add_overflow(a.smax, b.smax, &s2))
        r.smin = s1, r.smax = s2;
    u64 u1, u2;
    if (!__builtin_add_overflow(a.umax, b.umax, &u2) &&
        !__builtin_add_overflow(a.umin, b.umin, &u1))
        r.umin = u1, r.umax = u2;
    normalize(r);
    return r;
}

inline Value r_sub64(const Value &a, const Value &b) {
    Value r = Value::top();
    i64 s1, s2;
    if (!__builtin_sub_overflow(a.smin, b.smax, &s1) &&
        !__builtin_sub_overflow(a.smax, b.smin, &s2))
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
    return r_result_w(static_cast<i64>(al) - static_cast<i64>(bh),
                      static_cast<i64>(ah) - static_cast<i64>(bl), w);
}

inline Value r_mul_w(const Value &a, const Value &b, u8 w) {
    if (w >= 8) return r_mul64(as_int(a), as_int(b));
    u64 al, ah, bl, bh;
    r_low_u(a, w, al, ah);
    r_low_u(b, w, bl, bh);
    if (ah * bh <= width_mask(w))
        return Value::urange(al * bl, ah * bh); // cannot overflow 64 bits: w <= 4
    return Value::urange(0, width_mask(w));
}

// Sign-extends the low `from` bytes to 64 bits.
inline Value r_sext(const Value &v, u8 from) {
    i64 lo, hi;
    r_low_s(v, from, lo, hi);
    return Value::srange(lo, hi);
}

// tighten_fact before the template.
bool tighten(Value &x, Value &y, i64 c) {
    i64 t;
    if (!__builtin_add_overflow(y.smax, c, &t) && t < x.smax) x.smax = t;
    if (!__builtin_sub_overflow(x.smin, c, &t) && t > y.smin) y.smin = t;
    return normalize(x) && normalize(y);
}
// --- tal's normalize and join before they became normalize_t and join_t ---

inline bool r_normalize(Value &v) {
    if (v.kind == Kind::Ptr) return v.smin <= v.smax;
    if (v.kind != Kind::Int) return true;
    for (int round = 0; round < 2; ++round) {
        if (v.smin > v.smax || v.umin > v.umax) return false;
        if (static_cast<i64>(v.umin) <= static_cast<i64>(v.umax)) {
            v.smin = max_of(v.smin, static_cast<i64>(v.umin));
            v.smax = min_of(v.smax, static_cast<i64>(v.umax));
        }
        if (v.smin >= 0 || v.smax < 0) {
            v.umin = max_of(v.umin, static_cast<u64>(v.smin));
            v.umax = min_of(v.umax, static_cast<u64>(v.smax));
        }
    }
    return v.smin <= v.smax && v.umin <= v.umax;
}

inline u8 r_data_bytes(const Value &v) {
    if (v.kind == Kind::Uninit) return v.low;
    return v.is_data() ? 8 : 0;
}

inline Value r_join(const Value &a, const Value &b) {
    if (a.kind == Kind::Uninit || b.kind == Kind::Uninit)
        return Value::uninit(min_of(r_data_bytes(a), r_data_bytes(b)));
    if (a.kind == Kind::Int && b.kind == Kind::Int) {
        Value v = Value::both(min_of(a.smin, b.smin), max_of(a.smax, b.smax),
                              min_of(a.umin, b.umin), max_of(a.umax, b.umax));
        r_normalize(v);
        return v;
    }
    if (a.kind == Kind::Ptr && b.kind == Kind::Ptr && a.region == b.region)
        return Value::ptr(a.region, min_of(a.smin, b.smin), max_of(a.smax, b.smax));
    if (a.is_data() && b.is_data()) return Value::top();
    if (a.kind == Kind::RetAddr && b.kind == Kind::RetAddr) return a;
    if (a.kind == Kind::Saved && b.kind == Kind::Saved && a.reg == b.reg) return a;
    return Value::uninit();
}

} // namespace ref

namespace {

bool same_bits(const Value &a, const Value &b) {
    return a.kind == b.kind && a.region == b.region && a.reg == b.reg && a.low == b.low &&
           a.smin == b.smin && a.smax == b.smax && a.umin == b.umin && a.umax == b.umax;
}
std::string show(const Value &v) {
    Text<160> t;
    describe(v, t);
    return std::string(t.c_str()) + " {" + std::to_string(v.smin) + "," + std::to_string(v.smax) +
           "," + std::to_string(v.umin) + "," + std::to_string(v.umax) + "}";
}
#define EXPECT_SAME(x, y) EXPECT_TRUE(same_bits(x, y)) << show(x) << " vs " << show(y)

struct Gen {
    std::mt19937_64 rng{12345};
    u64 edge() {
        static const u64 e[] = {0,
                                1,
                                2,
                                3,
                                7,
                                8,
                                0x7f,
                                0x80,
                                0xff,
                                0x100,
                                0x7fff,
                                0x8000,
                                0xffff,
                                0x10000,
                                0x7fffffff,
                                0x80000000,
                                0xffffffff,
                                0x100000000ull,
                                1ull << 40,
                                1ull << 48,
                                0x7fffffffffffffffull,
                                0x8000000000000000ull,
                                ~0ull,
                                ~0ull - 1,
                                ~0ull - 0x7f,
                                ~0ull - 0xffffffffull,
                                ~0ull << 31};
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
        i64 a = static_cast<i64>(num() % (1ull << 41)) - (1ll << 40),
            b = static_cast<i64>(num() % (1ull << 41)) - (1ll << 40);
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
    u8 width() {
        static const u8 w[] = {1, 2, 4, 8};
        return w[rng() % 4];
    }
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
        // (values the verifier holds: normalized, bounds in order)
        if (!normalize(a) || !normalize(b)) continue;
        u8 w = g.width();
        u64 l1, h1;
        ref::r_low_u(a, w, l1, h1);
        auto [l2, h2] = low_u<Exact>(a, w);
        ASSERT_EQ(l1, l2);
        ASSERT_EQ(h1, h2);
        i64 s1, t1;
        ref::r_low_s(a, w, s1, t1);
        auto [s2, t2] = low_s<Exact>(a, w);
        ASSERT_EQ(s1, s2);
        ASSERT_EQ(t1, t2);
        if (a.kind == Kind::Int && b.kind == Kind::Int) {
            ASSERT_TRUE(same_bits(ref::r_add64(a, b), add64<Exact>(a, b)))
                << show(a) << " " << show(b);
            ASSERT_TRUE(same_bits(ref::r_sub64(a, b), sub64<Exact>(a, b)))
                << show(a) << " " << show(b);
            ASSERT_TRUE(same_bits(ref::r_mul64(a, b), mul64<Exact>(a, b)))
                << show(a) << " " << show(b);
        }
        ASSERT_TRUE(same_bits(ref::r_add_w(a, b, w), add_w<Exact>(a, b, w)))
            << show(a) << " " << show(b) << " w" << int(w);
        ASSERT_TRUE(same_bits(ref::r_sub_w(a, b, w), sub_w<Exact>(a, b, w)))
            << show(a) << " " << show(b) << " w" << int(w);
        ASSERT_TRUE(same_bits(ref::r_mul_w(a, b, w), mul_w<Exact>(a, b, w)))
            << show(a) << " " << show(b) << " w" << int(w);
        ASSERT_TRUE(same_bits(ref::r_sext(a, w), sext<Exact>(a, w))) << show(a) << " w" << int(w);
        i64 lo = static_cast<i64>(g.num()), hi = static_cast<i64>(g.num());
        if (lo > hi) std::swap(lo, hi);
        if (w < 8 && (lo < -(1ll << 40) || hi > (1ll << 40))) continue; // the callers' range
        ASSERT_TRUE(same_bits(ref::r_result_w(lo, hi, w), result_w<Exact>(lo, hi, w)))
            << lo << " " << hi << " w" << int(w);
        ASSERT_TRUE(same_bits(ref::r_result_sw(lo, hi, w), result_sw<Exact>(lo, hi, w)))
            << lo << " " << hi << " w" << int(w);
    }
}

// A concrete member of an int value's bounds, or none found.
bool pick_int(Gen &g, const Value &v, u64 &x) {
    for (int k = 0; k < 8; ++k) {
        u64 span = v.umax - v.umin;
        u64 c = k == 0   ? v.umin
                : k == 1 ? v.umax
                         : v.umin + (span == ~0ull ? g.rng() : g.rng() % (span + 1));
        if (static_cast<i64>(c) >= v.smin && static_cast<i64>(c) <= v.smax) return x = c, true;
    }
    return false;
}

// Does condition cc hold after `cmp x, y` on their low w bytes?
bool cond_after_cmp(u64 x, u64 y, u8 w, u8 cc) {
    u64 m = width_mask(w), sign = 1ull << (8 * w - 1);
    u64 a = x & m, b = y & m, r = (a - b) & m;
    bool cf = a < b, zf = r == 0, sf = (r & sign) != 0;
    bool of = ((a ^ b) & (a ^ r) & sign) != 0;
    switch (cc) {
    case CB: return cf;
    case CAE: return !cf;
    case CE: return zf;
    case CNE: return !zf;
    case CBE: return cf || zf;
    case CA: return !cf && !zf;
    case CS: return sf;
    case CNS: return !sf;
    case CL: return sf != of;
    case CGE: return sf == of;
    case CLE: return zf || sf != of;
    case CG: return !zf && sf == of;
    default: return false; // (overflow and parity are not asked)
    }
}

bool in_gamma(const Value &v, u64 x, u64 base) {
    if (v.kind == Kind::Int)
        return static_cast<i64>(x) >= v.smin && static_cast<i64>(x) <= v.smax && x >= v.umin &&
               x <= v.umax;
    i64 off = static_cast<i64>(x - base);
    return off >= v.smin && off <= v.smax;
}

TEST(IntervalTemplates, RelationsSound) {
    Gen g;
    static const u8 ccs[] = {CB, CAE, CE, CNE, CBE, CA, CS, CNS, CL, CGE, CLE, CG};
    u64 checked = 0, refined = 0;
    for (int i = 0; i < kRounds; ++i) {
        Layout l = g.layout();
        Value a = g.rng() % 4 ? g.int_value() : g.ptr_value();
        Value b = a.kind == Kind::Ptr ? g.ptr_value() : g.int_value();
        if (a.kind == Kind::Ptr) b.region = a.region;
        if (g.rng() % 8 == 0) b = a;
        if (!normalize(a) || !normalize(b)) continue; // an empty value has no members
        u8 w = g.width(), cc = ccs[g.rng() % (sizeof ccs / sizeof ccs[0])];
        bool b_imm = a.kind == Kind::Int && g.rng() % 3 == 0, regs = g.rng() % 2;
        if (cc == CS || cc == CNS)
            b_imm = true, b = Value::constant(0); // only cmp a, 0 refines them
        i64 imm = b_imm && b.is_const() ? b.smin : static_cast<i64>(g.num());
        Value vb = b_imm ? imm_for<Exact>(imm, w, cc) : b;
        i64 lo, hi;
        place_bounds(a.region, l, lo, hi);
        Relation<Exact> r = relate_values<Exact>(a, vb, b_imm, cc, w, regs, lo, hi);
        if (!r.applies) continue;
        // A machine: the region's base (an image at a page in the kernel's
        // half, or the entry rsp), and concrete x in gamma(a), y in gamma(b).
        u64 image = 0xffffffffc0000000ull - 0x1000 * (g.rng() % 0x10000);
        u64 base = a.region == Region::Stack    ? 0xffffc90000400000ull
                   : a.region == Region::Rodata ? image + l.rodata_off
                                                : image + l.sandbox_off;
        u64 x, y;
        if (a.kind == Kind::Ptr) {
            x = base +
                static_cast<u64>(
                    a.smin + static_cast<i64>(g.rng() % (static_cast<u64>(a.smax - a.smin) + 1)));
            y = base +
                static_cast<u64>(
                    b.smin + static_cast<i64>(g.rng() % (static_cast<u64>(b.smax - b.smin) + 1)));
        } else if (!pick_int(g, a, x) || (!b_imm && !pick_int(g, b, y))) {
            continue;
        }
        if (b_imm) y = static_cast<u64>(imm);
        if (!cond_after_cmp(x, y, w, cc)) continue;
        ++checked;
        ASSERT_TRUE(r.ok) << "an edge taken on a machine was called dead: " << show(a) << " "
                          << show(vb) << " cc" << int(cc) << " w" << int(w) << " x=" << x
                          << " y=" << y;
        ASSERT_TRUE(in_gamma(r.a, x, base))
            << show(a) << " -> " << show(r.a) << " loses x=" << x << " (cc" << int(cc) << " w"
            << int(w) << " y=" << y << ")";
        if (!b_imm)
            ASSERT_TRUE(in_gamma(r.b, y, base))
                << show(b) << " -> " << show(r.b) << " loses y=" << y << " (cc" << int(cc) << " w"
                << int(w) << " x=" << x << ")";
        if (r.fact) {
            __int128 fx = static_cast<i64>(r.x_is_a ? x : y),
                     fy = static_cast<i64>(r.x_is_a ? y : x);
            ASSERT_LE(fx, fy + r.c)
                << "the fact kept does not hold: cc" << int(cc) << " x=" << x << " y=" << y;
        }
        if (!same_bits(r.a, a) || !same_bits(r.b, vb)) ++refined;
    }
    // The sampling reached the interesting cases: many taken edges, many refined.
    EXPECT_GT(checked, static_cast<u64>(kRounds / 20));
    EXPECT_GT(refined, checked / 10);
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

TEST(IntervalTemplates, NormalizeAndJoinUnchanged) {
    Gen g;
    for (int i = 0; i < kRounds; ++i) {
        Value v = g.rng() % 2 ? g.int_value(false) : g.any();
        if (v.kind == Kind::Int && g.rng() % 2) { // arbitrary, possibly empty bounds
            v.smin = static_cast<i64>(g.num()), v.smax = static_cast<i64>(g.num());
            v.umin = g.num(), v.umax = g.num();
        }
        Value v1 = v, v2 = v;
        bool ok1 = ref::r_normalize(v1), ok2 = normalize(v2);
        ASSERT_EQ(ok1, ok2) << show(v);
        if (ok1) ASSERT_TRUE(same_bits(v1, v2)) << show(v1) << " vs " << show(v2);
        Value a = g.any(), b = g.rng() % 4 ? g.any() : a;
        if (a.kind == Kind::Ptr && b.kind == Kind::Ptr && g.rng() % 2) b.region = a.region;
        Value j1 = ref::r_join(a, b), j2 = join(a, b);
        ASSERT_TRUE(same_bits(j1, j2))
            << show(a) << " join " << show(b) << ": " << show(j1) << " vs " << show(j2);
    }
}

} // namespace
