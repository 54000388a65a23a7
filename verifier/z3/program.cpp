#include "verifier/z3/program.hpp"

#include "loader/image.hpp"
#include "loader/symbols.hpp"
#include "tal/cert.hpp"
#include "tal/helpers.hpp"
#include "verifier/decode.hpp"
#include "verifier/operands.hpp"
#include "verifier/verifier.hpp"
#include "verifier/z3/cache.hpp"
#include "verifier/z3/layout.hpp"
#include "verifier/z3/sums.hpp"
#include "verifier/z3/taint.hpp"
#include "verifier/z3/x86.hpp"

#include <z3++.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <unordered_map>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

namespace ktal::prover {

const char *result_name(Obligation::Result r) {
    switch (r) {
    case Obligation::Proved: return "proved";
    case Obligation::Refuted: return "refuted";
    case Obligation::Unknown: return "unknown";
    }
    return "?";
}

// A far sandbox or rodata pointer stands for any value: the verifier never
// reads its offsets (no access, distance or refinement through it).
static bool any_value(const Value &v) {
    return is_far(v) && v.region != Region::Stack;
}

std::string hex(u64 v) {
    char b[24];
    std::snprintf(b, sizeof b, "0x%llx", static_cast<unsigned long long>(v));
    return b;
}

namespace {

using z3::expr;

// A register: its 64-bit value and which of its bytes hold data (bit i: byte
// i was written by the program with something it may read: not stale kernel
// data, not a stack address, not the return address or a caller's register).
struct Word {
    expr v, data; // BV64, BV8
};

// The machine at one program point of one symbolic run.
struct MState {
    explicit MState(z3::context &c)
        : f{c.bool_val(false), c.bool_val(false), c.bool_val(false), c.bool_val(false),
            c.bool_val(false)},
          own(flags_unreadable(c)), mem(c.bool_val(false)), mdata(c.bool_val(false)),
          fuel(c.bool_val(false)), reach(c.bool_val(false)) {}
    std::vector<Word> r; // kNumRegs
    x86::Flags f;        // the flags' values
    FlagData own;        // the flags hold values this function computed from data (taint.hpp)
    expr mem, mdata; // the safe stack by offset from the entry rsp: bytes, and "byte holds data"
    expr fuel;       // a fuel point ran since the last backward-jump target
    expr reach;      // the path condition
    bool live() const { return !reach.is_false(); }
};

// x <=u c and x <=s c for a number c, written as not (c + 1 <= x). Z3's
// rewriter cuts `x <=u c` with a small c into "high bits zero" and a compare
// of re-cut low bits (extracts pushed into sums and if-then-elses), and the
// SAT solver must then prove that circuit equal to the guard's `c' <=u x` of
// the very same sum; `c + 1 <=u x` is left whole, so the obligation and the
// guard share their terms. Both forms mean the same.
expr ule_num(const expr &x, u64 c) {
    z3::context &ctx = x.ctx();
    unsigned bits = x.get_sort().bv_size();
    u64 max = bits >= 64 ? ~0ull : (1ull << bits) - 1;
    if (c >= max) return ctx.bool_val(true);
    return !z3::ule(ctx.bv_val(static_cast<uint64_t>(c + 1), bits), x);
}
expr sle_num(const expr &x, i64 c) {
    z3::context &ctx = x.ctx();
    if (c == INT64_MAX) return ctx.bool_val(true);
    return !(ctx.bv_val(static_cast<int64_t>(c + 1), 64) <= x);
}

expr pick(const expr &c, const expr &a, const expr &b) {
    return z3::eq(a, b) ? a : z3::ite(c, a, b);
}

// The state that is a where a's path condition holds and b elsewhere.
MState merge(const MState &a, const MState &b) {
    if (!a.live()) return b;
    if (!b.live()) return a;
    const expr &c = a.reach;
    MState m = a;
    for (size_t i = 0; i < a.r.size(); ++i)
        m.r[i] = Word{pick(c, a.r[i].v, b.r[i].v), pick(c, a.r[i].data, b.r[i].data)};
    m.f = x86::Flags{pick(c, a.f.cf, b.f.cf), pick(c, a.f.zf, b.f.zf), pick(c, a.f.sf, b.f.sf),
                     pick(c, a.f.of, b.f.of), pick(c, a.f.pf, b.f.pf)};
    m.own = FlagData{pick(c, a.own.cf, b.own.cf), pick(c, a.own.of, b.own.of),
                     pick(c, a.own.zsp, b.own.zsp)};
    m.mem = pick(c, a.mem, b.mem), m.mdata = pick(c, a.mdata, b.mdata);
    m.fuel = pick(c, a.fuel, b.fuel);
    m.reach = (a.reach || b.reach).simplify();
    return m;
}

// An obligation waiting for its query.
struct Pending {
    u64 addr;
    std::string insn, kind, what;
    expr reach, cond;
    std::vector<std::pair<std::string, expr>> show;  // values to print with a counterexample
    std::vector<std::pair<std::string, expr>> items; // parts of cond, to name the ones that fail
};

// Everything one function's runs share: its symbolic constants and the
// layout's facts.
struct Env {
    z3::context &c;
    const Cert &cert;
    const Layout &l;
    const Function &fn;
    std::string fn_name;
    expr S, RA, IB, SBX, ROD;
    std::vector<expr> saved; // the caller's callee-saved registers
    std::vector<expr> facts; // what the layout guarantees
    unsigned counter = 0;

    Env(z3::context &ctx, const Cert &ct, const Function &f, std::string name)
        : c(ctx), cert(ct), l(ct.layout), fn(f), fn_name(std::move(name)),
          S(c.bv_const("rsp0", 64)), RA(c.bv_const("retaddr", 64)), IB(c.bv_const("image", 64)),
          SBX(IB + bv(l.sandbox_off)), ROD(IB + bv(l.rodata_off)) {
        for (u8 r = 0; r < kNumRegs; ++r)
            saved.push_back(c.bv_const((std::string(reg_name(r)) + "0").c_str(), 64));
        u64 size = l.image_size;
        // The image: page aligned, not wrapping around the address space, on
        // one side of 2^63 (canonical addresses: the kernel's upper half, or
        // user space for `ktal run --user`).
        facts.push_back(IB.extract(11, 0) == c.bv_val(0, 12));
        facts.push_back(z3::ule(IB, bv(~0ull - size)));
        facts.push_back(z3::ule(IB, bv((1ull << 63) - 1 - size)) || z3::uge(IB, bv(1ull << 63)));
        // The stack: 1 MiB either side of the entry rsp is mapped stack (or at
        // least not the image), does not wrap, and lies on one side of 2^63.
        const u64 M = 1ull << 20;
        facts.push_back(z3::uge(S, bv(M)) && z3::ule(S, bv(~0ull - M)));
        facts.push_back(z3::ule(S, bv((1ull << 63) - 1 - M)) || z3::uge(S - bv(M), bv(1ull << 63)));
        facts.push_back(z3::ule(S + bv(M), IB) || z3::uge(S - bv(M), IB + bv(size)));
    }

    expr bv(u64 v, unsigned bits = 64) const { return c.bv_val(static_cast<uint64_t>(v), bits); }
    std::string fresh(const char *what) {
        return std::string(what) + "." + std::to_string(counter++);
    }
    expr fresh_bv(const char *what, unsigned bits = 64) {
        return c.bv_const(fresh(what).c_str(), bits);
    }
    expr fresh_bool(const char *what) { return c.bool_const(fresh(what).c_str()); }
    expr fresh_mem(const char *what) {
        return c.constant(fresh(what).c_str(), c.array_sort(c.bv_sort(64), c.bv_sort(8)));
    }
    expr base_of(Region r) const { return r == Region::Sandbox ? SBX : ROD; }

    // Does (v, data) belong to the certificate's value `want`?
    expr holds(const Value &want, const expr &v, const expr &data) const {
        switch (want.kind) {
        case Kind::Uninit: {
            if (want.low == 0) return c.bool_val(true);
            u64 m = (1u << want.low) - 1;
            return (data & bv(m, 8)) == bv(m, 8);
        }
        case Kind::Int:
            return data == bv(0xff, 8) && bv(want.smin) <= v && sle_num(v, want.smax) &&
                   z3::ule(bv(want.umin), v) && ule_num(v, want.umax);
        case Kind::Ptr: {
            if (any_value(want)) return data == bv(0xff, 8);
            expr off = v - (want.region == Region::Stack ? S : base_of(want.region));
            expr in = bv(want.smin) <= off && sle_num(off, want.smax);
            return want.region == Region::Stack ? in : (data == bv(0xff, 8) && in);
        }
        case Kind::RetAddr: return v == RA;
        case Kind::Saved: return v == saved[want.reg];
        }
        return c.bool_val(false);
    }
    // The data mask a value of this kind has, when assumed.
    u8 data_of(const Value &v) const {
        if (v.kind == Kind::Uninit) return static_cast<u8>((1u << v.low) - 1);
        return v.is_data() ? 0xff : 0;
    }

    // Regions. n: the access's length in bytes (64-bit, at least 1).
    expr in_sandbox(const expr &a, const expr &n) const {
        return within(a - SBX, n, l.sandbox_size);
    }
    // Readable: rodata, its padding up to the sandbox (mapped read-only by
    // the kernel and the user-mode runner alike: [text end, sandbox) is one
    // read-only range) and the sandbox, i.e. rodata's start to the image's end.
    expr in_readable(const expr &a, const expr &n) const {
        return within(a - ROD, n, l.sandbox_off + l.sandbox_size - l.rodata_off);
    }
    // off + n <= size without wrapping (off <=u size - n).
    expr within(const expr &off, const expr &n, u64 size) const {
        expr nn = n.simplify();
        if (nn.is_numeral()) {
            u64 k = nn.get_numeral_uint64();
            return k > size ? c.bool_val(false) : ule_num(off, size - k);
        }
        return z3::ule(n, bv(size)) && z3::ule(off, bv(size) - n);
    }
    // Inside the live frame: at or above rsp, below the return address.
    expr in_frame(const expr &a, const expr &n, const expr &rsp) const {
        expr off = a - S, lo = rsp - S;
        return lo <= off && off <= bv(0) && z3::ule(n, bv(0) - off);
    }
    expr ra_slot(const expr &a, const expr &n) const { return a == S && n == bv(8); }
};

std::string describe_value(const Env &e, const z3::model &m, const expr &v) {
    u64 x = m.eval(v, true).get_numeral_uint64();
    u64 s = m.eval(e.S, true).get_numeral_uint64(), sb = m.eval(e.SBX, true).get_numeral_uint64();
    u64 ro = m.eval(e.ROD, true).get_numeral_uint64(), ib = m.eval(e.IB, true).get_numeral_uint64();
    std::string out = hex(x);
    i64 ds = static_cast<i64>(x - s);
    if (ds >= -(1 << 20) && ds <= (1 << 20))
        out += ds < 0 ? " (rsp0-" + hex(static_cast<u64>(-ds)) + ")"
                      : " (rsp0+" + hex(static_cast<u64>(ds)) + ")";
    else if (x - sb <= e.l.sandbox_size)
        out += " (sandbox+" + hex(x - sb) + ")";
    else if (x - ro <= e.l.rodata_size)
        out += " (rodata+" + hex(x - ro) + ")";
    else if (x - ib < e.l.image_size)
        out += " (image+" + hex(x - ib) + ")";
    return out;
}

// Knobs for looking inside a proof, from the environment, read once:
// KTAL_PROVE_STATS=1..4 (per function, run, batch, query), KTAL_PROVE_DUMP
// (an unknown query's SMT-LIB), KTAL_PROVE_DUMP_FAST (the last query of the
// plain pipeline), KTAL_PROVE_DUMP_DIR (every query), KTAL_PROVE_ONLY=ADDR
// (one run), KTAL_PROVE_FUNCTION=ADDR (one function), KTAL_PROVE_NO_FORK,
// KTAL_PROVE_NO_STAND_INS (a query with hard terms skips the pipeline).
struct Knobs {
    int stats = 0;
    const char *dump = nullptr, *dump_fast = nullptr, *dump_dir = nullptr;
    const char *only = nullptr, *function = nullptr;
    bool no_fork = false, no_stand_ins = false;
};
const Knobs &knobs() {
    static const Knobs k = [] {
        Knobs n;
        if (const char *st = std::getenv("KTAL_PROVE_STATS"))
            n.stats = st[0] >= '1' && st[0] <= '9' ? st[0] - '0' : 1;
        n.dump = std::getenv("KTAL_PROVE_DUMP");
        n.dump_fast = std::getenv("KTAL_PROVE_DUMP_FAST");
        n.dump_dir = std::getenv("KTAL_PROVE_DUMP_DIR");
        n.only = std::getenv("KTAL_PROVE_ONLY");
        n.function = std::getenv("KTAL_PROVE_FUNCTION");
        n.no_fork = std::getenv("KTAL_PROVE_NO_FORK") != nullptr;
        n.no_stand_ins = std::getenv("KTAL_PROVE_NO_STAND_INS") != nullptr;
        return n;
    }();
    return k;
}

// The image's time budget, when it has one (Options::budget_ms).
bool g_budget = false;
std::chrono::steady_clock::time_point g_deadline;

// Milliseconds since t.
double ms_since(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count();
}

// Z3's resource units per millisecond of a query's time limit, for
// fast_check (about 2-4 million units per second of CPU on these queries).
constexpr u64 kUnitsPerMs = 2000;

// How long the runs of a function may work in one Z3 context before the next
// run gets a new one (FunctionProver::prove). Measured on the 29 corpus
// images: 886 s of CPU at 1000 ms, 929 s with a context per run.
constexpr double kContextShareMs = 1000;

// Is t itself a product, quotient or remainder of two non-constant terms?
// The pipeline's bit-blaster was seen not to stop at either limit on such
// terms (bignum: one query ran for more than 10 minutes).
bool hard_node(const expr &t) {
    if (!t.is_app()) return false;
    switch (t.decl().decl_kind()) {
    case Z3_OP_BMUL:
    case Z3_OP_BUDIV:
    case Z3_OP_BUDIV_I:
    case Z3_OP_BUREM:
    case Z3_OP_BUREM_I:
    case Z3_OP_BSDIV:
    case Z3_OP_BSDIV_I:
    case Z3_OP_BSREM:
    case Z3_OP_BSREM_I:
    case Z3_OP_BSMOD:
    case Z3_OP_BSMOD_I: {
        unsigned symbolic = 0;
        for (unsigned i = 0; i < t.num_args(); ++i) symbolic += !t.arg(i).is_numeral();
        return symbolic >= 2;
    }
    default: return false;
    }
}

// The pipeline sees such a term as a fresh value of its sort (the query with
// it is weaker: a model of the query gives one of this, so unsat here is
// unsat there; sat proves nothing and goes on to the default solver).
// Each hard term of a run's formulas gets one constant (substitution
// replaces the outermost ones; inner ones appear in the lemmas); a hard term
// inside a quantifier (a stack array's lambda, whose bound variable a
// constant cannot stand for) leaves the query to the default solver.
struct HardTerms {
    explicit HardTerms(z3::context &c) : from(c), to(c) {}
    z3::expr_vector from, to;
    enum : u8 { Hard = 1, Bound = 2 }; // holds a hard term; one under a quantifier

