// The verifier and the prover on random programs (random_programs.hpp):
// whatever the verifier accepts, the prover must not refute. Three holes in
// the verifier were found this way (tests/adversarial/leak-*-variable-*.s,
// leak-flags-stack-address-*.s). In `make test`: 8 batches of 40 programs
// (about one in six is accepted and proved). For a longer search:
//   KTAL_RANDOM_PROGRAMS=5000 KTAL_RANDOM_SEED=7 build/tests/prover_random_test
// A failure prints the program, ready to become a test case.
#include "loader/check_image.hpp"
#include "tests/prover/random_programs.hpp"
#include "tests/support/case_builder.hpp"
#include "verifier/z3/program.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>

using namespace ktal;

namespace {

u64 from_env(const char *name, u64 fallback) {
    const char *v = std::getenv(name);
    return v && *v ? std::strtoull(v, nullptr, 10) : fallback;
}

class RandomPrograms : public testing::TestWithParam<int> {};

TEST_P(RandomPrograms, WhatTheVerifierAcceptsTheProverProves) {
    u64 seed = from_env("KTAL_RANDOM_SEED", 1) * 100 + static_cast<u64>(GetParam());
    u64 n = from_env("KTAL_RANDOM_PROGRAMS", 40);
    prover::Options options;
    options.timeout_ms = 120000; // generous: ctest shares two cores
    u64 accepted = 0;
    for (u64 i = 0; i < n; ++i) {
        std::string text = test::random_program(seed, i), err;
        test::Case c = test::parse_case(text, "random");
        std::vector<u8> image;
        ASSERT_TRUE(test::build_case(c, image, err)) << err << "\n" << text;
        if (!check_image(image).accepted) continue;
        ++accepted;
        prover::Report p = prover::prove_image(image, options);
        EXPECT_TRUE(p.loaded && p.refuted == 0 && p.unknown == 0)
            << "the verifier accepts, the prover does not (" << p.proved << " proved, " << p.refuted
            << " refuted, " << p.unknown << " unknown" << (p.loaded ? "" : ", not loaded") << "):\n"
            << text;
    }
    std::printf("seed %llu: %llu of %llu programs accepted\n",
                static_cast<unsigned long long>(seed), static_cast<unsigned long long>(accepted),
                static_cast<unsigned long long>(n));
    // The programs are meant to pass often enough for the prover to have work.
    EXPECT_GT(accepted, n / 20) << "seed " << seed << ": only " << accepted << " of " << n
                                << " programs accepted";
}

INSTANTIATE_TEST_SUITE_P(Batch, RandomPrograms, testing::Range(0, 8));

} // namespace
