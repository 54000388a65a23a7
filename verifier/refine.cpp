// Branch refinement: on each edge of a conditional branch (and inside cmov),
// what the flags say about the compared locations narrows their bounds. A
// refinement is only applied where the compared width shows the whole 64-bit
// value (unsigned: it fits in w bytes; signed: it is a sign-extended w-byte
// number), so a 32-bit compare never narrows bits it did not see.
#include "verifier/refine.hpp"

#include "verifier/interval.hpp"
#include "verifier/operands.hpp"

namespace ktal {
namespace {

bool is_unsigned(u8 cc) { return cc == CB || cc == CAE || cc == CBE || cc == CA; }

// Does the w-byte view of v equal v itself, for this kind of comparison?
bool view_exact(const Value &v, u8 w, bool uns) {
    if (w >= 8 || v.kind != Kind::Int) return true;
    if (uns) return v.umax <= width_mask(w);
    i64 half = static_cast<i64>(1) << (8 * w - 1);
    return v.smin >= -half && v.smax < half;
}

// a cc b on two int values; false if impossible.
bool relate_ints(Value &a, Value &b, u8 cc) {
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
    case CA: return relate_ints(b, a, CB);
    case CAE: return relate_ints(b, a, CBE);
    case CL:
        if (b.smax == kI64Min || a.smin == kI64Max) return false;
        a.smax = min_of(a.smax, b.smax - 1), b.smin = max_of(b.smin, a.smin + 1);
        break;
    case CLE: a.smax = min_of(a.smax, b.smax), b.smin = max_of(b.smin, a.smin); break;
    case CG: return relate_ints(b, a, CL);
    case CGE: return relate_ints(b, a, CLE);
    case CS: // a < 0 (b is zero here)
        return relate_ints(a, b, CL);
    case CNS: return relate_ints(b, a, CLE);
    default: return true; // overflow and parity: nothing to learn
    }
    return normalize(a) && normalize(b);
}

// Pointers into one region compare like their offsets while both stay where
// memory is mapped and contiguous: inside the image (whose end never wraps
// around the address space), or inside the frame. Anything else, not refined.
bool in_place(const Value &p, const Layout &l) {
    i64 lo, hi;
    if (p.region == Region::Stack) lo = -static_cast<i64>(kMaxFrame), hi = 8;
    else {
        i64 base = static_cast<i64>(p.region == Region::Sandbox ? l.sandbox_off : l.rodata_off);
        lo = -base, hi = static_cast<i64>(l.image_size) - base;
    }
    return p.smin >= lo && p.smax <= hi;
}

bool comparable(const Value &a, const Value &b, const Layout &l) {
    if (a.kind == Kind::Int && b.kind == Kind::Int) return true;
    return a.kind == Kind::Ptr && b.kind == Kind::Ptr && a.region == b.region && in_place(a, l) && in_place(b, l);
}

Value offsets(const Value &p) { return p.kind == Kind::Ptr ? Value::srange(p.smin, p.smax) : p; }
Value back(const Value &orig, const Value &v) {
    return orig.kind == Kind::Ptr ? Value::ptr(orig.region, v.smin, v.smax) : v;
}

// An immediate as the comparison sees it: zero-extended from w bytes for
// unsigned and equality tests, sign-extended for signed ones.
Value imm_for(i64 imm, u8 w, u8 cc) {
    if (w >= 8) return Value::constant(imm);
    u64 m = width_mask(w), v = static_cast<u64>(imm) & m;
    if (is_unsigned(cc) || cc == CE || cc == CNE) return Value::constant(static_cast<i64>(v));
    u64 sign = 1ull << (8 * w - 1);
    return Value::constant(static_cast<i64>((v ^ sign) - sign));
}

bool relate(State &s, const Loc &la, const Loc &lb, i64 imm, bool b_imm, u8 cc, u8 w, const Layout &l) {
    Value va = loc_value(s, la), vb = b_imm ? imm_for(imm, w, cc) : loc_value(s, lb);
    if (!comparable(va, vb, l) || !view_exact(va, w, is_unsigned(cc)) || !view_exact(vb, w, is_unsigned(cc)))
        return true;
    Value a = offsets(va), b = offsets(vb);
    if (!relate_ints(a, b, cc)) return false;
    loc_set(s, la, back(va, a));
    if (!b_imm) loc_set(s, lb, back(vb, b));
    // Between two int registers at full width, the relation itself is kept.
    if (!b_imm && w == 8 && va.kind == Kind::Int && la.kind == Loc::Reg && lb.kind == Loc::Reg) {
        bool nonneg = a.smin >= 0 && b.smin >= 0;
        switch (cc) {
        case CL: state_add_fact(s, Fact{la, lb, -1}); break;
        case CLE: state_add_fact(s, Fact{la, lb, 0}); break;
        case CG: state_add_fact(s, Fact{lb, la, -1}); break;
        case CGE: state_add_fact(s, Fact{lb, la, 0}); break;
        case CB: if (nonneg) state_add_fact(s, Fact{la, lb, -1}); break;
        case CBE: if (nonneg) state_add_fact(s, Fact{la, lb, 0}); break;
        case CA: if (nonneg) state_add_fact(s, Fact{lb, la, -1}); break;
        case CAE: if (nonneg) state_add_fact(s, Fact{lb, la, 0}); break;
        default: break;
        }
    }
    return true;
}

// x <= y + c narrows x from above and y from below.
bool tighten_by_facts(State &s) {
    for (u8 i = 0; i < s.nfacts; ++i) {
        const Fact &f = s.fact[i];
        Value x = loc_value(s, f.x), y = loc_value(s, f.y);
        if (x.kind != Kind::Int || y.kind != Kind::Int) continue;
        i64 t;
        if (!__builtin_add_overflow(y.smax, f.c, &t) && t < x.smax) x.smax = t;
        if (!__builtin_sub_overflow(x.smin, f.c, &t) && t > y.smin) y.smin = t;
        if (!normalize(x) || !normalize(y)) return false;
        loc_set(s, f.x, x);
        loc_set(s, f.y, y);
    }
    return true;
}

} // namespace

bool refine(State &s, u8 cc, const Layout &l) {
    const Flags f = s.flags;
    bool ok = true;
    if (f.kind == Flags::Cmp) {
        // SF is the sign of a - b, which is "a < b" only when nothing
        // overflows: for js/jns learn something only from cmp a, 0.
        bool sign = cc == CS || cc == CNS;
        if (sign && !(f.b_is_imm && f.imm == 0)) return tighten_by_facts(s);
        ok = relate(s, f.a, f.b, f.imm, f.b_is_imm, cc, f.width, l);
    } else if ((f.kind == Flags::Test && f.b_is_imm == false && f.a == f.b) || f.kind == Flags::Result) {
        // The value against zero: ZF and SF only (test also clears CF and OF).
        u8 c = cc;
        if (f.kind == Flags::Test) {
            if (cc == CB) return false; // CF = 0 after test
            if (cc == CAE) return true;
            if (cc == CBE) c = CE;
            if (cc == CA) c = CNE;
            if (cc == CL) c = CS;
            if (cc == CGE) c = CNS;
        } else if (cc != CE && cc != CNE && cc != CS && cc != CNS) {
            return true;
        }
        ok = relate(s, f.a, Loc{}, 0, true, c, f.width, l);
    }
    return ok && tighten_by_facts(s);
}

} // namespace ktal
