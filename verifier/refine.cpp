// Branch refinement: on each edge of a conditional branch (and inside cmov),
// what the flags say about the compared locations narrows their bounds. A
// refinement is only applied where the compared width shows the whole 64-bit
// value (unsigned: it fits in w bytes; signed: it is a sign-extended w-byte
// number), so a 32-bit compare never narrows bits it did not see.
//
// The relations themselves (which bounds a comparison narrows, which facts it
// keeps) are templates in interval.hpp, so that `ktal prove --rules` proves
// this very code sound; this file applies them to the state.
#include "verifier/refine.hpp"

#include "verifier/interval.hpp"
#include "verifier/operands.hpp"

namespace ktal {
namespace {

bool relate(State &s, const Loc &la, const Loc &lb, i64 imm, bool b_imm, u8 cc, u8 w,
            const Layout &l) {
    Value va = loc_value(s, la), vb = b_imm ? imm_for<Exact>(imm, w, cc) : loc_value(s, lb);
    i64 lo, hi;
    place_bounds(va.region, l, lo, hi);
    Relation<Exact> r = relate_values<Exact>(va, vb, b_imm, cc, w,
                                             la.kind == Loc::Reg && lb.kind == Loc::Reg, lo, hi);
    if (!r.applies) return true;
    if (!r.ok) return false;
    loc_set(s, la, r.a);
    if (!b_imm) loc_set(s, lb, r.b);
    // Between two int registers at full width, the relation itself is kept.
    if (r.fact) state_add_fact(s, r.x_is_a ? Fact{la, lb, r.c} : Fact{lb, la, r.c});
    return true;
}

// x <= y + c narrows x from above and y from below.
bool tighten_by_facts(State &s) {
    for (u8 i = 0; i < s.nfacts; ++i) {
        const Fact &f = s.fact[i];
        Value x = loc_value(s, f.x), y = loc_value(s, f.y);
        if (x.kind != Kind::Int || y.kind != Kind::Int) continue;
        if (!tighten_fact<Exact>(x, y, f.c)) return false;
        // x <= y and y <= x: one value, so the unsigned bounds (which a
        // signed fact says nothing about) carry over too.
        for (u8 j = 0; j < s.nfacts; ++j)
            if (s.fact[j].x == f.y && s.fact[j].y == f.x && f.c == 0 && s.fact[j].c == 0) {
                x.umin = y.umin = max_of(x.umin, y.umin);
                x.umax = y.umax = min_of(x.umax, y.umax);
                if (!normalize(x) || !normalize(y)) return false;
            }
        loc_set(s, f.x, x);
        loc_set(s, f.y, y);
    }
    return true;
}

} // namespace

bool refine(State &s, u8 cc, const Layout &l) {
    const Flags f = s.flags;
    bool ok = true;
    if (f.kind == Flags::Scan) { // ZF = 0: the scan found a bit, its index is in a
        if (cc == CNE) loc_set(s, f.a, Value::urange(0, 8u * f.width - 1));
        return true;
    }
    if (f.kind == Flags::Cmp) {
        if (!cmp_refines<Exact>(cc, f.b_is_imm, f.imm)) return tighten_by_facts(s);
        ok = relate(s, f.a, f.b, f.imm, f.b_is_imm, cc, f.width, l);
    } else if ((f.kind == Flags::Test && f.b_is_imm == false && f.a == f.b) ||
               f.kind == Flags::Result) {
        // The value against zero: ZF and SF only (test also clears CF and OF).
        u8 c;
        ZeroTest z = zero_test(f.kind == Flags::Test, cc, c);
        if (z == ZeroTest::Never) return false;
        if (z == ZeroTest::Nothing) return true;
        ok = relate(s, f.a, Loc{}, 0, true, c, f.width, l);
    }
    return ok && tighten_by_facts(s);
}

} // namespace ktal