    // Gives the hard terms of t outside quantifiers their stand-ins.
    u8 collect(const expr &t, bool quantified = false) {
        unsigned id = Z3_get_ast_id(t.ctx(), t);
        auto &memo = seen_[quantified];
        if (auto it = memo.find(id); it != memo.end()) return it->second;
        u8 r = 0;
        if (t.is_app()) {
            for (unsigned i = 0; i < t.num_args(); ++i) r |= collect(t.arg(i), quantified);
            if (hard_node(t)) {
                r |= quantified ? Hard | Bound : Hard;
                if (!quantified) stand_in(t);
            }
        } else if (t.is_quantifier()) {
            r = collect(t.body(), true);
        }
        memo[id] = r;
        return r;
    }
    // A constant for t, with what division says of it: a quotient is at most
    // the dividend and a remainder below the divisor (unsigned, for a
    // divisor that is not zero).
    void stand_in(const expr &t) {
        expr v = t.ctx().constant(("hard." + std::to_string(to.size())).c_str(), t.get_sort());
        from.push_back(t);
        to.push_back(v);
        Z3_decl_kind k = t.decl().decl_kind();
        if (t.num_args() != 2) return;
        expr a = t.arg(0), b = t.arg(1), nonzero = b != t.ctx().bv_val(0, b.get_sort().bv_size());
        if (k == Z3_OP_BUDIV || k == Z3_OP_BUDIV_I)
            lemmas.push_back(abstract(z3::implies(nonzero, z3::ule(t, a)), Hard));
        if (k == Z3_OP_BUREM || k == Z3_OP_BUREM_I)
            lemmas.push_back(abstract(z3::implies(nonzero, z3::ult(t, b) && z3::ule(t, a)), Hard));
    }
    std::vector<expr> lemmas; // about the stand-ins, with them

    // t with the stand-ins, after collect(t).
    expr abstract(const expr &t, u8 found) {
        if (!found) return t;
        expr out = t;
        return out.substitute(from, to);
    }

  private:
    std::unordered_map<unsigned, u8> seen_[2]; // by term id, outside and inside quantifiers
};

// The pipeline, built once per run.
z3::tactic fast_pipeline(z3::context &c) {
    return z3::tactic(c, "simplify") & z3::tactic(c, "propagate-values") &
           z3::tactic(c, "solve-eqs") & z3::tactic(c, "elim-uncnstr") & z3::tactic(c, "simplify") &
           z3::tactic(c, "max-bv-sharing") & z3::tactic(c, "bit-blast") & z3::tactic(c, "sat");
}

// A query through the plain pipeline: simplify, propagate values, solve
// equations, eliminate unconstrained terms (a step of Z3's own QF_BV tactic:
// mergesort's proof took 30 s of CPU with it, 46 s without), bit-blast, SAT.
// Z3's default solver sees arrays in these queries (the start's safe stack,
// read at constant offsets) and takes its SMT core instead, which is often a
// hundred times slower on them (printf's edge states: 8.6 s of CPU against
// 42 ms for one obligation, the run's batch of 147 unknown at 4 s against
// 0.9 s). Limited by Z3's resource count (rlimit), not the clock, so a
// loaded machine gets the same answers.
// Only two answers are returned: unsat (every tactic keeps unsatisfiability:
// an unsat goal was unsat before; terms the bit-blaster cannot handle make
// the pipeline fail, never prove), and sat with a model under which every
// assertion evaluates to true (checked here, so a model of a weakened goal
// is never taken; with hard terms replaced, `abstracted`, sat is not
// taken either). Anything else is unknown: the caller asks the default
// solver.
z3::check_result fast_check(z3::tactic &pipeline, const std::vector<expr> &base,
                            const std::vector<expr> &lemmas, const expr &q, bool abstracted,
                            unsigned timeout_ms, z3::model *model) {
    try {
        z3::solver s = pipeline.mk_solver();
        z3::params p(q.ctx());
        p.set("rlimit", static_cast<unsigned>(std::min(timeout_ms, 10000u) * kUnitsPerMs));
        // and the clock too, at the same limit: some steps do not count
        // resource units (bignum: a query ran for minutes past its rlimit)
        p.set("timeout", std::min(timeout_ms, 10000u));
        s.set(p);
        for (const expr &b : base) s.add(b);
        for (const expr &l : lemmas) s.add(l);
        s.add(q);
        if (knobs().dump_fast)
            if (std::FILE *o = std::fopen(knobs().dump_fast, "w"))
                std::fputs(s.to_smt2().c_str(), o), std::fclose(o);
        z3::check_result r = s.check();
        if (r == z3::unsat) return z3::unsat;
        if (r != z3::sat || abstracted) return z3::unknown;
        z3::model m = s.get_model();
        for (const expr &b : base)
            if (!m.eval(b, true).is_true()) return z3::unknown;
        if (!m.eval(q, true).is_true()) return z3::unknown;
        if (model) *model = m;
        return z3::sat;
    } catch (const z3::exception &) {
        return z3::unknown;
    }
}

// Questions to Z3 about one run: what the run assumes (the layout's facts,
// the certified state at its start, what its calls return) and one query at
// a time, each in a fresh solver: Z3 solves these bit-vector problems much
// faster outside its incremental mode.
struct Asker {
    z3::context &c;
    std::vector<expr> base;
    double ms = 0; // time spent solving
    u64 queries = 0;
    u64 fast = 0, slow = 0;                // answered by fast_check, by the default solver
    std::optional<z3::tactic> pipeline_{}; // fast_check's, built on first use
    HardTerms hard_{c};                    // the stand-ins for fast_check
    std::vector<expr> base_abs_{};         // base[0..base_abs_.size()) with them
    u8 base_hard_ = 0;                     // what collect found in base

    // fallback: on the pipeline's unknown, ask the default solver too (a
    // batch does not, unless the pipeline could not take the query: see
    // solve).
    z3::check_result check(const expr &q, unsigned timeout_ms, z3::model *model = nullptr,
                           std::string *why = nullptr, bool fallback = true) {
        if (g_budget) { // the image's budget: what is left of it, and nothing once spent
            auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                            g_deadline - std::chrono::steady_clock::now())
                            .count();
            if (left <= 0) {
                if (why) *why = "the image's time budget (--budget-ms) was spent";
                return z3::unknown;
            }
            if (static_cast<unsigned long long>(left) < timeout_ms)
                timeout_ms = static_cast<unsigned>(left);
        }
        auto t0 = std::chrono::steady_clock::now();
        // First the plain pipeline (fast_check), counted in Z3's resource
        // units: unsat is a proof; sat only with a model that makes every
        // assertion true. Anything else asks the default solver below.
        if (!pipeline_) pipeline_.emplace(fast_pipeline(c));
        while (base_abs_.size() < base.size()) {
            const expr &b = base[base_abs_.size()];
            u8 found = hard_.collect(b);
            base_hard_ |= found;
            base_abs_.push_back(hard_.abstract(b, found));
        }
        u8 q_hard = hard_.collect(q);
        z3::check_result fr = z3::unknown;
        bool piped = !((base_hard_ | q_hard) & HardTerms::Bound) &&
                     !((base_hard_ | q_hard) && knobs().no_stand_ins);
        if (piped) {
            static const std::vector<expr> none;
            bool abstracted = base_hard_ | q_hard;
            fr = fast_check(*pipeline_, base_abs_, abstracted ? hard_.lemmas : none,
                            hard_.abstract(q, q_hard), abstracted, timeout_ms, model);
        }
        if (knobs().stats >= 4)
            std::fprintf(stderr, "      fast: %s, %.1f ms\n",
                         fr == z3::unsat ? "unsat"
                         : fr == z3::sat ? "sat"
                                         : "unknown",
                         ms_since(t0));
        if (fr != z3::unknown) {
            ms += ms_since(t0);
            ++queries, ++fast;
            dump(q, fr, t0);
            return fr;
        }
        if (!fallback && piped) {
            ms += ms_since(t0);
            ++queries;
            if (why) *why = "the plain pipeline ran out of its limit";
            return z3::unknown;
        }
        ++slow;
        z3::solver sol(c);
        z3::params p(c);
        p.set("timeout", timeout_ms);
        sol.set(p);
        for (const expr &b : base) sol.add(b);
        sol.add(q);
        z3::check_result r = sol.check();
        ms += ms_since(t0);
        ++queries;
        if (r == z3::sat && model) *model = sol.get_model();
        dump(q, r, t0);
        if (r == z3::unknown) {
            if (why) *why = sol.reason_unknown();
            if (const char *dump = knobs().dump) {
                z3::solver raw(c);
                for (const expr &b : base) raw.add(b);
                raw.add(q);
                if (std::FILE *f = std::fopen(dump, "w"))
                    std::fputs(raw.to_smt2().c_str(), f), std::fclose(f);
            }
        }
        return r;
    }

    void dump(const expr &q, z3::check_result r, std::chrono::steady_clock::time_point t0) {
        if (const char *dir = knobs().dump_dir) {
            static unsigned n = 0;
            z3::solver raw(c);
            for (const expr &b : base) raw.add(b);
            raw.add(q);
            std::string name = std::string(dir) + "/q" + std::to_string(n++) + "-" +
                               (r == z3::unsat ? "unsat"
                                : r == z3::sat ? "sat"
                                               : "unknown") +
                               "-" + std::to_string(static_cast<long>(ms_since(t0))) + "ms.smt2";
            if (std::FILE *f = std::fopen(name.c_str(), "w"))
                std::fputs(raw.to_smt2().c_str(), f), std::fclose(f);
        }
    }
};

// Reads of the safe stack at constant offsets, resolved through the array
// term's stores at constant offsets and its merges (if-then-else of two
// arrays), and bytes put back together into the word they were cut from:
// select(store(a, i, v), j) is v where i = j and select(a, j) where i and j
// are different numbers; a read of a merge is the merge of the reads; the
// bytes extract(8k+7, 8k, w) for consecutive k are w's bits again. Each step
// is an identity of the theory of arrays and bit-vectors, so the terms mean
// what the plain selects mean; they are only smaller, and a pointer stored
// in a slot and read back is the very term that was stored (Z3's rewriter
// cuts the low byte of base + offset into a sum of bytes, which it never
// puts back together, and then cannot cancel base - base).
class StackReader {
  public:
    explicit StackReader(z3::context &c) : c_(c) {}

    // The n bytes at offset off (a 64-bit term), little-endian.
    expr read(const expr &mem, const expr &off, unsigned n) {
        expr o = off.simplify();
        std::vector<expr> bytes;
        for (unsigned i = 0; i < n; ++i)
            bytes.push_back(o.is_numeral() ? byte(mem, o.get_numeral_uint64() + i)
                                           : select(mem, o + c_.bv_val(i, 64)));
        return combine(bytes, 4);
    }

    // select(mem, j) for a term j: the stores at constant offsets become
    // if-then-else on j's range (consecutive offsets that store the same
    // term, as a frame's data bits mostly do, one range), so that Z3 never
    // needs its theory of arrays for the stores the run made.
    expr select(const expr &mem, const expr &j) {
        expr jj = j.simplify();
        if (jj.is_numeral()) return byte(mem, jj.get_numeral_uint64());
        return select_sym(mem, jj, 0);
    }

