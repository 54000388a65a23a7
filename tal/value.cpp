#include "tal/number.hpp"

namespace ktal {

// srange and urange build most values of a run: what normalize would make
// of a non-empty range is written out (value_test checks it against normalize).
Value Value::srange(i64 lo, i64 hi) {
    if (lo <= hi)
        return lo >= 0 || hi < 0 ? both(lo, hi, static_cast<u64>(lo), static_cast<u64>(hi))
                                 : both(lo, hi, 0, kU64Max);
    Value v = both(lo, hi, 0, kU64Max);
    normalize(v);
    return v;
}

Value Value::urange(u64 lo, u64 hi) {
    if (lo <= hi && static_cast<i64>(lo) <= static_cast<i64>(hi))
        return both(static_cast<i64>(lo), static_cast<i64>(hi), lo, hi);
    Value v = both(kI64Min, kI64Max, lo, hi);
    normalize(v);
    return v;
}

bool normalize(Value &v) {
    // Most values are normalized already: when neither view tightens the
    // other, normalize_t would change nothing (its first round is a no-op,
    // so is its second), and the test costs a fraction of its two rounds.
    if (v.kind == Kind::Int && v.smin <= v.smax && v.umin <= v.umax) {
        bool one_side = static_cast<i64>(v.umin) <= static_cast<i64>(v.umax);
        bool one_sign = v.smin >= 0 || v.smax < 0;
        if ((!one_side ||
             (v.smin >= static_cast<i64>(v.umin) && v.smax <= static_cast<i64>(v.umax))) &&
            (!one_sign ||
             (v.umin >= static_cast<u64>(v.smin) && v.umax <= static_cast<u64>(v.smax))))
            return true;
    }
    return normalize_t<Exact>(v);
}

bool entails(const Value &a, const Value &b) {
    switch (b.kind) {
    case Kind::Uninit: return b.low == 0 || data_low(a) >= b.low;
    case Kind::RetAddr: return a.kind == Kind::RetAddr;
    case Kind::Saved: return a.kind == Kind::Saved && a.reg == b.reg;
    case Kind::Ptr:
        return a.kind == Kind::Ptr && a.region == b.region && a.smin >= b.smin && a.smax <= b.smax;
    case Kind::Int:
        if (a.kind == Kind::Ptr) return a.region != Region::Stack && b.is_top();
        return a.kind == Kind::Int && a.smin >= b.smin && a.smax <= b.smax && a.umin >= b.umin &&
               a.umax <= b.umax;
    }
    return false;
}

Value join(const Value &a, const Value &b) {
    return join_t<Exact>(a, b);
}

const char *region_name(Region r) {
    static const char *const names[] = {"none", "stack", "sandbox", "rodata"}; // Region's order
    return r <= Region::Rodata ? names[static_cast<u8>(r)] : "none";
}

} // namespace ktal
