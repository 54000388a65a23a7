#include "verifier/z3/taint.hpp"

namespace ktal::prover {

namespace {

enum : u8 { CF = 1, OF = 2, ZF = 4, SF = 8, PF = 16 };

// Intel SDM vol. 1, appendix B ("EFLAGS condition codes"): the flags each
// condition tests, in encoding order (o, no, b, ae, e, ne, be, a, s, ns, p,
// np, l, ge, le, g).
constexpr u8 kReads[16] = {OF, OF, CF, CF, ZF,      ZF,      CF | ZF,      CF | ZF,
                           SF, SF, PF, PF, SF | OF, SF | OF, ZF | SF | OF, ZF | SF | OF};

} // namespace

FlagData flags_unreadable(z3::context &c) {
    return FlagData{c.bool_val(false), c.bool_val(false), c.bool_val(false)};
}

FlagData flags_readable_all(z3::context &c) {
    return FlagData{c.bool_val(true), c.bool_val(true), c.bool_val(true)};
}

FlagData flags_written(const FlagData &old, const x86::Result &r, const z3::expr &data) {
    auto upd = [&](const z3::expr &def, const z3::expr &was) {
        z3::expr d = def.simplify();
        if (d.is_true()) return data.simplify();
        if (d.is_false()) return was;
        return z3::ite(d, data, was).simplify();
    };
    return FlagData{upd(r.def_cf, old.cf), upd(r.def_of, old.of), upd(r.def_zsp, old.zsp)};
}

z3::expr flags_all(const FlagData &d) {
    return d.cf && d.of && d.zsp;
}

z3::expr flags_readable(const FlagData &d, u8 cc) {
    u8 m = kReads[cc & 15];
    z3::expr ok = d.cf.ctx().bool_val(true);
    if (m & CF) ok = ok && d.cf;
    if (m & OF) ok = ok && d.of;
    if (m & (ZF | SF | PF)) ok = ok && d.zsp;
    return ok.simplify();
}

std::string flags_read(u8 cc) {
    static const char *names[5] = {"CF", "OF", "ZF", "SF", "PF"};
    u8 m = kReads[cc & 15];
    std::string out;
    for (unsigned i = 0; i < 5; ++i)
        if (m & (1u << i)) out += (out.empty() ? "" : ", ") + std::string(names[i]);
    return out;
}

} // namespace ktal::prover
