// The catalogue's data rules: every form of transfer.cpp (and the operand
// model's reads and writes) against the bit-vector semantics of the
// instruction, per kind of abstract input.
#include "verifier/operands.hpp"
#include "verifier/z3/mirror.hpp"
#include "verifier/z3/proof.hpp"

namespace ktal::rules {
namespace {

template <class D>
void alu_rule(Proof &p, Op op, u8 w, Kind ka, Kind kb) {
    Input<D> a = input<D>(p, "a", ka), b = input<D>(p, "b", kb);
    expr cin = p.c.bool_const("carry");
    typename D::Val r = alu_bounds<typename D::N>(op, a.v, b.v, w);
    expr x = D::low(a.x, w), y = D::low(b.x, w), res(p.c);
    switch (op) {
    case Op::Add: res = D::add(x, y, p.c.bool_val(false), w); break;
    case Op::Adc: res = D::add(x, y, cin, w); break;
    case Op::Sub: res = D::sub(x, y, p.c.bool_val(false), w); break;
    case Op::Sbb: res = D::sub(x, y, cin, w); break;
    case Op::And: res = x86::logic('&', x, y).r; break; // (bit-vectors only)
    case Op::Or: res = x86::logic('|', x, y).r; break;
    default: res = x86::logic('^', x, y).r; break;
    }
    res = D::zx(res, w);
    p.show.push_back({"result (concrete)", res});
    p.value("rule", r);
    p.goal = D::gamma(r, res, a.base);
    p.claim = std::string("x in gamma(a), y in gamma(b) => ") + op_name(op) + wname(w) +
              "(x, y) in gamma(rule(a, b))";
}

void add_alu(std::vector<Def> &defs) {
    const Op ops[] = {Op::Add, Op::Sub, Op::And, Op::Or, Op::Xor, Op::Adc, Op::Sbb};
    const Kind kinds[][2] = {
        {Kind::Int, Kind::Int}, {Kind::Ptr, Kind::Int}, {Kind::Int, Kind::Ptr}};
    for (Op op : ops)
        for (u8 w : {1, 2, 4, 8})
            for (auto &k : kinds) {
                bool ptr_rule = w == 8 && (op == Op::Add || op == Op::Sub) &&
                                (k[0] == Kind::Ptr || (op == Op::Add && k[1] == Kind::Ptr));
                if (ptr_rule) continue; // the pointer rules below
                Kind ka = k[0], kb = k[1];
                std::string name =
                    std::string(op_name(op)) + wname(w) + " " + kind_name(ka) + "," + kind_name(kb);
                bool linear = op == Op::Add || op == Op::Sub || op == Op::Adc || op == Op::Sbb;
                defs.push_back({name, [=](Proof &p) { alu_rule<Bv>(p, op, w, ka, kb); },
                                linear ? std::function<void(Proof &)>(
                                             [=](Proof &p) { alu_rule<Lin>(p, op, w, ka, kb); })
                                       : nullptr});
            }
}

template <class D>
void ptr_move_rule(Proof &p, bool add, Region rg) {
    Input<D> a = input<D>(p, "a", Kind::Ptr, rg), b = input<D>(p, "b", Kind::Int);
    PtrMove<typename D::N> m = ptr_move<typename D::N>(add, a.v, D::N::as_int(b.v), kFar);
    expr res = add ? D::add64(a.x, b.x) : D::sub64(a.x, b.x);
    p.value("rule", m.p);
    p.show.push_back({"result (concrete)", res});
    p.goal = m.far.e || D::gamma(m.p, res, a.base);
    p.claim =
        "the result is a pointer at the new offsets, unless marked far (then an int, or unusable)";
}
template <class D>
void ptr_step_rule(Proof &p, bool inc, Region rg) {
    Input<D> a = input<D>(p, "a", Kind::Ptr, rg);
    // the verifier keeps a far pointer as it is: ptr_step sees the others
    using I = typename D::I;
    p.hyps.push_back((a.v.smin > I(-kFar) && a.v.smax < I(kFar)).e);
    typename D::Val r = ptr_step<typename D::N>(a.v, inc ? 1 : -1);
    expr res = inc ? D::add64(a.x, D::k(p, 1)) : D::sub64(a.x, D::k(p, 1));
    p.value("rule", r);
    p.goal = D::gamma(r, res, a.base);
    p.claim = "x in gamma(p) => x +- 1 in gamma(ptr_step(p))";
}
template <class D>
void ptr_distance_rule(Proof &p, bool one_region) {
    Input<D> a = input<D>(p, "a", Kind::Ptr, Region::Sandbox),
             b = input<D>(p, "b", Kind::Ptr, one_region ? Region::Sandbox : Region::Rodata);
    typename D::I delta(0);
    if (one_region) {
        p.hyps.push_back(a.base == b.base);
    } else { // the regions' bases are a layout's distance apart (offsets below 2^40)
        expr so = D::var(p, "sandbox_off"), ro = D::var(p, "rodata_off");
        p.hyps.push_back(D::ule(so, D::k(p, 1ull << 40)) && D::ule(ro, D::k(p, 1ull << 40)));
        p.hyps.push_back(D::sub64(a.base, b.base) == D::sub64(so, ro));
        delta = D::as_i(
            D::sub64(so, ro)); // an i64 the verifier computes from the layout: symbolic here
    }
    typename D::Val r = ptr_distance<typename D::N>(a.v, b.v, delta);
    expr res = D::sub64(a.x, b.x);
    p.value("rule", r);
    p.show.push_back({"result (concrete)", res});
    p.goal = D::gamma(r, res, a.base);
    p.claim = "x - y in gamma(ptr_distance(a, b, bases' distance))";
}

void add_pointer(std::vector<Def> &defs) {
    for (Region rg : {Region::Sandbox, Region::Stack}) {
        std::string rn = rg == Region::Stack ? "stack" : "sandbox";
        for (bool add : {true, false})
            defs.push_back({std::string(add ? "add" : "sub") + "/64 ptr(" + rn + ")" +
                                (add ? "+" : "-") + "int",
                            [=](Proof &p) { ptr_move_rule<Bv>(p, add, rg); },
                            [=](Proof &p) { ptr_move_rule<Lin>(p, add, rg); }});
        for (bool inc : {true, false})
            defs.push_back({std::string(inc ? "inc" : "dec") + "/64 ptr(" + rn + ")",
                            [=](Proof &p) { ptr_step_rule<Bv>(p, inc, rg); },
                            [=](Proof &p) { ptr_step_rule<Lin>(p, inc, rg); }});
    }
    for (bool one : {true, false})
        defs.push_back({one ? "sub/64 ptr-ptr (one region)" : "sub/64 ptr-ptr (sandbox-rodata)",
                        [=](Proof &p) { ptr_distance_rule<Bv>(p, one); },
                        [=](Proof &p) { ptr_distance_rule<Lin>(p, one); }});
}

template <class D>
void unary_rule(Proof &p, Op op, u8 w, Kind k) {
    Input<D> a = input<D>(p, "a", k);
    typename D::Val r = unary_bounds<typename D::N>(op, D::N::as_int(a.v), w);
    expr x = D::low(a.x, w);
    z3::context &c = p.c;
    expr res = op == Op::Not   ? D::bnot(x, w)
               : op == Op::Neg ? D::neg(x, w)
               : op == Op::Inc ? D::add(x, D::low(D::k(p, 1), w), c.bool_val(false), w)
                               : D::sub(x, D::low(D::k(p, 1), w), c.bool_val(false), w);
    res = D::zx(res, w);
    p.value("rule", r);
    p.show.push_back({"result (concrete)", res});
    p.goal = D::gamma(r, res, a.base);
    p.claim = std::string(op_name(op)) + wname(w) + "(x) in gamma(rule(a))";
}

void add_unary(std::vector<Def> &defs) {
    for (Op op : {Op::Inc, Op::Dec, Op::Neg, Op::Not})
        for (u8 w : {1, 2, 4, 8})
            for (Kind k : {Kind::Int, Kind::Ptr})
                defs.push_back({std::string(op_name(op)) + wname(w) + " " + kind_name(k),
                                [=](Proof &p) { unary_rule<Bv>(p, op, w, k); },
                                [=](Proof &p) { unary_rule<Lin>(p, op, w, k); }});
}

using B = Bv;
using SVal = sym::SVal;

// Products are proved in integer arithmetic: each product of two unknowns is
// an atom, with the facts of multiplication (sign, monotonicity: the lemma
// rules below) as axioms, so that Z3 solves a linear problem; bit-blasting a
// 64-bit multiplier is out of its reach.

// The signed product sx * sy of two w-byte numbers given unsigned (x, y), as
// the unsigned product's atom and linear corrections (sx = x - 2^n [x < 0]).
expr signed_product(Proof &p, const expr &x, const expr &y, u8 w, const std::string &name) {
    expr n2 = Lin::p2(w), half = symi::pow2(8 * w - 1);
    expr sx = p.c.int_const((name + ".sx").c_str()), sy = p.c.int_const((name + ".sy").c_str());
    p.hyps.push_back(sx == Lin::sview(x, w) && sy == Lin::sview(y, w));
    expr ps = symi::product(sx, sy, true), pu = symi::product(x, y);
    expr zero = p.c.int_val(0);
    p.hyps.push_back(ps == pu - z3::ite(x >= half, n2 * y, zero) -
                               z3::ite(y >= half, n2 * x, zero) +
                               z3::ite(x >= half && y >= half, n2 * n2, zero));
    return ps;
}

// imul r, r/m (and r, r/m, imm): the low w bytes of the product.
void imul_rule(Proof &p, u8 w) {
    Input<Lin> a = input<Lin>(p, "a", Kind::Int), b = input<Lin>(p, "b", Kind::Int);
    Lin::Val r = mul_w<Lin::N>(a.v, b.v, w);
    expr x = Lin::low(a.x, w), y = Lin::low(b.x, w);
    expr res = z3::mod(symi::product(x, y), Lin::p2(w));
    p.value("rule", r);
    p.show.push_back({"result (concrete)", res});
    p.goal = Lin::gamma(r, res, a.base);
    p.claim = "the low bytes of x * y in gamma(mul_w(a, b))";
}

// imul at 8 bytes is mul64: signed bounds from the corners, unsigned ones
// from the ends, then normalize (proved on its own, for any bounds). The
// result's signed view is sx * sy wrapped, its unsigned one x * y wrapped
// (the same low 64 bits: the lemma), each proved in a rule of its own.
void imul64_rule(Proof &p, bool signed_part) {
    Input<Lin> a = input<Lin>(p, "a", Kind::Int), b = input<Lin>(p, "b", Kind::Int);
    Lin::Val r = mul64_bounds<Lin::N>(a.v, b.v);
    p.value("rule", r);
    expr two64 = symi::pow2(64);
    if (signed_part) {
        expr ps = signed_product(p, a.x, b.x, 8, "xy");
        expr s = z3::ite(symi::i64_range(ps), ps, Lin::sview(z3::mod(ps, two64), 8));
        p.show.push_back({"sx * sy wrapped (concrete)", s});
        p.goal = r.smin.e <= s && s <= r.smax.e;
        p.claim = "sx * sy, wrapped to 64 bits, within mul64_bounds(a, b)'s signed bounds";
    } else {
        expr pu = symi::product(a.x, b.x);
        expr u = z3::ite(pu < two64, pu, z3::mod(pu, two64));
        p.show.push_back({"x * y wrapped (concrete)", u});
        p.goal = r.umin.e <= u && u <= r.umax.e;
        p.claim = "x * y, wrapped to 64 bits, within mul64_bounds(a, b)'s unsigned bounds";
    }
}

// Reading the factors signed or unsigned changes the product by a multiple of
// 2^64: its low 64 bits are the same (sx = x - 2^64 [x >= 2^63]).
void low_product_lemma(Proof &p) {
    p.w.nonlinear_div = true;
    expr x = Lin::var(p, "x"), y = Lin::var(p, "y"), two64 = symi::pow2(64);
    expr sx = Lin::sview(x, 8), sy = Lin::sview(y, 8);
    p.goal = z3::mod(x * y, two64) == z3::mod(sx * sy, two64);
    p.claim = "x * y and sx * sy have the same low 64 bits (sx, sy: x, y read signed)";
}

// mul/imul r/m: rdx:rax = rax * src.
void mul1_rule(Proof &p, bool is_mul, u8 w) {
    Input<Lin> a = input<Lin>(p, "rax", Kind::Int), b = input<Lin>(p, "src", Kind::Int);
    Lin::Val rax, rdx;
    mul1_bounds<Lin::N>(is_mul, a.v, b.v, w, rax, rdx);
    expr x = Lin::low(a.x, w), y = Lin::low(b.x, w), n2 = Lin::p2(w);
    expr prod = is_mul ? symi::product(x, y) : signed_product(p, x, y, w, "xy");
    if (!is_mul) { // both factors non-negative (the rule's exact case), or not
        expr half = symi::pow2(8 * w - 1);
        p.cases = {x < half && y < half, x >= half || y >= half};
    }
    expr lo = z3::mod(prod, n2),
         hi = z3::mod(prod / n2, n2); // floor: the high half in two's complement
    p.value("rule.rax", rax), p.value("rule.rdx", rdx);
    p.show.push_back({"rax (concrete)", lo}), p.show.push_back({"rdx (concrete)", hi});
    p.goal = Lin::gamma(rax, lo, a.base) && Lin::gamma(rdx, hi, a.base);
    p.claim = "rdx:rax = rax * src: both halves in gamma(rule)";
}

// mul/imul r/m8: ax = al * src, the whole product in 16 bits.
void mul8_rule(Proof &p, bool is_mul) {
    Input<Lin> a = input<Lin>(p, "rax", Kind::Int), b = input<Lin>(p, "src", Kind::Int);
    Lin::Val ax = mul8_bounds<Lin::N>(is_mul, a.v, b.v);
    expr x = Lin::low(a.x, 1), y = Lin::low(b.x, 1);
    expr prod = is_mul ? symi::product(x, y) : signed_product(p, x, y, 1, "xy");
    if (!is_mul) p.cases = {x < 0x80 && y < 0x80, x >= 0x80 || y >= 0x80};
    expr res = z3::mod(prod, Lin::p2(2));
    p.value("rule.ax", ax);
    p.show.push_back({"ax (concrete)", res});
    p.goal = Lin::gamma(ax, res, a.base);
    p.claim = "ax = al * src (16 bits) in gamma(rule)";
}

// The lemmas behind the product axioms, in nonlinear integer arithmetic.
void product_lemma(Proof &p, bool mono) {
    expr x = p.c.int_const("x"), y = p.c.int_const("y"), u = p.c.int_const("u");
    if (mono) {
        p.hyps.push_back(x <= y);
        p.goal = z3::implies(u >= 0, x * u <= y * u) && z3::implies(u <= 0, x * u >= y * u);
        p.claim = "x <= y => x*u <= y*u for u >= 0, x*u >= y*u for u <= 0 (all integers)";
    } else {
        p.goal = z3::implies((x >= 0 && y >= 0) || (x <= 0 && y <= 0), x * y >= 0) &&
                 z3::implies((x >= 0 && y <= 0) || (x <= 0 && y >= 0), x * y <= 0) &&
                 z3::implies(x == 0 || y == 0, x * y == 0);
        p.claim = "the sign of x*y from the signs of x and y (all integers)";
    }
}

void add_multiply(std::vector<Def> &defs) {
    defs.push_back({"lemma: product monotone", nullptr, [](Proof &p) { product_lemma(p, true); }});
    defs.push_back({"lemma: product sign", nullptr, [](Proof &p) { product_lemma(p, false); }});
    defs.push_back(
        {"lemma: low 64 bits of a product", nullptr, [](Proof &p) { low_product_lemma(p); }});
    for (u8 w : {2, 4})
        defs.push_back(
            {"imul" + wname(w) + " int,int", nullptr, [w](Proof &p) { imul_rule(p, w); }});
    for (bool sg : {true, false})
        defs.push_back({std::string("imul/64 int,int: ") + (sg ? "signed" : "unsigned") + " bounds",
                        nullptr, [sg](Proof &p) { imul64_rule(p, sg); }});
    for (bool is_mul : {true, false})
        defs.push_back({std::string(is_mul ? "mul" : "imul1") + wname(1) + " int,int", nullptr,
                        [is_mul](Proof &p) { mul8_rule(p, is_mul); }});
    for (bool is_mul : {true, false})
        for (u8 w : {4, 8})
            defs.push_back({std::string(is_mul ? "mul" : "imul1") + wname(w) + " int,int", nullptr,
                            [is_mul, w](Proof &p) { mul1_rule(p, is_mul, w); }});
}

template <class D>
void add_sub64_rule(Proof &p, bool add) {
    Input<D> a = input<D>(p, "a", Kind::Int), b = input<D>(p, "b", Kind::Int);
    typename D::Val r = add ? add64<typename D::N>(a.v, b.v) : sub64<typename D::N>(a.v, b.v);
    expr res = add ? D::add64(a.x, b.x) : D::sub64(a.x, b.x);
    p.value("rule", r);
    p.goal = D::gamma(r, res, a.base);
    p.claim = "64-bit x +- y in gamma(rule(a, b)) (addresses, lea)";
}

// div: unsigned, in integer arithmetic with Z3's (nonlinear) division, where
// monotonicity of the quotient is quick to prove.
void div_rule(Proof &p, u8 w) {
    p.w.nonlinear_div = true;
    Input<Lin> a = input<Lin>(p, "rax", Kind::Int), h = input<Lin>(p, "rdx", Kind::Int),
               d = input<Lin>(p, "divisor", Kind::Int);
    DivBounds<Lin::N> o = div_bounds<Lin::N>(true, a.v, h.v, d.v, w, SB(false));
    expr accepted = !o.zero.e && !o.rdx_high.e;
    expr lo = Lin::low(a.x, w), hi = Lin::low(h.x, w), dv = Lin::low(d.x, w);
    expr x = hi * Lin::p2(w) + lo; // rdx:rax
    expr q = x / dv, rem = z3::mod(x, dv);
    p.value("rule.rax", o.rax), p.value("rule.rdx", o.rdx);
    p.show.push_back({"quotient (concrete)", q}), p.show.push_back({"remainder", rem});
    // #DE unless the divisor is non-zero and the quotient fits: rdx < divisor.
    p.goal = z3::implies(accepted, dv != 0 && hi < dv && Lin::gamma(o.rax, q, a.base) &&
                                       Lin::gamma(o.rdx, rem, a.base));
    p.claim =
        "accepted => no #DE (divisor != 0, quotient fits) and quotient, remainder in gamma(rule)";
}

// idiv: on bit-vectors (its results are any w-byte values; what matters is
// that an accepted idiv cannot fault).
void idiv_rule(Proof &p, u8 w) {
    Input<B> a = input<B>(p, "rax", Kind::Int), h = input<B>(p, "rdx", Kind::Int),
             d = input<B>(p, "divisor", Kind::Int);
    expr sext_ok = p.c.bool_const("sext");
    // "rdx holds rax's sign" (cqo/cdq) is a fact about the concrete values.
    p.hyps.push_back(z3::implies(
        sext_ok, B::low(h.x, w) == z3::ashr(B::low(a.x, w), p.c.bv_val(8 * w - 1, 8 * w))));
    DivBounds<sym::Sym> o = div_bounds<sym::Sym>(false, a.v, h.v, d.v, w, SB(sext_ok));
    expr accepted = !o.zero.e && !o.rdx_high.e && !o.sign.e && !o.min_neg1.e;
    x86::Division q = x86::divide(true, B::low(h.x, w), B::low(a.x, w), B::low(d.x, w));
    p.value("rule.rax", o.rax), p.value("rule.rdx", o.rdx);
    p.show.push_back({"quotient (concrete)", B::zx(q.quot, w)});
    p.show.push_back({"remainder", B::zx(q.rem, w)});
    p.goal =
        z3::implies(accepted, q.zero_ok && q.fits && B::gamma(o.rax, B::zx(q.quot, w), a.base) &&
                                  B::gamma(o.rdx, B::zx(q.rem, w), a.base));
    p.claim =
        "accepted => no #DE (divisor != 0, quotient fits) and quotient, remainder in gamma(rule)";
}

void add_divide(std::vector<Def> &defs) {
    for (u8 w : {4, 8}) {
        defs.push_back({"div" + wname(w) + " int", nullptr, [w](Proof &p) { div_rule(p, w); }});
        defs.push_back({"idiv" + wname(w) + " int", [w](Proof &p) { idiv_rule(p, w); }, nullptr});
    }
}

void add_shifts(std::vector<Def> &defs) {
    for (Op op : {Op::Shl, Op::Shr, Op::Sar, Op::Rol, Op::Ror})
        for (u8 w : {1, 2, 4, 8})
            for (bool known : {true, false}) {
                if ((op == Op::Rol || op == Op::Ror) && !known) continue;
                std::string name = std::string(op_name(op)) + wname(w) +
                                   (known ? " by a known count" : " by an unknown count");
                defs.push_back(
                    {name,
                     [op, w, known](Proof &p) {
                         Input<B> a = input<B>(p, "a", Kind::Int);
                         expr count = p.c.bv_const("count", 8);
                         expr k = B::var(p, "k");
                         // What the verifier uses as the count: exact, or (unknown) anything.
                         expr masked = z3::zext(count & p.c.bv_val(w == 8 ? 63 : 31, 8), 56);
                         if (known)
                             p.hyps.push_back(k == masked);
                         else
                             p.hyps.push_back(z3::ule(k, B::k(p, w == 8 ? 63 : 31)));
                         SVal r = shift_bounds<sym::Sym>(op, a.v, w, SB(p.c.bool_val(known)),
                                                         sym::SU(k));
                         char c = op == Op::Shl   ? 'l'
                                  : op == Op::Shr ? 'r'
                                  : op == Op::Sar ? 'a'
                                  : op == Op::Rol ? 'L'
                                                  : 'R';
                         x86::Flags f{p.c.bool_val(false), p.c.bool_val(false), p.c.bool_val(false),
                                      p.c.bool_val(false), p.c.bool_val(false)};
                         expr res = B::zx(x86::shift(c, B::low(a.x, w), count, f).r, w);
                         p.show.push_back({"count", count});
                         p.show.push_back({"result (concrete)", res});
                         p.value("rule", r);
                         p.goal = B::gamma(r, res, a.base);
                         p.claim = std::string(op_name(op)) + wname(w) +
                                   "(x, count) in gamma(rule(a, k))";
                     },
                     nullptr});
            }
}

template <class D>
void movzx_rule(Proof &p, u8 from, Kind k) {
    Input<D> a = input<D>(p, "a", k);
    typename D::Val r = low_bytes<typename D::N>(a.v, from); // read_reg at `from` bytes
    p.value("rule", r);
    p.goal = D::gamma(r, D::zx(D::low(a.x, from), from), a.base);
    p.claim = "zext(low bytes of x) in gamma(low_bytes(a))";
}
template <class D>
void movsx_rule(Proof &p, u8 from, u8 to) {
    Input<D> a = input<D>(p, "a", Kind::Int);
    typename D::Val r = movsx_bounds<typename D::N>(a.v, from, to);
    expr res = D::zx(D::sx(D::low(a.x, from), from, to), to);
    p.value("rule", r);
    p.show.push_back({"result (concrete)", res});
    p.goal = D::gamma(r, res, a.base);
    p.claim = "sign-extended low bytes of x in gamma(movsx_bounds(a))";
}
template <class D>
void cext_rule(Proof &p, u8 w) {
    Input<D> a = input<D>(p, "rax", Kind::Int);
    typename D::Val r = movsx_bounds<typename D::N>(a.v, w / 2, w);
    expr res = D::zx(D::sx(D::low(a.x, w / 2), w / 2, w), w);
    p.value("rule", r);
    p.goal = D::gamma(r, res, a.base);
    p.claim = "sext of the low half of rax in gamma(movsx_bounds(a, w / 2, w))";
}
template <class D>
void csext_rule(Proof &p, u8 w) {
    Input<D> a = input<D>(p, "rax", Kind::Int);
    typename D::Val r = csext_bounds<typename D::N>(a.v, w);
    expr res = D::zx(D::sign_fill(D::low(a.x, w), w), w);
    p.value("rule", r);
    p.goal = D::gamma(r, res, a.base);
    p.claim = "rdx = the sign of rax in gamma(csext_bounds(a))";
}
template <class D>
void lea_rule(Proof &p, Kind k) {
    Input<D> a = input<D>(p, "address", k);
    typename D::Val r = low_bytes<typename D::N>(a.v, 4);
    p.value("rule", r);
    p.goal = D::gamma(r, D::zx(D::low(a.x, 4), 4), a.base);
    p.claim = "the low 4 bytes of the address in gamma(low_bytes(a))";
}
// normalize on any bounds (not only normalized ones, as the other rules'
// inputs are): the step after mul64_bounds, add64, sub64, relate_ints, joins.
template <class D>
void normalize_rule(Proof &p) {
    typename D::Val v = D::fresh_int(p, "a");
    expr x = D::var(p, "a.x");
    p.hyps.push_back(D::gamma(v, x, x));
    p.value("a", v);
    p.show.push_back({"a (concrete)", x});
    SB ok = D::N::normalize(v);
    p.value("normalized", v);
    p.goal = ok.e && D::gamma(v, x, x);
    p.claim = "x in gamma(bounds) => normalize keeps x and does not call a non-empty value empty";
}
template <class D>
void join_rule(Proof &p, Kind k) {
    Input<D> a = input<D>(p, "a", k), b = input<D>(p, "b", k);
    p.hyps.push_back(a.base == b.base);
    expr pick = p.c.bool_const("which");
    typename D::Val r = D::N::join(a.v, b.v);
    p.value("join", r);
    p.goal = D::gamma(r, z3::ite(pick, a.x, b.x), a.base);
    p.claim = "gamma(a) and gamma(b) inside gamma(join(a, b)) (forward joins, cmov, bsf)";
}

void add_moves(std::vector<Def> &defs) {
    for (u8 from : {1, 2})
        for (Kind k : {Kind::Int, Kind::Ptr})
            defs.push_back({"movzx from" + wname(from) + " " + kind_name(k),
                            [=](Proof &p) { movzx_rule<Bv>(p, from, k); },
                            [=](Proof &p) { movzx_rule<Lin>(p, from, k); }});
    const std::pair<u8, u8> sx[] = {{1, 2}, {1, 4}, {1, 8}, {2, 4}, {2, 8}, {4, 8}};
    for (auto fw : sx) {
        u8 from = fw.first, to = fw.second;
        defs.push_back({"movsx" + wname(to) + " from" + wname(from) + " int",
                        [=](Proof &p) { movsx_rule<Bv>(p, from, to); },
                        [=](Proof &p) { movsx_rule<Lin>(p, from, to); }});
    }
    for (u8 w : {4, 8}) {
        defs.push_back({std::string(w == 8 ? "cdqe" : "cwde") + " int",
                        [=](Proof &p) { cext_rule<Bv>(p, w); },
                        [=](Proof &p) { cext_rule<Lin>(p, w); }});
        defs.push_back({std::string(w == 8 ? "cqo" : "cdq") + " int",
                        [=](Proof &p) { csext_rule<Bv>(p, w); },
                        [=](Proof &p) { csext_rule<Lin>(p, w); }});
    }
    for (Kind k : {Kind::Int, Kind::Ptr})
        defs.push_back({std::string("lea/32 ") + kind_name(k),
                        [=](Proof &p) { lea_rule<Bv>(p, k); },
                        [=](Proof &p) { lea_rule<Lin>(p, k); }});
    for (bool add : {true, false})
        defs.push_back({std::string(add ? "add64" : "sub64") + " int,int",
                        [=](Proof &p) { add_sub64_rule<Bv>(p, add); },
                        [=](Proof &p) { add_sub64_rule<Lin>(p, add); }});
    defs.push_back({"normalize int", [](Proof &p) { normalize_rule<Bv>(p); },
                    [](Proof &p) { normalize_rule<Lin>(p); }});
    for (Kind k : {Kind::Int, Kind::Ptr})
        defs.push_back({std::string("join ") + kind_name(k) + "," + kind_name(k),
                        [=](Proof &p) { join_rule<Bv>(p, k); },
                        [=](Proof &p) { join_rule<Lin>(p, k); }});
}

// bsf, bsr, tzcnt: the rule as transfer.cpp's rule_bits has it (mirror.hpp),
// against the whole 64-bit register: a 32-bit scan of 0 may leave the
// register as it was, upper half included (Intel processors do, as LLVM
// found), or zero-extend it.
void bitscan_rule(Proof &p, char op, u8 w) {
    Input<B> a = input<B>(p, "dst", Kind::Int), s = input<B>(p, "src", Kind::Int);
    SVal r = bitscan_mirror<sym::Sym>(op == 't', a.v, s.v, w);
    x86::Flags f{p.c.bool_val(false), p.c.bool_val(false), p.c.bool_val(false), p.c.bool_val(false),
                 p.c.bool_val(false)};
    expr src = B::low(s.x, w);
    expr res = B::zx(x86::bitscan(op, B::low(a.x, w), src, f).r, w);
    if (w == 4) res = z3::ite(x86::zero(src) && p.c.bool_const("cpu.keeps-upper-half"), a.x, res);
    p.value("rule", r);
    p.show.push_back({"register after (concrete)", res});
    p.goal = B::gamma(r, res, a.base);
    p.claim = "the register after the scan (an index, or the destination kept when src = 0) in "
              "gamma(rule)";
}

// jne/je after bsf, bsr (Flags::Scan): ZF = 0 means the source was not 0, so
// the destination holds a bit index.
void scan_refinement(Proof &p, char op, u8 w) {
    Input<B> a = input<B>(p, "dst", Kind::Int), s = input<B>(p, "src", Kind::Int);
    x86::Flags f{p.c.bool_val(false), p.c.bool_val(false), p.c.bool_val(false), p.c.bool_val(false),
                 p.c.bool_val(false)};
    expr src = B::low(s.x, w);
    x86::Result sc = x86::bitscan(op, B::low(a.x, w), src, f);
    expr res = B::zx(sc.r, w);
    if (w == 4) res = z3::ite(x86::zero(src) && p.c.bool_const("cpu.keeps-upper-half"), a.x, res);
    SVal r = sym::Sym::urange(sym::SU(0), sym::SU(8u * w - 1));
    p.show.push_back({"register after (concrete)", res});
    p.goal = z3::implies(x86::cond(CNE, sc.f), B::gamma(r, res, a.base));
    p.claim = "after bsf/bsr, ZF = 0 => the register holds an index in [0, bits - 1]";
}

// Forms whose result the verifier takes as any w-byte value: that it is one.
void any_value_rule(Proof &p, Op op, u8 w) {
    Input<B> a = input<B>(p, "dst", Kind::Int), b = input<B>(p, "src", Kind::Int);
    expr x = B::low(a.x, w), y = B::low(b.x, w), count = p.c.bv_const("count", 8);
    x86::Flags f{p.c.bool_const("cf"), p.c.bool_const("zf"), p.c.bool_const("sf"),
                 p.c.bool_const("of"), p.c.bool_const("pf")};
    expr res(p.c);
    switch (op) {
    case Op::Bswap: res = x86::bswap(x); break;
    case Op::Bts:
    case Op::Btr:
    case Op::Btc: res = x86::bit_set(op == Op::Bts ? 's' : op == Op::Btr ? 'r' : 'c', x, y); break;
    case Op::Shld:
    case Op::Shrd: res = x86::double_shift(op == Op::Shld, x, y, count, f).r; break;
    case Op::Setcc:
        res = z3::ite(x86::cond(CE, f), p.c.bv_val(1, 8), p.c.bv_val(0, 8));
        break;                                    // any condition
    default: res = x86::add(x, y, f.cf).r; break; // adc, sbb: alu_rule
    }
    res = B::zx(res, w);
    SVal r = op == Op::Setcc ? sym::Sym::urange(sym::SU(0), sym::SU(1))
                             : sym::Sym::urange(sym::SU(0), sym::SU(width_mask(w)));
    p.value("rule", r);
    p.show.push_back({"result (concrete)", res});
    p.goal = B::gamma(r, res, a.base);
    p.claim = std::string(op_name(op)) + wname(w) + ": the result in " +
              (op == Op::Setcc ? "[0, 1]" : "[0, 2^bits - 1]");
}

// A 1- or 2-byte write into a register holding an int (write_reg, through
// mirror.hpp): the register is its old upper bytes over the new low ones.
void merge_rule(Proof &p, u8 size) {
    Input<B> a = input<B>(p, "old", Kind::Int), v = input<B>(p, "new", Kind::Int);
    // Every rule's result at a width below 8 lies in [0, 2^bits): a w-byte
    // value, zero-extended (the alu, unary, shift and bit rules' templates
    // make sure of it; so do reads at that width).
    p.hyps.push_back(z3::ule(v.v.umax.e, B::k(p, width_mask(size))));
    SVal r = merge_mirror<sym::Sym>(a.v, v.v, size);
    expr res = z3::concat(a.x.extract(63, 8 * size), v.x.extract(8 * size - 1, 0));
    p.value("rule", r);
    p.show.push_back({"register (concrete)", res});
    p.goal = B::gamma(r, res, a.base);
    p.claim = "old upper bytes over the new low ones in gamma(write_reg(old, new))";
}

void add_bits(std::vector<Def> &defs) {
    for (char op : {'f', 'r', 't'})
        for (u8 w : {4, 8}) {
            std::string n = op == 'f' ? "bsf" : op == 'r' ? "bsr" : "tzcnt";
            defs.push_back(
                {n + wname(w) + " int", [op, w](Proof &p) { bitscan_rule(p, op, w); }, nullptr});
            if (op != 't')
                defs.push_back({n + wname(w) + " then jne (ZF = 0)",
                                [op, w](Proof &p) { scan_refinement(p, op, w); }, nullptr});
        }
    for (Op op : {Op::Bts, Op::Btr, Op::Btc, Op::Shld, Op::Shrd})
        for (u8 w : {2, 4, 8})
            defs.push_back({std::string(op_name(op)) + wname(w) + " int,int",
                            [op, w](Proof &p) { any_value_rule(p, op, w); }, nullptr});
    for (u8 w : {4, 8})
        defs.push_back({"bswap" + wname(w) + " int",
                        [w](Proof &p) { any_value_rule(p, Op::Bswap, w); }, nullptr});
    defs.push_back({"setcc/8", [](Proof &p) { any_value_rule(p, Op::Setcc, 1); }, nullptr});
    for (u8 size : {1, 2})
        defs.push_back({"write/" + std::to_string(8 * size) + " into an int register",
                        [size](Proof &p) { merge_rule(p, size); }, nullptr});
}

// Facts x <= y + c between locations, beyond the refinements that make them.

// add reg, imm / sub reg, imm / inc / dec (w = 8) keep the facts on reg,
// shifted by the constant, when neither the value's bounds nor c overflow
// (transfer.cpp's facts_before_add / facts_after_add).
void fact_shift_rule(Proof &p, bool moved_is_x) {
    Input<Lin> a = input<Lin>(p, "moved", Kind::Int); // the register that moves
    expr other = Lin::var(p, "other"), c = Lin::var(p, "c"), delta = Lin::var(p, "delta");
    // d: an imm32 sign-extended (add, sub: either sign), or 1 (inc, dec).
    p.hyps.push_back(Lin::sview(delta, 8) >= -symi::pow2(31) &&
                     Lin::sview(delta, 8) <= symi::pow2(31));
    using I = Lin::I;
    I t;
    p.hyps.push_back(!Lin::N::add_ovf(a.v.smin, Lin::as_i(delta), t).e &&
                     !Lin::N::add_ovf(a.v.smax, Lin::as_i(delta), t).e);
    expr x = moved_is_x ? a.x : other, y = moved_is_x ? other : a.x;
    p.hyps.push_back(Lin::fact(x, y, c));
    I c2;
    SB ovf = Lin::N::add_ovf(Lin::as_i(c), moved_is_x ? Lin::as_i(delta) : -Lin::as_i(delta), c2);
    expr moved = Lin::add64(a.x, delta);
    expr x2 = moved_is_x ? moved : other, y2 = moved_is_x ? other : moved;
    p.show.push_back({"moved after (concrete)", moved});
    p.goal = z3::implies(!ovf.e, Lin::fact(x2, y2, Lin::N::to_u(c2).e));
    p.claim = std::string("x <= y + c and ") + (moved_is_x ? "x" : "y") +
              " += d without overflow => the fact with c " + (moved_is_x ? "+" : "-") + " d holds";
}

// mov r32, r32 (or a 4-byte slot) from a value below 2^32: dst = src, the
// fact rule_mov records both ways.
void mov_fact_rule(Proof &p) {
    Input<Lin> a = input<Lin>(p, "src", Kind::Int);
    p.hyps.push_back(a.v.umax.e <= symi::pow2(32) - 1);
    p.goal = Lin::low(a.x, 4) == a.x;
    p.claim = "src below 2^32 => its zero-extended low 4 bytes equal it (dst = src)";
}

// x <= y and y <= x: one value, whose unsigned bounds both share
// (refine.cpp's tighten_by_facts).
void equal_fact_rule(Proof &p) {
    Input<Lin> a = input<Lin>(p, "x", Kind::Int), b = input<Lin>(p, "y", Kind::Int);
    p.hyps.push_back(Lin::fact(a.x, b.x, Lin::k(p, 0)) && Lin::fact(b.x, a.x, Lin::k(p, 0)));
    expr lo = z3::ite(a.v.umin.e < b.v.umin.e, b.v.umin.e, a.v.umin.e);
    expr hi = z3::ite(a.v.umax.e < b.v.umax.e, a.v.umax.e, b.v.umax.e);
    p.goal = lo <= a.x && a.x <= hi && lo <= b.x && b.x <= hi;
    p.claim = "x <= y + 0 and y <= x + 0 => both within the shared unsigned bounds";
}

void add_facts(std::vector<Def> &defs) {
    defs.push_back({"fact shift: x += d", nullptr, [](Proof &p) { fact_shift_rule(p, true); }});
    defs.push_back({"fact shift: y += d", nullptr, [](Proof &p) { fact_shift_rule(p, false); }});
    defs.push_back({"fact of a 32-bit copy", nullptr, [](Proof &p) { mov_fact_rule(p); }});
    defs.push_back({"facts x<=y, y<=x: shared unsigned bounds", nullptr,
                    [](Proof &p) { equal_fact_rule(p); }});
}

} // namespace

void add_data_rules(std::vector<Def> &defs) {
    add_alu(defs);
    add_pointer(defs);
    add_unary(defs);
    add_multiply(defs);
    add_divide(defs);
    add_shifts(defs);
    add_moves(defs);
    add_bits(defs);
    add_facts(defs);
}

} // namespace ktal::rules
