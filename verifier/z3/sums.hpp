// A second form of a query for `ktal prove`: sums pushed into if-then-else.
// Where two paths merge, a register holds ite(c, image + k + x, image + k + y);
// an access through it asks about that merge minus the region's base. Z3's
// simplifier keeps (ite ...) - image whole, and the bit-blasted query must
// then prove adder circuits equal: rbtree's main, stores after such a merge,
// stayed unknown for minutes. Pushed in, each branch's base cancels
// (ite(c, k + x, k + y)), and the same query is unsat in a fraction of a
// second. The form is not better everywhere (the obligations no longer
// share terms with the guards before them, 3-4x slower over the corpus), so
// program.cpp asks it only of a query still unknown in its plain form.
#pragma once

#include <z3++.h>

namespace ktal::prover {

// q with every bit-vector sum that has an if-then-else among its terms
// rewritten into an if-then-else of sums, each simplified. Equivalent to q.
// Quantified subterms are kept as they are. Returns q itself when nothing
// changes, or when the rewrite would build more than `budget` sums.
z3::expr push_sums_into_ites(const z3::expr &q, unsigned budget = 20000);

} // namespace ktal::prover
