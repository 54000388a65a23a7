// push_sums_into_ites (verifier/z3/sums.hpp): the rewritten query means what
// the query meant, a merge of two pointers minus their base becomes a merge
// of offsets (the base cancelled in each branch), and a rewrite past its
// budget gives the query back unchanged.
#include "verifier/z3/sums.hpp"

#include <gtest/gtest.h>

#include <string>

using ktal::prover::push_sums_into_ites;

namespace {

// Is `a == b` true for every value of their constants?
bool equivalent(z3::context &c, const z3::expr &a, const z3::expr &b) {
    z3::solver s(c);
    s.add(a != b);
    return s.check() == z3::unsat;
}

TEST(PushSums, MergedPointersMinusTheirBase) {
    z3::context c;
    z3::expr image = c.bv_const("image", 64), x = c.bv_const("x", 64), y = c.bv_const("y", 64);
    z3::expr k = c.bv_val(61440, 64), p = c.bool_const("p");
    // rbtree's shape: a store through a register that is one pointer on one
    // path and a reloaded spill on the other, both image + 61440 + offset.
    z3::expr off = (z3::ite(p, image + k + x, image + k + y) - image + c.bv_val(8, 64)).simplify();
    z3::expr q = z3::ule(off, c.bv_val(4096, 64));
    z3::expr alt = push_sums_into_ites(q);
    EXPECT_FALSE(z3::eq(alt, q));
    EXPECT_TRUE(equivalent(c, alt, q));
    // The base is gone from the rewritten comparison.
    EXPECT_EQ(alt.to_string().find("image"), std::string::npos) << alt;
}

TEST(PushSums, NestedMergesAndSeveralInOneSum) {
    z3::context c;
    z3::expr b = c.bv_const("b", 64), x = c.bv_const("x", 64), y = c.bv_const("y", 64),
             z = c.bv_const("z", 64);
    z3::expr p = c.bool_const("p"), r = c.bool_const("r");
    z3::expr nested = z3::ite(p, b + x, z3::ite(r, b + y, b + z));
    z3::expr q = (nested + z3::ite(r, x, y) - b).simplify() == c.bv_val(5, 64);
    z3::expr alt = push_sums_into_ites(q);
    EXPECT_FALSE(z3::eq(alt, q));
    EXPECT_TRUE(equivalent(c, alt, q));
}

TEST(PushSums, NothingToPushLeavesTheQuery) {
    z3::context c;
    z3::expr x = c.bv_const("x", 64), y = c.bv_const("y", 64), p = c.bool_const("p");
    z3::expr q = (x + y == c.bv_val(3, 64)) && z3::ite(p, x, y) == c.bv_val(1, 64);
    EXPECT_TRUE(z3::eq(push_sums_into_ites(q), q));
}

TEST(PushSums, OverBudgetLeavesTheQuery) {
    z3::context c;
    z3::expr sum = c.bv_val(0, 64);
    // 12 merges in one sum: 4096 sums once pushed, more than a budget of 100.
    for (int i = 0; i < 12; ++i) {
        std::string n = std::to_string(i);
        sum = sum + z3::ite(c.bool_const(("p" + n).c_str()), c.bv_const(("x" + n).c_str(), 64),
                            c.bv_const(("y" + n).c_str(), 64));
    }
    z3::expr q = sum.simplify() == c.bv_val(0, 64);
    EXPECT_TRUE(z3::eq(push_sums_into_ites(q, 100), q));
    EXPECT_FALSE(z3::eq(push_sums_into_ites(q), q));
}

} // namespace
