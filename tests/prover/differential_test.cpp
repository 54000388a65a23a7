// Differential tests: the verifier and the offline prover (`ktal prove`) on
// the same images. Every positive case (tests/positive) must be accepted by
// both. Every adversarial case (tests/adversarial), whatever its rule
// (encoding, certificate, layout, control, calls, fuel, stack, memory,
// information flow, division, edge states), must be rejected by the verifier
// for that rule and refuted by the prover (some obligation refuted, the
// certificate found inconsistent, or the image refused as unusable): two
// independent checkers, one list of obligations. A case whose rule is
// stricter than safety says `# prover: safe: WHY`, and the prover proves it.
// KTAL_PROVER_CORPUS (a directory of more cases) adds its *.s files too.
#include "loader/check_image.hpp"
#include "tests/support/case_builder.hpp"
#include "verifier/z3/program.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <sstream>

using namespace ktal;

namespace {

std::string case_name(const testing::TestParamInfo<std::string> &info) {
    std::string n = std::filesystem::path(info.param).stem().string();
    for (char &ch : n)
        if (!isalnum(static_cast<unsigned char>(ch))) ch = '_';
    return n;
}

std::vector<std::string> cases(const char *dir) {
    return test::case_files(std::string(KTAL_SOURCE_DIR) + "/" + dir);
}

std::string summary(const prover::Report &r) {
    std::ostringstream o;
    if (!r.loaded) o << "not loaded: " << r.error << "\n";
    for (auto &ob : r.obligations) {
        if (ob.result == prover::Obligation::Proved) continue;
        o << "  " << prover::result_name(ob.result) << " " << ob.kind << " at 0x" << std::hex
          << ob.addr << std::dec << " <" << ob.insn << ">: " << ob.what
          << (ob.detail.empty() ? "" : " (" + ob.detail + ")") << "\n";
    }
    o << "  " << r.proved << " proved, " << r.refuted << " refuted, " << r.unknown << " unknown";
    return o.str();
}

struct Built {
    test::Case c;
    std::vector<u8> image;
};

Built build(const std::string &path) {
    Built b;
    std::string err;
    EXPECT_TRUE(test::load_case(path, b.c, err)) << err;
    EXPECT_TRUE(test::build_case(b.c, b.image, err)) << err;
    return b;
}

// Generous per-query limits: ctest runs these beside other tests on two
// cores, and a query that ran out of time would be "unknown", a failure here.
prover::Options test_options() {
    prover::Options o;
    o.timeout_ms = 120000;
    return o;
}

class Positive : public testing::TestWithParam<std::string> {};
class Adversarial : public testing::TestWithParam<std::string> {};

TEST_P(Positive, BothAccept) {
    Built b = build(GetParam());
    ASSERT_FALSE(b.image.empty());
    CheckResult v = check_image(b.image);
    EXPECT_TRUE(v.accepted) << "verifier: " << (v.rejection.rule ? v.rejection.rule : "") << " "
                            << v.rejection.message.c_str();
    prover::Report p = prover::prove_image(b.image, test_options());
    EXPECT_TRUE(p.all_proved()) << "prover:\n" << summary(p);
    EXPECT_GT(p.proved, 0u);
}

TEST_P(Adversarial, BothReject) {
    Built b = build(GetParam());
    ASSERT_FALSE(b.image.empty());
    CheckResult v = check_image(b.image);
    std::string got = v.accepted ? "accept" : v.malformed ? "image.malformed" : v.rejection.rule;
    EXPECT_EQ(got, b.c.expect) << "the verifier's verdict changed";
    prover::Report p = prover::prove_image(b.image, test_options());
    if (!b.c.prover.empty()) { // the verifier is stricter than safety here, and says why
        ASSERT_EQ(b.c.prover.rfind("safe: ", 0), 0u) << "a '# prover:' line says 'safe: WHY'";
        EXPECT_TRUE(p.all_proved()) << "the case says it is safe (" << b.c.prover << ")\n"
                                    << summary(p);
        return;
    }
    bool found = !p.loaded || p.refuted > 0;
    EXPECT_TRUE(found) << "the prover finds no violation in " << GetParam()
                       << "\n  attack: " << b.c.attack << "\n"
                       << summary(p);
    // What the prover says, next to what the verifier says (in the test log).
    for (auto &ob : p.obligations)
        if (ob.result == prover::Obligation::Refuted) {
            std::printf("verifier: %s at 0x%llx; prover: %s at 0x%llx (%s)\n", got.c_str(),
                        static_cast<unsigned long long>(v.rejection.address), ob.kind.c_str(),
                        static_cast<unsigned long long>(ob.addr), ob.what.c_str());
            break;
        }
}

INSTANTIATE_TEST_SUITE_P(Corpus, Positive, testing::ValuesIn(cases("tests/positive")), case_name);
INSTANTIATE_TEST_SUITE_P(Corpus, Adversarial, testing::ValuesIn(cases("tests/adversarial")),
                         case_name);

} // namespace
