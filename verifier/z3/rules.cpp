#include "verifier/z3/rules.hpp"

#include "verifier/z3/proof.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>

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

std::vector<Def> catalogue() {
    std::vector<Def> defs;
    add_data_rules(defs);
    add_refinement_rules(defs);
    return defs;
}

std::string numeral(const expr &v) {
    if (v.is_bool()) return v.is_true() ? "true" : "false";
    if (!v.is_numeral()) return v.to_string();
    if (v.is_int()) return v.get_decimal_string(0);
    unsigned n = v.get_sort().bv_size();
    u64 x = n <= 64 ? v.get_numeral_uint64() : 0;
    char b[64];
    if (n == 64 && static_cast<i64>(x) < 0 && static_cast<i64>(x) > -(1ll << 32))
        std::snprintf(b, sizeof b, "0x%llx (%lld)", static_cast<unsigned long long>(x),
                      static_cast<long long>(x));
    else
        std::snprintf(b, sizeof b, "0x%llx", static_cast<unsigned long long>(x));
    return b;
}

// Z3's qfbv tactic (simplify, solve equations, bit-blast, SAT; its SMT core
// for what is not bit-vectors) on the assertions: true when it proves them
// unsatisfiable within ms. In a context of its own: terms the tactic adds to
// the rule's context change the default solver's search there (mul/32:
// proved in 1.4 s, but unknown at 60 s after the tactic in the same context).
bool qfbv_refutes(const z3::expr_vector &as, unsigned ms) {
    z3::context c;
    z3::solver s = z3::tactic(c, "qfbv").mk_solver();
    z3::params p(c);
    p.set("timeout", ms);
    s.set(p);
    z3::expr_vector moved(c, as);
    for (unsigned i = 0; i < moved.size(); ++i) s.add(moved[i]);
    return s.check() == z3::unsat;
}

// Proves one rule in one domain: each conjunct of the goal, and each side
// condition (no undefined behaviour), is its own query. products: the proof
// abstracts products as atoms, so a counterexample must give each atom its
// product to stand.
void solve(Proof &p, sym::World &w, unsigned timeout_ms, Outcome &out, bool products) {
    z3::context &c = p.c;
    std::vector<std::pair<std::string, expr>> parts;
    std::function<void(const expr &)> split = [&](const expr &g) {
        if (g.is_app() && g.decl().decl_kind() == Z3_OP_AND)
            for (unsigned i = 0; i < g.num_args(); ++i) split(g.arg(i));
        else
            parts.push_back({"", g});
    };
    split(p.goal.simplify());
    for (auto &s : w.side) parts.push_back({s.what, s.cond});
    out.claim = p.claim + (w.side.empty() ? "" : "; and no undefined behaviour in the rule's code");
    out.status = Status::Proved;
    std::vector<expr> cases = p.cases;
    if (cases.empty()) cases.push_back(c.bool_val(true));
    std::vector<std::pair<std::pair<std::string, expr>, expr>> queries;
    const std::string cover = "(the proof's cases cover every input)";
    if (!p.cases.empty()) { // they must
        expr any = c.bool_val(false);
        for (const expr &k : p.cases) any = any || k;
        queries.push_back({{cover, any}, c.bool_val(true)});
    }
    for (auto &part : parts)
        for (const expr &k : cases) queries.push_back({part, k});
    // Each query first through qfbv_refutes for at most kBriefMs, then,
    // unless that proved it, through the default solver with the full limit
    // (which also gives the counterexamples). The tactic proves most rules
    // several times faster (neg/32: 4 s of CPU against 63 s; all rules 178 s
    // against 293 s), but not the nonlinear integer lemmas or mul/32, which
    // the default solver proves in seconds.
    // KTAL_PROVE_TACTIC=NAME: that tactic instead of the default solver.
    constexpr unsigned kBriefMs = 5000;
    const char *tac = std::getenv("KTAL_PROVE_TACTIC");
    for (auto &[part, k] : queries) {
        z3::solver sol = tac ? z3::tactic(c, tac).mk_solver() : z3::solver(c);
        z3::params prm(c);
        prm.set("timeout", timeout_ms);
        sol.set(prm);
        for (auto &h : p.hyps) sol.add(h);
        sol.add(k);
        sol.add(!part.second);
        auto tp = std::chrono::steady_clock::now();
        if (std::getenv("KTAL_PROVE_ROUNDTRIP")) {
            z3::context c2;
            z3::solver s2(c2);
            s2.set(prm);
            z3::params p2(c2);
            p2.set("timeout", timeout_ms);
            s2.set(p2);
            z3::expr_vector v = c2.parse_string(sol.to_smt2().c_str());
            for (unsigned i = 0; i < v.size(); ++i) s2.add(v[i]);
            z3::check_result r2 = s2.check();
            std::fprintf(
                stderr, "  roundtrip: %.1f ms %d\n",
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - tp)
                    .count(),
                (int)r2);
            tp = std::chrono::steady_clock::now();
        }
        z3::check_result r = !tac && qfbv_refutes(sol.assertions(), std::min(timeout_ms, kBriefMs))
                                 ? z3::unsat
                                 : sol.check();
        if (std::getenv("KTAL_PROVE_DEBUG"))
            std::fprintf(
                stderr, "  part %.160s: %.1f ms %s\n", part.second.to_string().c_str(),
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - tp)
                    .count(),
                r == z3::unsat ? "unsat"
                : r == z3::sat ? "sat"
                               : "unknown");
        if (r == z3::unsat) continue;
        if (r == z3::sat) {
            z3::model m = sol.get_model();
            if (products && !symi::products_exact(m)) {
                out.status = Status::Unknown;
                out.detail = "a counterexample of the product abstraction only (an atom is not the "
                             "product of its factors)";
                return;
            }
            out.status = Status::Refuted;
            out.detail = part.first.empty()    ? "the concrete result is outside the rule's result"
                         : part.first == cover ? "the proof's cases miss some input"
                                               : part.first + " in the rule's code";
            for (auto &sh : p.show)
                out.counterexample.push_back({sh.first, numeral(m.eval(sh.second, true))});
            return;
        }
        out.status = Status::Unknown;
        out.detail =
            "no answer within " + std::to_string(timeout_ms) + " ms (" + sol.reason_unknown() + ")";
        if (const char *dump =
                std::getenv("KTAL_PROVE_DUMP")) { // the query, for a look with other tactics
            if (std::FILE *f = std::fopen(dump, "w"))
                std::fputs(sol.to_smt2().c_str(), f), std::fclose(f);
        }
        return;
    }
}

