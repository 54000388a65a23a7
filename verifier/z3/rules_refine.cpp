// The catalogue's branch refinements: every condition code after each shape
// of flag-setting instruction, at every width, on ints and pointers
// (refine.cpp's relate_values and tighten_fact, through interval.hpp).
#include "verifier/z3/proof.hpp"

namespace ktal::rules {

const char *cc_name(u8 cc) {
    static const char *n[16] = {"jo", "jno", "jb", "jae", "je", "jne", "jbe", "ja",
                                "js", "jns", "jp", "jnp", "jl", "jge", "jle", "jg"};
    return n[cc & 15];
}

// The places two pointers of a region compare in: base + [lo, hi] does not
// wrap around the address space and stays on one side of 2^63 (lo, hi as the
// verifier's place_bounds: the whole image for sandbox and rodata, the

namespace {

// largest frame for the stack).
template <class D>
void place(Proof &p, Region rg, const expr &base, typename D::I &lo, typename D::I &hi) {
    expr first(p.c), last(p.c);
    if (rg == Region::Stack) {
        lo = typename D::I(-static_cast<i64>(kMaxFrame)), hi = typename D::I(8);
        first = D::sub64(base, D::k(p, kMaxFrame)), last = D::add64(base, D::k(p, 8));
        p.hyps.push_back(
            D::ule(D::k(p, kMaxFrame), base)); // the stack's lowest place does not wrap either
    } else { // the image: [image, image + size), the region at `off` in it
        expr size = D::var(p, "image_size"), off = D::var(p, "region_off");
        p.hyps.push_back(D::ule(size, D::k(p, 1ull << 40)) && D::ule(off, size));
        lo = D::as_i(D::sub64(D::k(p, 0), off)), hi = D::as_i(D::sub64(size, off));
        first = D::sub64(base, off), last = D::add64(first, size);
        p.hyps.push_back(
            D::ule(off, base)); // the image starts at base - off, inside the address space
    }
    p.hyps.push_back(D::ule(first, last));                 // no wraparound
    p.hyps.push_back(D::sign64(first) == D::sign64(last)); // one side of 2^63
}

// shape: 0 cmp reg,reg; 1 cmp reg,imm; 2 test reg,reg; 3 the flags of a result
template <class D>
void refinement(Proof &p, int shape, u8 cc, u8 w, Kind k, Region rg) {
    using N = typename D::N;
    z3::context &c = p.c;
    Input<D> a = input<D>(p, "a", k, rg);
    typename D::Val vb;
    expr y = D::k(p, 0);
    expr holds(c);
    bool b_imm = shape != 0;
    u8 rel = cc; // the condition the relation is asked for
    SB refines(true);
    if (shape == 0) {
        Input<D> b = input<D>(p, "b", k, rg);
        if (k == Kind::Ptr) p.hyps.push_back(a.base == b.base);
        vb = b.v, y = b.x;
        holds = x86::cond(cc, D::cmp(D::low(a.x, w), D::low(y, w), w));
        refines = cmp_refines<N>(cc, false, typename D::I(0));
    } else if (shape == 1) {
        expr imm = D::var(p, "imm"); // the instruction's immediate, as a 64-bit number
        p.show.push_back({"imm", imm});
        vb = imm_for<N>(D::as_i(imm), w, cc);
        y = imm;
        holds = x86::cond(cc, D::cmp(D::low(a.x, w), D::low(imm, w), w));
        refines = cmp_refines<N>(cc, true, D::as_i(imm));
    } else {
        ZeroTest zt = zero_test(shape == 2, cc, rel);
        expr xw = D::low(a.x, w);
        x86::Flags f = shape == 2
                           ? D::test(xw, w)
                           : x86::Flags{c.bool_const("cf"), D::is_zero(xw, w), D::is_neg(xw, w),
                                        c.bool_const("of"), c.bool_const("pf")};
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
        vb = imm_for<N>(typename D::I(0), w, rel);
    }
    typename D::I lo(0), hi(0);
    if (k == Kind::Ptr) place<D>(p, rg, a.base, lo, hi);
    Relation<N> r = relate_values<N>(a.v, vb, b_imm, rel, w, shape == 0, lo, hi);
    p.show.push_back({"applies", r.applies.e});
    p.value("a'", r.a);
    if (!b_imm) p.value("b'", r.b);
    expr ok = r.ok.e && D::gamma(r.a, a.x, a.base);
    if (!b_imm) ok = ok && D::gamma(r.b, y, a.base);
    expr fact_ok = c.bool_val(true);
    if (!b_imm && k == Kind::Int) { // x <= y + c between the two registers (mathematically)
        expr x = r.x_is_a ? a.x : y, yy = r.x_is_a ? y : a.x;
        fact_ok = z3::implies(
            r.fact.e, D::fact(x, yy, D::sub64(D::k(p, 0), D::k(p, static_cast<u64>(-r.c)))));
    }
    p.goal = z3::implies(holds && refines.e, !r.applies.e || (ok && fact_ok));
    p.claim = std::string("the concrete ") + cc_name(cc) +
              " holds => the refined values still contain x" + (b_imm ? "" : ", y") +
              " (and any fact kept holds)";
}

template <class D>
void tighten_rule(Proof &p) {
    Input<D> a = input<D>(p, "x", Kind::Int), b = input<D>(p, "y", Kind::Int);
    expr cc = D::var(p, "c"); // the fact's constant, as a 64-bit number
    p.hyps.push_back(D::fact(a.x, b.x, cc));
    typename D::Val x = a.v, y = b.v;
    SB ok = tighten_fact<typename D::N>(x, y, D::as_i(cc));
    p.value("x'", x), p.value("y'", y);
    p.goal = ok.e && D::gamma(x, a.x, a.base) && D::gamma(y, b.x, b.base);
    p.claim = "x <= y + c, x in gamma(a), y in gamma(b) => both stay in the tightened values";
}

} // namespace

void add_refinement_rules(std::vector<Def> &defs) {
    const char *shapes[] = {"cmp reg,reg", "cmp reg,imm", "test reg,reg", "result flags"};
    for (int shape = 0; shape < 4; ++shape)
        for (u8 w : {1, 2, 4, 8})
            for (u8 cc = 0; cc < 16; ++cc) {
                if (shape == 3 && cc != CE && cc != CNE && cc != CS && cc != CNS)
                    continue;                                        // nothing to refine
                if (shape == 0 && (cc == CS || cc == CNS)) continue; // not refined (cmp_refines)
                std::vector<std::pair<Kind, Region>> kinds{{Kind::Int, Region::None}};
                if (shape == 0)
                    kinds.push_back({Kind::Ptr, Region::Sandbox}),
                        kinds.push_back({Kind::Ptr, Region::Stack});
                for (auto kr : kinds) {
                    Kind k = kr.first;
                    Region rg = kr.second;
                    std::string name = std::string(shapes[shape]) + wname(w) + " " + cc_name(cc) +
                                       " " +
                                       (k == Kind::Int        ? "int"
                                        : rg == Region::Stack ? "ptr(stack)"
                                                              : "ptr(sandbox)");
                    defs.push_back({name, [=](Proof &p) { refinement<Bv>(p, shape, cc, w, k, rg); },
                                    [=](Proof &p) { refinement<Lin>(p, shape, cc, w, k, rg); }});
                }
            }
    defs.push_back({"fact x<=y+c tightening", [](Proof &p) { tighten_rule<Bv>(p); },
                    [](Proof &p) { tighten_rule<Lin>(p); }});
}

} // namespace ktal::rules
