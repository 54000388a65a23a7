#include "tal/value.hpp"

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
    if (v.kind == Kind::Ptr) return v.smin <= v.smax;
    if (v.kind != Kind::Int) return true;
    for (int round = 0; round < 2; ++round) {
        if (v.smin > v.smax || v.umin > v.umax) return false;
        // The unsigned range lies on one side of 2^63: it bounds the signed view.
        if (static_cast<i64>(v.umin) <= static_cast<i64>(v.umax)) {
            v.smin = max_of(v.smin, static_cast<i64>(v.umin));
            v.smax = min_of(v.smax, static_cast<i64>(v.umax));
        }
        // The signed range lies on one side of 0: it bounds the unsigned view.
        if (v.smin >= 0 || v.smax < 0) {
            v.umin = max_of(v.umin, static_cast<u64>(v.smin));
            v.umax = min_of(v.umax, static_cast<u64>(v.smax));
        }
    }
    return v.smin <= v.smax && v.umin <= v.umax;
}

bool same(const Value &a, const Value &b) {
    if (a.kind != b.kind) return false;
    switch (a.kind) {
    case Kind::Uninit: return a.low == b.low;
    case Kind::RetAddr: return true;
    case Kind::Saved: return a.reg == b.reg;
    case Kind::Ptr: return a.region == b.region && a.smin == b.smin && a.smax == b.smax;
    case Kind::Int:
        return a.smin == b.smin && a.smax == b.smax && a.umin == b.umin && a.umax == b.umax;
    }
    return false;
}

// Bytes at the bottom of a value that hold written, non-secret data.
static u8 data_bytes(const Value &v) {
    if (v.kind == Kind::Uninit) return v.low;
    return v.is_data() ? 8 : 0;
}

bool entails(const Value &a, const Value &b) {
    switch (b.kind) {
    case Kind::Uninit: return b.low == 0 || data_bytes(a) >= b.low;
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
    if (a.kind == Kind::Uninit || b.kind == Kind::Uninit) {
        u8 low = min_of(data_bytes(a), data_bytes(b)); // below 8: one of them is uninit
        return Value::uninit(low);
    }
    if (a.kind == Kind::Int && b.kind == Kind::Int) {
        Value v = Value::both(min_of(a.smin, b.smin), max_of(a.smax, b.smax),
                              min_of(a.umin, b.umin), max_of(a.umax, b.umax));
        normalize(v);
        return v;
    }
    if (a.kind == Kind::Ptr && b.kind == Kind::Ptr && a.region == b.region)
        return Value::ptr(a.region, min_of(a.smin, b.smin), max_of(a.smax, b.smax));
    if (a.is_data() && b.is_data()) return Value::top();
    if (a.kind == Kind::RetAddr && b.kind == Kind::RetAddr) return a;
    if (a.kind == Kind::Saved && b.kind == Kind::Saved && a.reg == b.reg) return a;
    // Different kinds of secret or a stack pointer against anything else: unusable.
    return Value::uninit();
}

Value widen(const Value &older, const Value &newer) {
    Value j = join(older, newer);
    if (j.kind == Kind::Int && older.kind == Kind::Int) {
        if (j.smin < older.smin) j.smin = kI64Min;
        if (j.smax > older.smax) j.smax = kI64Max;
        if (j.umin < older.umin) j.umin = 0;
        if (j.umax > older.umax) j.umax = kU64Max;
        normalize(j);
    } else if (j.kind == Kind::Ptr && older.kind == Kind::Ptr) {
        if (j.smin < older.smin) j.smin = kI64Min / 4;
        if (j.smax > older.smax) j.smax = kI64Max / 4;
    }
    return j;
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