Outcome run(const Def &d, unsigned timeout_ms) {
    Outcome out;
    out.rule = d.name;
    auto t0 = std::chrono::steady_clock::now();
    const char *only =
        std::getenv("KTAL_PROVE_DOMAIN"); // "bv" or "lin": for checking one against the other
    bool want_lin = d.lin && !(only && std::string(only) == "bv");
    bool want_bv = d.bv && !(only && std::string(only) == "lin" && d.lin);
    bool done = false;
    try {
        if (want_lin) {
            z3::context c;
            sym::World w(c);
            sym::Use use(w);
            Proof p(c, w);
            bool linear = true;
            try {
                d.lin(p);
            } catch (const symi::Nonlinear &) {
                linear = false; // not linear after all: bit-vectors
            }
            if (linear) {
                bool products = !w.products.empty();
                if (products) symi::product_axioms(p.hyps);
                solve(p, w, timeout_ms, out, products);
                out.detail += (out.detail.empty() ? "" : "; ") + std::string("by ") + Lin::name;
                // A proof or a refutation stands; unknown: try bit-vectors.
                done = out.status != Status::Unknown || only;
            }
        }
        if (!done && want_bv) {
            z3::context c;
            sym::World w(c);
            sym::Use use(w);
            Proof p(c, w);
            Outcome o;
            o.rule = d.name;
            d.bv(p);
            solve(p, w, timeout_ms, o, false);
            o.detail += (o.detail.empty() ? "" : "; ") + std::string("on ") + Bv::name;
            out = o;
        }
    } catch (const z3::exception &e) {
        out.status = Status::Unknown;
        out.detail = std::string("Z3: ") + e.msg();
    } catch (const std::exception &e) {
        out.status = Status::Unknown;
        out.detail = e.what();
    }
    out.ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
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
        Outcome o = run(defs[i], opt.timeout_ms);
        if (opt.progress) opt.progress(o);
        ++(o.status == Status::Proved    ? rep.proved
           : o.status == Status::Refuted ? rep.refuted
                                         : rep.unknown);
        rep.rules.push_back(std::move(o));
    }
    rep.ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    return rep;
}