  private:
    // The stores at constant offsets on top of a memory term, as ranges of
    // consecutive offsets that store one term, latest first, and the term
    // below them. Made once per memory term: a run reads one memory at many
    // symbolic offsets (8 per word), and walking its chain for each cost more
    // than the run's queries in a big frame (matmul's main).
    struct Range {
        u64 lo, hi;
        expr v, lo_bv, span_bv; // the constants lo and hi - lo, made once too
    };
    struct Stores {
        expr mem, below;
        std::vector<Range> ranges;
    };
    const Stores &stores_of(const expr &mem) {
        auto it = stores_.find(Z3_get_ast_id(c_, mem));
        if (it != stores_.end()) return it->second;
        // The run of stores at constant offsets, outermost (latest) first.
        std::vector<std::pair<u64, expr>> st;
        expr m = mem;
        while (m.is_app() && m.decl().decl_kind() == Z3_OP_STORE && m.arg(1).is_numeral() &&
               st.size() < 4096) {
            st.push_back({m.arg(1).get_numeral_uint64(), m.arg(2)});
            m = m.arg(0);
        }
        // Ranges [lo, hi] of consecutive offsets storing one term; a later
        // store hides an earlier one, so the ranges are tested latest first.
        // An offset stored twice ends a range (the hidden one must not be
        // tested first).
        Stores out{mem, m, {}};
        std::set<u64> seen;
        for (auto &[o, v] : st) {
            bool dup = !seen.insert(o).second;
            if (dup) continue; // hidden by a later store
            std::vector<Range> &rs = out.ranges;
            if (!rs.empty() && z3::eq(rs.back().v, v) &&
                (o + 1 == rs.back().lo || o == rs.back().hi + 1))
                o + 1 == rs.back().lo ? (void)(rs.back().lo = o) : (void)(rs.back().hi = o);
            else
                rs.push_back(Range{o, o, v, expr(c_), expr(c_)});
        }
        for (Range &g : out.ranges)
            g.lo_bv = c_.bv_val(static_cast<uint64_t>(g.lo), 64),
            g.span_bv = c_.bv_val(static_cast<uint64_t>(g.hi - g.lo), 64);
        return stores_.emplace(Z3_get_ast_id(c_, mem), std::move(out)).first->second;
    }
    expr select_sym(const expr &mem, const expr &j, unsigned depth) {
        const Stores &st = stores_of(mem);
        const expr &m = st.below;
        expr rest(c_);
        if (depth < 4 && m.is_app() && m.decl().decl_kind() == Z3_OP_ITE)
            rest = z3::ite(m.arg(0), select_sym(m.arg(1), j, depth + 1),
                           select_sym(m.arg(2), j, depth + 1));
        else
            rest = z3::select(m, j);
        expr r = rest;
        for (size_t k = st.ranges.size(); k-- > 0;) {
            const Range &g = st.ranges[k];
            expr in = g.lo == g.hi ? j == g.lo_bv : z3::ule(j - g.lo_bv, g.span_bv);
            r = z3::ite(in, g.v, r);
        }
        return r;
    }
    // The byte at off: down the stores at other constant offsets (a long
    // chain in a big frame) on Z3's raw terms, which mem keeps alive, with no
    // term built and only the start and the end of the walk remembered
    // (remembering every store passed, as before, took matmul's run from
    // 0x2733 from 0.94 s to 1.7 s).
    expr byte(const expr &mem, u64 off) {
        Z3_ast m = mem;
        expr r(c_);
        for (;;) {
            auto it = memo_.find(Key{Z3_get_ast_id(c_, m), off});
            if (it != memo_.end()) {
                r = it->second.second;
                break;
            }
            u64 k = 0;
            if (Z3_get_ast_kind(c_, m) == Z3_APP_AST) {
                Z3_app a = Z3_to_app(c_, m);
                if (Z3_get_decl_kind(c_, Z3_get_app_decl(c_, a)) == Z3_OP_STORE &&
                    Z3_is_numeral_ast(c_, Z3_get_app_arg(c_, a, 1)) &&
                    Z3_get_numeral_uint64(c_, Z3_get_app_arg(c_, a, 1),
                                          reinterpret_cast<uint64_t *>(&k)) &&
                    k != off) {
                    m = Z3_get_app_arg(c_, a, 0);
                    continue;
                }
            }
            expr end(c_, m);
            r = byte_uncached(end, off);
            if (m != static_cast<Z3_ast>(mem))
                memo_.emplace(Key{Z3_get_ast_id(c_, m), off}, std::make_pair(end, r));
            break;
        }
        memo_.emplace(Key{Z3_get_ast_id(c_, mem), off}, std::make_pair(mem, r));
        return r;
    }
    // The byte at off of a term that is not a store at another constant
    // offset (byte walks past those).
    expr byte_uncached(const expr &mem, u64 off) {
        if (mem.is_app()) {
            Z3_decl_kind k = mem.decl().decl_kind();
            if (k == Z3_OP_STORE) {
                expr i = mem.arg(1);
                if (i.is_numeral()) {
                    if (i.get_numeral_uint64() == off) return unwrap(mem.arg(2));
                    return byte(mem.arg(0), off);
                }
            } else if (k == Z3_OP_ITE) {
                expr a = byte(mem.arg(1), off), b = byte(mem.arg(2), off);
                return z3::eq(a, b) ? a : z3::ite(mem.arg(0), a, b);
            }
        }
        return z3::select(mem, c_.bv_val(static_cast<uint64_t>(off), 64));
    }
    // A stored byte that is itself a read at a constant offset, or a choice
    // with constant conditions, resolved further.
    expr unwrap(const expr &v) {
        if (v.is_app()) {
            Z3_decl_kind k = v.decl().decl_kind();
            if (k == Z3_OP_SELECT && v.arg(1).is_numeral())
                return byte(v.arg(0), v.arg(1).get_numeral_uint64());
            if (k == Z3_OP_ITE) {
                if (v.arg(0).is_true()) return unwrap(v.arg(1));
                if (v.arg(0).is_false()) return unwrap(v.arg(2));
                expr a = unwrap(v.arg(1)), b = unwrap(v.arg(2));
                return z3::eq(a, b) ? a : z3::ite(v.arg(0), a, b);
            }
        }
        return v;
    }
    // The bytes as one little-endian word.
    expr combine(const std::vector<expr> &b, int depth) {
        // extract(8(k+j)+7, 8(k+j), w) for j = 0..n-1: bits of w
        unsigned n = static_cast<unsigned>(b.size());
        bool same = true;
        expr w(c_);
        unsigned lo0 = 0;
        for (unsigned j = 0; j < n && same; ++j) {
            const expr &x = b[j];
            if (!x.is_app() || x.decl().decl_kind() != Z3_OP_EXTRACT) {
                same = false;
                break;
            }
            unsigned hi = Z3_get_decl_int_parameter(c_, x.decl(), 0),
                     lo = Z3_get_decl_int_parameter(c_, x.decl(), 1);
            if (j == 0) w = x.arg(0), lo0 = lo;
            same = hi == lo + 7 && lo == lo0 + 8 * j && z3::eq(x.arg(0), w);
        }
        if (same) {
            unsigned hi = lo0 + 8 * n - 1;
            return lo0 == 0 && hi + 1 == w.get_sort().bv_size() ? w : w.extract(hi, lo0);
        }
        // A merge: split on the first byte's condition.
        if (depth > 0)
            for (unsigned j = 0; j < n; ++j) {
                if (!b[j].is_app() || b[j].decl().decl_kind() != Z3_OP_ITE) continue;
                expr cond = b[j].arg(0);
                std::vector<expr> t, e;
                for (const expr &x : b) {
                    bool split =
                        x.is_app() && x.decl().decl_kind() == Z3_OP_ITE && z3::eq(x.arg(0), cond);
                    t.push_back(split ? x.arg(1) : x);
                    e.push_back(split ? x.arg(2) : x);
                }
                expr a = combine(t, depth - 1), z = combine(e, depth - 1);
                return z3::eq(a, z) ? a : z3::ite(cond, a, z);
            }
        expr v = b[n - 1];
        for (int j = static_cast<int>(n) - 2; j >= 0; --j) v = z3::concat(v, b[j]);
        return v;
    }

    z3::context &c_;
    struct Key {
        unsigned id;
        u64 off;
        bool operator==(const Key &o) const { return id == o.id && off == o.off; }
    };
    struct KeyHash {
        size_t operator()(const Key &k) const {
            return static_cast<size_t>((static_cast<u64>(k.id) * 0x9E3779B97F4A7C15ull) ^ k.off);
        }
    };
    // (memory term, offset) -> (the term, kept so that its id stays its own; the byte)
    std::unordered_map<Key, std::pair<expr, expr>, KeyHash> memo_;
    std::unordered_map<unsigned, Stores> stores_; // by the memory term's id (Stores::mem keeps it)
};

class Run; // forward

// One function: its instructions, and the runs from its entry and blocks.
class FunctionProver {
  public:
    FunctionProver(z3::context &c, const Cert &cert, const Function &fn, const Image &img,
                   Decoder &dec, const SymbolTable &syms, const Options &opt, Report &rep)
        : c_(&c), cert_(cert), fn_(fn), img_(img), dec_(dec), syms_(syms), opt_(opt), rep_(rep) {}
    void prove();
    // Never delete the runs' contexts (prove_image's child process: its
    // memory goes back to the system when it exits).
    bool keep_contexts = false;

  private:
    friend class Run;
    void solve(u64 block, const MState &init, Asker &ask, std::vector<Pending> &pend, Env &env,
               z3::check_result cr, double ms0, const std::string &why0);
    u64 queries = 0,
        slow_queries = 0; // slow: answered by the default solver (fast_check could not)
    double solver_ms = 0;
    const Block *block_at(u64 addr) const {
        for (u32 b = 0; b < fn_.nblocks; ++b)
            if (fn_.blocks[b].start == addr) return &fn_.blocks[b];
        return nullptr;
    }
    void fail_now(u64 addr, const std::string &insn, const char *kind, const std::string &what) {
        Obligation o;
        o.function = fn_.entry, o.function_name = name_, o.block = fn_.entry, o.addr = addr,
        o.insn = insn;
        o.kind = kind, o.what = what, o.result = Obligation::Refuted;
        rep_.obligations.push_back(o);
        ++rep_.refuted;
    }

    z3::context *c_; // the current run's (prove)
    const Cert &cert_;
    const Function &fn_;
    const Image &img_;
    Decoder &dec_;
    const SymbolTable &syms_;
    const Options &opt_;
    Report &rep_;
    std::string name_;
    std::vector<Insn> insns_;
    std::map<u64, size_t> at_; // instruction start -> index
};

// One symbolic run: from `start` with state `init`, forward, until every path
// has reached a certified block, a ret or a noreturn call.
class Run {
  public:
    // ask: holds the layout's facts and the run's assumptions; the run adds
    // the facts about values it makes up, and asks it small questions.
    Run(FunctionProver &fp, Env &e, u64 start, Asker &ask)
        : fp_(fp), e_(e), start_(start), ask_(ask) {}

    std::vector<Pending> pend;

    void go(MState s, bool entry_is_block);

  private:
    // --- obligations ---
    void ob(const MState &s, const char *kind, const std::string &what, const expr &cond,
            std::vector<std::pair<std::string, expr>> show = {},
            std::vector<std::pair<std::string, expr>> items = {}) {
        if (!s.live()) return;
        pend.push_back(Pending{in_ ? in_->addr : start_, in_ ? in_->text.c_str() : "", kind, what,
                               s.reach, cond, std::move(show), std::move(items)});
    }
    expr bv(u64 v, unsigned bits = 64) const { return e_.bv(v, bits); }
    expr rsp(const MState &s) const { return s.r[RSP].v; }

    // --- registers ---
    expr reg_val(const MState &s, u8 reg, u8 size, bool high8) const {
        const expr &v = s.r[reg].v;
        if (high8) return v.extract(15, 8);
        return size >= 8 ? v : v.extract(8 * size - 1, 0);
    }
    expr reg_data(const MState &s, u8 reg, u8 size, bool high8) const {
        u64 need = high8 ? 2 : size >= 8 ? 0xff : (1u << size) - 1;
        return (s.r[reg].data & bv(need, 8)) == bv(need, 8);
    }
    // The data bits of a register's low size bytes (or of ah..bh), as a mask.
    expr reg_mask(const MState &s, u8 reg, u8 size, bool high8) const {
        if (high8) return z3::ite(reg_data(s, reg, 1, true), bv(0xff, 8), bv(0xfe, 8));
        return size >= 8 ? s.r[reg].data : s.r[reg].data | bv(~((1u << size) - 1) & 0xff, 8);
    }
    expr mask_of(const expr &data) const { return z3::ite(data, bv(0xff, 8), bv(0, 8)); }
    // Byte i of a sum, difference or bitwise result is the program's when
    // bytes 0..i of every input are: carries only move up.
    expr low_prefix(const expr &mask) const {
        expr acc = mask.extract(0, 0), out = acc;
        for (unsigned i = 1; i < 8; ++i) acc = acc & mask.extract(i, i), out = z3::concat(acc, out);
        return out.simplify();
    }
    void set_reg(MState &s, u8 reg, u8 size, bool high8, const expr &val, const expr &data) {
        set_reg_mask(s, reg, size, high8, val, mask_of(data));
    }
    void set_reg_mask(MState &s, u8 reg, u8 size, bool high8, const expr &val, const expr &mask);
    void set_rsp(MState &s, const expr &v);
    void uncover(MState &s, const expr &lo,
                 const expr &hi); // bytes [lo, hi) from rsp0: unknown again

    // --- memory ---
    expr address(const MState &s, const MemRef &m, expr *data = nullptr,
                 expr *index_data = nullptr);
    void address_data(const MState &s, const MemRef &m, const expr &stack, const expr &region,
                      const char *what);
    expr stack_read(const expr &mem, const expr &off, unsigned n) {
        return reader_.read(mem, off, n);
    }
    expr stack_data(const expr &mdata, const expr &off, unsigned n) {
        expr d = reader_.select(mdata, off);
        for (unsigned i = 1; i < n; ++i) d = d && reader_.select(mdata, off + bv(i));
        return d;
    }
    expr stack_bytes(const expr &mdata, const expr &off, unsigned n) { // bits >= n set
        expr m = bv(0xff, 8);
        for (unsigned i = 0; i < n && i < 8; ++i)
            m = z3::ite(reader_.select(mdata, off + bv(i)), m, m & bv(~(1u << i) & 0xff, 8));
        return m;
    }
    // mask: the data bits of the n bytes read (bits >= n set).
    expr load(MState &s, const MemRef &m, unsigned n, expr &mask);
    void store(MState &s, const MemRef &m, unsigned n, const expr &val, const expr &mask);
    void stack_write(MState &s, const expr &off, unsigned n, const expr &val, const expr &mask,
                     const expr &when) {
        if (when.is_false()) return;
        bool always = when.is_true();
        for (unsigned i = 0; i < n; ++i) {
            expr o = (off + bv(i)).simplify();
            expr byte = val.extract(8 * i + 7, 8 * i);
            expr data = (mask.extract(i, i) == e_.c.bv_val(1, 1)).simplify();
            s.mem = z3::store(s.mem, o, always ? byte : z3::ite(when, byte, z3::select(s.mem, o)));
            s.mdata =
                z3::store(s.mdata, o, always ? data : z3::ite(when, data, z3::select(s.mdata, o)));
        }
    }

    // --- operands ---
    // data: all w bytes read hold program data.
    expr read_op(MState &s, const Operand &op, u8 w, expr &data) {
        expr mask(e_.c);
        expr v = read_mask(s, op, w, mask);
        data = (mask == bv(0xff, 8)).simplify();
        return v;
    }
    void write_op(MState &s, const Operand &op, u8 w, const expr &val, const expr &data) {
        write_mask(s, op, w, val, mask_of(data));
    }
    // The same, byte by byte: mask bit i for byte i (bits >= w set on reads).
    expr read_mask(MState &s, const Operand &op, u8 w, expr &mask);
    void write_mask(MState &s, const Operand &op, u8 w, const expr &val, const expr &mask);
    // data: the instruction's operands (all it read) hold program data.
    void set_flags(MState &s, const x86::Result &r, const expr &data) {
        s.f = r.f;
        s.own = flags_written(s.own, r, data);
    }
    // A jcc, setcc, cmov, adc or sbb reads the flags of condition cc.
    void read_flags(const MState &s, u8 cc, const char *insn) {
        ob(s, "leak.flags",
           std::string(insn) + " reads " + flags_read(cc) +
               " only as this function computed them from program data (not the caller's, a "
               "callee's or a helper's flags, nor a compare of a secret)",
           flags_readable(s.own, cc));
    }
    void undefined_flags(MState &s) { // values unknown, not more ours than before
        s.f = x86::Flags{e_.fresh_bool("cf"), e_.fresh_bool("zf"), e_.fresh_bool("sf"),
                         e_.fresh_bool("of"), e_.fresh_bool("pf")};
    }

