// The rule prover must catch a wrong rule: variants of the verifier's add
// that forget a wraparound case (built only here) are refuted with a
// counterexample, while the verifier's own add_w, through the same harness,
// is proved.
#include "verifier/interval.hpp"
#include "verifier/z3/rules.hpp"

#include <gtest/gtest.h>

using namespace ktal;
using sym::SVal;
using sym::Sym;

namespace {

// add_w as it would be without its wraparound cases: the sum of the bounds.
template <class N>
typename N::Val add_forgets_wrap(const typename N::Val &a, const typename N::Val &b, u8 w) {
    auto [al, ah] = low_u<N>(a, w);
    auto [bl, bh] = low_u<N>(b, w);
    return N::urange(al + bl, ah + bh);
}

// add64 trusting signed bounds even when the signed sum overflows.
template <class N>
typename N::Val add64_forgets_overflow(const typename N::Val &a, const typename N::Val &b) {
    typename N::Val r = N::top();
    r.smin = a.smin + b.smin; // (on symbolic numbers: an overflow is also undefined behaviour)
    r.smax = a.smax + b.smax;
    N::normalize(r);
    return r;
}

void print(const rules::Outcome &o) {
    std::printf("%s: %s (%.1f ms) %s\n", o.rule.c_str(), rules::status_name(o.status), o.ms,
                o.detail.c_str());
    for (auto &c : o.counterexample)
        std::printf("    %-24s = %s\n", c.first.c_str(), c.second.c_str());
}

TEST(PlantedBug, AddWithoutWraparoundIsRefuted) {
    for (u8 w : {1, 4}) {
        rules::Outcome o = rules::prove_binary(
            "add/" + std::to_string(8 * w) + " planted: no wraparound", Op::Add, w,
            [w](const SVal &a, const SVal &b) { return add_forgets_wrap<Sym>(a, b, w); });
        print(o);
        EXPECT_EQ(o.status, rules::Status::Refuted);
        EXPECT_FALSE(o.counterexample.empty());
    }
}

TEST(PlantedBug, Add64WithoutOverflowCheckIsRefuted) {
    rules::Outcome o = rules::prove_binary(
        "add/64 planted: no overflow check", Op::Add, 8,
        [](const SVal &a, const SVal &b) { return add64_forgets_overflow<Sym>(a, b); });
    print(o);
    EXPECT_EQ(o.status, rules::Status::Refuted);
    EXPECT_FALSE(o.counterexample.empty());
}

// The same harness proves the verifier's own add, at the widths the planted
// variant is refuted at (add/64 alone takes over a minute here; it is one of
// the rules `ktal prove --rules` proves, in the prover.rules shards).
TEST(PlantedBug, TheRealAddIsProved) {
    for (u8 w : {1, 4}) {
        rules::Outcome o =
            rules::prove_binary("add/" + std::to_string(8 * w) + " (the verifier's)", Op::Add, w,
                                [w](const SVal &a, const SVal &b) { return add_w<Sym>(a, b, w); });
        print(o);
        EXPECT_EQ(o.status, rules::Status::Proved) << o.detail;
    }
}

} // namespace
