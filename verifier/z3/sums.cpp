// Sums pushed into if-then-else (sums.hpp).
#include "verifier/z3/sums.hpp"

#include <unordered_map>
#include <utility>
#include <vector>

namespace ktal::prover {
namespace {

bool is_ite(const z3::expr &t) {
    return t.is_app() && t.decl().decl_kind() == Z3_OP_ITE;
}

struct Pusher {
    z3::context &c;
    unsigned budget;
    bool over = false;
    std::unordered_map<unsigned, z3::expr> done; // by Z3's AST id

    // x1 + .. + ite(c, a, b) + .. + xn: ite(c, x1 + .. + a + .., x1 + .. + b + ..),
    // until no term is an ite, then each sum simplified (bases cancel).
    z3::expr distribute(const std::vector<z3::expr> &terms) {
        if (over || budget-- == 0) {
            over = true;
            return terms[0];
        }
        for (size_t j = 0; j < terms.size(); ++j) {
            if (!is_ite(terms[j])) continue;
            std::vector<z3::expr> a = terms, b = terms;
            a[j] = terms[j].arg(1), b[j] = terms[j].arg(2);
            return z3::ite(terms[j].arg(0), distribute(a), distribute(b));
        }
        z3::expr sum = terms[0];
        for (size_t j = 1; j < terms.size(); ++j) sum = sum + terms[j];
        return sum.simplify();
    }

    // Post-order over the DAG with an explicit stack (the terms of a long
    // run nest deeper than a C++ stack would like).
    z3::expr run(const z3::expr &q) {
        std::vector<std::pair<z3::expr, bool>> stack{{q, false}};
        while (!stack.empty() && !over) {
            auto [t, expanded] = stack.back();
            stack.pop_back();
            unsigned id = Z3_get_ast_id(c, t);
            if (done.count(id)) continue;
            if (!t.is_app() || t.num_args() == 0) {
                done.emplace(id, t);
                continue;
            }
            if (!expanded) {
                stack.push_back({t, true});
                for (unsigned i = 0; i < t.num_args(); ++i)
                    if (!done.count(Z3_get_ast_id(c, t.arg(i)))) stack.push_back({t.arg(i), false});
                continue;
            }
            std::vector<z3::expr> args;
            bool changed = false, has_ite = false;
            for (unsigned i = 0; i < t.num_args(); ++i) {
                z3::expr a = done.at(Z3_get_ast_id(c, t.arg(i)));
                changed |= !z3::eq(a, t.arg(i));
                has_ite |= is_ite(a);
                args.push_back(a);
            }
            z3::expr r = t;
            if (t.decl().decl_kind() == Z3_OP_BADD && has_ite) {
                r = distribute(args);
            } else if (changed) {
                std::vector<Z3_ast> raw;
                for (const z3::expr &a : args) raw.push_back(a);
                r = z3::expr(c,
                             Z3_mk_app(c, t.decl(), static_cast<unsigned>(raw.size()), raw.data()));
            }
            done.emplace(id, r);
        }
        return over ? q : done.at(Z3_get_ast_id(c, q));
    }
};

} // namespace

z3::expr push_sums_into_ites(const z3::expr &q, unsigned budget) {
    Pusher p{q.ctx(), budget, false, {}};
    return p.run(q);
}

} // namespace ktal::prover