    // --- instructions ---
    void step(MState &s, const Insn &in);
    void alu(MState &s, const Insn &in);
    void call(MState &s, const Insn &in);
    void ret(MState &s);
    void rep(MState &s, const Insn &in);
    void clobber(MState &s, bool fuel);
    void edge(MState s, u64 target, bool backward, std::map<u64, MState> &pending);
    void check_block(const MState &s, const Block &b, bool backward);
    expr count8(MState &s, const Insn &in, int idx, expr &data);

    // Is an access at a (condition `in`: inside the frame) a stack access?
    // By the address's form where it can be: rsp0 plus a number is decided
    // by arithmetic; a term that never names rsp0 is taken as outside the
    // frame, which only strengthens the access's obligation (it must then lie
    // in the sandbox or rodata, which the layout keeps apart from the stack:
    // nothing is assumed that a proof does not show). Only the rest asks.
    expr stack_access(const MState &s, const expr &in, const expr &a) {
        expr d = in.simplify();
        if (d.is_true() || d.is_false()) return d;
        if (!mentions(a, e_.S)) return e_.c.bool_val(false);
        return decide(s, d);
    }
    bool mentions(const expr &t, const expr &v) {
        unsigned id = Z3_get_ast_id(t.ctx(), t);
        auto it = mentions_.find(id);
        if (it != mentions_.end()) return it->second;
        bool r = z3::eq(t, v);
        if (!r && t.is_app())
            for (unsigned i = 0; i < t.num_args() && !r; ++i) r = mentions(t.arg(i), v);
        mentions_[id] = r;
        return r;
    }
    std::unordered_map<unsigned, bool> mentions_;

    // Where the path can reach, does c always hold, or never? Then it is
    // true or false (the terms stay small: a store into the sandbox is not a
    // possible store into the stack); otherwise c itself.
    expr decide(const MState &s, const expr &c) {
        expr d = c.simplify();
        if (d.is_true() || d.is_false()) return d;
        if (ask_.check(s.reach && d, 2000) == z3::unsat) return e_.c.bool_val(false);
        z3::check_result r = ask_.check(s.reach && !d, 2000);
        return r == z3::unsat ? e_.c.bool_val(true) : d;
    }

