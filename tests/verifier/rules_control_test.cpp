// Control flow: branch refinement (signed, unsigned, 32-bit, slots, facts),
// jump targets, certified blocks, edge states, fall-through and fuel.
#include "tests/verifier/rules_support.hpp"

using namespace ktal;
using namespace ktal::test;

namespace {

const char *kArgs = "bound=0\n  args int int int";

// Runs `pre` (which may leave early with `jcc 8f`), then `jcc skip`; the
// fall-through edge probes `reg`.
std::string on_fallthrough(const std::string &pre, const std::string &jcc, const std::string &reg) {
    return one(kArgs, pre + "\n  " + jcc + " 9f\n" + probe(reg) + "8:\n9:\n  ret");
}
// Runs `pre` (which may leave early with `jcc 8f`), then `jcc taken`; the
// taken edge probes `reg`.
std::string on_taken(const std::string &pre, const std::string &jcc, const std::string &reg) {
    return one(kArgs, pre + "\n  " + jcc + " 9f\n8:\n  ret\n9:\n" + probe(reg) + "  ret");
}

// --- unsigned refinement ---

TEST(Refine, UnsignedUpperBound) {
    EXPECT_ACCEPT(on_fallthrough("  cmp rdi, 79", "ja", "rdi"));
    EXPECT_REJECT(on_fallthrough("  cmp rdi, 80", "ja", "rdi"), rule::kBounds);
    EXPECT_ACCEPT(on_fallthrough("  cmp rdi, 80", "jae", "rdi"));
    EXPECT_ACCEPT(on_taken("  cmp rdi, 80", "jb", "rdi"));
    EXPECT_ACCEPT(on_taken("  cmp rdi, 79", "jbe", "rdi"));
    EXPECT_REJECT(on_taken("  cmp rdi, 79", "ja", "rdi"), rule::kBounds);
    EXPECT_REJECT(on_fallthrough("  cmp rdi, 79", "jbe", "rdi"), rule::kBounds);
}

TEST(Refine, OneUnsignedCompareBoundsBothSides) {
    // A negative value is a huge unsigned one: `ja` excludes it too.
    EXPECT_ACCEPT(on_fallthrough("  movsx rdi, dil\n  cmp rdi, 79", "ja", "rdi"));
    EXPECT_ACCEPT(on_fallthrough("  cmp rdi, 79", "ja", "rdi"));
}

TEST(Refine, ConstantOnTheLeft) {
    EXPECT_ACCEPT(on_fallthrough("  mov ecx, 80\n  cmp rcx, rdi", "jbe", "rdi"));
    EXPECT_ACCEPT(on_taken("  mov ecx, 80\n  cmp rcx, rdi", "ja", "rdi"));
    EXPECT_REJECT(on_taken("  mov ecx, 80\n  cmp rcx, rdi", "jae", "rdi"), rule::kBounds);
}

TEST(Refine, RegisterAgainstRegisterRefinesBoth) {
    // rsi in [0, 80] and rdi < rsi: rdi in [0, 79] and rsi in [1, 80].
    const char *pre = "  cmp rsi, 80\n  ja 8f\n  cmp rdi, rsi";
    EXPECT_ACCEPT(on_fallthrough(pre, "jae", "rdi"));
    EXPECT_ACCEPT(on_fallthrough(pre, "jae", "rsi - 1"));
    EXPECT_REJECT(on_fallthrough(pre, "jae", "rsi"), rule::kBounds); // rsi may be 80
}

// --- signed refinement ---

TEST(Refine, SignedNeedsBothSides) {
    EXPECT_REJECT(on_fallthrough("  cmp rdi, 79", "jg", "rdi"), rule::kBounds); // may be negative
    EXPECT_ACCEPT(on_fallthrough("  test rdi, rdi\n  js 8f\n  cmp rdi, 79", "jg", "rdi"));
    EXPECT_ACCEPT(on_fallthrough("  cmp rdi, 0\n  jl 8f\n  cmp rdi, 80", "jge", "rdi"));
    EXPECT_ACCEPT(on_taken("  cmp rdi, -1\n  jle 8f\n  cmp rdi, 80", "jl", "rdi"));
    EXPECT_REJECT(on_taken("  cmp rdi, -2\n  jle 8f\n  cmp rdi, 80", "jl", "rdi"),
                  rule::kBounds); // -1
}

TEST(Refine, SignedTestForms) {
    EXPECT_ACCEPT(on_fallthrough("  cmp rdi, 79\n  ja 8f\n  test rdi, rdi", "jle", "rdi"));
    EXPECT_ACCEPT(on_taken("  cmp rdi, 79\n  jg 8f\n  test rdi, rdi", "jns", "rdi"));
    EXPECT_ACCEPT(on_taken("  cmp rdi, 79\n  jg 8f\n  test rdi, rdi", "jge", "rdi"));
    EXPECT_REJECT(on_taken("  cmp rdi, 79\n  jg 8f\n  test rdi, rdi", "jle", "rdi"), rule::kBounds);
}

TEST(Refine, ArithmeticResultFlags) {
    // sub sets SF from its result: the negative side is [-80, -1].
    EXPECT_ACCEPT(on_fallthrough("  and edi, 127\n  sub rdi, 80", "jns", "rdi + 80"));
    EXPECT_REJECT(on_taken("  and edi, 127\n  sub rdi, 80", "jns", "rdi + 80"), rule::kBounds);
    EXPECT_ACCEPT(on_fallthrough("  and edi, 127\n  add rdi, -80", "jns", "rdi + 80"));
    // and sets ZF: the non-zero side.
    EXPECT_ACCEPT(on_fallthrough("  and edi, 80", "je", "rdi - 1"));
    EXPECT_REJECT(on_taken("  and edi, 80", "je", "rdi - 1"), rule::kBounds);
}

TEST(Refine, Equality) {
    EXPECT_ACCEPT(on_fallthrough("  cmp rdi, 5", "jne", "rdi"));
    EXPECT_ACCEPT(on_taken("  cmp rdi, 79", "je", "rdi"));
    EXPECT_REJECT(on_taken("  cmp rdi, 80", "je", "rdi"), rule::kBounds);
    // Not equal to an end of the range narrows it.
    EXPECT_ACCEPT(on_fallthrough("  and edi, 80\n  cmp rdi, 80", "je", "rdi"));
    EXPECT_REJECT(on_fallthrough("  and edi, 80\n  cmp rdi, 40", "je", "rdi"), rule::kBounds);
    EXPECT_ACCEPT(on_taken("  cmp rsi, 70\n  ja 8f\n  cmp rdi, rsi", "je", "rdi"));
}

TEST(Refine, ThirtyTwoBitCompareOfAZeroExtendedValue) {
    EXPECT_ACCEPT(on_fallthrough("  mov eax, edi\n  cmp eax, 79", "ja", "rax"));
    EXPECT_ACCEPT(on_fallthrough("  mov eax, dword ptr [rip + obj]\n  cmp eax, 80", "jae", "rax"));
}

TEST(Refine, ThirtyTwoBitCompareSaysNothingOfTheUpperHalf) {
    EXPECT_REJECT(on_fallthrough("  cmp edi, 79", "ja", "rdi"), rule::kBounds);
    // and the zero-extension afterwards does not recover it
    EXPECT_REJECT(
        on_fallthrough("  cmp edi, 79\n  ja 8f\n  mov eax, edi\n  test eax, eax", "js", "rax"),
        rule::kBounds);
}

TEST(Refine, ThirtyTwoBitSignedCompareOfASignExtendedValue) {
    EXPECT_ACCEPT(
        on_fallthrough("  movsxd rax, edi\n  cmp eax, 79\n  jg 8f\n  test eax, eax", "js", "rax"));
    EXPECT_REJECT(on_fallthrough("  movsxd rax, edi\n  cmp eax, 79", "jg", "rax"), rule::kBounds);
}

TEST(Refine, ThirtyTwoBitSignedCompareDoesNotRefineAZeroExtendedValueWrongly) {
    // eax = 0x80000000 is negative as a 32-bit number but rax is not: a signed
    // 32-bit compare must not narrow rax's 64-bit bounds as if it were.
    EXPECT_REJECT(on_fallthrough("  mov eax, edi\n  cmp eax, 79", "jg", "rax"), rule::kBounds);
}

// DISCREPANCY (precision): for a zero-extended value (u[0, 2^32-1]) a signed
// 32-bit test that excludes the negative half (test eax, eax; js) is exact,
// but refine() skips it because the value is not signed-exact in 32 bits.
// clang's clamp idiom (cmp/cmovl/test/cmovg on 32-bit values) needs it.
TEST(Refine, DISABLED_ThirtyTwoBitSignTestOfAZeroExtendedValue) {
    EXPECT_ACCEPT(
        on_fallthrough("  mov eax, edi\n  test eax, eax\n  js 8f\n  cmp eax, 79", "jg", "rax"));
}

TEST(Refine, NarrowCompares) {
    EXPECT_ACCEPT(on_fallthrough("  movzx eax, dil\n  cmp al, 79", "ja", "rax"));
    // An 8-bit compare of an unknown 64-bit register: its low byte is not a value the domain holds.
    EXPECT_REJECT(
        one(kArgs, "  cmp dil, 79\n  ja 9f\n  movzx eax, dil\n" + probe("rax") + "9:\n  ret"),
        rule::kBounds);
    EXPECT_ACCEPT(on_fallthrough("  movzx eax, di\n  cmp ax, 79", "ja", "rax"));
}

TEST(Refine, StackSlotCompare) {
    // A spilled 4-byte value compared in place, then reloaded.
    EXPECT_ACCEPT(
        one("frame=8 bound=8\n  args int", "  sub rsp, 8\n  mov eax, edi\n  mov dword ptr [rsp + "
                                           "4], eax\n  cmp dword ptr [rsp + 4], 79\n"
                                           "  ja 9f\n  mov ecx, dword ptr [rsp + 4]\n" +
                                               probe("rcx") + "9:\n  add rsp, 8\n  ret"));
    EXPECT_ACCEPT(one("frame=8 bound=8\n  args int",
                      "  sub rsp, 8\n  mov qword ptr [rsp], rdi\n  cmp qword ptr [rsp], 79\n"
                      "  ja 9f\n  mov rcx, qword ptr [rsp]\n" +
                          probe("rcx") + "9:\n  add rsp, 8\n  ret"));
    // A store in between forgets the comparison.
    EXPECT_REJECT(
        one("frame=8 bound=8\n  args int", "  sub rsp, 8\n  mov qword ptr [rsp], rdi\n  cmp qword "
                                           "ptr [rsp], 79\n  mov qword ptr [rsp], rdi\n"
                                           "  ja 9f\n  mov rcx, qword ptr [rsp]\n" +
                                               probe("rcx") + "9:\n  add rsp, 8\n  ret"),
        rule::kBounds);
}

TEST(Refine, WritingAComparedRegisterForgetsTheComparison) {
    EXPECT_REJECT(on_fallthrough("  cmp rdi, 79\n  mov rdi, rsi", "ja", "rdi"), rule::kBounds);
    EXPECT_REJECT(on_fallthrough("  mov ecx, 79\n  cmp rdi, rcx\n  mov rcx, rsi\n  mov rcx, 1000",
                                 "ja", "rdi"),
                  rule::kBounds);
    // Writing another register keeps it.
    EXPECT_ACCEPT(on_fallthrough("  cmp rdi, 79\n  mov rsi, rdx", "ja", "rdi"));
}

TEST(Refine, InfeasibleEdgeIsNotFollowed) {
    // rcx is 0, so `jne` is never taken: what lies only behind it is dead.
    EXPECT_ACCEPT(one(
        kArgs,
        "  xor ecx, ecx\n  test rcx, rcx\n  jne 9f\n  ret\n9:\n  mov rax, qword ptr [rdi]\n  ret"));
    EXPECT_REJECT(one(kArgs, "  mov ecx, 1\n  test rcx, rcx\n  jne 9f\n  ret\n9:\n  mov rax, qword "
                             "ptr [rdi]\n  ret"),
                  rule::kNotPointer);
}

// A conditional jump whose taken edge the refinement calls infeasible still
// names a target the policy must allow: the proof is only as good as the
// refinement, and a target outside the function is never right.
TEST(Refine, InfeasibleEdgeStillNeedsAValidTarget) {
    EXPECT_REJECT(prog("function main bound=0\nfunction other bound=0",
                       fn("main", "  xor ecx, ecx\n  test rcx, rcx\n  jne other\n  ret") +
                           fn("other", "  ret")),
                  rule::kTargetOutside);
}

// --- joins at forward targets ---

TEST(Join, ForwardPathsJoin) {
    const char *shape =
        "  test rdi, rdi\n  je 1f\n  mov ecx, 10\n  jmp 2f\n1:\n  mov ecx, %d\n2:\n";
    char buf[256];
    std::snprintf(buf, sizeof buf, shape, 79);
    EXPECT_BOUNDED(buf, "rcx");
    std::snprintf(buf, sizeof buf, shape, 80);
    EXPECT_UNBOUNDED(buf, "rcx");
}

TEST(Join, UninitialisedOnOnePathIsUninitialised) {
    EXPECT_REJECT(learns("  test rdi, rdi\n  je 1f\n  mov ecx, 10\n1:\n  mov rdx, rcx", "rdx"),
                  rule::kUninit);
    EXPECT_BOUNDED("  mov ecx, 5\n  test rdi, rdi\n  je 1f\n  mov ecx, 10\n1:", "rcx");
}

TEST(Join, ManyForwardEdgesToOneTarget) {
    EXPECT_BOUNDED("  mov ecx, 1\n  cmp rdi, 1\n  je 1f\n  mov ecx, 2\n  cmp rdi, 2\n  je 1f\n  "
                   "mov ecx, 3\n  cmp rdi, 3\n"
                   "  je 1f\n  mov ecx, 79\n1:",
                   "rcx");
}

TEST(Join, SwitchLikeChain) {
    EXPECT_ACCEPT(one(
        kArgs,
        "  cmp rdi, 2\n  je 2f\n  cmp rdi, 1\n  je 1f\n  test rdi, rdi\n  jne 3f\n  mov eax, 10\n"
        "  jmp 4f\n1:\n  mov eax, 20\n  jmp 4f\n2:\n  mov eax, 79\n  jmp 4f\n3:\n  xor eax, "
        "eax\n4:\n" +
            probe("rax") + "  ret"));
}

// --- jump targets ---

TEST(Target, BackwardJumpToACertifiedBlock) {
    EXPECT_ACCEPT(one("bound=8\n  block @loop: rsp=stack[0] saved",
                      "loop:\n  call __ktal_helper_fuel\n  jmp loop"));
}

TEST(Target, BackwardJumpToAnUncertifiedAddress) {
    EXPECT_REJECT_MSG(one("bound=8", "loop:\n  call __ktal_helper_fuel\n  jmp loop"),
                      rule::kTargetNotBlock, "not a certified block");
    EXPECT_REJECT(
        one("bound=8",
            "  xor eax, eax\nloop:\n  call __ktal_helper_fuel\n  test eax, eax\n  je loop\n  ret"),
        rule::kTargetNotBlock);
}

TEST(Target, ForwardJumpIntoAnInstruction) {
    EXPECT_REJECT_MSG(
        one(kArgs, "  test rdi, rdi\n  je mid + 1\nmid:\n  mov eax, 0x12345678\n  ret"),
        rule::kTargetMidInsn, "inside this instruction");
    EXPECT_ACCEPT(one(kArgs, "  test rdi, rdi\n  je mid\nmid:\n  mov eax, 0x12345678\n  ret"));
}

TEST(Target, JumpIntoItself) {
    // eb ff: jmp to its own second byte.
    EXPECT_REJECT_MSG(one("bound=0", "  .byte 0xeb, 0xff\n  ret"), rule::kTargetMidInsn,
                      "middle of itself");
}

TEST(Target, BackwardJumpIntoAnInstruction) {
    EXPECT_REJECT(one("bound=8\n  block @loop: rsp=stack[0] saved",
                      "loop:\n  call __ktal_helper_fuel\n  jmp loop + 1"),
                  rule::kTargetNotBlock);
}

TEST(Target, JumpToAnotherFunction) {
    // A tail jump leaves the function: not allowed (call it instead).
    EXPECT_REJECT_MSG(prog("function other bound=0\nfunction main bound=0",
                           fn("other", "  ret") + fn("main", "  jmp other")),
                      rule::kTargetOutside, "leaves its function");
    EXPECT_REJECT(prog("function main bound=0\n  args int\nfunction other bound=0",
                       fn("main", "  test edi, edi\n  jne other\n  ret") + fn("other", "  ret")),
                  rule::kTargetOutside);
    EXPECT_REJECT(prog("function other bound=0\nfunction main bound=8",
                       fn("other", "  ret") + fn("main", "  call __ktal_helper_fuel\n  jmp other")),
                  rule::kTargetOutside);
}

TEST(Target, JumpToTheEndOfTheFunction) {
    EXPECT_REJECT(one(kArgs, "  test rdi, rdi\n  je end\n  ret\nend:"), rule::kTargetOutside);
}

TEST(Target, JumpIntoTheHelperSlots) {
    EXPECT_REJECT(one("bound=0", "  jmp __ktal_helper_exit"), rule::kTargetOutside);
}

// --- certified blocks ---

TEST(Block, CertifiedBlockInsideAnInstruction) {
    // (mid1 is the second byte of `mov eax, 0x12345678`)
    EXPECT_REJECT_MSG(one("bound=0\n  block @mid1: rsp=stack[0] saved",
                          "  .byte 0xb8\nmid1:\n  .byte 0x78, 0x56, 0x34, 0x12\n  ret"),
                      rule::kBlockMidInsn, "inside this instruction");
}

TEST(Block, FallingIntoACertifiedBlock) {
    // The state that falls in must entail the block's, which then replaces it.
    EXPECT_ACCEPT(one(kArgs + std::string("\n  block @b: rsp=stack[0] saved rdi=int[0,79]"),
                      "  cmp rdi, 79\n  ja 9f\nb:\n" + probe("rdi") + "9:\n  ret"));
    EXPECT_REJECT_MSG(one(kArgs + std::string("\n  block @b: rsp=stack[0] saved rdi=int[0,79]"),
                          "  cmp rdi, 80\n  ja 9f\nb:\n" + probe("rdi") + "9:\n  ret"),
                      rule::kEdge, "does not entail");
    // What the block does not list is forgotten.
    EXPECT_REJECT(one(kArgs + std::string("\n  block @b: rsp=stack[0] saved"),
                      "  cmp rdi, 79\n  ja 9f\nb:\n" + probe("rdi") + "9:\n  ret"),
                  rule::kUninit);
}

TEST(Block, ForwardJumpToACertifiedBlock) {
    EXPECT_ACCEPT(one(kArgs + std::string("\n  block @b: rsp=stack[0] saved rdi=int[0,79]"),
                      "  cmp rdi, 79\n  jbe b\n  ret\nb:\n" + probe("rdi") + "  ret"));
    EXPECT_REJECT_MSG(one(kArgs + std::string("\n  block @b: rsp=stack[0] saved rdi=int[0,79]"),
                          "  cmp rdi, 80\n  jbe b\n  ret\nb:\n" + probe("rdi") + "  ret"),
                      rule::kEdge, "does not entail");
}

TEST(Block, EdgeMismatchNamesTheLocation) {
    Outcome o = run(one("bound=8\n  args int\n  block @loop: rsp=stack[0] saved rcx=int[0,99]",
                        "  xor ecx, ecx\nloop:\n  call __ktal_helper_fuel\n  inc rcx\n  cmp rcx, "
                        "100\n  jbe loop\n  ret"));
    EXPECT_EQ(o.rule(), rule::kEdge) << o.describe();
    EXPECT_NE(o.message().find("loop"), std::string::npos) << o.describe();
    EXPECT_NE(o.expected().find("rcx: int[0,99]"), std::string::npos) << o.describe();
    EXPECT_NE(o.found().find("rcx: int[1,100]"), std::string::npos) << o.describe();
}

TEST(Block, CertifiedFlags) {
    // A block may say the flags were set by the program (nothing more).
    EXPECT_ACCEPT(one(kArgs + std::string("\n  block @b: rsp=stack[0] saved flags"),
                      "  test rdi, rdi\nb:\n  je 9f\n9:\n  ret"));
    EXPECT_REJECT(one(kArgs + std::string("\n  block @b: rsp=stack[0] saved"),
                      "  test rdi, rdi\nb:\n  je 9f\n9:\n  ret"),
                  rule::kFlags);
    EXPECT_REJECT_MSG(one("bound=8\n  block @b: rsp=stack[0] saved flags",
                          "  call __ktal_helper_getpid\nb:\n  je 9f\n9:\n  ret"),
                      rule::kEdge, "does not entail");
}

TEST(Block, CertifiedSignExtension) {
    EXPECT_ACCEPT(one(
        kArgs + std::string("\n  block @b: rsp=stack[0] saved rax=int rdx=int rcx=int[1,10] sext8"),
        "  mov rax, rdi\n  mov ecx, 10\n  cqo\nb:\n  idiv rcx\n  ret"));
    EXPECT_REJECT(
        one(kArgs + std::string("\n  block @b: rsp=stack[0] saved rax=int rdx=int rcx=int[1,10]"),
            "  mov rax, rdi\n  mov ecx, 10\n  cqo\nb:\n  idiv rcx\n  ret"),
        rule::kDivOverflow);
    EXPECT_REJECT(
        one(kArgs +
                std::string("\n  block @b: rsp=stack[0] saved rax=int rdx=int rcx=int[1,10] sext8"),
            "  mov rax, rdi\n  mov ecx, 10\n  xor edx, edx\nb:\n  idiv rcx\n  ret"),
        rule::kEdge);
}

// --- fall-through ---

TEST(FallThrough, OffTheEnd) {
    EXPECT_REJECT_MSG(one("bound=0", "  xor eax, eax"), rule::kFallThrough, "fall off the end");
    EXPECT_REJECT(one(kArgs, "  test rdi, rdi\n  jne 1f\n  ret\n1:\n  xor eax, eax"),
                  rule::kFallThrough);
    EXPECT_REJECT(one("bound=8", "  call __ktal_helper_getpid"), rule::kFallThrough);
}

TEST(FallThrough, NoReturnHelperEndsTheFunction) {
    EXPECT_ACCEPT(one("bound=8", "  xor edi, edi\n  call __ktal_helper_exit"));
    EXPECT_ACCEPT(one("bound=8", "  mov edi, 5\n  xor esi, esi\n  call __ktal_helper_trap"));
}

TEST(FallThrough, JumpAsTheLastInstruction) {
    EXPECT_ACCEPT(
        one(kArgs, "  test rdi, rdi\n  je 1f\n  ret\n1:\n  xor eax, eax\n  jmp 2f\n2:\n  ret"));
    EXPECT_ACCEPT(one("bound=8\n  block @top: rsp=stack[0] saved",
                      "top:\n  call __ktal_helper_fuel\n  jmp top"));
}

// --- fuel ---

TEST(Fuel, LoopWithoutAFuelPoint) {
    EXPECT_REJECT_MSG(one("bound=8\n  block @loop: rsp=stack[0] saved", "loop:\n  jmp loop"),
                      rule::kFuel, "fuel point");
    EXPECT_REJECT(one("bound=8\n  block @loop: rsp=stack[0] saved rcx=int",
                      "  xor ecx, ecx\nloop:\n  inc rcx\n"
                      "  cmp rcx, 100\n  jb loop\n  ret"),
                  rule::kFuel);
}

TEST(Fuel, FuelBeforeTheLoopDoesNotCount) {
    EXPECT_REJECT(one("bound=8\n  block @loop: rsp=stack[0] saved",
                      "  call __ktal_helper_fuel\nloop:\n  jmp loop"),
                  rule::kFuel);
}

TEST(Fuel, OrdinaryHelpersAreNotFuelPoints) {
    EXPECT_REJECT(one("bound=8\n  block @loop: rsp=stack[0] saved",
                      "loop:\n  call __ktal_helper_getpid\n  jmp loop"),
                  rule::kFuel);
}

TEST(Fuel, FuelOnEveryPathOfTheBody) {
    const char *cert = "bound=8\n  args int\n  block @loop: rsp=stack[0] saved rdi=int";
    EXPECT_ACCEPT(one(cert,
                      "loop:\n  test rdi, rdi\n  je 1f\n  call __ktal_helper_fuel\n  jmp loop\n"
                      "1:\n  call __ktal_helper_fuel\n  jmp loop"));
    // Only one path of the body passes the fuel point: the join forgets it.
    EXPECT_REJECT(
        one(cert, "loop:\n  test rdi, rdi\n  je 1f\n  call __ktal_helper_fuel\n1:\n  jmp loop"),
        rule::kFuel);
}

TEST(Fuel, FuelBitInACertifiedLoopHeadIsNotTrusted) {
    // A loop head cannot claim a fuel point ran: entering it by the backward
    // jump starts a new count.
    EXPECT_REJECT(one("bound=8\n  block @loop: rsp=stack[0] saved fuel",
                      "  call __ktal_helper_fuel\nloop:\n  jmp loop"),
                  rule::kEdge);
}

TEST(Fuel, NestedLoopsWithTheFuelPointInTheInnerLoop) {
    EXPECT_ACCEPT(
        one("bound=8\n  args int\n"
            "  block @outer: rsp=stack[0] saved rdi=int[0,99]\n"
            "  block @inner: rsp=stack[0] saved rdi=int[0,99] rcx=int[0,9]",
            "  xor edi, edi\nouter:\n  xor ecx, ecx\ninner:\n  call __ktal_helper_fuel\n  inc rcx\n"
            "  cmp rcx, 10\n  jb inner\n  inc rdi\n  cmp rdi, 100\n  jb outer\n  ret"));
    // If the inner loop can be skipped, the outer loop needs its own.
    EXPECT_REJECT(
        one("bound=8\n  args int int\n"
            "  block @outer: rsp=stack[0] saved rdi=int[0,99] rsi=int\n"
            "  block @inner: rsp=stack[0] saved rdi=int[0,99] rcx=int[0,9] rsi=int",
            "  xor edi, edi\nouter:\n  test rsi, rsi\n  je 1f\n  xor ecx, ecx\ninner:\n"
            "  call __ktal_helper_fuel\n  inc rcx\n  cmp rcx, 10\n  jb inner\n1:\n  inc rdi\n"
            "  cmp rdi, 100\n  jb outer\n  ret"),
        rule::kFuel);
}

// --- facts (x <= y + c) ---

TEST(Facts, CompareRecordsARelationThatIncKeeps) {
    // rcx < rsi on every back edge; rsi <= 80.
    EXPECT_ACCEPT(
        one("bound=8\n  args int int\n"
            "  block @loop: rsp=stack[0] saved rcx=int[0,79] rsi=int[1,80] rcx<=rsi -1",
            "  cmp rsi, 80\n  ja 9f\n  test rsi, rsi\n  je 9f\n  xor ecx, ecx\n  cmp rcx, rsi\n"
            "  jge 9f\nloop:\n  call __ktal_helper_fuel\n" +
                probe("rcx") + "  inc rcx\n  cmp rcx, rsi\n  jl loop\n9:\n  ret"));
}

TEST(Facts, CertifiedFactBoundsAtTheNextBranch) {
    // The head only knows rcx <= rsi - 1 and rsi <= 80: the next branch
    // tightens rcx to [0, 79].
    const char *body = "  cmp rsi, 80\n  ja 9f\n  test rsi, rsi\n  je 9f\n  xor ecx, ecx\n  cmp "
                       "rcx, rsi\n  jge 9f\nloop:\n"
                       "  call __ktal_helper_fuel\n  test rsi, rsi\n  je 9f\n%s"
                       "  inc rcx\n  cmp rcx, rsi\n  jl loop\n9:\n  ret";
    char buf[1024];
    std::snprintf(buf, sizeof buf, body, probe("rcx").c_str());
    EXPECT_ACCEPT(one("bound=8\n  args int int\n"
                      "  block @loop: rsp=stack[0] saved rcx=int[0,1000] rsi=int[1,80] rcx<=rsi -1",
                      buf));
    EXPECT_REJECT(one("bound=8\n  args int int\n"
                      "  block @loop: rsp=stack[0] saved rcx=int[0,1000] rsi=int[1,80]",
                      buf),
                  rule::kBounds);
}

TEST(Facts, FactNotEstablishedOnTheEdge) {
    Outcome o =
        run(one("bound=8\n  args int int\n"
                "  block @loop: rsp=stack[0] saved rcx=int[0,1000] rsi=int[0,1000] rcx<=rsi -1",
                "  and esi, 511\n  xor ecx, ecx\nloop:\n  call __ktal_helper_fuel\n  inc rcx\n  "
                "cmp rcx, 500\n"
                "  jb loop\n  ret"));
    EXPECT_EQ(o.rule(), rule::kEdge) << o.describe();
    EXPECT_NE(o.expected().find("rcx <= rsi"), std::string::npos) << o.describe();
}

TEST(Facts, WritingARegisterForgetsItsFacts) {
    EXPECT_REJECT(one("bound=8\n  args int int\n"
                      "  block @loop: rsp=stack[0] saved rcx=int[0,79] rsi=int[1,80] rcx<=rsi -1",
                      "  cmp rsi, 80\n  ja 9f\n  test rsi, rsi\n  je 9f\n  xor ecx, ecx\n  cmp "
                      "rcx, rsi\n  jge 9f\n"
                      "loop:\n  call __ktal_helper_fuel\n  inc rcx\n  cmp rcx, rsi\n  mov rsi, "
                      "80\n  jl loop\n9:\n  ret"),
                  rule::kEdge);
}

// DISCREPANCY (precision): state_entails() wants a certified fact x <= y + c
// literally among the facts; it does not accept one that the intervals imply
// (x.smax <= y.smin + c). So a loop head certified with rcx <= rsi - 1 cannot
// be entered from clang's preheader (`xor ecx, ecx` with rsi >= 1 known), only
// after an explicit `cmp rcx, rsi`.
TEST(Facts, DISABLED_FactImpliedByTheIntervals) {
    EXPECT_ACCEPT(
        one("bound=8\n  args int int\n"
            "  block @loop: rsp=stack[0] saved rcx=int[0,79] rsi=int[1,80] rcx<=rsi -1",
            "  cmp rsi, 80\n  ja 9f\n  test rsi, rsi\n  je 9f\n  xor ecx, ecx\nloop:\n"
            "  call __ktal_helper_fuel\n  inc rcx\n  cmp rcx, rsi\n  jl loop\n9:\n  ret"));
}

// DISCREPANCY (precision): clang's counted loops exit on `cmp n, i; jne`
// (i counts up to n). With the fact i <= n on the back edge (kept by inc from
// i <= n - 1), i != n means i <= n - 1, but refine() learns nothing from jne
// between two registers, so the index cannot be bounded at the loop head.
// (tests/positive-pending/007-helper-write-loop-jne.s)
TEST(Facts, DISABLED_NotEqualAndAFactGiveAStrictBound) {
    EXPECT_ACCEPT(one("bound=8\n  args int\n  block @loop: rsp=stack[0] saved rcx=int[0,9] "
                      "rdi=int[1,10] rcx<=rdi-1",
                      "  cmp rdi, 10\n  ja 9f\n  test rdi, rdi\n  je 9f\n  xor ecx, ecx\n  cmp "
                      "rcx, rdi\n  jge 9f\n"
                      "loop:\n  call __ktal_helper_fuel\n" +
                          probe("rcx") + "  inc rcx\n  cmp rdi, rcx\n  jne loop\n9:\n  ret"));
}

} // namespace
