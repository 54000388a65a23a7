// The adversarial corpus (tests/adversarial: every case must be rejected, and
// for the rule it names) and the positive corpus (tests/positive: every case
// must be accepted). One test per file.
#include "loader/check_image.hpp"
#include "tests/support/case_builder.hpp"

#include <gtest/gtest.h>

#include <filesystem>

using namespace ktal;

namespace {

std::string case_name(const testing::TestParamInfo<std::string> &info) {
    std::string n = std::filesystem::path(info.param).stem().string();
    for (char &ch : n)
        if (!isalnum(static_cast<unsigned char>(ch))) ch = '_';
    return n;
}

void check(const std::string &path) {
    test::Case c;
    std::string err;
    ASSERT_TRUE(test::load_case(path, c, err)) << err;
    ASSERT_FALSE(c.expect.empty()) << path << " names no `# expect:`";
    std::vector<u8> image;
    ASSERT_TRUE(test::build_case(c, image, err)) << err;
    CheckResult r = check_image(image);
    std::string got = r.accepted ? "accept" : r.malformed ? "image.malformed" : r.rejection.rule;
    EXPECT_EQ(got, c.expect) << path << "\n  attack: " << c.attack << "\n  message: "
                             << (r.malformed ? r.load_error : r.rejection.message.c_str())
                             << "\n  at: 0x" << std::hex << r.rejection.address << " "
                             << r.rejection.disasm.c_str()
                             << "\n  expected: " << r.rejection.expected.c_str()
                             << "\n  found: " << r.rejection.found.c_str();
    // One rule, many reasons (cert.malformed): the case may name the reason too.
    if (!c.problem.empty()) {
        std::string message = r.malformed ? r.load_error : r.rejection.message.c_str();
        EXPECT_NE(message.find(c.problem), std::string::npos)
            << path << "\n  attack: " << c.attack << "\n  want a message with: " << c.problem
            << "\n  message: " << message;
    }
}

class Adversarial : public testing::TestWithParam<std::string> {};
class Positive : public testing::TestWithParam<std::string> {};

TEST_P(Adversarial, RejectedForTheNamedRule) {
    test::Case c;
    std::string err;
    ASSERT_TRUE(test::load_case(GetParam(), c, err)) << err;
    ASSERT_NE(c.expect, "accept") << "adversarial cases must expect a rule";
    ASSERT_FALSE(c.attack.empty()) << "each adversarial case names its attack";
    check(GetParam());
}
TEST_P(Positive, Accepted) {
    check(GetParam());
}

INSTANTIATE_TEST_SUITE_P(Corpus, Adversarial,
                         testing::ValuesIn(test::case_files(KTAL_SOURCE_DIR "/tests/adversarial")),
                         case_name);
INSTANTIATE_TEST_SUITE_P(Corpus, Positive,
                         testing::ValuesIn(test::case_files(KTAL_SOURCE_DIR "/tests/positive")),
                         case_name);

} // namespace