    FunctionProver &fp_;
    Env &e_;
    u64 start_;
    Asker &ask_;
    const Insn *in_ = nullptr;
    StackReader reader_{e_.c};
};

void Run::set_reg_mask(MState &s, u8 reg, u8 size, bool high8, const expr &val, const expr &mask) {
    Word &w = s.r[reg];
    if (reg == RSP) {
        expr nv = size >= 8   ? val
                  : size == 4 ? z3::zext(val, 32)
                              : z3::concat(w.v.extract(63, 8 * size), val);
        set_rsp(s, nv);
        return;
    }
    if (size >= 8) {
        w = Word{val, mask};
    } else if (size == 4) { // the upper half becomes zero: no one's secret
        w = Word{z3::zext(val, 32), (mask | bv(0xf0, 8)).simplify()};
    } else if (high8) {
        w = Word{z3::concat(w.v.extract(63, 16), z3::concat(val, w.v.extract(7, 0))),
                 ((w.data & bv(0xfd, 8)) | (z3::shl(mask, bv(1, 8)) & bv(0x02, 8))).simplify()};
    } else {
        u64 low = (1u << size) - 1;
        w = Word{z3::concat(w.v.extract(63, 8 * size), val),
                 ((w.data & bv(~low & 0xff, 8)) | (mask & bv(low, 8))).simplify()};
    }
}

// rsp stays inside the certified frame. What lies below rsp may change at any
// time (an interrupt, a callee, a helper): the bytes rsp uncovers when it
// moves down hold unknown values again (nothing below rsp can be read, so
// forgetting them then is the same as forgetting them when rsp moved up).
void Run::set_rsp(MState &s, const expr &v) {
    expr off = (v - e_.S).simplify();
    ob(s, "stack.frame",
       "rsp stays inside the certified frame [-" + std::to_string(e_.fn.frame) + ", 0]",
       bv(static_cast<u64>(-static_cast<i64>(e_.fn.frame))) <= off && off <= bv(0),
       {{"rsp - rsp0", off}});
    ob(s, "stack.bound",
       "rsp stays within the certified stack bound (" + std::to_string(e_.fn.bound) +
           " bytes below the entry rsp)",
       bv(static_cast<u64>(-static_cast<i64>(e_.fn.bound))) <= off, {{"rsp - rsp0", off}});
    expr old = (rsp(s) - e_.S).simplify();
    s.r[RSP] = Word{v, bv(0, 8)};
    uncover(s, off, old);
}

void Run::uncover(MState &s, const expr &lo, const expr &hi) {
    if (lo.is_numeral() && hi.is_numeral()) {
        i64 l = static_cast<i64>(lo.get_numeral_uint64()),
            h = static_cast<i64>(hi.get_numeral_uint64());
        if (l >= h) return;
        if (h - l <= 1024) {
            expr junk = e_.fresh_mem("below-rsp");
            for (i64 o = l; o < h; ++o) {
                expr at = bv(static_cast<u64>(o));
                s.mem = z3::store(s.mem, at, z3::select(junk, at));
                s.mdata = z3::store(s.mdata, at, e_.c.bool_val(false));
            }
            return;
        }
    }
    expr i = e_.c.bv_const("i", 64);
    expr junk = e_.fresh_mem("below-rsp");
    expr in = lo <= i && i < hi;
    s.mem = z3::lambda(i, z3::ite(in, z3::select(junk, i), z3::select(s.mem, i)));
    s.mdata = z3::lambda(i, z3::ite(in, e_.c.bool_val(false), z3::select(s.mdata, i)));
}

expr Run::address(const MState &s, const MemRef &m, expr *data, expr *index_data) {
    expr t = e_.c.bool_val(true);
    if (index_data) *index_data = t;
    if (m.rip) {
        if (data) *data = t; // sandbox and rodata addresses are data
        return e_.IB + bv(static_cast<u64>(m.disp));
    }
    expr a = bv(static_cast<u64>(m.disp));
    expr d = t;
    if (m.base != kNoReg) a = s.r[m.base].v + a, d = d && s.r[m.base].data == bv(0xff, 8);
    if (m.index != kNoReg) {
        a = a + s.r[m.index].v * bv(m.scale ? m.scale : 1);
        expr di = s.r[m.index].data == bv(0xff, 8);
        d = d && di;
        if (index_data) *index_data = di;
    }
    if (data) *data = d;
    return a;
}

// Which place an access touches must not depend on a secret: its index holds
// program data, and so does its base unless the access is in the frame (a
// safe-stack address is a secret, but the offset into the frame the run
// proves is not). stack: the access is in the frame (or the return address);
// region: it lies in the image region it may use (where it does not, the
// memory obligation is refuted already).
void Run::address_data(const MState &s, const MemRef &m, const expr &stack, const expr &region,
                       const char *what) {
    if (m.rip) return;
    expr d(e_.c), di(e_.c);
    address(s, m, &d, &di);
    ob(s, "leak.address",
       std::string("the address of a ") + what +
           " is computed from program data (its index, and its base outside the frame)",
       z3::ite(stack, di, !region || d));
}

expr Run::load(MState &s, const MemRef &m, unsigned n, expr &mask) {
    expr a = address(s, m).simplify();
    expr nn = bv(n);
    expr frame = stack_access(s, e_.in_frame(a, nn, rsp(s)), a),
         ra = stack_access(s, e_.ra_slot(a, nn), a);
    ob(s, "memory",
       "a " + std::to_string(n) +
           "-byte read lies inside rodata..the end of the sandbox, or the frame at or above rsp",
       e_.in_readable(a, nn) || frame || ra, {{"address", a}, {"rsp", rsp(s)}});
    expr off = (a - e_.S).simplify();
    expr stack = (frame || ra).simplify();
    address_data(s, m, stack, e_.in_readable(a, nn), "read");
    mask = z3::ite(stack, stack_bytes(s.mdata, off, n), bv(0xff, 8)).simplify();
    return z3::ite(stack, stack_read(s.mem, off, n), e_.fresh_bv("load", 8 * n));
}

void Run::store(MState &s, const MemRef &m, unsigned n, const expr &val, const expr &mask) {
    expr a = address(s, m).simplify();
    expr nn = bv(n);
    expr frame = stack_access(s, e_.in_frame(a, nn, rsp(s)), a);
    expr ra = e_.ra_slot(a, nn) && (n == 8 ? val == e_.RA : e_.c.bool_val(false));
    ob(s, "memory",
       "a " + std::to_string(n) +
           "-byte write lies inside the sandbox or the frame at or above rsp (the return address "
           "only rewritten with itself)",
       e_.in_sandbox(a, nn) || frame || ra, {{"address", a}, {"rsp", rsp(s)}, {"value", val}});
    // The frame may hold anything (spills of the caller's registers, stack
    // addresses); what leaves it for the sandbox must be program data.
    address_data(s, m, frame || ra, e_.in_sandbox(a, nn), "write");
    ob(s, "leak.store",
       "a value written outside the frame (into the sandbox) holds program data (not stale "
       "kernel data, a safe-stack address, the return address or a caller's register)",
       frame || ra || (mask | bv(n >= 8 ? 0 : ~((1u << n) - 1) & 0xff, 8)) == bv(0xff, 8),
       {{"address", a}, {"value", val}});
    stack_write(s, (a - e_.S).simplify(), n, val, mask, frame);
}

expr Run::read_mask(MState &s, const Operand &op, u8 w, expr &mask) {
    switch (op.kind) {
    case Operand::Reg:
        mask = reg_mask(s, op.reg, w, op.high8);
        return reg_val(s, op.reg, w, op.high8);
    case Operand::Imm:
        mask = bv(0xff, 8);
        return bv(static_cast<u64>(op.imm), 64).extract(8 * w - 1, 0);
    case Operand::Mem: return load(s, op.mem, w, mask);
    default: throw std::runtime_error("an operand the decoder should not produce");
    }
}

void Run::write_mask(MState &s, const Operand &op, u8 w, const expr &val, const expr &mask) {
    if (op.kind == Operand::Reg)
        set_reg_mask(s, op.reg, w, op.high8, val, mask);
    else if (op.kind == Operand::Mem)
        store(s, op.mem, w, val, mask);
    else
        throw std::runtime_error("a write to an operand that is not a place");
}

// The count of a shift: an immediate, 1, or cl (then data: cl's data bit).
expr Run::count8(MState &s, const Insn &in, int idx, expr &data) {
    data = e_.c.bool_val(true);
    if (in.nops > idx && in.ops[idx].kind == Operand::Imm)
        return bv(static_cast<u64>(in.ops[idx].imm) & 0xff, 8);
    if (in.nops > idx && in.ops[idx].kind == Operand::Reg) {
        data = reg_data(s, RCX, 1, false);
        return reg_val(s, RCX, 1, false);
    }
    return bv(1, 8);
}

void Run::alu(MState &s, const Insn &in) {
    u8 w = in.width;
    const Operand &d = in.ops[0], &sr = in.ops[1];
    expr da(e_.c), db(e_.c);
    expr a = read_mask(s, d, w, da), b = read_mask(s, sr, w, db);
    if (in.op == Op::Adc || in.op == Op::Sbb) read_flags(s, 2 /* b: CF */, op_name(in.op));
    x86::Result r{a, s.f, a, a, a};
    switch (in.op) {
    case Op::Add: r = x86::add(a, b, e_.c.bool_val(false)); break;
    case Op::Adc: r = x86::add(a, b, s.f.cf); break;
    case Op::Sub:
    case Op::Cmp: r = x86::sub(a, b, e_.c.bool_val(false)); break;
    case Op::Sbb: r = x86::sub(a, b, s.f.cf); break;
    case Op::And:
    case Op::Test: r = x86::logic('&', a, b); break;
    case Op::Or: r = x86::logic('|', a, b); break;
    default: r = x86::logic('^', a, b); break; // xor
    }
    bool zeroing = (in.op == Op::Xor || in.op == Op::Sub) && d.kind == Operand::Reg &&
                   sr.kind == Operand::Reg && d.reg == sr.reg && d.high8 == sr.high8;
    // adc and sbb also read CF, which read_flags required to be data. The
    // flags depend on every byte; byte i of the result on bytes 0..i.
    expr mask = zeroing ? bv(0xff, 8) : (da & db).simplify();
    set_flags(s, r, mask == bv(0xff, 8));
    if (in.op == Op::Cmp || in.op == Op::Test) return;
    write_mask(s, d, w, r.r, low_prefix(mask));
}

void Run::step(MState &s, const Insn &in) {
    u8 w = in.width;
    z3::context &c = e_.c;
    expr d1(c), d2(c);
    switch (in.op) {
    case Op::Nop: return;
    case Op::Mov: { // a copy, byte by byte
        expr v = read_mask(s, in.ops[1], w, d1);
        write_mask(s, in.ops[0], w, v, d1);
        return;
    }
    case Op::Movzx:
    case Op::Movsx: { // the new upper bytes are zero, or copies of the top byte's sign
        u8 from = in.ops[1].size;
        expr v = read_mask(s, in.ops[1], from, d1);
        expr upper =
            in.op == Op::Movzx ? bv(0xff, 8) : mask_of(d1.extract(from - 1, from - 1) == 1);
        u8 low = static_cast<u8>((1u << from) - 1);
        write_mask(s, in.ops[0], w, x86::to_width(v, 8 * w, in.op == Op::Movsx),
                   ((d1 & bv(low, 8)) | (upper & bv(~low & 0xff, 8))).simplify());
        return;
    }
    case Op::Lea: {
        const MemRef &m = in.ops[1].mem;
        expr a = address(s, m, &d1);
        if (m.rip) {
            u64 o = static_cast<u64>(m.disp);
            const Layout &l = e_.l;
            ob(s, "address",
               "a RIP-relative address names data (rodata..end of the sandbox), never code or "
               "helper slots",
               c.bool_val(o >= l.rodata_off && o <= l.sandbox_off + l.sandbox_size),
               {{"image offset", bv(o)}});
        }
        // base + index * scale + disp: its low bytes need only theirs
        expr mask = bv(0xff, 8);
        if (!m.rip && m.base != kNoReg) mask = mask & s.r[m.base].data;
        if (!m.rip && m.index != kNoReg) mask = mask & s.r[m.index].data;
        write_mask(s, in.ops[0], w, x86::to_width(a, 8 * w, false), low_prefix(mask));
        return;
    }
    case Op::Push: {
        expr v = read_mask(s, in.ops[0], 8, d1);
        expr top = rsp(s) - bv(8);
        set_rsp(s, top);
        MemRef m;
        m.base = RSP;
        store(s, m, 8, v, d1);
        return;
    }
    case Op::Pop: {
        MemRef m;
        m.base = RSP;
        expr v = load(s, m, 8, d1);
        set_rsp(s, rsp(s) + bv(8));
        write_mask(s, in.ops[0], 8, v, d1);
        return;
    }
    case Op::Cmov: {
        read_flags(s, in.cc, "cmov");
        expr cond = x86::cond(in.cc, s.f);
        expr src = read_mask(s, in.ops[1], w, d1); // read (and checked) whether or not it moves
        expr dst = reg_val(s, in.ops[0].reg, w, false);
        d2 = reg_mask(s, in.ops[0].reg, w, false);
        write_mask(s, in.ops[0], w, z3::ite(cond, src, dst), z3::ite(cond, d1, d2));
        return;
    }
    case Op::Setcc:
        read_flags(s, in.cc, "setcc");
        write_op(s, in.ops[0], 1, z3::ite(x86::cond(in.cc, s.f), bv(1, 8), bv(0, 8)),
                 c.bool_val(true));
        return;
    case Op::Add:
    case Op::Or:
    case Op::Adc:
    case Op::Sbb:
    case Op::And:
    case Op::Sub:
    case Op::Xor:
    case Op::Cmp:
    case Op::Test: alu(s, in); return;
    case Op::Inc:
    case Op::Dec:
    case Op::Neg:
    case Op::Not: {
        expr a = read_mask(s, in.ops[0], w, d1);
        expr mask = low_prefix(d1);
        if (in.op == Op::Not) {
            write_mask(s, in.ops[0], w, ~a, mask);
            return;
        }
        x86::Result r = in.op == Op::Neg ? x86::neg(a) : x86::incdec(in.op == Op::Inc, a, s.f);
        set_flags(s, r, d1 == bv(0xff, 8));
        write_mask(s, in.ops[0], w, r.r, mask);
        return;
    }
    case Op::Imul: {
        const Operand &x = in.nops == 3 ? in.ops[1] : in.ops[0];
        const Operand &y = in.nops == 3 ? in.ops[2] : in.ops[1];
        expr a = read_mask(s, x, w, d1), b = read_mask(s, y, w, d2);
        x86::Result r = x86::imul2(a, b);
        expr mask = (d1 & d2).simplify(); // a product's low bytes need only the inputs' low bytes
        set_flags(s, r, mask == bv(0xff, 8));
        write_mask(s, in.ops[0], w, r.r, low_prefix(mask));
        return;
    }
    case Op::Mul1:
    case Op::Imul1: {
        expr a = reg_val(s, RAX, w, false), b = read_op(s, in.ops[0], w, d2);
        d1 = reg_data(s, RAX, w, false);
        x86::Wide p = x86::mul1(in.op == Op::Imul1, a, b, s.f);
        x86::Result r{p.lo, p.f, c.bool_val(true), c.bool_val(true), c.bool_val(false)};
        set_flags(s, r, d1 && d2);
        if (w == 1) { // ax = al * src
            set_reg(s, RAX, 2, false, z3::concat(p.hi, p.lo), d1 && d2);
            return;
        }
        set_reg(s, RAX, w, false, p.lo, d1 && d2);
        set_reg(s, RDX, w, false, p.hi, d1 && d2);
        return;
    }
    case Op::Div:
    case Op::Idiv: {
        expr d = read_op(s, in.ops[0], w, d1);
        expr hi = reg_val(s, RDX, w, false), lo = reg_val(s, RAX, w, false);
        expr dd = reg_data(s, RDX, w, false) && reg_data(s, RAX, w, false) && d1;
        x86::Division q = x86::divide(in.op == Op::Idiv, hi, lo, d);
        std::vector<std::pair<std::string, expr>> show{{"divisor", d}, {"rdx", hi}, {"rax", lo}};
        ob(s, "divide.zero", "the divisor is not zero", q.zero_ok, show);
        ob(s, "divide.overflow",
           std::string("the quotient of rdx:rax fits in ") + std::to_string(8 * w) + " bits (" +
               (in.op == Op::Idiv ? "signed" : "unsigned") + ")",
           !q.zero_ok || q.fits, show);
        set_reg(s, RAX, w, false, q.quot, dd);
        set_reg(s, RDX, w, false, q.rem, dd);
        undefined_flags(s);
        return;
    }
    case Op::Rol:
    case Op::Ror:
    case Op::Shl:
    case Op::Shr:
    case Op::Sar: {
        expr a = read_mask(s, in.ops[0], w, d1);
        char k = in.op == Op::Rol   ? 'L'
                 : in.op == Op::Ror ? 'R'
                 : in.op == Op::Shl ? 'l'
                 : in.op == Op::Shr ? 'r'
                                    : 'a';
        expr cd(c);
        x86::Result r = x86::shift(k, a, count8(s, in, 1, cd), s.f);
        expr all = d1 == bv(0xff, 8);
        set_flags(s, r, all && cd);
        expr mask = mask_of(all && cd);
        if (in.op == Op::Shl && (in.nops < 2 || in.ops[1].kind == Operand::Imm)) {
            // shl by k: byte i is (bytes i - k/8 and the one below) shifted,
            // or zero below k/8
            u64 n = in.nops < 2 ? 1 : static_cast<u64>(in.ops[1].imm) & (w == 8 ? 63 : 31);
            expr p = low_prefix(d1);
            u64 b = n / 8;
            mask = b >= 8 ? bv(0xff, 8) : (z3::shl(p, bv(b, 8)) | bv((1u << b) - 1, 8)).simplify();
        }
        write_mask(s, in.ops[0], w, r.r, mask);
        return;
    }
    case Op::Shld:
    case Op::Shrd: {
        expr a = read_op(s, in.ops[0], w, d1), b = read_op(s, in.ops[1], w, d2);
        expr cd(c);
        x86::Result r = x86::double_shift(in.op == Op::Shld, a, b, count8(s, in, 2, cd), s.f);
        set_flags(s, r, d1 && d2 && cd);
        write_op(s, in.ops[0], w, r.r, d1 && d2 && cd);
        return;
    }
    case Op::Cext: { // cbw, cwde, cdqe
        expr half = reg_val(s, RAX, w / 2, false);
        set_reg(s, RAX, w, false, z3::sext(half, 4 * w), reg_data(s, RAX, w / 2, false));
        return;
    }
    case Op::Csext: { // cwd, cdq, cqo
        expr a = reg_val(s, RAX, w, false);
        set_reg(s, RDX, w, false, z3::ashr(a, bv(8 * w - 1, 8 * w)), reg_data(s, RAX, w, false));
        return;
    }
    case Op::Bt:
    case Op::Bts:
    case Op::Btr:
    case Op::Btc: {
        expr a = read_op(s, in.ops[0], w, d1), b = read_op(s, in.ops[1], w, d2);
        set_flags(s, x86::bt(a, b, s.f), d1 && d2);
        if (in.op == Op::Bt) return;
        expr r = x86::bit_set(in.op == Op::Bts ? 's' : in.op == Op::Btr ? 'r' : 'c', a, b);
        write_op(s, in.ops[0], w, r, d1 && d2);
        return;
    }
    case Op::Bsf:
    case Op::Bsr:
    case Op::Tzcnt: {
        expr src = read_op(s, in.ops[1], w, d1);
        expr old = s.r[in.ops[0].reg].v;
        expr dst = reg_val(s, in.ops[0].reg, w, false);
        d2 = reg_data(s, in.ops[0].reg, w, false);
        x86::Result r = x86::bitscan(in.op == Op::Bsf   ? 'f'
                                     : in.op == Op::Bsr ? 'r'
                                                        : 't',
                                     dst, src, s.f);
        set_flags(s, r, d1);
        // A zero source may leave the old destination: then it must have been data.
        expr old_data = s.r[in.ops[0].reg].data;
        write_op(s, in.ops[0], w, r.r, d1 && (!x86::zero(src) || d2));
        if (w == 4) { // dst unchanged when src = 0: its upper half kept or cleared, the manuals do
                      // not say
            expr keep = x86::zero(src) && e_.fresh_bool("bsf.keep-upper");
            Word &nw = s.r[in.ops[0].reg];
            nw = Word{z3::ite(keep, old, nw.v), z3::ite(keep, old_data, nw.data)};
        }
        return;
    }
    case Op::Bswap: {
        expr a = read_op(s, in.ops[0], w, d1);
        write_op(s, in.ops[0], w, x86::bswap(a), d1);
        return;
    }
    case Op::Call: call(s, in); return;
    case Op::Ret: ret(s); return;
    case Op::RepMovs:
    case Op::RepStos: rep(s, in); return;
    case Op::Int3:
        ob(s, "control", "int3 (padding) is never reached", c.bool_val(false));
        s.reach = c.bool_val(false);
        return;
    default:
        ob(s, "control", std::string("no semantics for ") + op_name(in.op), c.bool_val(false));
        s.reach = c.bool_val(false);
        return;
    }
}

// After a call: the callee (or helper) may change the caller-saved registers
// and leaves flags that are not ours; its frame and the return address were
// below rsp.
void Run::clobber(MState &s, bool fuel) {
    for (u8 r = 0; r < kNumRegs; ++r) {
        if (fuel ? r != R11 : !is_caller_saved(r)) continue;
        s.r[r] = Word{e_.fresh_bv((std::string(reg_name(r)) + ".after-call").c_str()), bv(0, 8)};
    }
    undefined_flags(s);
    s.own = flags_unreadable(e_.c);
    // (its frame and the return address were below rsp: see set_rsp)
}

static const Function *function_at(const Cert &cert, u64 entry) {
    for (u32 i = 0; i < cert.nfuncs; ++i)
        if (cert.funcs[i].entry == entry) return &cert.funcs[i];
    return nullptr;
}

void Run::call(MState &s, const Insn &in) {
    z3::context &c = e_.c;
    const Layout &l = e_.l;
    expr depth =
        bv(8) - (rsp(s) - e_.S); // bytes below the entry rsp once the return address is pushed
    u64 slots_end = l.helpers_off + l.helper_count * kHelperSlotSize;
    if (in.target >= l.helpers_off && in.target < slots_end) {
        if ((in.target - l.helpers_off) % kHelperSlotSize) {
            ob(s, "call.target", "a call lands on the start of a helper slot", c.bool_val(false));
            s.reach = c.bool_val(false);
            return;
        }
        u32 id =
            static_cast<u32>((in.target - l.helpers_off) / kHelperSlotSize); // slot i: helper i
        const HelperInfo &h = helper_info(id);
        if (in.fuel_inline)
            ob(s, "fuel.word",
               "an inline fuel point reads the word that starts the page before the "
               "sandbox (outside rodata) and calls the fuel helper",
               c.bool_val(h.kind == KTAL_HELPER_FUEL && has_fuel_page(l) &&
                          in.fuel_word == fuel_word_off(l)));
        for (u8 k = 0; k < h.nargs; ++k)
            ob(s, "call.arguments",
               std::string("argument ") + reg_name(kArgRegs[k]) + " of " + h.name +
                   " is plain data",
               s.r[kArgRegs[k]].data == bv(0xff, 8));
        ob(s, "stack.bound",
           "the call stays within the certified stack bound (" + std::to_string(e_.fn.bound) +
               " bytes)",
           depth <= bv(e_.fn.bound), {{"depth", depth}});
        if (h.kind == KTAL_HELPER_NORETURN) {
            s.reach = c.bool_val(false);
            return;
        }
        clobber(s, h.kind == KTAL_HELPER_FUEL);
        if (h.kind == KTAL_HELPER_FUEL)
            s.fuel = c.bool_val(true);
        else
            s.r[RAX] = Word{e_.fresh_bv("helper-result"), bv(0xff, 8)};
        return;
    }
    if (in.fuel_inline)
        ob(s, "fuel.word", "an inline fuel point calls the fuel helper, not a program function",
           c.bool_val(false));
    const Function *callee = function_at(e_.cert, in.target);
    if (!callee) {
        ob(s, "call.target", "a call reaches a certified function or a helper slot",
           c.bool_val(false));
        s.reach = c.bool_val(false);
        return;
    }
    ob(s, "call.target", "the callee comes earlier in the call order (no recursion)",
       c.bool_val(callee->order < e_.fn.order));
    // Without it a call tree of n levels, each calling the next twice, runs
    // 2^n calls between two fuel points.
    ob(s, "fuel.call",
       "a fuel point ran since the function's entry or the last loop head before it calls a "
       "program function (call trees stay interruptible)",
       s.fuel);
    for (u8 k = 0; k < callee->nargs; ++k) {
        const Word &a = s.r[kArgRegs[k]];
        ob(s, "call.arguments",
           std::string("argument ") + reg_name(kArgRegs[k]) + " has the callee's certified type",
           e_.holds(callee->args[k], a.v, a.data), {{reg_name(kArgRegs[k]), a.v}});
    }
    ob(s, "stack.bound",
       "the call and the callee's own stack stay within the certified bound (" +
           std::to_string(e_.fn.bound) + " bytes)",
       z3::bvadd_no_overflow(depth, bv(callee->bound), true) &&
           depth + bv(callee->bound) <= bv(e_.fn.bound),
       {{"depth", depth}});
    clobber(s, false);
    if (callee->has_result) {
        expr v = e_.fresh_bv("result");
        u8 d = e_.data_of(callee->result);
        ask_.base.push_back(e_.holds(callee->result, v, bv(d, 8)));
        s.r[RAX] = Word{v, bv(d, 8)};
    }
}

void Run::ret(MState &s) {
    z3::context &c = e_.c;
    ob(s, "ret.rsp", "ret with rsp at the entry value", rsp(s) == e_.S,
       {{"rsp - rsp0", rsp(s) - e_.S}});
    ob(s, "ret.return-address", "the return address is intact",
       stack_read(s.mem, bv(0), 8) == e_.RA, {{"[rsp0]", stack_read(s.mem, bv(0), 8)}});
    for (u8 r = 0; r < kNumRegs; ++r)
        if (is_callee_saved(r))
            ob(s, "ret.callee-saved", std::string(reg_name(r)) + " holds the caller's value again",
               s.r[r].v == e_.saved[r], {{reg_name(r), s.r[r].v}});
    if (e_.fn.has_result)
        ob(s, "ret.result", "rax has the certified result type",
           e_.holds(e_.fn.result, s.r[RAX].v, s.r[RAX].data), {{"rax", s.r[RAX].v}});
    // The entry function's rax is the program's exit status, which the
    // loader hands back to whoever ran it, whatever the certificate says: it
    // must not depend on the return address, the caller's registers or where
    // the stack is. Asked as a relation: rax computed again with those
    // constants renamed (a second stack satisfying the layout's facts) is
    // the same value. (Stale data is not covered: the loader enters with
    // every register but the arguments cleared, so rax untouched is 0.) An
    // entry that certifies no result exits 0 whatever rax holds: no obligation.
    if (&e_.fn == &e_.cert.funcs[e_.cert.entry_function] && e_.fn.has_result) {
        z3::expr_vector from(c), to(c);
        auto rename = [&](const expr &x, const char *name) {
            from.push_back(x), to.push_back(e_.fresh_bv(name));
        };
        rename(e_.RA, "retaddr.other");
        rename(e_.S, "rsp0.other");
        for (u8 r = 0; r < kNumRegs; ++r)
            if (is_callee_saved(r))
                rename(e_.saved[r], (std::string(reg_name(r)) + "0.other").c_str());
        expr v = s.r[RAX].v, other = v.substitute(from, to);
        expr layout = c.bool_val(true);
        for (const expr &f : e_.facts) layout = layout && expr(f).substitute(from, to);
        ob(s, "leak.exit-status",
           "rax at the entry function's ret (the exit status the loader hands back) does not "
           "depend on the return address, the caller's registers or the stack's address",
           z3::implies(layout, v == other), {{"rax", v}, {"rax, other machine", other}});
    }
    s.reach = c.bool_val(false);
}

void Run::rep(MState &s, const Insn &in) {
    z3::context &c = e_.c;
    u64 unit = in.width;
    bool movs = in.op == Op::RepMovs;
    expr cnt = s.r[RCX].v, dst = s.r[RDI].v, src = s.r[RSI].v;
    expr n = cnt * bv(unit);
    expr fits =
        (z3::zext(cnt, 64) * c.bv_val(static_cast<uint64_t>(unit), 128)).extract(127, 64) == bv(0);
    expr none = cnt == bv(0);
    expr dframe = e_.in_frame(dst, n, rsp(s)), sframe = e_.in_frame(src, n, rsp(s));
    ob(s, "memory",
       "rep " + std::string(movs ? "movs" : "stos") +
           ": rcx units at rdi lie inside the sandbox or the frame",
       none || (fits && (e_.in_sandbox(dst, n) || dframe)), {{"rdi", dst}, {"rcx", cnt}});
    if (movs)
        ob(s, "memory", "rep movs: rcx units at rsi lie inside a readable region",
           none || (fits && (e_.in_readable(src, n) || sframe)), {{"rsi", src}, {"rcx", cnt}});
    // What it writes into the sandbox, where from and how much must be
    // program data: the count, the addresses outside the frame, and the
    // bytes (rax's for stos; for movs from the frame, every byte copied).
    expr dword = bv(0xff, 8);
    expr src_bytes = c.bool_val(true);
    if (!movs) {
        src_bytes = reg_data(s, RAX, static_cast<u8>(unit), false);
    } else {
        expr soff0 = (src - e_.S).simplify(), nn = n.simplify();
        if (nn.is_numeral() && nn.get_numeral_uint64() <= 256) {
            u64 k = nn.get_numeral_uint64();
            src_bytes = k ? stack_data(s.mdata, soff0, static_cast<unsigned>(k)) : c.bool_val(true);
        } else {
            expr j = c.bv_const("j", 64);
            src_bytes = z3::forall(j, z3::implies(z3::ult(j - soff0, nn), z3::select(s.mdata, j)));
        }
        src_bytes = !sframe || src_bytes;
    }
    ob(s, "leak.store",
       "rep " + std::string(movs ? "movs" : "stos") +
           ": the count, the addresses outside the frame and the bytes written into the sandbox "
           "hold program data",
       none || (s.r[RCX].data == dword && (dframe || s.r[RDI].data == dword) &&
                (!movs || sframe || s.r[RSI].data == dword) && (dframe || src_bytes)),
       {{"rdi", dst}, {"rsi", src}, {"rcx", cnt}});
    // The frame's bytes it writes.
    expr i = c.bv_const("i", 64);
    expr doff = dst - e_.S, soff = src - e_.S;
    expr in_range = doff <= i && z3::ult(i - doff, n);
    expr k = i - doff; // byte index in the copy
    expr byte(c), data(c);
    if (movs) {
        expr overlap = z3::ult(soff - doff + n - bv(1), bv(2) * n - bv(1)); // |soff - doff| < n
        expr ok = sframe && !overlap;
        expr junk = e_.fresh_mem("rep.src");
        byte = z3::ite(ok, z3::select(s.mem, soff + k), z3::select(junk, i));
        data = z3::ite(ok, z3::select(s.mdata, soff + k), !sframe && s.r[RSI].data == bv(0xff, 8));
    } else {
        expr v = z3::zext(reg_val(s, RAX, static_cast<u8>(unit), false),
                          static_cast<unsigned>(64 - 8 * unit));
        expr shift = (k & bv(unit - 1)) * bv(8);
        byte = z3::lshr(v, shift).extract(7, 0);
        data = reg_data(s, RAX, static_cast<u8>(unit), false);
    }
    expr wr = dframe && !none && in_range;
    s.mem = z3::lambda(i, z3::ite(wr, byte, z3::select(s.mem, i)));
    s.mdata = z3::lambda(i, z3::ite(wr, data, z3::select(s.mdata, i)));
    s.r[RDI].v = dst + n;
    if (movs) s.r[RSI].v = src + n;
    s.r[RCX] = Word{bv(0), bv(0xff, 8)};
}

// The state s at the start of certified block b: does it satisfy b's state?
void Run::check_block(const MState &s, const Block &b, bool backward) {
    z3::context &c = e_.c;
    const CertState &cs = b.state;
    std::vector<std::pair<std::string, expr>> items;
    std::vector<bool> listed(kNumRegs, false);
    for (u32 i = 0; i < cs.n; ++i) {
        const Entry &se = cs.entries[i];
        if (se.at.kind == Loc::Reg) {
            u8 r = se.at.reg;
            listed[r] = true;
            items.push_back({reg_name(r), e_.holds(se.v, s.r[r].v, s.r[r].data)});
            continue;
        }
        expr off = bv(static_cast<u64>(static_cast<i64>(se.at.off)));
        std::string name = "[" + std::to_string(se.at.off) + "]";
        if (se.at.width == 8) {
            items.push_back(
                {name, e_.holds(se.v, stack_read(s.mem, off, 8), stack_bytes(s.mdata, off, 8))});
        } else if (se.at.width == 4) {
            expr m = stack_bytes(s.mdata, off, 8).extract(3, 0);
            items.push_back({name + ":4", e_.holds(se.v, z3::zext(stack_read(s.mem, off, 4), 32),
                                                   z3::concat(bv(0xf, 4), m))});
        } else {
            expr all = c.bool_val(true);
            for (unsigned k = 0; k < 4; ++k)
                if (se.mask & (1u << k)) all = all && reader_.select(s.mdata, off + bv(k));
            items.push_back({name + ":bytes", all});
        }
    }
    items.push_back({"[0] (return address)", stack_read(s.mem, bv(0), 8) == e_.RA});
    if (cs.flags_set) items.push_back({"flags", flags_all(s.own)});
    if (cs.fuel) items.push_back({"fuel", backward ? c.bool_val(false) : s.fuel});
    if (cs.sext == 8) items.push_back({"sext8", s.r[RDX].v == z3::ashr(s.r[RAX].v, bv(63))});
    if (cs.sext == 4)
        items.push_back({"sext4", s.r[RDX].v.extract(31, 0) ==
                                      z3::ashr(s.r[RAX].v.extract(31, 0), c.bv_val(31, 32))});
    for (u8 i = 0; i < cs.nfacts; ++i) {
        const Fact &f = cs.facts[i];
        auto val = [&](const Loc &l) {
            if (l.kind == Loc::Reg) return s.r[l.reg].v;
            expr off = bv(static_cast<u64>(static_cast<i64>(l.off)));
            return l.width == 8 ? stack_read(s.mem, off, 8)
                                : z3::zext(stack_read(s.mem, off, 4), 32);
        };
        expr x = z3::sext(val(f.x), 64), y = z3::sext(val(f.y), 64);
        items.push_back({"fact", x <= y + c.bv_val(static_cast<int64_t>(f.c), 128)});
    }
    if (backward) ob(s, "fuel.backward-jump", "a fuel point ran since the loop head", s.fuel);
    expr all = c.bool_val(true);
    for (auto &it : items) all = all && it.second;
    std::vector<std::pair<std::string, expr>> show;
    for (u8 r = 0; r < kNumRegs; ++r)
        if (listed[r]) show.push_back({std::string(reg_name(r)) + " at the edge", s.r[r].v});
    ob(s, "cert.edge-state",
       "the state entering block " + hex(b.start) + " satisfies its certified state", all, show,
       items);
}

void Run::edge(MState s, u64 t, bool backward, std::map<u64, MState> &pending) {
    z3::context &c = e_.c;
    if (!s.live()) return;
    const Function &fn = e_.fn;
    if (t < fn.entry || t >= fn.entry + fn.size) {
        ob(s, "control", "a jump stays inside its function", c.bool_val(false));
        return;
    }
    if (!fp_.at_.count(t)) {
        ob(s, "control", "a jump lands on an instruction boundary", c.bool_val(false));
        return;
    }
    if (const Block *b = fp_.block_at(t)) {
        check_block(s, *b, backward);
        return;
    }
    if (backward) {
        ob(s, "control", "a backward jump lands on a certified block", c.bool_val(false));
        return;
    }
    auto it = pending.find(t);
    if (it == pending.end())
        pending.emplace(t, s);
    else
        it->second = merge(it->second, s);
}

void Run::go(MState s, bool entry_is_block) {
    z3::context &c = e_.c;
    std::map<u64, MState> pending;
    std::vector<Insn> &insns = fp_.insns_;
    size_t idx = fp_.at_.at(start_);
    if (entry_is_block) { // the entry state must satisfy a block at the entry itself
        check_block(s, *fp_.block_at(start_), false);
        return;
    }
    for (; idx < insns.size(); ++idx) {
        const Insn &in = insns[idx];
        in_ = &in;
        u64 pc = in.addr;
        auto it = pending.find(pc);
        if (pc != start_ && fp_.block_at(pc)) {
            MState st = it != pending.end() ? merge(s, it->second) : s;
            if (it != pending.end()) pending.erase(it);
            if (st.live()) check_block(st, *fp_.block_at(pc), false);
            s.reach = c.bool_val(false);
            if (pending.empty()) break;
            continue;
        }
        if (it != pending.end()) {
            s = merge(s, it->second);
            pending.erase(it);
        }
        if (!s.live()) {
            if (pending.empty()) break;
            continue;
        }
        ++fp_.rep_.instructions;
        if (in.op == Op::Jmp) {
            edge(s, in.target, in.target <= in.addr, pending);
            s.reach = c.bool_val(false);
        } else if (in.op == Op::Jcc) {
            read_flags(s, in.cc, "jcc");
            expr cond = x86::cond(in.cc, s.f);
            MState taken = s;
            taken.reach = (s.reach && cond).simplify();
            edge(taken, in.target, in.target <= in.addr, pending);
            s.reach = (s.reach && !cond).simplify();
        } else {
            step(s, in);
        }
    }
    in_ = idx < insns.size() ? &insns[idx] : (insns.empty() ? nullptr : &insns.back());
    if (s.live() && idx >= insns.size())
        ob(s, "control", "execution never falls off the end of the function", c.bool_val(false));
    for (auto &p : pending) // targets past the last instruction were refused when the jump was made
        (void)p;
}

// --- the start of each run ---

// A fresh word satisfying a certified value; its facts go to `as`. A
// pointer is its region's base plus an offset (so that offsets from rsp0
// stay numbers, or at least terms that name rsp0); the opaque values are the
// very values they stand for.
Word assume_word(Env &e, const Value &v, const std::string &name, std::vector<expr> &as) {
    u8 d = e.data_of(v);
    if (v.kind == Kind::Ptr && !any_value(v)) {
        expr base = v.region == Region::Stack ? e.S : e.base_of(v.region);
        if (v.smin == v.smax) return Word{base + e.bv(static_cast<u64>(v.smin)), e.bv(d, 8)};
        expr off = e.fresh_bv((name + ".offset").c_str());
        as.push_back(e.bv(static_cast<u64>(v.smin)) <= off &&
                     off <= e.bv(static_cast<u64>(v.smax)));
        return Word{base + off, e.bv(d, 8)};
    }
    if (v.kind == Kind::RetAddr) return Word{e.RA, e.bv(0, 8)};
    if (v.kind == Kind::Saved) return Word{e.saved[v.reg], e.bv(0, 8)};
    expr x = e.fresh_bv(name.c_str());
    as.push_back(e.holds(v, x, e.bv(d, 8)));
    return Word{x, e.bv(d, 8)};
}

MState entry_state(Env &e, std::vector<expr> &as) {
    z3::context &c = e.c;
    MState s(c);
    for (u8 r = 0; r < kNumRegs; ++r) {
        if (r == RSP)
            s.r.push_back(Word{e.S, e.bv(0, 8)});
        else if (is_callee_saved(r))
            s.r.push_back(Word{e.saved[r], e.bv(0, 8)});
        else
            s.r.push_back(Word{e.fresh_bv(reg_name(r)), e.bv(0, 8)});
    }
    for (u8 k = 0; k < e.fn.nargs; ++k)
        s.r[kArgRegs[k]] = assume_word(e, e.fn.args[k], reg_name(kArgRegs[k]), as);
    s.f = x86::Flags{e.fresh_bool("cf"), e.fresh_bool("zf"), e.fresh_bool("sf"), e.fresh_bool("of"),
                     e.fresh_bool("pf")};
    // The frame: unknown bytes, and the return address at rsp0 (stored, so
    // that reading it gives back the very term).
    s.mem = e.fresh_mem("stack");
    for (unsigned k = 0; k < 8; ++k)
        s.mem = z3::store(s.mem, e.bv(k), e.RA.extract(8 * k + 7, 8 * k));
    s.mdata = z3::const_array(c.bv_sort(64), c.bool_val(false));
    s.fuel = c.bool_val(false);
    s.reach = c.bool_val(true);
    return s;
}

MState block_state(Env &e, const CertState &cs, std::vector<expr> &as) {
    z3::context &c = e.c;
    MState s(c);
    for (u8 r = 0; r < kNumRegs; ++r) s.r.push_back(Word{e.fresh_bv(reg_name(r)), e.bv(0, 8)});
    for (u32 i = 0; i < cs.n; ++i)
        if (cs.entries[i].at.kind == Loc::Reg)
            s.r[cs.entries[i].at.reg] =
                assume_word(e, cs.entries[i].v, reg_name(cs.entries[i].at.reg), as);
    s.f = x86::Flags{e.fresh_bool("cf"), e.fresh_bool("zf"), e.fresh_bool("sf"), e.fresh_bool("of"),
                     e.fresh_bool("pf")};
    s.own = cs.flags_set ? flags_readable_all(c) : flags_unreadable(c);
    // The frame: unknown bytes, with the certified slots' words stored over
    // them (so that reading a slot gives back its word), and which bytes
    // hold data.
    s.mem = e.fresh_mem("stack");
    s.mdata = z3::const_array(c.bv_sort(64), c.bool_val(false));
    auto put = [&](i64 off, const expr &v, unsigned n, u8 data) {
        for (unsigned k = 0; k < n; ++k) {
            expr at = e.bv(static_cast<u64>(off + k));
            s.mem = z3::store(s.mem, at, v.extract(8 * k + 7, 8 * k));
            if ((data >> k) & 1) s.mdata = z3::store(s.mdata, at, c.bool_val(true));
        }
    };
    StackReader reader(c);
    auto bytes = [&](i64 off, unsigned n) {
        return reader.read(s.mem, e.bv(static_cast<u64>(off)), n);
    };
    put(0, e.RA, 8, 0);
    for (u32 i = 0; i < cs.n; ++i) {
        const Entry &se = cs.entries[i];
        if (se.at.kind == Loc::Reg) continue;
        std::string name = "[" + std::to_string(se.at.off) + "]";
        if (se.at.width == 8) {
            put(se.at.off, assume_word(e, se.v, name, as).v, 8, e.data_of(se.v));
        } else if (se.at.width == 4) { // the cell's value, zero-extended
            Word w = assume_word(e, se.v, name, as);
            if (se.v.kind == Kind::Int) as.push_back(w.v.extract(63, 32) == c.bv_val(0, 32));
            put(se.at.off, w.v, 4, 0xf);
        } else {
            for (unsigned k = 0; k < 4; ++k)
                if (se.mask & (1u << k))
                    s.mdata =
                        z3::store(s.mdata, e.bv(static_cast<u64>(static_cast<i64>(se.at.off) + k)),
                                  c.bool_val(true));
        }
    }
    if (cs.sext == 8) as.push_back(s.r[RDX].v == z3::ashr(s.r[RAX].v, e.bv(63)));
    if (cs.sext == 4)
        as.push_back(s.r[RDX].v.extract(31, 0) ==
                     z3::ashr(s.r[RAX].v.extract(31, 0), c.bv_val(31, 32)));
    for (u8 i = 0; i < cs.nfacts; ++i) {
        const Fact &f = cs.facts[i];
        auto val = [&](const Loc &l) {
            if (l.kind == Loc::Reg) return s.r[l.reg].v;
            return l.width == 8 ? bytes(l.off, 8) : z3::zext(bytes(l.off, 4), 32);
        };
        as.push_back(z3::sext(val(f.x), 64) <=
                     z3::sext(val(f.y), 64) + c.bv_val(static_cast<int64_t>(f.c), 128));
    }
    s.fuel = c.bool_val(cs.fuel != 0);
    s.reach = c.bool_val(true);
    return s;
}

void FunctionProver::solve(u64 block, const MState &init, Asker &ask, std::vector<Pending> &pend,
                           Env &env, z3::check_result cr, double ms0, const std::string &why0) {
    auto base = [&](const std::string &kind, const std::string &what, u64 addr,
                    const std::string &insn) {
        Obligation o;
        o.function = fn_.entry, o.function_name = name_, o.block = block, o.addr = addr,
        o.insn = insn;
        o.kind = kind, o.what = what;
        return o;
    };
    auto counterexample = [&](const z3::model &m, Obligation &o, const Pending *pd) {
        for (u8 r = 0; r < kNumRegs; ++r)
            o.counterexample.push_back(
                {std::string(reg_name(r)) + " at start", describe_value(env, m, init.r[r].v)});
        o.counterexample.push_back(
            {"rsp0 (entry rsp)", hex(m.eval(env.S, true).get_numeral_uint64())});
        o.counterexample.push_back({"image base", hex(m.eval(env.IB, true).get_numeral_uint64())});
        expr rsp_off = m.eval(init.r[RSP].v - env.S, true);
        i64 lo = static_cast<i64>(rsp_off.get_numeral_uint64());
        if (lo > 0 || lo < -static_cast<i64>(fn_.frame)) lo = 0;
        int shown = 0;
        for (i64 off = lo & ~7ll; off < 8 && shown < 16; off += 8, ++shown) {
            expr v = z3::select(init.mem, env.bv(static_cast<u64>(off + 7)));
            for (int k = 6; k >= 0; --k)
                v = z3::concat(v, z3::select(init.mem, env.bv(static_cast<u64>(off + k))));
            o.counterexample.push_back(
                {"[rsp0" + (off < 0 ? std::to_string(off) : "+" + std::to_string(off)) +
                     "] at start",
                 describe_value(env, m, v)});
        }
        if (!pd) return;
        for (auto &sh : pd->show) {
            expr v = m.eval(sh.second, true);
            if (v.is_bv() && v.get_sort().bv_size() == 64)
                o.counterexample.push_back({sh.first, describe_value(env, m, v)});
            else if (v.is_bv())
                o.counterexample.push_back({sh.first, hex(v.get_numeral_uint64())});
        }
        std::string failed;
        for (auto &it : pd->items)
            if (!m.eval(it.second, true).is_true())
                failed += (failed.empty() ? "" : ", ") + it.first;
        if (!failed.empty()) o.detail = "not satisfied: " + failed;
    };
    std::string why;
    if (cr != z3::sat) {
        Obligation o =
            base("cert",
                 "the certified state at the start is consistent (some machine state satisfies it)",
                 block, "");
        o.ms = ms0;
        o.result = cr == z3::unsat ? Obligation::Refuted : Obligation::Unknown;
        o.detail = cr == z3::unsat ? "the certificate is inconsistent: no state satisfies it"
                                   : "the solver gave up: " + why0;
        rep_.obligations.push_back(o);
        ++(cr == z3::unsat ? rep_.refuted : rep_.unknown);
        if (cr == z3::unsat) return; // everything would be "proved" from a contradiction
    }
    // The obligations in batches: one query asks whether any obligation of
    // the batch fails (the disjunction of their negations). Unsatisfiable:
    // every one is proved at once, with the run's semantics turned into
    // clauses once instead of once per obligation. A model: the obligations
    // it breaks are asked alone (a refutation always comes from its own
    // query and counterexample), the rest again as a batch. Out of time: the
    // batch is halved, down to single obligations with their own time limit.
    std::vector<Obligation> out(pend.size());
    std::vector<expr> qs;
    std::vector<size_t> todo;
    for (size_t i = 0; i < pend.size(); ++i) {
        Pending &pd = pend[i];
        out[i] = base(pd.kind, pd.what, pd.addr, pd.insn);
        qs.push_back((pd.reach && !pd.cond).simplify());
        if (qs[i].is_false())
            out[i].result = Obligation::Proved;
        else
            todo.push_back(i);
    }
    auto single = [&](size_t i) {
        Obligation &o = out[i];
        auto t1 = std::chrono::steady_clock::now();
        z3::model m(*c_);
        // The same question with sums pushed into merges (sums.hpp), when
        // that changes it, asked beside the plain form: each form briefly,
        // then each with the full limit (rbtree's stores after a merge:
        // unsat in under a second in this form, unknown in the plain form
        // after 60 s; its edge state at 0x1abe needs this form for 5-10 s).
        expr alt = push_sums_into_ites(qs[i]);
        z3::check_result r = z3::unknown;
        if (z3::eq(alt, qs[i])) {
            r = ask.check(qs[i], opt_.timeout_ms, &m, &why);
        } else {
            unsigned brief = std::min(opt_.timeout_ms, 2000u);
            for (unsigned limit : {brief, opt_.timeout_ms}) {
                for (const expr &form : {alt, qs[i]})
                    if (r == z3::unknown) r = ask.check(form, limit, &m, &why);
                if (brief == opt_.timeout_ms) break; // no longer limit to try
            }
        }
        o.ms = ms_since(t1);
        if (knobs().stats == 3)
            std::fprintf(stderr, "    single %s at %s: %s, %.1f ms\n", pend[i].kind.c_str(),
                         hex(pend[i].addr).c_str(),
                         r == z3::unsat ? "unsat"
                         : r == z3::sat ? "sat"
                                        : "unknown",
                         o.ms);
        if (r == z3::unsat) {
            o.result = Obligation::Proved;
        } else if (r == z3::sat) {
            o.result = Obligation::Refuted;
            counterexample(m, o, &pend[i]);
        } else {
            o.result = Obligation::Unknown;
            o.detail = "no answer within the time limit (" + std::to_string(opt_.timeout_ms) +
                       " ms per query" +
                       (opt_.budget_ms ? ", " + std::to_string(opt_.budget_ms) + " ms per image"
                                       : std::string()) +
                       "): " + why;
        }
    };
    // A batch gets a shorter time limit than a single query: a hard
    // obligation makes its whole batch hard, and is better asked alone (with
    // the full limit) soon. But most of a query's time is turning the run
    // into clauses, the same for one obligation or all of them, so the
    // run's first batch gets a few seconds (with 400 ms, a batch of 69 in
    // put_number that takes 480 ms ran out and was split into 56 queries:
    // 22 s instead of 0.8 s), and the batches of 8 after it less. A batch
    // asks only the plain pipeline: where it runs out, Z3's default solver
    // does not answer either within the same limit, and splitting is
    // cheaper (csv: 82 s of CPU with the default solver after every batch
    // out of time, 54 s without).
    unsigned first_ms = std::min(opt_.timeout_ms, 4000u);
    unsigned batch_ms = std::min(opt_.timeout_ms, 1500u);
    std::function<void(std::vector<size_t>, unsigned)> batch = [&](std::vector<size_t> set,
                                                                   unsigned limit) {
        if (set.size() <= 2) {
            for (size_t i : set) single(i);
            return;
        }
        expr any = c_->bool_val(false);
        for (size_t i : set) any = any || qs[i];
        auto t1 = std::chrono::steady_clock::now();
        z3::model m(*c_);
        z3::check_result r = ask.check(any, limit, &m, &why, false);
        double ms = ms_since(t1);
        if (knobs().stats == 3)
            std::fprintf(stderr, "    batch of %zu (first at %s): %s, %.1f ms\n", set.size(),
                         hex(pend[set[0]].addr).c_str(),
                         r == z3::unsat ? "unsat"
                         : r == z3::sat ? "sat"
                                        : "unknown",
                         ms);
        if (r == z3::unsat) {
            for (size_t i : set) {
                out[i].result = Obligation::Proved;
                out[i].ms = ms / static_cast<double>(set.size());
            }
            return;
        }
        if (r == z3::sat) {
            std::vector<size_t> rest;
            for (size_t i : set)
                if (m.eval(qs[i], true).is_true())
                    single(i);
                else
                    rest.push_back(i);
            if (rest.size() < set.size()) return batch(rest, limit);
        }
        // Out of time (or a model that breaks none of them): smaller batches
        // of at most 8, then one at a time.
        if (set.size() <= 8) {
            for (size_t i : set) single(i);
            return;
        }
        for (size_t k = 0; k < set.size(); k += 8)
            batch(std::vector<size_t>(set.begin() + static_cast<long>(k),
                                      set.begin() + static_cast<long>(std::min(k + 8, set.size()))),
                  batch_ms);
    };
    batch(todo, first_ms);
    for (Obligation &o : out) {
        ++(o.result == Obligation::Proved    ? rep_.proved
           : o.result == Obligation::Refuted ? rep_.refuted
                                             : rep_.unknown);
        rep_.obligations.push_back(std::move(o));
    }
}

void FunctionProver::prove() {
    name_ = syms_.name_at(fn_.entry);
    if (name_.empty()) name_ = hex(fn_.entry);
    // Decode the whole function, as the verifier does (dead code too).
    const u8 *text = img_.text.bytes - cert_.layout.text_off;
    u64 end = fn_.entry + fn_.size;
    for (u64 pc = fn_.entry; pc < end;) {
        Insn in;
        DecodeError de;
        if (!decode(dec_, text + pc, end - pc, pc, in, de)) {
            fail_now(pc, in.text.c_str(), "encoding",
                     std::string(de.rule ? de.rule : "encoding") + ": " + de.message.c_str());
            return;
        }
        at_[pc] = insns_.size();
        insns_.push_back(in);
        pc += in.len;
    }
    for (u32 b = 0; b < fn_.nblocks; ++b)
        if (!at_.count(fn_.blocks[b].start)) {
            fail_now(fn_.blocks[b].start, "", "control",
                     "a certified block starts on an instruction boundary");
            return;
        }
    ++rep_.functions;
    auto t_fn = std::chrono::steady_clock::now();
    size_t obligations_before = rep_.obligations.size();
    // The runs: from the entry, and from each certified block.
    z3::context *outer = c_, *ctx = nullptr;
    double ctx_ms = 0; // the time runs have worked in ctx
    std::vector<u64> starts{fn_.entry};
    for (u32 b = 0; b < fn_.nblocks; ++b) starts.push_back(fn_.blocks[b].start);
    for (size_t k = 0; k < starts.size(); ++k) {
        if (knobs().only && std::strtoull(knobs().only, nullptr, 0) != starts[k]) continue;
        // Runs share a context until they have worked kContextShareMs in
        // it, then the next run gets a new one. Z3 gets slower as a context
        // fills (printf's run from 0x7444 alone: 54 ms to see its start is
        // consistent; after the function's 12 runs before it in the same
        // context, 600 ms), but a new context costs about 17 MB of fresh
        // pages (4,200 page faults) before it holds a term, which small
        // runs would pay each. Runs share no terms either way: each asks
        // its own solvers. Deleting a context takes seconds after a large
        // run (Z3_del_context: 4-7 s after each of printf's four runs of
        // 1000 obligations), so prove_image proves each function in a
        // child process that never deletes them (keep_contexts) and exits.
        if (!ctx || ctx_ms >= kContextShareMs) {
            if (!keep_contexts) delete ctx;
            ctx = new z3::context, ctx_ms = 0;
        }
        c_ = ctx;
        auto t_ctx = std::chrono::steady_clock::now();
        {
            Env env(*c_, cert_, fn_, name_);
            std::vector<expr> as;
            bool from_entry = k == 0;
            MState init = from_entry ? entry_state(env, as)
                                     : block_state(env, block_at(starts[k])->state, as);
            Asker ask{*c_, env.facts, 0, 0};
            for (const expr &a : as) ask.base.push_back(a);
            Run run(*this, env, starts[k], ask);
            // A start no machine state satisfies proves anything: solve reports it.
            std::string why;
            auto t0 = std::chrono::steady_clock::now();
            z3::check_result consistent =
                ask.check(c_->bool_val(true), opt_.timeout_ms, nullptr, &why);
            double ms0 = ms_since(t0);
            auto t_run = std::chrono::steady_clock::now();
            if (consistent != z3::unsat) run.go(init, from_entry && block_at(fn_.entry));
            double run_ms = ms_since(t_run);
            double run_solver_ms = ask.ms;
            ++rep_.runs;
            solve(starts[k], init, ask, run.pend, env, consistent, ms0, why);
            queries += ask.queries, solver_ms += ask.ms, slow_queries += ask.slow;
            if (knobs().stats >= 2)
                std::fprintf(
                    stderr,
                    "  run from %s: %zu obligations, %llu queries, %.1f ms running (%.1f solving), "
                    "%.1f ms total\n",
                    hex(starts[k]).c_str(), run.pend.size(),
                    static_cast<unsigned long long>(ask.queries), run_ms, run_solver_ms,
                    ms_since(t_run));
        }
        ctx_ms += ms_since(t_ctx);
    }
    if (!keep_contexts) delete ctx;
    c_ = outer;
    if (knobs().stats)
        std::fprintf(
            stderr,
            "%-28s %6zu insns %4zu runs %6zu obligations %6llu queries (%llu slow) %9.1f ms "
            "solving %9.1f ms\n",
            name_.c_str(), insns_.size(), static_cast<size_t>(fn_.nblocks + 1),
            rep_.obligations.size() - obligations_before, static_cast<unsigned long long>(queries),
            static_cast<unsigned long long>(slow_queries), solver_ms, ms_since(t_fn));
}

// Everything the proof of function `index` reads (cache.hpp): the prover
// (its executable and Z3's version), the certificate's version, layout,
// helper count and entry, every function's certified type, order and bounds
// (callees are typed by them), this function's blocks with their states, and
// its code bytes. Each field as fixed-width numbers, each list with its
// length first, so two different inputs never serialize alike.
std::string function_key(const Cert &cert, u32 index, const u8 *text) {
    Sha256 h;
    h.add(std::string("ktal-prove function key 1\n")).add(prover_identity());
    const Layout &l = cert.layout;
    h.num(cert.version).num(l.image_size).num(l.helpers_off).num(l.helper_count).num(l.text_off);
    h.num(l.text_size).num(l.rodata_off).num(l.rodata_size).num(l.sandbox_off).num(l.sandbox_size);
    h.num(cert.entry_function).num(index);
    // (the helper table is implicit since format 3: slot i calls helper i)
    auto value = [&](const Value &v) {
        h.num(static_cast<u64>(v.kind)).num(static_cast<u64>(v.region)).num(v.reg).num(v.low);
        h.num(static_cast<u64>(v.smin)).num(static_cast<u64>(v.smax)).num(v.umin).num(v.umax);
    };
    auto loc = [&](const Loc &x) {
        h.num(x.kind).num(x.reg).num(x.width).num(static_cast<u64>(static_cast<i64>(x.off)));
    };
    h.num(cert.nfuncs);
    for (u32 i = 0; i < cert.nfuncs; ++i) {
        const Function &f = cert.funcs[i];
        h.num(f.entry).num(f.size).num(f.frame).num(f.bound).num(f.order).num(f.nargs);
        for (u8 k = 0; k < f.nargs; ++k) value(f.args[k]);
        h.num(f.has_result);
        if (f.has_result) value(f.result);
    }
    const Function &fn = cert.funcs[index];
    h.num(fn.nblocks);
    for (u32 b = 0; b < fn.nblocks; ++b) {
        const CertState &cs = fn.blocks[b].state;
        h.num(fn.blocks[b].start).num(cs.n);
        for (u32 i = 0; i < cs.n; ++i) {
            loc(cs.entries[i].at);
            h.num(cs.entries[i].mask);
            value(cs.entries[i].v);
        }
        h.num(cs.nfacts);
        for (u8 i = 0; i < cs.nfacts; ++i)
            loc(cs.facts[i].x), loc(cs.facts[i].y), h.num(static_cast<u64>(cs.facts[i].c));
        h.num(cs.fuel).num(cs.flags_set).num(cs.sext);
    }
    h.add(text + fn.entry, fn.size);
    return h.hex_digest();
}

// The image read and checked as prove_image needs it.
struct Loaded {
    Image img;
    std::vector<u8> mem;
    std::optional<Arena> arena;
    Cert cert;
    std::string error;
    bool load(const std::vector<u8> &file) {
        LoadError le;
        if (!image_parse(file.data(), file.size(), img, le)) {
            error = le.message.c_str();
            return false;
        }
        mem.resize(verify_arena_size(img.text.size, img.cert_size));
        arena.emplace(mem.data(), mem.size());
        CertError ce;
        if (!cert_read(img.cert, img.cert_size, *arena, cert, ce)) {
            error = std::string("the certificate cannot be read: ") + ce.message.c_str();
            return false;
        }
        if (!image_check_layout(img, cert.layout, le)) {
            error = le.message.c_str();
            return false;
        }
        if (img.text.size != cert.layout.text_size) {
            error = "the certificate's text size differs from the image's";
            return false;
        }
        return true;
    }
    const u8 *text() const { return img.text.bytes - cert.layout.text_off; }
};

} // namespace