std::string self_check(unsigned rounds) {
    z3::context c;
    sym::World w(c);
    sym::Use use(w);
    Proof p(c, w);
    u64 seed = 0x9e3779b97f4a7c15ull;
    auto rnd = [&]() {
        seed ^= seed << 13, seed ^= seed >> 7, seed ^= seed << 17;
        static const u64 edges[] = {0,
                                    1,
                                    0x7f,
                                    0x80,
                                    0xff,
                                    0x7fff,
                                    0x8000,
                                    0xffff,
                                    0x7fffffff,
                                    0x80000000,
                                    0xffffffff,
                                    0x7fffffffffffffffull,
                                    0x8000000000000000ull,
                                    ~0ull};
        return seed % 3 ? seed >> (seed % 64) : edges[(seed >> 8) % 14];
    };
    auto as_u64 = [](const expr &e) -> u64 {
        expr v = e.simplify();
        if (v.is_bool()) return v.is_true();
        if (v.is_int()) return std::stoull(v.get_decimal_string(0));
        return v.get_numeral_uint64();
    };
    auto b = [&](u64 v) { return c.bv_val(static_cast<uint64_t>(v), 64); };
    auto i = [&](u64 v) { return c.int_val(std::to_string(v).c_str()); };
    std::string out;
    auto check = [&](const char *what, u8 w, u64 x, u64 y, const expr &bv, const expr &lin) {
        if (as_u64(bv) != as_u64(lin) && out.size() < 2000)
            out += std::string(what) + "/" + std::to_string(8 * w) + " of " + std::to_string(x) +
                   ", " + std::to_string(y) + ": bit-vectors " + std::to_string(as_u64(bv)) +
                   ", integers " + std::to_string(as_u64(lin)) + "\n";
    };
    for (unsigned r = 0; r < rounds; ++r) {
        u64 x = rnd(), y = rnd();
        bool cin = rnd() & 1;
        for (u8 wd : {1, 2, 4, 8}) {
            expr bx = Bv::low(b(x), wd), by = Bv::low(b(y), wd), lx = Lin::low(i(x), wd),
                 ly = Lin::low(i(y), wd);
            check("low", wd, x, y, Bv::zx(bx, wd), Lin::zx(lx, wd));
            check("add", wd, x, y, Bv::zx(Bv::add(bx, by, c.bool_val(cin), wd), wd),
                  Lin::add(lx, ly, c.bool_val(cin), wd));
            check("sub", wd, x, y, Bv::zx(Bv::sub(bx, by, c.bool_val(cin), wd), wd),
                  Lin::sub(lx, ly, c.bool_val(cin), wd));
            check("neg", wd, x, y, Bv::zx(Bv::neg(bx, wd), wd), Lin::neg(lx, wd));
            check("not", wd, x, y, Bv::zx(Bv::bnot(bx, wd), wd), Lin::bnot(lx, wd));
            check("sign-fill", wd, x, y, Bv::zx(Bv::sign_fill(bx, wd), wd), Lin::sign_fill(lx, wd));
            check("zero", wd, x, y, Bv::is_zero(bx, wd), Lin::is_zero(lx, wd));
            check("negative", wd, x, y, Bv::is_neg(bx, wd), Lin::is_neg(lx, wd));
            x86::Flags fb = Bv::cmp(bx, by, wd), fl = Lin::cmp(lx, ly, wd);
            for (u8 cc = 0; cc < 16; ++cc) {
                if (cc == CP || cc == CNP) continue; // parity: a free flag in the integer semantics
                check(cc_name(cc), wd, x, y, x86::cond(cc, fb), x86::cond(cc, fl));
            }
            x86::Flags tb = Bv::test(bx, wd), tl = Lin::test(lx, wd);
            for (u8 cc = 0; cc < 16; ++cc)
                if (cc != CP && cc != CNP)
                    check("test", wd, x, y, x86::cond(cc, tb), x86::cond(cc, tl));
            for (u8 to : {2, 4, 8})
                if (to > wd)
                    check("sext", wd, x, to, Bv::zx(Bv::sx(bx, wd, to), to),
                          Lin::zx(Lin::sx(lx, wd, to), to));
        }
        check("add64", 8, x, y, Bv::add64(b(x), b(y)), Lin::add64(i(x), i(y)));
        check("sub64", 8, x, y, Bv::sub64(b(x), b(y)), Lin::sub64(i(x), i(y)));
        u64 cv = rnd();
        check("fact", 8, x, cv, Bv::fact(b(x), b(y), b(cv)), Lin::fact(i(x), i(y), i(cv)));
        check("slt", 8, x, y, Bv::slt(b(x), b(y)), Lin::slt(i(x), i(y)));
        check("ule", 8, x, y, Bv::ule(b(x), b(y)), Lin::ule(i(x), i(y)));
        check("sign64", 8, x, y, Bv::sign64(b(x)), Lin::sign64(i(x)));
        i64 li = std::stoll(Lin::as_i(i(x)).e.simplify().get_decimal_string(0));
        check("as_i", 8, x, y, Bv::as_i(b(x)).e, b(static_cast<u64>(li)));
    }
    return out;
}

Outcome prove_binary(const std::string &name, Op op, u8 w, const BinaryRule &rule,
                     unsigned timeout_ms) {
    Def d{name,
          [&](Proof &p) {
              Input<Bv> a = input<Bv>(p, "a", Kind::Int), b = input<Bv>(p, "b", Kind::Int);
              sym::SVal r = rule(a.v, b.v);
              expr x = Bv::low(a.x, w), y = Bv::low(b.x, w);
              expr res = Bv::zx(op == Op::Sub   ? Bv::sub(x, y, p.c.bool_val(false), w)
                                : op == Op::Add ? Bv::add(x, y, p.c.bool_val(false), w)
                                                : x86::logic(op == Op::And  ? '&'
                                                             : op == Op::Or ? '|'
                                                                            : '^',
                                                             x, y)
                                                      .r,
                                w);
              p.show.push_back({"result (concrete)", res});
              p.value("rule", r);
              p.goal = Bv::gamma(r, res, a.base);
              p.claim = std::string("x in gamma(a), y in gamma(b) => ") + op_name(op) + wname(w) +
                        "(x, y) in gamma(rule(a, b))";
          },
          nullptr};
    return run(d, timeout_ms);
}

} // namespace ktal::rules
