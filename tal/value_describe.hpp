// Printing abstract values in the certificate's text syntax.
#pragma once

namespace ktal {

template <usize N>
void describe(const Value &v, Text<N> &out) {
    switch (v.kind) {
    case Kind::Uninit:
        out.add("uninit");
        if (v.low) out.add(':').udec(v.low);
        return;
    case Kind::RetAddr: out.add("retaddr"); return;
    case Kind::Saved: out.add("saved:").add(reg_name(v.reg)); return;
    case Kind::Ptr:
        out.add(region_name(v.region)).add('[').dec(v.smin);
        if (v.smax != v.smin) out.add(',').dec(v.smax);
        out.add(']');
        return;
    case Kind::Int: break;
    }
    if (v.is_top()) {
        out.add("int");
        return;
    }
    Value s = Value::srange(v.smin, v.smax), u = Value::urange(v.umin, v.umax);
    if (s.umin == v.umin && s.umax == v.umax) {
        out.add("int[").dec(v.smin).add(',').dec(v.smax).add(']');
    } else if (u.smin == v.smin && u.smax == v.smax) {
        out.add("u[").udec(v.umin).add(',').udec(v.umax).add(']');
    } else {
        out.add("int[").dec(v.smin).add(',').dec(v.smax).add("]u[");
        out.udec(v.umin).add(',').udec(v.umax).add(']');
    }
}

} // namespace ktal
