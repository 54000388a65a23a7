// The rule proofs run the verifier's interval templates on symbolic numbers
// of two kinds (bit-vectors, sym::Sym; integers with the wraparound spelled
// out, symi::SymInt). Both must mean exactly what the exact numbers mean: on
// constant inputs each template, through each symbolic type, must simplify to
// the very result the verifier computes, and must record no undefined
// behaviour. And the two ways the proofs write the machine must agree.
#include "verifier/interval.hpp"
#include "verifier/operands.hpp"
#include "verifier/z3/rules.hpp"
#include "verifier/z3/sym_int.hpp"

#include <gtest/gtest.h>

#include <array>
#include <random>
#include <string>

using namespace ktal;

namespace {

struct Gen {
    std::mt19937_64 rng{777};
    u64 edge() {
        static const u64 e[] = {0,
                                1,
                                2,
                                7,
                                8,
                                0x7f,
                                0x80,
                                0xff,
                                0x100,
                                0x7fff,
                                0x8000,
                                0xffff,
                                0x7fffffff,
                                0x80000000,
                                0xffffffff,
                                0x100000000ull,
                                1ull << 48,
                                0x7fffffffffffffffull,
                                0x8000000000000000ull,
                                ~0ull,
                                ~0ull - 1,
                                ~0ull - 0xffffffffull};
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
    Value int_value() {
        u64 a = num(), b = num(), c = num(), d = num();
        Value v;
        switch (rng() % 3) {
        case 0: v = Value::constant(static_cast<i64>(a)); break;
        case 1: v = Value::urange(min_of(c, d), max_of(c, d)); break;
        default:
            v = Value::srange(min_of(static_cast<i64>(a), static_cast<i64>(b)),
                              max_of(static_cast<i64>(a), static_cast<i64>(b)));
        }
        return v;
    }
    Value ptr_value(Region r) {
        i64 a = static_cast<i64>(num() % (1ull << 41)) - (1ll << 40),
            b = static_cast<i64>(num() % (1ull << 41)) - (1ll << 40);
        if (rng() % 3 == 0) b = a;
        return Value::ptr(r, min_of(a, b), max_of(a, b));
    }
    u8 width() { return static_cast<u8>(1u << (rng() % 4)); }
};

// Constants of a symbolic domain, and back.
template <class N>
typename N::Val lift(const Value &v) {
    typename N::Val s;
    s.kind = v.kind, s.region = v.region, s.reg = v.reg, s.low = v.low;
    s.smin = typename N::I(v.smin), s.smax = typename N::I(v.smax);
    s.umin = typename N::U(v.umin), s.umax = typename N::U(v.umax);
    return s;
}
u64 number(const z3::expr &e) {
    z3::expr v = e.simplify();
    if (v.is_bool()) return v.is_true();
    if (v.is_int()) {
        std::string s = v.get_decimal_string(0);
        return s[0] == '-' ? static_cast<u64>(std::stoll(s)) : std::stoull(s);
    }
    return v.get_numeral_uint64();
}
u64 bnum(bool b) {
    return b;
}
u64 bnum(const sym::SB &b) {
    return number(b.e);
}
template <class V>
Value lower(const V &s) {
    Value v;
    v.kind = s.kind, v.region = s.region, v.reg = s.reg, v.low = s.low;
    if (s.kind == Kind::Int || s.kind == Kind::Ptr) {
        v.smin = static_cast<i64>(number(s.smin.e)), v.smax = static_cast<i64>(number(s.smax.e));
        if (s.kind == Kind::Int) v.umin = number(s.umin.e), v.umax = number(s.umax.e);
    }
    return v;
}
std::string show(const Value &v) {
    return std::to_string(static_cast<int>(v.kind)) + " {" + std::to_string(v.smin) + "," +
           std::to_string(v.smax) + "," + std::to_string(v.umin) + "," + std::to_string(v.umax) +
           "}";
}
bool same_value(const Value &a, const Value &b) {
    return a.kind == b.kind && a.region == b.region && a.low == b.low && a.smin == b.smin &&
           a.smax == b.smax && (a.kind != Kind::Int || (a.umin == b.umin && a.umax == b.umax));
}

// Runs `f` with N, compares with Exact; Nonlinear (integers only) skips.
struct Checker {
    z3::context c;
    sym::World w{c};
    int compared = 0;
    template <class F>
    void both(const char *what, F &&f) {
        run<sym::Sym>(what, f);
        run<symi::SymInt>(what, f);
    }
    template <class N, class F>
    void run(const char *what, F &&f) {
        sym::Use use(w);
        w.side.clear();
        w.path.clear();
        Value exact, got;
        try {
            exact = f(Exact{}, [](const Value &v) { return v; }, [](const Value &v) { return v; });
            got = f(
                N{}, [](const Value &v) { return lift<N>(v); },
                [](const typename N::Val &v) { return lower(v); });
        } catch (const symi::Nonlinear &) {
            return;
        }
        ++compared;
        ASSERT_TRUE(same_value(exact, got))
            << what << ": exact " << show(exact) << ", symbolic " << show(got);
        for (auto &s : w.side)
            ASSERT_TRUE(s.cond.simplify().is_true())
                << what << ": undefined behaviour on constant inputs: " << s.what;
    }
};

constexpr int kRounds = 400;

TEST(SymbolicDomains, AgreeWithExactNumbers) {
    Gen g;
    Checker ck;
    for (int r = 0; r < kRounds; ++r) {
        Value a = g.rng() % 5 ? g.int_value() : g.ptr_value(Region::Sandbox), b = g.int_value();
        u8 w = g.width();
        Op op = std::array<Op, 7>{
            Op::Add, Op::Sub, Op::And, Op::Or, Op::Xor, Op::Adc, Op::Sbb}[g.rng() % 7];
        Op un = std::array<Op, 4>{Op::Inc, Op::Dec, Op::Neg, Op::Not}[g.rng() % 4];
#define LIFTED(expr_)                                                                              \
    [&](auto n, auto in, auto out) {                                                               \
        using N = decltype(n);                                                                     \
        (void)in;                                                                                  \
        return out(expr_);                                                                         \
    }
        ck.both("alu_bounds", LIFTED((alu_bounds<N>(op, in(a), in(b), w))));
        ck.both("unary_bounds", LIFTED((unary_bounds<N>(un, N::as_int(in(a)), w))));
        ck.both("add64", LIFTED((add64<N>(N::as_int(in(a)), in(b)))));
        ck.both("sub64", LIFTED((sub64<N>(N::as_int(in(a)), in(b)))));
        ck.both("mul_w", LIFTED((mul_w<N>(in(a), in(b), w))));
        ck.both("movsx_bounds", LIFTED((movsx_bounds<N>(in(a), w == 8 ? 4 : w,
                                                        w == 8 ? 8 : static_cast<u8>(2 * w)))));
        ck.both("movsx_bounds (cwde, cdqe)",
                LIFTED((movsx_bounds<N>(in(a), w < 4 ? 2 : w / 2, w < 4 ? 4 : w))));
        ck.both("csext_bounds", LIFTED((csext_bounds<N>(in(a), w))));
        ck.both("low_bytes", LIFTED((low_bytes<N>(in(a), w))));
        bool tz = g.rng() % 2, add = g.rng() % 2, inc = g.rng() % 2, is_div = g.rng() % 2,
             is_mul = g.rng() % 2;
        i64 nsmin = static_cast<i64>(g.num());
        u64 numax = g.num();
        i64 delta = static_cast<i64>(g.num() % 4096);
        ck.both("bitscan_bounds", LIFTED((bitscan_bounds<N>(tz, in(b), w < 4 ? 4 : w))));
        u64 k = g.rng() % (w == 8 ? 64 : 32);
        Op sh = std::array<Op, 3>{Op::Shl, Op::Shr, Op::Sar}[g.rng() % 3];
        bool known = g.rng() % 4;
        ck.both("shift_bounds",
                LIFTED((shift_bounds<N>(sh, in(b), w, typename N::B(known), typename N::U(k)))));
        ck.both("normalize_t", LIFTED(([&] {
                    auto v = in(b);
                    v.smin = typename N::I(nsmin), v.umax = typename N::U(numax);
                    auto ok = N::normalize(v);
                    if (!bnum(ok)) return in(Value::uninit(1)); // (the bounds mean nothing then)
                    return v;
                }())));
        ck.both("join_t", LIFTED((N::join(in(a), in(b)))));
        if (a.kind == Kind::Ptr) {
            Value c = g.ptr_value(Region::Sandbox);
            ck.both("ptr_move", LIFTED(([&] {
                        auto m = ptr_move<N>(add, in(a), in(b), kFar);
                        auto v = m.p;
                        v.low = static_cast<u8>(bnum(m.far));
                        return v;
                    }())));
            ck.both("ptr_step", LIFTED((ptr_step<N>(in(a), inc ? 1 : -1))));
            ck.both("ptr_distance", LIFTED((ptr_distance<N>(in(a), in(c), typename N::I(delta)))));
        }
        u8 cc = static_cast<u8>(g.rng() % 16);
        i64 imm = static_cast<i64>(g.num());
        ck.both("imm_for", LIFTED((imm_for<N>(typename N::I(imm), w, cc))));
        Value x = g.int_value(), y = g.rng() % 4 ? g.int_value() : x;
        bool b_imm = g.rng() % 3 == 0;
        ck.both("relate_values.a", LIFTED(([&] {
                    auto vb = b_imm ? imm_for<N>(typename N::I(imm), w, cc) : in(y);
                    Relation<N> rel = relate_values<N>(in(x), vb, b_imm, cc, w, true,
                                                       typename N::I(0), typename N::I(0));
                    auto v = rel.a;
                    // applies, ok and fact folded into the value compared
                    v.low = static_cast<u8>(bnum(rel.applies) | bnum(rel.ok) << 1 |
                                            bnum(rel.fact) << 2);
                    return v;
                }())));
        ck.both("relate_values.b", LIFTED(([&] {
                    Relation<N> rel = relate_values<N>(in(x), in(y), false, cc, w, true,
                                                       typename N::I(0), typename N::I(0));
                    return rel.b;
                }())));
        i64 fc = static_cast<i64>(g.num() % 64) - 32;
        for (int which = 0; which < 2; ++which)
            ck.both(which ? "tighten_fact.y" : "tighten_fact.x", LIFTED(([&] {
                        auto vx = in(x), vy = in(y);
                        auto ok = tighten_fact<N>(vx, vy, typename N::I(fc));
                        if (!bnum(ok)) return in(Value::uninit(1));
                        return which ? vy : vx;
                    }())));
        Value d = g.int_value(), h = g.rng() % 2 ? Value::constant(0) : g.int_value();
        ck.both("div_bounds", LIFTED(([&] {
                    DivBounds<N> q = div_bounds<N>(is_div, in(x), in(h), in(d), w < 4 ? 4 : w,
                                                   typename N::B(false));
                    u8 fails = static_cast<u8>(bnum(q.zero) | bnum(q.rdx_high) << 1 |
                                               bnum(q.sign) << 2 | bnum(q.min_neg1) << 3);
                    fails = static_cast<u8>(fails & -fails); // the first failure is what counts
                    if (fails) return in(Value::uninit(fails));
                    return q.rax;
                }())));
        ck.both("mul1_bounds", LIFTED(([&] {
                    typename N::Val rax, rdx;
                    mul1_bounds<N>(is_mul, in(x), in(y), w < 4 ? 4 : w, rax, rdx);
                    return rax;
                }())));
#undef LIFTED
        if (HasFatalFailure()) return;
    }
    EXPECT_GT(ck.compared, kRounds * 10);
}

TEST(SymbolicDomains, TheTwoMachinesAgree) {
    std::string diff = rules::self_check(300);
    EXPECT_TRUE(diff.empty()) << diff;
}

} // namespace
