#include "tal/number.hpp"

namespace ktal {

Value Value::srange(i64 lo, i64 hi) {
    Value v = both(lo, hi, 0, kU64Max);
    normalize(v);
    return v;
}

Value Value::urange(u64 lo, u64 hi) {
    Value v = both(kI64Min, kI64Max, lo, hi);
    normalize(v);
    return v;
}

Value as_int(const Value &v) {
    return v.kind == Kind::Int ? v : Value::top();
}

bool normalize(Value &v) {
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
    switch (r) {
    case Region::Stack: return "stack";
    case Region::Sandbox: return "sandbox";
    case Region::Rodata: return "rodata";
    case Region::None: break;
    }
    return "none";
}

} // namespace ktal
