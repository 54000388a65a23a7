// Compares of two pointers, the two refinements `ktal prove --rules` refuted
// (each a way to make the verifier call a path dead that runs): a compare
// narrower than 8 bytes says nothing of the pointers' offsets, and an
// unsigned compare of two addresses is a signed compare of their offsets
// (which may be negative). The code after each branch is checked as live.
#include "tests/verifier/rules_support.hpp"

using namespace ktal;
using namespace ktal::test;

namespace {

// `pre`, then `jcc` over an access through an integer (rdi), which the
// verifier must see and refuse on the fall-through path.
std::string falls_into_int_access(const std::string &pre, const std::string &jcc) {
    return one("bound=0\n  args int",
               pre + "\n  " + jcc + " 1f\n  mov byte ptr [rdi], 0\n1:\n  ret");
}

TEST(PointerCompare, NarrowCompareRefinesNothing) {
    // rcx = obj + [0, 63], rax = obj: `cmp cl, al` compares low bytes only,
    // so rcx's low byte below rax's does not put rcx below obj.
    const char *pre = "  and edi, 63\n  lea rax, [rip + obj]\n  lea rcx, [rax + rdi]";
    for (const char *cmp : {"  cmp cl, al", "  cmp cx, ax", "  cmp ecx, eax"}) {
        SCOPED_TRACE(cmp);
        EXPECT_REJECT(falls_into_int_access(std::string(pre) + "\n" + cmp, "jae"),
                      rule::kNotPointer);
    }
    // At 8 bytes the compare is of the pointers: rcx < obj is impossible.
    EXPECT_ACCEPT(falls_into_int_access(std::string(pre) + "\n  cmp rcx, rax", "jae"));
}

TEST(PointerCompare, UnsignedCompareOfANegativeOffset) {
    // rax = the sandbox's start - 1, rcx = its start: rax < rcx as addresses,
    // though -1 is the larger offset read unsigned.
    const char *pre = "  lea rax, [rip + __ktal_sandbox_start]\n  dec rax\n  lea rcx, [rip + "
                      "__ktal_sandbox_start]\n"
                      "  cmp rax, rcx";
    EXPECT_REJECT(falls_into_int_access(pre, "jae"), rule::kNotPointer);
    // And the other way round: rcx > rax, so `jbe` falls through.
    EXPECT_REJECT(falls_into_int_access("  lea rax, [rip + __ktal_sandbox_start]\n  dec rax\n"
                                        "  lea rcx, [rip + __ktal_sandbox_start]\n  cmp rcx, rax",
                                        "jbe"),
                  rule::kNotPointer);
    // Offsets of one sign still compare as before: rcx = start + 8 > start.
    EXPECT_ACCEPT(
        falls_into_int_access("  lea rax, [rip + __ktal_sandbox_start]\n"
                              "  lea rcx, [rip + __ktal_sandbox_start + 8]\n  cmp rcx, rax",
                              "ja"));
}

} // namespace
