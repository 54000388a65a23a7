#include "verifier/z3/rules.hpp"

#include "verifier/interval.hpp"
#include "verifier/operands.hpp"
#include "verifier/z3/x86.hpp"

#include <chrono>
#include <cstdlib>
#include <cstdio>

namespace ktal::rules {

const char *status_name(Status s) {
    switch (s) {
    case Status::Proved: return "proved";
    case Status::Refuted: return "refuted";
    case Status::Unknown: return "unknown";
    }
    return "?";
}

namespace {

using sym::SB;
using sym::SI;
using sym::SU;
using sym::SVal;
using sym::Sym;
using z3::expr;

// One proof under construction: hypotheses, the goal, and what to show of a
// counterexample.
struct Proof {
    z3::context &c;
    sym::World &w;
    std::vector<expr> hyps;
    expr goal;
    std::string claim;
    std::vector<std::pair<std::string, expr>> show;

    Proof(z3::context &ctx, sym::World &world) : c(ctx), w(world), goal(ctx.bool_val(true)) {}
    expr bv(u64 v, unsigned bits = 64) const { return c.bv_val(static_cast<uint64_t>(v), bits); }
    expr var(const std::string &name, unsigned bits = 64) const { return c.bv_const(name.c_str(), bits); }
    void value(const std::string &name, const SVal &v) {
        if (v.kind == Kind::Int) {
            show.push_back({name + ".smin", v.smin.e}), show.push_back({name + ".smax", v.smax.e});
            show.push_back({name + ".umin", v.umin.e}), show.push_back({name + ".umax", v.umax.e});
        } else if (v.kind == Kind::Ptr) {
            show.push_back({name + ".lo", v.smin.e}), show.push_back({name + ".hi", v.smax.e});
        }
    }
};

// The domain's well-formedness: bounds in order; pointer offsets within 2^48
// of their base (the certificate's are within 2^40; the verifier's pointer
// arithmetic turns anything reaching 2^48 into an int or a far pointer,
// [-2^48, 2^48] exactly, which stays far).
expr wf(const SVal &v) {
    if (v.kind == Kind::Int) return v.smin.e <= v.smax.e && z3::ule(v.umin.e, v.umax.e);
    if (v.kind == Kind::Ptr) {
        z3::context &c = v.smin.e.ctx();
        expr lim = c.bv_val(static_cast<uint64_t>(1ull << 48), 64);
        return v.smin.e <= v.smax.e && -lim <= v.smin.e && v.smax.e <= lim;
    }
    return v.smin.e.ctx().bool_val(true);
}

// gamma: is the concrete 64-bit x described by v? A pointer's x is its
// region's base plus an offset in [lo, hi]; an uninit value says nothing.
expr gamma(const SVal &v, const expr &x, const expr &base) {
    switch (v.kind) {
    case Kind::Int: return v.smin.e <= x && x <= v.smax.e && z3::ule(v.umin.e, x) && z3::ule(x, v.umax.e);
    case Kind::Ptr: {
        expr off = x - base;
        return v.smin.e <= off && off <= v.smax.e;
    }
    default: return x.ctx().bool_val(true);
    }
}

expr low(const expr &x, u8 w) { return w >= 8 ? x : x.extract(8 * w - 1, 0); }
expr zx(const expr &r) { return x86::to_width(r, 64, false); }

// A fresh abstract value of a kind, with its concrete x and its base.
struct Input {
    SVal v;
    expr x, base;
};
Input input(Proof &p, const std::string &name, Kind k, Region r = Region::Sandbox) {
    SVal v = k == Kind::Int ? sym::fresh_int(name) : sym::fresh_ptr(name, r);
    Input in{v, p.var(name + ".x"), p.var(name + ".base")};
    p.hyps.push_back(wf(in.v));
    p.hyps.push_back(gamma(in.v, in.x, in.base));
    p.value(name, in.v);
    p.show.push_back({name + " (concrete)", in.x});
    return in;
}

const char *kind_name(Kind k) { return k == Kind::Int ? "int" : "ptr"; }
std::string wname(u8 w) { return "/" + std::to_string(8 * w); }

expr alu_concrete(z3::context &c, Op op, const expr &x, const expr &y, const expr &cin) {
    switch (op) {
    case Op::Add: return x86::add(x, y, c.bool_val(false)).r;
    case Op::Adc: return x86::add(x, y, cin).r;
    case Op::Sub: return x86::sub(x, y, c.bool_val(false)).r;
    case Op::Sbb: return x86::sub(x, y, cin).r;
    case Op::And: return x86::logic('&', x, y).r;
    case Op::Or: return x86::logic('|', x, y).r;
    default: return x86::logic('^', x, y).r;
    }
}

// --- the catalogue ---

struct Def {
    std::string name;
    std::function<void(Proof &)> build;
};

void binary_rule(Proof &p, Op op, u8 w, Kind ka, Kind kb, const BinaryRule &rule) {
    Input a = input(p, "a", ka), b = input(p, "b", kb);
    expr cin = p.c.bool_const("carry");
    SVal r = rule(a.v, b.v);
    expr res = zx(alu_concrete(p.c, op, low(a.x, w), low(b.x, w), cin));
    p.show.push_back({"result (concrete)", res});
    p.value("rule", r);
    p.goal = gamma(r, res, a.base);
    p.claim = std::string("x in gamma(a), y in gamma(b) => ") + op_name(op) + wname(w) + "(x, y) in gamma(rule(a, b))";
}

void add_alu(std::vector<Def> &defs) {
    const Op ops[] = {Op::Add, Op::Sub, Op::And, Op::Or, Op::Xor, Op::Adc, Op::Sbb};
    const u8 widths[] = {1, 2, 4, 8};
    const Kind kinds[][2] = {{Kind::Int, Kind::Int}, {Kind::Ptr, Kind::Int}, {Kind::Int, Kind::Ptr}};
    for (Op op : ops)
        for (u8 w : widths)
            for (auto &k : kinds) {
                bool ptr_rule = w == 8 && (op == Op::Add || op == Op::Sub) &&
                                (k[0] == Kind::Ptr || (op == Op::Add && k[1] == Kind::Ptr));
                if (ptr_rule) continue; // the pointer rules below
                std::string name = std::string(op_name(op)) + wname(w) + " " + kind_name(k[0]) + "," + kind_name(k[1]);
                defs.push_back({name, [op, w, k](Proof &p) {
                                    binary_rule(p, op, w, k[0], k[1], [op, w](const SVal &a, const SVal &b) {
                                        return alu_bounds<Sym>(op, a, b, w);
                                    });
                                }});
            }
}

void add_pointer(std::vector<Def> &defs) {
    for (Region rg : {Region::Sandbox, Region::Stack}) {
        std::string rn = rg == Region::Stack ? "stack" : "sandbox";
        for (bool add : {true, false})
            defs.push_back({std::string(add ? "add" : "sub") + "/64 ptr(" + rn + ")" + (add ? "+" : "-") + "int",
                            [add, rg](Proof &p) {
                                Input a = input(p, "a", Kind::Ptr, rg), b = input(p, "b", Kind::Int);
                                PtrMove<Sym> m = ptr_move<Sym>(add, a.v, Sym::as_int(b.v), kFar);
                                expr res = add ? a.x + b.x : a.x - b.x;
                                p.value("rule", m.p);
                                p.show.push_back({"result (concrete)", res});
                                p.goal = m.far.e || gamma(m.p, res, a.base);
                                p.claim = "the result is a pointer at the new offsets, unless marked far (then an int, or unusable)";
                            }});
        for (bool inc : {true, false})
            defs.push_back({std::string(inc ? "inc" : "dec") + "/64 ptr(" + rn + ")", [inc, rg](Proof &p) {
                                Input a = input(p, "a", Kind::Ptr, rg);
                                // the verifier keeps a far pointer as it is: ptr_step sees the others
                                p.hyps.push_back(-p.bv(kFar) < a.v.smin.e && a.v.smax.e < p.bv(kFar));
                                SVal r = ptr_step<Sym>(a.v, inc ? 1 : -1);
                                expr res = inc ? a.x + p.bv(1) : a.x - p.bv(1);
                                p.value("rule", r);
                                p.goal = gamma(r, res, a.base);
                                p.claim = "x in gamma(p) => x +- 1 in gamma(ptr_step(p))";
                            }});
    }
    defs.push_back({"sub/64 ptr-ptr (one region)", [](Proof &p) {
                        Input a = input(p, "a", Kind::Ptr), b = input(p, "b", Kind::Ptr);
                        p.hyps.push_back(a.base == b.base);
                        SVal r = ptr_distance<Sym>(a.v, b.v, SI(0));
                        expr res = a.x - b.x;
                        p.value("rule", r);
                        p.goal = gamma(r, res, a.base);
                        p.claim = "x - y in gamma(ptr_distance(a, b, 0)) for pointers into one region";
                    }});
    defs.push_back({"sub/64 ptr-ptr (sandbox-rodata)", [](Proof &p) {
                        Input a = input(p, "a", Kind::Ptr, Region::Sandbox), b = input(p, "b", Kind::Ptr, Region::Rodata);
                        // The regions' bases are a layout's distance apart (offsets below 2^40).
                        expr so = p.var("sandbox_off"), ro = p.var("rodata_off");
                        p.hyps.push_back(z3::ule(so, p.bv(1ull << 40)) && z3::ule(ro, p.bv(1ull << 40)));
                        p.hyps.push_back(a.base - b.base == so - ro);
                        // delta is an i64 the verifier computes from the layout: symbolic here.
                        SVal r = ptr_distance<Sym>(a.v, b.v, SI(so - ro));
                        expr res = a.x - b.x;
                        p.value("rule", r);
                        p.goal = gamma(r, res, a.base);
                        p.claim = "x - y in gamma(ptr_distance(a, b, sandbox_off - rodata_off))";
                    }});
}

void add_unary(std::vector<Def> &defs) {
    const Op ops[] = {Op::Inc, Op::Dec, Op::Neg, Op::Not};
    for (Op op : ops)
        for (u8 w : {1, 2, 4, 8})
            for (Kind k : {Kind::Int, Kind::Ptr})
                defs.push_back({std::string(op_name(op)) + wname(w) + " " + kind_name(k), [op, w, k](Proof &p) {
                                    Input a = input(p, "a", k);
                                    SVal r = unary_bounds<Sym>(op, Sym::as_int(a.v), w);
                                    expr x = low(a.x, w);
                                    x86::Flags f{p.c.bool_val(false), p.c.bool_val(false), p.c.bool_val(false),
                                                 p.c.bool_val(false), p.c.bool_val(false)};
                                    expr res = op == Op::Not ? ~x : op == Op::Neg ? x86::neg(x).r
                                                                                   : x86::incdec(op == Op::Inc, x, f).r;
                                    p.value("rule", r);
                                    p.show.push_back({"result (concrete)", zx(res)});
                                    p.goal = gamma(r, zx(res), a.base);
                                    p.claim = std::string(op_name(op)) + wname(w) + "(x) in gamma(rule(a))";
                                }});
}

void add_multiply(std::vector<Def> &defs) {
    for (u8 w : {2, 4, 8})
        defs.push_back({"imul" + wname(w) + " int,int", [w](Proof &p) {
                            Input a = input(p, "a", Kind::Int), b = input(p, "b", Kind::Int);
                            SVal r = mul_w<Sym>(a.v, b.v, w);
                            expr res = zx(x86::imul2(low(a.x, w), low(b.x, w)).r);
                            p.value("rule", r);
                            p.show.push_back({"result (concrete)", res});
                            p.goal = gamma(r, res, a.base);
                            p.claim = "the low bytes of x * y in gamma(mul_w(a, b))";
                        }});
    for (bool is_mul : {true, false})
        for (u8 w : {4, 8})
            defs.push_back({std::string(is_mul ? "mul" : "imul1") + wname(w) + " int,int", [is_mul, w](Proof &p) {
                                Input a = input(p, "rax", Kind::Int), b = input(p, "src", Kind::Int);
                                SVal rax, rdx;
                                mul1_bounds<Sym>(is_mul, a.v, b.v, w, rax, rdx);
                                x86::Flags f{p.c.bool_val(false), p.c.bool_val(false), p.c.bool_val(false),
                                             p.c.bool_val(false), p.c.bool_val(false)};
                                x86::Wide m = x86::mul1(!is_mul, low(a.x, w), low(b.x, w), f);
                                p.value("rule.rax", rax), p.value("rule.rdx", rdx);
                                p.show.push_back({"rax (concrete)", zx(m.lo)}), p.show.push_back({"rdx (concrete)", zx(m.hi)});
                                p.goal = gamma(rax, zx(m.lo), a.base) && gamma(rdx, zx(m.hi), a.base);
                                p.claim = "rdx:rax = rax * src: both halves in gamma(rule)";
                            }});
    for (auto ab : {std::pair<const char *, bool>{"add64", true}, {"sub64", false}})
        defs.push_back({std::string(ab.first) + " int,int", [ab](Proof &p) {
                            Input a = input(p, "a", Kind::Int), b = input(p, "b", Kind::Int);
                            SVal r = ab.second ? add64<Sym>(a.v, b.v) : sub64<Sym>(a.v, b.v);
                            expr res = ab.second ? a.x + b.x : a.x - b.x;
                            p.value("rule", r);
                            p.goal = gamma(r, res, a.base);
                            p.claim = "64-bit x +- y in gamma(rule(a, b)) (addresses, lea)";
                        }});
    defs.push_back({"mul64 int,int", [](Proof &p) {
                        Input a = input(p, "a", Kind::Int), b = input(p, "b", Kind::Int);
                        SVal r = mul64<Sym>(a.v, b.v);
                        p.value("rule", r);
                        p.goal = gamma(r, a.x * b.x, a.base);
                        p.claim = "64-bit x * y in gamma(mul64(a, b)) (scaled indices, imul/64)";
                    }});
}

void add_divide(std::vector<Def> &defs) {
    for (bool is_div : {true, false})
        for (u8 w : {4, 8})
            defs.push_back({std::string(is_div ? "div" : "idiv") + wname(w) + " int", [is_div, w](Proof &p) {
                                Input a = input(p, "rax", Kind::Int), h = input(p, "rdx", Kind::Int),
                                      d = input(p, "divisor", Kind::Int);
                                expr sext_ok = p.c.bool_const("sext");
                                // "rdx holds rax's sign" (cqo/cdq) is a fact about the concrete values.
                                p.hyps.push_back(z3::implies(
                                    sext_ok, low(h.x, w) == z3::ashr(low(a.x, w), p.c.bv_val(8 * w - 1, 8 * w))));
                                DivBounds<Sym> o = div_bounds<Sym>(is_div, a.v, h.v, d.v, w, SB(sext_ok));
                                expr accepted = !o.zero.e && !o.rdx_high.e && !o.sign.e && !o.min_neg1.e;
                                x86::Division q = x86::divide(!is_div, low(h.x, w), low(a.x, w), low(d.x, w));
                                p.value("rule.rax", o.rax), p.value("rule.rdx", o.rdx);
                                p.show.push_back({"quotient (concrete)", zx(q.quot)}), p.show.push_back({"remainder", zx(q.rem)});
                                p.goal = z3::implies(accepted, q.zero_ok && q.fits && gamma(o.rax, zx(q.quot), a.base) &&
                                                                   gamma(o.rdx, zx(q.rem), a.base));
                                p.claim = "accepted => no #DE (divisor != 0, quotient fits) and quotient, remainder in gamma(rule)";
                            }});
}

void add_shifts(std::vector<Def> &defs) {
    const Op ops[] = {Op::Shl, Op::Shr, Op::Sar, Op::Rol, Op::Ror};
    for (Op op : ops)
        for (u8 w : {1, 2, 4, 8})
            for (bool known : {true, false}) {
                if ((op == Op::Rol || op == Op::Ror) && !known) continue;
                std::string name = std::string(op_name(op)) + wname(w) + (known ? " by a known count" : " by an unknown count");
                defs.push_back({name, [op, w, known](Proof &p) {
                                    Input a = input(p, "a", Kind::Int);
                                    expr count = p.var("count", 8);
                                    expr k = p.var("k");
                                    // What the verifier uses as the count: exact, or (unknown) anything.
                                    expr masked = z3::zext(count & p.c.bv_val(w == 8 ? 63 : 31, 8), 56);
                                    if (known) p.hyps.push_back(k == masked);
                                    else p.hyps.push_back(z3::ule(k, p.bv(w == 8 ? 63 : 31)));
                                    SVal r = shift_bounds<Sym>(op, a.v, w, SB(p.c.bool_val(known)), SU(k));
                                    char c = op == Op::Shl ? 'l' : op == Op::Shr ? 'r' : op == Op::Sar ? 'a' : op == Op::Rol ? 'L' : 'R';
                                    x86::Flags f{p.c.bool_val(false), p.c.bool_val(false), p.c.bool_val(false),
                                                 p.c.bool_val(false), p.c.bool_val(false)};
                                    expr res = zx(x86::shift(c, low(a.x, w), count, f).r);
                                    p.show.push_back({"count", count});
                                    p.show.push_back({"result (concrete)", res});
                                    p.value("rule", r);
                                    p.goal = gamma(r, res, a.base);
                                    p.claim = std::string(op_name(op)) + wname(w) + "(x, count) in gamma(rule(a, k))";
                                }});
            }
}

void add_moves(std::vector<Def> &defs) {
    for (u8 from : {1, 2})
        for (Kind k : {Kind::Int, Kind::Ptr})
            defs.push_back({"movzx from" + wname(from) + " " + kind_name(k), [from, k](Proof &p) {
                                Input a = input(p, "a", k);
                                SVal r = low_bytes<Sym>(a.v, from); // read_reg at `from` bytes
                                p.value("rule", r);
                                p.goal = gamma(r, zx(low(a.x, from)), a.base);
                                p.claim = "zext(low bytes of x) in gamma(low_bytes(a))";
                            }});
    const std::pair<u8, u8> sx[] = {{1, 2}, {1, 4}, {1, 8}, {2, 4}, {2, 8}, {4, 8}};
    for (auto fw : sx)
        defs.push_back({"movsx" + wname(fw.second) + " from" + wname(fw.first) + " int", [fw](Proof &p) {
                            Input a = input(p, "a", Kind::Int);
                            SVal r = movsx_bounds<Sym>(a.v, fw.first, fw.second);
                            expr res = zx(x86::to_width(low(a.x, fw.first), 8 * fw.second, true));
                            p.value("rule", r);
                            p.show.push_back({"result (concrete)", res});
                            p.goal = gamma(r, res, a.base);
                            p.claim = "sign-extended low bytes of x in gamma(movsx_bounds(a))";
                        }});
    for (u8 w : {4, 8}) {
        defs.push_back({std::string(w == 8 ? "cdqe" : "cwde") + " int", [w](Proof &p) {
                            Input a = input(p, "rax", Kind::Int);
                            SVal r = cext_bounds<Sym>(a.v, w);
                            expr res = zx(x86::to_width(low(a.x, w / 2), 8 * w, true));
                            p.value("rule", r);
                            p.goal = gamma(r, res, a.base);
                            p.claim = "sext of the low half of rax in gamma(cext_bounds(a))";
                        }});
        defs.push_back({std::string(w == 8 ? "cqo" : "cdq") + " int", [w](Proof &p) {
                            Input a = input(p, "rax", Kind::Int);
                            SVal r = csext_bounds<Sym>(a.v, w);
                            expr res = zx(z3::ashr(low(a.x, w), p.c.bv_val(8 * w - 1, 8 * w)));
                            p.value("rule", r);
                            p.goal = gamma(r, res, a.base);
                            p.claim = "rdx = the sign of rax in gamma(csext_bounds(a))";
                        }});
    }
    for (Kind k : {Kind::Int, Kind::Ptr})
        defs.push_back({std::string("lea/32 ") + kind_name(k), [k](Proof &p) {
                            Input a = input(p, "address", k);
                            SVal r = low_bytes<Sym>(a.v, 4);
                            p.value("rule", r);
                            p.goal = gamma(r, zx(low(a.x, 4)), a.base);
                            p.claim = "the low 4 bytes of the address in gamma(low_bytes(a))";
                        }});
    for (char op : {'f', 'r', 't'})
        for (u8 w : {4, 8})
            defs.push_back({std::string(op == 'f' ? "bsf" : op == 'r' ? "bsr" : "tzcnt") + wname(w) + " int", [op, w](Proof &p) {
                                Input a = input(p, "dst", Kind::Int), s = input(p, "src", Kind::Int);
                                SVal r = bitscan_bounds<Sym>(op == 't', a.v, w);
                                x86::Flags f{p.c.bool_val(false), p.c.bool_val(false), p.c.bool_val(false),
                                             p.c.bool_val(false), p.c.bool_val(false)};
                                expr res = zx(x86::bitscan(op, low(a.x, w), low(s.x, w), f).r);
                                p.value("rule", r);
                                p.show.push_back({"result (concrete)", res});
                                p.goal = gamma(r, res, a.base);
                                p.claim = "the index found (or dst kept when src = 0) in gamma(join(dst, [0, bits]))";
                            }});
    defs.push_back({"normalize int", [](Proof &p) {
                        Input a = input(p, "a", Kind::Int);
                        SVal v = a.v;
                        SB ok = Sym::normalize(v);
                        p.value("normalized", v);
                        p.goal = ok.e && gamma(v, a.x, a.base);
                        p.claim = "x in gamma(a) => normalize keeps x and does not call a non-empty value empty";
                    }});
    for (Kind k : {Kind::Int, Kind::Ptr})
        defs.push_back({std::string("join ") + kind_name(k) + "," + kind_name(k), [k](Proof &p) {
                            Input a = input(p, "a", k), b = input(p, "b", k);
                            p.hyps.push_back(a.base == b.base);
                            expr pick = p.c.bool_const("which");
                            SVal r = Sym::join(a.v, b.v);
                            p.value("join", r);
                            expr x = z3::ite(pick, a.x, b.x);
                            p.goal = gamma(r, x, a.base);
                            p.claim = "gamma(a) and gamma(b) inside gamma(join(a, b)) (forward joins, cmov, bsf)";
                        }});
}

// --- branch refinement ---

const char *cc_name(u8 cc) {
    static const char *n[16] = {"jo", "jno", "jb", "jae", "je", "jne", "jbe", "ja",
                                "js", "jns", "jp", "jnp", "jl", "jge", "jle", "jg"};
    return n[cc & 15];
}

// The places two pointers of a region compare in: base + [lo, hi] does not
// wrap around the address space and stays on one side of 2^63.
void place(Proof &p, Region rg, const expr &base, expr &lo, expr &hi) {
    if (rg == Region::Stack) {
        lo = p.bv(static_cast<u64>(-static_cast<i64>(kMaxFrame))), hi = p.bv(8);
    } else { // the image: [image, image + size), the region at `off` in it
        expr size = p.var("image_size"), off = p.var("region_off");
        p.hyps.push_back(z3::ule(size, p.bv(1ull << 40)) && z3::ule(off, size));
        lo = p.bv(0) - off, hi = size - off;
    }
    expr first = base + lo, last = base + hi;
    p.hyps.push_back(z3::ule(first, last));                         // no wraparound
    p.hyps.push_back(first.extract(63, 63) == last.extract(63, 63)); // one side of 2^63
}

// shape: 0 cmp reg,reg; 1 cmp reg,imm; 2 test reg,reg; 3 flags of a result
void refinement(Proof &p, int shape, u8 cc, u8 w, Kind k, Region rg) {
    z3::context &c = p.c;
    Input a = input(p, "a", k, rg);
    SVal vb;
    expr y = p.var("b.x");
    expr holds(c);
    bool b_imm = shape != 0;
    u8 rel = cc; // the condition the relation is asked for
    SB refines(true);
    if (shape == 0) {
        Input b = input(p, "b", k, rg);
        if (k == Kind::Ptr) p.hyps.push_back(a.base == b.base);
        vb = b.v, y = b.x;
        holds = x86::cond(cc, x86::sub(low(a.x, w), low(y, w), c.bool_val(false)).f);
        refines = cmp_refines<Sym>(cc, false, SI(0));
    } else if (shape == 1) {
        expr imm = p.var("imm");
        p.show.push_back({"imm", imm});
        vb = imm_for<Sym>(SI(imm), w, cc);
        y = imm;
        holds = x86::cond(cc, x86::sub(low(a.x, w), low(imm, w), c.bool_val(false)).f);
        refines = cmp_refines<Sym>(cc, true, SI(imm));
    } else {
        ZeroTest zt = zero_test(shape == 2, cc, rel);
        expr xw = low(a.x, w);
        x86::Flags f = shape == 2 ? x86::logic('&', xw, xw).f
                                  : x86::Flags{p.var("cf", 1) == p.bv(1, 1), x86::zero(xw), x86::sign(xw),
                                               p.var("of", 1) == p.bv(1, 1), p.var("pf", 1) == p.bv(1, 1)};
        holds = x86::cond(cc, f);
        if (zt == ZeroTest::Never) { // the verifier says this edge is never taken
            p.goal = !holds;
            p.claim = std::string("after test, ") + cc_name(cc) + " is never taken";
            return;
        }
        if (zt == ZeroTest::Nothing) {
            p.goal = c.bool_val(true);
            p.claim = "nothing refined";
            return;
        }
        vb = imm_for<Sym>(SI(0), w, rel);
        y = p.bv(0);
    }
    expr lo(c), hi(c);
    if (k == Kind::Ptr) place(p, rg, a.base, lo, hi);
    else lo = p.bv(0), hi = p.bv(0);
    Relation<Sym> r = relate_values<Sym>(a.v, vb, b_imm, rel, w, shape == 0, SI(lo), SI(hi));
    p.show.push_back({"applies", r.applies.e});
    p.value("a'", r.a);
    if (!b_imm) p.value("b'", r.b);
    expr ok = r.ok.e && gamma(r.a, a.x, a.base);
    if (!b_imm) ok = ok && gamma(r.b, y, a.base);
    expr fact_ok = c.bool_val(true);
    if (!b_imm && k == Kind::Int) { // x <= y + c between the two registers (mathematically)
        expr x = z3::sext(r.x_is_a ? a.x : y, 64), yy = z3::sext(r.x_is_a ? y : a.x, 64);
        fact_ok = z3::implies(r.fact.e, x <= yy + c.bv_val(static_cast<int64_t>(r.c), 128));
    }
    p.goal = z3::implies(holds && refines.e, !r.applies.e || (ok && fact_ok));
    p.claim = std::string("the concrete ") + cc_name(cc) + " holds => the refined values still contain x" +
              (b_imm ? "" : ", y") + " (and any fact kept holds)";
}

void add_refinements(std::vector<Def> &defs) {
    const char *shapes[] = {"cmp reg,reg", "cmp reg,imm", "test reg,reg", "result flags"};
    for (int shape = 0; shape < 4; ++shape)
        for (u8 w : {1, 2, 4, 8})
            for (u8 cc = 0; cc < 16; ++cc) {
                if (shape == 3 && cc != CE && cc != CNE && cc != CS && cc != CNS) continue; // nothing to refine
                if (shape == 0 && (cc == CS || cc == CNS)) continue; // not refined (cmp_refines)
                std::vector<std::pair<Kind, Region>> kinds{{Kind::Int, Region::None}};
                if (shape == 0) kinds.push_back({Kind::Ptr, Region::Sandbox}), kinds.push_back({Kind::Ptr, Region::Stack});
                for (auto kr : kinds) {
                    std::string name = std::string(shapes[shape]) + wname(w) + " " + cc_name(cc) + " " +
                                       (kr.first == Kind::Int ? "int" : kr.second == Region::Stack ? "ptr(stack)" : "ptr(sandbox)");
                    defs.push_back({name, [shape, cc, w, kr](Proof &p) { refinement(p, shape, cc, w, kr.first, kr.second); }});
                }
            }
    defs.push_back({"fact x<=y+c tightening", [](Proof &p) {
                        Input a = input(p, "x", Kind::Int), b = input(p, "y", Kind::Int);
                        expr cc = p.var("c");
                        p.hyps.push_back(z3::sext(a.x, 64) <= z3::sext(b.x, 64) + z3::sext(cc, 64));
                        // The fact's constant is a plain number in the verifier: symbolic here.
                        SVal x = a.v, y = b.v;
                        SB ok = tighten_fact<Sym>(x, y, SI(cc));
                        p.value("x'", x), p.value("y'", y);
                        p.goal = ok.e && gamma(x, a.x, a.base) && gamma(y, b.x, b.base);
                        p.claim = "x <= y + c, x in gamma(a), y in gamma(b) => both stay in the tightened values";
                    }});
}

std::vector<Def> catalogue() {
    std::vector<Def> defs;
    add_alu(defs);
    add_pointer(defs);
    add_unary(defs);
    add_multiply(defs);
    add_divide(defs);
    add_shifts(defs);
    add_moves(defs);
    add_refinements(defs);
    return defs;
}

std::string numeral(const expr &v) {
    if (v.is_bool()) return v.is_true() ? "true" : "false";
    if (!v.is_numeral()) return v.to_string();
    unsigned n = v.get_sort().bv_size();
    u64 x = n <= 64 ? v.get_numeral_uint64() : 0;
    char b[64];
    if (n == 64 && static_cast<i64>(x) < 0 && static_cast<i64>(x) > -(1ll << 32))
        std::snprintf(b, sizeof b, "0x%llx (%lld)", static_cast<unsigned long long>(x), static_cast<long long>(x));
    else std::snprintf(b, sizeof b, "0x%llx", static_cast<unsigned long long>(x));
    return b;
}

Outcome run(const std::string &name, const std::function<void(Proof &)> &build, unsigned timeout_ms) {
    Outcome out;
    out.rule = name;
    z3::context c;
    sym::World w(c);
    sym::Use use(w);
    Proof p(c, w);
    auto t0 = std::chrono::steady_clock::now();
    try {
        build(p);
        // The goal's conjuncts (and each side condition) one query at a time:
        // smaller problems, and the first that fails is the one reported.
        std::vector<std::pair<std::string, expr>> parts;
        std::function<void(const expr &)> split = [&](const expr &g) {
            if (g.is_app() && g.decl().decl_kind() == Z3_OP_AND)
                for (unsigned i = 0; i < g.num_args(); ++i) split(g.arg(i));
            else parts.push_back({"", g});
        };
        split(p.goal.simplify());
        for (auto &s : w.side) parts.push_back({s.what, s.cond});
        out.claim = p.claim + (w.side.empty() ? "" : "; and no undefined behaviour in the rule's code");
        const char *logic = std::getenv("KTAL_PROVE_LOGIC");
        out.status = Status::Proved;
        for (auto &part : parts) {
            const char *tac = std::getenv("KTAL_PROVE_TACTIC");
            auto make = [&]() {
                if (tac && *tac) {
                    std::string t = tac;
                    z3::tactic chain(c, t.substr(0, t.find(',')).c_str());
                    for (size_t at = t.find(','); at != std::string::npos;) {
                        size_t next = t.find(',', at + 1);
                        chain = chain & z3::tactic(c, t.substr(at + 1, next - at - 1).c_str());
                        at = next;
                    }
                    return chain.mk_solver();
                }
                return logic && *logic ? z3::solver(c, logic) : z3::solver(c);
            };
            z3::solver sol = make();
            z3::params prm(c);
            prm.set("timeout", timeout_ms);
            sol.set(prm);
            for (auto &h : p.hyps) sol.add(h);
            sol.add(!part.second);
            auto tp = std::chrono::steady_clock::now();
            z3::check_result r = sol.check();
            if (std::getenv("KTAL_PROVE_DEBUG"))
                std::fprintf(stderr, "  part %s: %.1f ms %s\n", part.second.to_string().substr(0, 100).c_str(),
                             std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - tp).count(),
                             r == z3::unsat ? "unsat" : r == z3::sat ? "sat" : "unknown");
            if (r == z3::unsat) continue;
            if (r == z3::sat) {
                out.status = Status::Refuted;
                z3::model m = sol.get_model();
                out.detail = part.first.empty() ? "the concrete result is outside the rule's result"
                                                : part.first + " in the rule's code";
                for (auto &sh : p.show) out.counterexample.push_back({sh.first, numeral(m.eval(sh.second, true))});
                break;
            }
            out.status = Status::Unknown;
            out.detail = "no answer within " + std::to_string(timeout_ms) + " ms (" + sol.reason_unknown() + ")";
        }
    } catch (const z3::exception &e) {
        out.status = Status::Unknown;
        out.detail = std::string("Z3: ") + e.msg();
    } catch (const std::exception &e) {
        out.status = Status::Unknown;
        out.detail = e.what();
    }
    out.ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    return out;
}

} // namespace

std::vector<std::string> rule_names() {
    std::vector<std::string> n;
    for (auto &d : catalogue()) n.push_back(d.name);
    return n;
}

Report prove_rules(const Options &opt) {
    Report rep;
    auto t0 = std::chrono::steady_clock::now();
    std::vector<Def> defs = catalogue();
    for (size_t i = 0; i < defs.size(); ++i) {
        if (opt.shards > 1 && i % opt.shards != opt.shard) continue;
        if (!opt.filter.empty() && defs[i].name.find(opt.filter) == std::string::npos) continue;
        Outcome o = run(defs[i].name, defs[i].build, opt.timeout_ms);
        if (opt.progress) opt.progress(o);
        ++(o.status == Status::Proved ? rep.proved : o.status == Status::Refuted ? rep.refuted : rep.unknown);
        rep.rules.push_back(std::move(o));
    }
    rep.ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    return rep;
}

Outcome prove_binary(const std::string &name, Op op, u8 w, const BinaryRule &rule, unsigned timeout_ms) {
    return run(name, [&](Proof &p) { binary_rule(p, op, w, Kind::Int, Kind::Int, rule); }, timeout_ms);
}

} // namespace ktal::rules