std::vector<std::string> function_keys(const std::vector<u8> &file) {
    Loaded ld;
    std::vector<std::string> keys;
    if (!ld.load(file)) return keys;
    for (u32 i = 0; i < ld.cert.nfuncs; ++i) keys.push_back(function_key(ld.cert, i, ld.text()));
    return keys;
}

namespace {

// The part of a report one function adds, through a pipe: numbers as 8
// bytes, strings with their length first.
struct Wire {
    std::string b;
    size_t at = 0;
    bool ok = true;
    void u(u64 v) { b.append(reinterpret_cast<const char *>(&v), 8); }
    void d(double v) { b.append(reinterpret_cast<const char *>(&v), 8); }
    void s(const std::string &v) { u(v.size()), b += v; }
    u64 u() {
        u64 v = 0;
        if (b.size() - at < 8) return ok = false, 0;
        std::memcpy(&v, b.data() + at, 8), at += 8;
        return v;
    }
    double d() {
        double v = 0;
        if (b.size() - at < 8) return ok = false, 0;
        std::memcpy(&v, b.data() + at, 8), at += 8;
        return v;
    }
    std::string s() {
        u64 n = u();
        if (!ok || b.size() - at < n) return ok = false, std::string();
        std::string v = b.substr(at, n);
        at += n;
        return v;
    }
};

void put_part(Wire &w, const Report &r, size_t from) {
    w.u(r.functions), w.u(r.runs), w.u(r.instructions);
    w.u(r.obligations.size() - from);
    for (size_t i = from; i < r.obligations.size(); ++i) {
        const Obligation &o = r.obligations[i];
        w.u(o.function), w.s(o.function_name), w.u(o.block), w.u(o.addr), w.s(o.insn);
        w.s(o.kind), w.s(o.what), w.u(o.result), w.d(o.ms), w.s(o.detail);
        w.u(o.counterexample.size());
        for (auto &kv : o.counterexample) w.s(kv.first), w.s(kv.second);
    }
}

bool get_part(Wire &w, Report &r) {
    r.functions += w.u(), r.runs += w.u(), r.instructions += w.u();
    u64 n = w.u();
    for (u64 i = 0; i < n && w.ok; ++i) {
        Obligation o;
        o.function = w.u(), o.function_name = w.s(), o.block = w.u(), o.addr = w.u();
        o.insn = w.s(), o.kind = w.s(), o.what = w.s();
        u64 res = w.u();
        if (res > Obligation::Unknown) w.ok = false;
        o.result = static_cast<Obligation::Result>(res);
        o.ms = w.d(), o.detail = w.s();
        u64 m = w.u();
        for (u64 k = 0; k < m && w.ok; ++k) {
            std::string a = w.s();
            o.counterexample.push_back({a, w.s()});
        }
        if (!w.ok) break;
        ++(o.result == Obligation::Proved    ? r.proved
           : o.result == Obligation::Refuted ? r.refuted
                                             : r.unknown);
        r.obligations.push_back(std::move(o));
    }
    return w.ok && w.at == w.b.size();
}

// Proves one function in a child process (fork): the child keeps its Z3
// contexts (deleting them costs seconds, FunctionProver::prove) and exits;
// its part of the report comes back through a pipe. KTAL_PROVE_NO_FORK=1:
// in this process, the contexts deleted.
void prove_function(z3::context &c, const Cert &cert, const Function &fn, const Image &img,
                    Decoder &dec, const SymbolTable &syms, const Options &opt, Report &rep) {
    if (knobs().no_fork) {
        FunctionProver fp(c, cert, fn, img, dec, syms, opt, rep);
        fp.prove();
        return;
    }
    int fd[2];
    if (pipe(fd) != 0) throw std::runtime_error("pipe failed");
    std::fflush(nullptr);
    pid_t pid = fork();
    if (pid < 0) {
        close(fd[0]), close(fd[1]);
        throw std::runtime_error("fork failed");
    }
    if (pid == 0) {
        close(fd[0]);
        int status = 0;
        try {
            Report part;
            FunctionProver fp(c, cert, fn, img, dec, syms, opt, part);
            fp.keep_contexts = true;
            fp.prove();
            Wire w;
            put_part(w, part, 0);
            for (size_t at = 0; at < w.b.size();) {
                ssize_t k = write(fd[1], w.b.data() + at, w.b.size() - at);
                if (k <= 0) {
                    status = 2;
                    break;
                }
                at += static_cast<size_t>(k);
            }
        } catch (...) {
            status = 3;
        }
        std::fflush(nullptr);
        _exit(status);
    }
    close(fd[1]);
    Wire w;
    char buf[65536];
    for (;;) {
        ssize_t k = read(fd[0], buf, sizeof buf);
        if (k < 0 && errno == EINTR) continue;
        if (k <= 0) break;
        w.b.append(buf, static_cast<size_t>(k));
    }
    close(fd[0]);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        throw std::runtime_error(
            "the prover's process for the function at " + hex(fn.entry) + " failed (" +
            (WIFSIGNALED(status) ? "signal " + std::to_string(WTERMSIG(status))
                                 : "exit " + std::to_string(WEXITSTATUS(status))) +
            ")");
    if (!get_part(w, rep))
        throw std::runtime_error("the prover's process for the function at " + hex(fn.entry) +
                                 " sent a damaged report");
}

} // namespace

