#include "verifier/z3/sym_int.hpp"

#include <string>

namespace ktal::symi {

namespace {
z3::context &ctx() {
    return sym::world().ctx;
}
z3::expr num(u64 v) {
    return ctx().int_val(std::to_string(v).c_str());
}
z3::expr snum(i64 v) {
    return ctx().int_val(std::to_string(v).c_str());
}
z3::expr two64() {
    return pow2(64);
}
z3::expr two63() {
    return pow2(63);
}
// Exact numbers of terms that are numerals.
bool numeral(const z3::expr &e, u64 &v) {
    z3::expr s = e.simplify();
    if (!s.is_numeral()) return false;
    std::string str = s.get_decimal_string(0);
    if (str.empty() || str[0] == '-') return false;
    v = std::stoull(str);
    return true;
}
z3::expr wrap_u(const z3::expr &x) {
    return z3::mod(x, two64());
} // any integer to [0, 2^64)
z3::expr wrap_s(const z3::expr &x) { // any integer to [-2^63, 2^63)
    z3::expr u = z3::mod(x, two64());
    return z3::ite(u >= two63(), u - two64(), u);
}
z3::expr idiv(const z3::expr &a, const z3::expr &b) {
    return a / b;
} // integer division (floor for b > 0)
bool is_mask(u64 v, unsigned &k) { // v = 2^k - 1
    if (v == ~0ull) return k = 64, true;
    if ((v & (v + 1)) != 0) return false;
    k = 0;
    while ((1ull << k) - 1 != v) ++k;
    return true;
}
bool is_bit(u64 v, unsigned &k) {
    if (v == 0 || (v & (v - 1))) return false;
    k = 0;
    while ((1ull << k) != v) ++k;
    return true;
}
} // namespace

z3::expr product(const z3::expr &a, const z3::expr &b, bool is_signed) {
    if (a.simplify().is_numeral() || b.simplify().is_numeral()) return a * b; // linear
    sym::World &w = sym::world();
    // Factors are named by constants: the axioms stay small however large
    // the terms (normalized bounds are long if-then-else chains).
    auto name = [&](const z3::expr &t) {
        if (t.is_const()) return t;
        for (auto &f : w.factors)
            if (z3::eq(f.first, t)) return f.second;
        z3::expr v = ctx().int_const(("factor." + std::to_string(w.factors.size())).c_str());
        w.factors.push_back({t, v});
        return v;
    };
    return product_of(name(a), name(b), is_signed);
}

z3::expr product_of(const z3::expr &a, const z3::expr &b, bool is_signed) {
    sym::World &w = sym::world();
    for (const sym::World::Product &p : w.products)
        if (z3::eq(p.a, a) && z3::eq(p.b, b)) return p.p;
    z3::expr p = ctx().int_const(("product." + std::to_string(w.products.size())).c_str());
    w.products.push_back(sym::World::Product{a, b, p, is_signed});
    return p;
}

void product_axioms(std::vector<z3::expr> &hyps) {
    sym::World &w = sym::world();
    // Every left factor with every right one, within each group (signed,
    // unsigned): the bridges a chain of monotonicity steps needs
    // (x*y <= a*y <= a*b).
    for (bool sg : {false, true}) {
        std::vector<z3::expr> left, right;
        auto add = [](std::vector<z3::expr> &v, const z3::expr &e) {
            for (const z3::expr &x : v)
                if (z3::eq(x, e)) return;
            v.push_back(e);
        };
        for (const sym::World::Product &p : w.products)
            if (p.is_signed == sg) add(left, p.a), add(right, p.b);
        for (const z3::expr &a : left)
            for (const z3::expr &b : right) product_of(a, b, sg);
    }
    for (auto &f : w.factors) hyps.push_back(f.second == f.first);
    for (size_t i = 0; i < w.products.size(); ++i) {
        const sym::World::Product &p = w.products[i];
        // One sign each: the product's sign.
        hyps.push_back(z3::implies((p.a >= 0 && p.b >= 0) || (p.a <= 0 && p.b <= 0), p.p >= 0));
        hyps.push_back(z3::implies((p.a >= 0 && p.b <= 0) || (p.a <= 0 && p.b >= 0), p.p <= 0));
        hyps.push_back(z3::implies(p.a == 0 || p.b == 0, p.p == 0));
        // Against the widths' bounds: 0 <= b <= K, a >= 0 => a*b <= K*a.
        for (unsigned k : {8u, 16u, 32u, 64u}) {
            if (p.is_signed) break;
            z3::expr K = pow2(k) - 1;
            hyps.push_back(z3::implies(p.a >= 0 && p.b >= 0 && p.b <= K, p.p <= K * p.a));
            hyps.push_back(z3::implies(p.b >= 0 && p.a >= 0 && p.a <= K, p.p <= K * p.b));
        }
        // Sharing a factor u: u*v is monotone in v, increasing for u >= 0,
        // decreasing for u <= 0.
        for (size_t j = i + 1; j < w.products.size(); ++j) {
            const sym::World::Product &q = w.products[j];
            if (p.is_signed != q.is_signed) continue;
            auto mono = [&](const z3::expr &u, const z3::expr &v1, const z3::expr &p1,
                            const z3::expr &v2, const z3::expr &p2) {
                hyps.push_back(z3::implies(v1 <= v2 && u >= 0, p1 <= p2));
                hyps.push_back(z3::implies(v1 <= v2 && u <= 0, p1 >= p2));
                hyps.push_back(z3::implies(v2 <= v1 && u >= 0, p2 <= p1));
                hyps.push_back(z3::implies(v2 <= v1 && u <= 0, p2 >= p1));
            };
            if (z3::eq(p.a, q.a)) mono(p.a, p.b, p.p, q.b, q.p);
            if (z3::eq(p.b, q.b)) mono(p.b, p.a, p.p, q.a, q.p);
        }
    }
}

bool products_exact(const z3::model &m) {
    for (auto &f : sym::world().factors)
        if (!z3::eq(m.eval(f.first, true).simplify(), m.eval(f.second, true).simplify()))
            return false;
    for (const sym::World::Product &p : sym::world().products) {
        z3::expr a = m.eval(p.a, true), b = m.eval(p.b, true), v = m.eval(p.p, true);
        if (!z3::eq((a * b).simplify(), v.simplify())) return false;
    }
    return true;
}

z3::expr pow2(unsigned k) { // 2^k exactly, as a decimal numeral (k up to 127)
    unsigned __int128 v = static_cast<unsigned __int128>(1) << k;
    std::string str;
    while (v) str.insert(str.begin(), static_cast<char>('0' + static_cast<int>(v % 10))), v /= 10;
    return ctx().int_val(str.c_str());
}
z3::expr u64_range(const z3::expr &x) {
    return x >= 0 && x < two64();
}
z3::expr i64_range(const z3::expr &x) {
    return x >= -two63() && x < two63();
}

IU::IU() : e(num(0)) {}
IU::IU(u64 v) : e(num(v)) {}
II::II() : e(num(0)) {}
II::II(i64 v) : e(snum(v)) {}

IU operator+(const IU &a, const IU &b) {
    z3::expr s = a.e + b.e;
    return IU(z3::ite(s >= two64(), s - two64(), s));
}
IU operator-(const IU &a, const IU &b) {
    z3::expr d = a.e - b.e;
    return IU(z3::ite(d < 0, d + two64(), d));
}
IU operator*(const IU &a, const IU &b) {
    return IU(wrap_u(product(a.e, b.e)));
}
IU operator/(const IU &a, const IU &b) {
    u64 k;
    sym::world().require(b.e != 0, "unsigned division by 0");
    if (numeral(b.e, k) && k) return IU(idiv(a.e, num(k)));
    if (sym::world().nonlinear_div) return IU(idiv(a.e, b.e)); // both >= 0: floor is C++'s quotient
    throw Nonlinear("u64 quotient by an unknown");
}
IU operator&(const IU &a, const IU &b) {
    u64 v;
    unsigned k;
    if (numeral(b.e, v) && is_mask(v, k)) return k == 64 ? a : IU(z3::mod(a.e, pow2(k)));
    if (numeral(a.e, v) && is_mask(v, k)) return k == 64 ? b : IU(z3::mod(b.e, pow2(k)));
    throw Nonlinear("u64 and with something other than a mask");
}
IU operator|(const IU &, const IU &) {
    throw Nonlinear("u64 or");
}
IU operator^(const IU &a, const IU &b) {
    u64 v;
    unsigned k;
    const IU *x = &a;
    if (!(numeral(b.e, v) && is_bit(v, k))) {
        if (!(numeral(a.e, v) && is_bit(v, k)))
            throw Nonlinear("u64 xor with something other than one bit");
        x = &b;
    }
    z3::expr bitk = z3::mod(idiv(x->e, pow2(k)), 2);
    return IU(z3::ite(bitk == 0, x->e + pow2(k), x->e - pow2(k)));
}
IU operator~(const IU &a) {
    return IU(two64() - 1 - a.e);
}
IU operator<<(const IU &a, const IU &k) {
    u64 n;
    if (!numeral(k.e, n)) throw Nonlinear("shift by an unknown count");
    sym::world().require(ctx().bool_val(n < 64), "shift by 64 or more");
    return IU(wrap_u(a.e * pow2(static_cast<unsigned>(n & 63))));
}
IU operator>>(const IU &a, const IU &k) {
    u64 n;
    if (!numeral(k.e, n)) throw Nonlinear("shift by an unknown count");
    sym::world().require(ctx().bool_val(n < 64), "shift by 64 or more");
    return IU(idiv(a.e, pow2(static_cast<unsigned>(n & 63))));
}
SB operator==(const IU &a, const IU &b) {
    return SB(a.e == b.e);
}
SB operator!=(const IU &a, const IU &b) {
    return SB(a.e != b.e);
}
SB operator<(const IU &a, const IU &b) {
    return SB(a.e < b.e);
}
SB operator<=(const IU &a, const IU &b) {
    return SB(a.e <= b.e);
}
SB operator>(const IU &a, const IU &b) {
    return SB(a.e > b.e);
}
SB operator>=(const IU &a, const IU &b) {
    return SB(a.e >= b.e);
}

II operator+(const II &a, const II &b) {
    z3::expr s = a.e + b.e;
    sym::world().require(i64_range(s), "signed overflow in +");
    return II(wrap_s(s));
}
II operator-(const II &a, const II &b) {
    z3::expr s = a.e - b.e;
    sym::world().require(i64_range(s), "signed overflow in -");
    return II(wrap_s(s));
}
II operator-(const II &a) {
    sym::world().require(a.e != -two63(), "signed overflow in unary -");
    return II(wrap_s(-a.e));
}
II operator~(const II &a) {
    return II(-a.e - 1);
}
II operator>>(const II &a, const IU &k) {
    u64 n;
    if (!numeral(k.e, n)) throw Nonlinear("shift by an unknown count");
    sym::world().require(ctx().bool_val(n < 64), "shift by 64 or more");
    return II(idiv(a.e, pow2(static_cast<unsigned>(n & 63)))); // floor: an arithmetic shift
}
SB operator==(const II &a, const II &b) {
    return SB(a.e == b.e);
}
SB operator!=(const II &a, const II &b) {
    return SB(a.e != b.e);
}
SB operator<(const II &a, const II &b) {
    return SB(a.e < b.e);
}
SB operator<=(const II &a, const II &b) {
    return SB(a.e <= b.e);
}
SB operator>(const II &a, const II &b) {
    return SB(a.e > b.e);
}
SB operator>=(const II &a, const II &b) {
    return SB(a.e >= b.e);
}

IU sel(const SB &c, const IU &a, const IU &b) {
    return IU(z3::ite(c.e, a.e, b.e));
}
II sel(const SB &c, const II &a, const II &b) {
    return II(z3::ite(c.e, a.e, b.e));
}
IU min_of(const IU &a, const IU &b) {
    return sel(a < b, a, b);
}
IU max_of(const IU &a, const IU &b) {
    return sel(a < b, b, a);
}
II min_of(const II &a, const II &b) {
    return sel(a < b, a, b);
}
II max_of(const II &a, const II &b) {
    return sel(a < b, b, a);
}

IVal sel(const SB &c, const IVal &a, const IVal &b) {
    if (a.kind != b.kind || a.region != b.region || a.reg != b.reg || a.low != b.low)
        throw std::logic_error("symbolic choice between abstract values of different kinds");
    IVal r = a;
    r.smin = sel(c, a.smin, b.smin), r.smax = sel(c, a.smax, b.smax);
    r.umin = sel(c, a.umin, b.umin), r.umax = sel(c, a.umax, b.umax);
    return r;
}

namespace {
IVal both(II slo, II shi, IU ulo, IU uhi) {
    IVal v;
    v.kind = Kind::Int;
    v.smin = slo, v.smax = shi, v.umin = ulo, v.umax = uhi;
    return v;
}
} // namespace

IVal SymInt::top() {
    return both(II(kI64Min), II(kI64Max), IU(0), IU(kU64Max));
}
IVal SymInt::constant(I c) {
    return both(c, c, to_u(c), to_u(c));
}
IVal SymInt::srange(I lo, I hi) {
    IVal v = both(lo, hi, IU(0), IU(kU64Max));
    normalize(v);
    return v;
}
IVal SymInt::urange(U lo, U hi) {
    IVal v = both(II(kI64Min), II(kI64Max), lo, hi);
    normalize(v);
    return v;
}
IVal SymInt::ptr(Region r, I lo, I hi) {
    IVal v;
    v.kind = Kind::Ptr;
    v.region = r;
    v.smin = lo, v.smax = hi;
    return v;
}
IVal SymInt::uninit() {
    return IVal{};
}

II SymInt::to_i(const U &x) {
    return II(z3::ite(x.e >= two63(), x.e - two64(), x.e));
}
IU SymInt::to_u(const I &x) {
    return IU(z3::ite(x.e < 0, x.e + two64(), x.e));
}
SB SymInt::add_ovf(const I &a, const I &b, I &r) {
    z3::expr s = a.e + b.e;
    r = II(wrap_s(s));
    return SB(!i64_range(s));
}
SB SymInt::sub_ovf(const I &a, const I &b, I &r) {
    z3::expr s = a.e - b.e;
    r = II(wrap_s(s));
    return SB(!i64_range(s));
}
SB SymInt::mul_ovf(const I &a, const I &b, I &r) {
    z3::expr s = product(a.e, b.e, true);
    r = II(wrap_s(s));
    return SB(!i64_range(s));
}
SB SymInt::add_ovf(const U &a, const U &b, U &r) {
    z3::expr s = a.e + b.e;
    r = IU(z3::ite(s >= two64(), s - two64(), s));
    return SB(s >= two64());
}
SB SymInt::mul_ovf(const U &a, const U &b, U &r) {
    z3::expr s = product(a.e, b.e);
    r = IU(wrap_u(s));
    return SB(s >= two64());
}

IVal fresh_int(const std::string &name, std::vector<z3::expr> &hyps) {
    z3::context &c = ctx();
    IVal v =
        both(II(c.int_const((name + ".smin").c_str())), II(c.int_const((name + ".smax").c_str())),
             IU(c.int_const((name + ".umin").c_str())), IU(c.int_const((name + ".umax").c_str())));
    hyps.push_back(i64_range(v.smin.e) && i64_range(v.smax.e) && u64_range(v.umin.e) &&
                   u64_range(v.umax.e));
    return v;
}

IVal fresh_ptr(const std::string &name, Region r, std::vector<z3::expr> &hyps) {
    z3::context &c = ctx();
    IVal v = SymInt::ptr(r, II(c.int_const((name + ".lo").c_str())),
                         II(c.int_const((name + ".hi").c_str())));
    hyps.push_back(i64_range(v.smin.e) && i64_range(v.smax.e));
    return v;
}

} // namespace ktal::symi
