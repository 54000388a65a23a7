#include "verifier/z3/sym.hpp"

#include <stdexcept>

namespace ktal::sym {

namespace {
thread_local World *g_world = nullptr;

z3::context &ctx() {
    return world().ctx;
}
z3::expr bv(u64 v) {
    return ctx().bv_val(static_cast<uint64_t>(v), 64);
}

// Overflow tests by widening (exact by construction): does the 64-bit result
// equal the mathematical one?
z3::expr fits_signed(const z3::expr &wide) { // wide: more than 64 bits
    unsigned n = wide.get_sort().bv_size();
    return z3::sext(wide.extract(63, 0), n - 64) == wide;
}
z3::expr fits_unsigned(const z3::expr &wide) {
    unsigned n = wide.get_sort().bv_size();
    return z3::zext(wide.extract(63, 0), n - 64) == wide;
}
z3::expr sadd_ok(const z3::expr &a, const z3::expr &b) {
    return fits_signed(z3::sext(a, 1) + z3::sext(b, 1));
}
z3::expr ssub_ok(const z3::expr &a, const z3::expr &b) {
    return fits_signed(z3::sext(a, 1) - z3::sext(b, 1));
}
z3::expr smul_ok(const z3::expr &a, const z3::expr &b) {
    return fits_signed(z3::sext(a, 64) * z3::sext(b, 64));
}
z3::expr uadd_ok(const z3::expr &a, const z3::expr &b) {
    return fits_unsigned(z3::zext(a, 1) + z3::zext(b, 1));
}
z3::expr umul_ok(const z3::expr &a, const z3::expr &b) {
    return fits_unsigned(z3::zext(a, 64) * z3::zext(b, 64));
}
} // namespace

World &world() {
    if (!g_world) throw std::logic_error("symbolic number made outside a sym::Use scope");
    return *g_world;
}

Use::Use(World &w) : prev_(g_world) {
    g_world = &w;
}
Use::~Use() {
    g_world = prev_;
}

z3::expr World::path_cond() const {
    z3::expr_vector v(ctx);
    for (const z3::expr &p : path) v.push_back(p);
    return v.empty() ? ctx.bool_val(true) : z3::mk_and(v);
}

void World::require(const z3::expr &cond, const char *what) {
    z3::expr c = z3::implies(path_cond(), cond).simplify();
    if (c.is_true()) return;
    side.push_back(Side{c, what});
}

SB::SB() : e(ctx().bool_val(false)) {}
SB::SB(bool b) : e(ctx().bool_val(b)) {}
SU::SU() : e(bv(0)) {}
SU::SU(u64 v) : e(bv(v)) {}
SI::SI() : e(bv(0)) {}
SI::SI(i64 v) : e(bv(static_cast<u64>(v))) {}

SB operator&&(const SB &a, const SB &b) {
    return SB(a.e && b.e);
}
SB operator||(const SB &a, const SB &b) {
    return SB(a.e || b.e);
}
SB operator!(const SB &a) {
    return SB(!a.e);
}

SU operator+(const SU &a, const SU &b) {
    return SU(a.e + b.e);
}
SU operator-(const SU &a, const SU &b) {
    return SU(a.e - b.e);
}
SU operator*(const SU &a, const SU &b) {
    return SU(a.e * b.e);
}
SU operator/(const SU &a, const SU &b) {
    world().require(b.e != bv(0), "unsigned division by 0");
    return SU(z3::udiv(a.e, b.e));
}
SU operator&(const SU &a, const SU &b) {
    return SU(a.e & b.e);
}
SU operator|(const SU &a, const SU &b) {
    return SU(a.e | b.e);
}
SU operator^(const SU &a, const SU &b) {
    return SU(a.e ^ b.e);
}
SU operator~(const SU &a) {
    return SU(~a.e);
}
SU operator<<(const SU &a, const SU &k) {
    world().require(z3::ult(k.e, bv(64)), "shift by 64 or more");
    return SU(z3::shl(a.e, k.e));
}
SU operator>>(const SU &a, const SU &k) {
    world().require(z3::ult(k.e, bv(64)), "shift by 64 or more");
    return SU(z3::lshr(a.e, k.e));
}
SB operator==(const SU &a, const SU &b) {
    return SB(a.e == b.e);
}
SB operator!=(const SU &a, const SU &b) {
    return SB(a.e != b.e);
}
SB operator<(const SU &a, const SU &b) {
    return SB(z3::ult(a.e, b.e));
}
SB operator<=(const SU &a, const SU &b) {
    return SB(z3::ule(a.e, b.e));
}
SB operator>(const SU &a, const SU &b) {
    return SB(z3::ugt(a.e, b.e));
}
SB operator>=(const SU &a, const SU &b) {
    return SB(z3::uge(a.e, b.e));
}

SI operator+(const SI &a, const SI &b) {
    world().require(sadd_ok(a.e, b.e), "signed overflow in +");
    return SI(a.e + b.e);
}
SI operator-(const SI &a, const SI &b) {
    world().require(ssub_ok(a.e, b.e), "signed overflow in -");
    return SI(a.e - b.e);
}
SI operator-(const SI &a) {
    world().require(a.e != bv(1ull << 63), "signed overflow in unary -");
    return SI(-a.e);
}
SI operator~(const SI &a) {
    return SI(~a.e);
}
SI operator>>(const SI &a, const SU &k) {
    world().require(z3::ult(k.e, bv(64)), "shift by 64 or more");
    return SI(z3::ashr(a.e, k.e));
}
SB operator==(const SI &a, const SI &b) {
    return SB(a.e == b.e);
}
SB operator!=(const SI &a, const SI &b) {
    return SB(a.e != b.e);
}
SB operator<(const SI &a, const SI &b) {
    return SB(a.e < b.e);
} // z3++: signed for bit-vectors
SB operator<=(const SI &a, const SI &b) {
    return SB(a.e <= b.e);
}
SB operator>(const SI &a, const SI &b) {
    return SB(a.e > b.e);
}
SB operator>=(const SI &a, const SI &b) {
    return SB(a.e >= b.e);
}

SB sel(const SB &c, const SB &a, const SB &b) {
    return SB(z3::ite(c.e, a.e, b.e));
}
SU sel(const SB &c, const SU &a, const SU &b) {
    return SU(z3::ite(c.e, a.e, b.e));
}
SI sel(const SB &c, const SI &a, const SI &b) {
    return SI(z3::ite(c.e, a.e, b.e));
}
SU min_of(const SU &a, const SU &b) {
    return sel(a < b, a, b);
}
SU max_of(const SU &a, const SU &b) {
    return sel(a < b, b, a);
}
SI min_of(const SI &a, const SI &b) {
    return sel(a < b, a, b);
}
SI max_of(const SI &a, const SI &b) {
    return sel(a < b, b, a);
}

SB SVal::is_top() const {
    if (kind != Kind::Int) return SB(false);
    return smin == SI(kI64Min) && smax == SI(kI64Max) && umin == SU(0) && umax == SU(kU64Max);
}

SVal sel(const SB &c, const SVal &a, const SVal &b) {
    if (a.kind != b.kind || a.region != b.region || a.reg != b.reg || a.low != b.low)
        throw std::logic_error("symbolic choice between abstract values of different kinds");
    SVal r = a;
    r.smin = sel(c, a.smin, b.smin), r.smax = sel(c, a.smax, b.smax);
    r.umin = sel(c, a.umin, b.umin), r.umax = sel(c, a.umax, b.umax);
    return r;
}

Sym::Frame::Frame() : depth(world().path.size()) {}
Sym::Frame::~Frame() {
    World &w = world();
    while (w.path.size() > depth) w.path.pop_back();
}

namespace {
SVal both(SI slo, SI shi, SU ulo, SU uhi) {
    SVal v;
    v.kind = Kind::Int;
    v.smin = slo, v.smax = shi, v.umin = ulo, v.umax = uhi;
    return v;
}
} // namespace

SVal Sym::top() {
    return both(SI(kI64Min), SI(kI64Max), SU(0), SU(kU64Max));
}
SVal Sym::constant(I c) {
    return both(c, c, to_u(c), to_u(c));
}
SVal Sym::srange(I lo, I hi) {
    SVal v = both(lo, hi, SU(0), SU(kU64Max));
    normalize(v);
    return v;
}
SVal Sym::urange(U lo, U hi) {
    SVal v = both(SI(kI64Min), SI(kI64Max), lo, hi);
    normalize(v);
    return v;
}
SVal Sym::ptr(Region r, I lo, I hi) {
    SVal v;
    v.kind = Kind::Ptr;
    v.region = r;
    v.smin = lo, v.smax = hi;
    return v;
}
SVal Sym::uninit() {
    return SVal{};
}

SB Sym::add_ovf(const I &a, const I &b, I &r) {
    r = SI(a.e + b.e);
    return SB(!sadd_ok(a.e, b.e));
}
SB Sym::sub_ovf(const I &a, const I &b, I &r) {
    r = SI(a.e - b.e);
    return SB(!ssub_ok(a.e, b.e));
}
SB Sym::mul_ovf(const I &a, const I &b, I &r) {
    r = SI(a.e * b.e);
    return SB(!smul_ok(a.e, b.e));
}
SB Sym::add_ovf(const U &a, const U &b, U &r) {
    r = SU(a.e + b.e);
    return SB(!uadd_ok(a.e, b.e));
}
SB Sym::mul_ovf(const U &a, const U &b, U &r) {
    r = SU(a.e * b.e);
    return SB(!umul_ok(a.e, b.e));
}

SVal fresh_int(const std::string &name) {
    z3::context &c = ctx();
    return both(
        SI(c.bv_const((name + ".smin").c_str(), 64)), SI(c.bv_const((name + ".smax").c_str(), 64)),
        SU(c.bv_const((name + ".umin").c_str(), 64)), SU(c.bv_const((name + ".umax").c_str(), 64)));
}

SVal fresh_ptr(const std::string &name, Region r) {
    z3::context &c = ctx();
    return Sym::ptr(r, SI(c.bv_const((name + ".lo").c_str(), 64)),
                    SI(c.bv_const((name + ".hi").c_str(), 64)));
}

} // namespace ktal::sym