Report prove_image(const std::vector<u8> &file, const Options &opt) {
    Report rep;
    auto t0 = std::chrono::steady_clock::now();
    x86::zero_as_compare(true); // (x86.hpp: the same flag, a form Z3 keeps whole)
    struct Restore {
        ~Restore() { x86::zero_as_compare(false); }
    } restore;
    g_budget = opt.budget_ms != 0;
    g_deadline = t0 + std::chrono::milliseconds(opt.budget_ms);
    Loaded ld;
    if (!ld.load(file)) {
        rep.error = ld.error;
        return rep;
    }
    const Image &img = ld.img;
    const Cert &cert = ld.cert;
    Decoder dec;
    if (!decoder_open(dec, true)) {
        rep.error = "cannot open the Capstone disassembler";
        return rep;
    }
    decoder_set_fuel(dec, cert.layout);
    rep.loaded = true;
    SymbolTable syms = SymbolTable::from_elf(file);
    try {
        prove_layout(img, cert, dec, opt, syms.name_at(cert.funcs[cert.entry_function].entry), rep);
        // One context for the process, never deleted: Z3 4.8.12 can crash
        // deleting a context whose terms used lambdas (the stack arrays).
        static z3::context &c = *new z3::context;
        bool cache = !opt.cache_dir.empty() && !prover_identity().empty() && !knobs().only;
        for (u32 i = 0; i < cert.nfuncs; ++i) {
            const Function &fn = cert.funcs[i];
            if (knobs().function && std::strtoull(knobs().function, nullptr, 0) != fn.entry)
                continue;
            if (opt.on_function) opt.on_function(i, cert.nfuncs, syms.name_at(fn.entry));
            std::string key = cache ? function_key(cert, i, ld.text()) : std::string();
            if (cache)
                if (auto obs = cache_load(opt.cache_dir, key)) {
                    std::string name = syms.name_at(fn.entry);
                    if (name.empty()) name = hex(fn.entry);
                    for (CachedObligation &co : *obs) {
                        Obligation o;
                        o.function = fn.entry, o.function_name = name, o.block = co.block;
                        o.addr = co.addr, o.insn = std::move(co.insn), o.kind = std::move(co.kind);
                        o.what = std::move(co.what), o.result = Obligation::Proved;
                        o.detail = "proved before (cache " + key.substr(0, 16) + ")";
                        rep.obligations.push_back(std::move(o));
                        ++rep.proved;
                    }
                    ++rep.functions, ++rep.cached;
                    continue;
                }
            size_t before = rep.obligations.size();
            prove_function(c, cert, fn, img, dec, syms, opt, rep);
            // Only a complete proof is recorded: every obligation of the
            // function proved (a refuted or unknown one is asked again).
            bool all = rep.obligations.size() > before;
            std::vector<CachedObligation> obs;
            for (size_t k = before; k < rep.obligations.size() && all; ++k) {
                const Obligation &o = rep.obligations[k];
                all = o.result == Obligation::Proved;
                obs.push_back(CachedObligation{o.block, o.addr, o.insn, o.kind, o.what});
            }
            if (cache && all) cache_store(opt.cache_dir, key, obs);
        }
    } catch (const z3::exception &ex) {
        rep.loaded = false;
        rep.error = std::string("Z3: ") + ex.msg();
    } catch (const std::exception &ex) {
        rep.loaded = false;
        rep.error = ex.what();
    }
    decoder_close(dec);
    rep.ms = ms_since(t0);
    return rep;
}

} // namespace ktal::prover
