// Typing rules of the data-movement and arithmetic forms: for each form, what
// the verifier learns (a probe access that needs the value in [0, 79] passes)
// and where it must stop (the same code with a weaker fact is rejected), plus
// each form's own obligations (initialised inputs, allowed widths).
#include "tests/verifier/rules_support.hpp"

using namespace ktal;
using namespace ktal::test;

namespace {

// --- mov, movabs ---

TEST(Mov, ImmediateIsExact) {
    EXPECT_BOUNDED("  mov ecx, 79", "rcx");
    EXPECT_UNBOUNDED("  mov ecx, 80", "rcx");
}

TEST(Mov, ThirtyTwoBitWriteZeroExtends) {
    // mov ecx, edi: the low half of an unknown integer, zero-extended.
    EXPECT_UNBOUNDED("  mov ecx, edi", "rcx");
    EXPECT_BOUNDED("  mov ecx, edi\n  and ecx, 63", "rcx");
}

TEST(Mov, RegisterCopyKeepsBounds) {
    EXPECT_BOUNDED("  mov ecx, 50\n  mov rdx, rcx", "rdx");
}

TEST(Mov, SignExtendedImmediate) {
    // mov rcx, -1 (c7 /0, imm32 sign-extended to 64 bits) is -1, not 2^32 - 1.
    EXPECT_UNBOUNDED("  mov rcx, -1", "rcx");
    EXPECT_BOUNDED("  mov rcx, -1\n  add rcx, 80", "rcx");
}

TEST(Mov, Movabs) {
    EXPECT_BOUNDED("  movabs rcx, 79", "rcx");
    EXPECT_UNBOUNDED("  movabs rcx, 0x100000000", "rcx");
}

TEST(Mov, ByteWriteMergesIntoAKnownRegister) {
    EXPECT_BOUNDED("  xor ecx, ecx\n  mov cl, 79", "rcx");
    EXPECT_UNBOUNDED("  mov ecx, 0x100\n  mov cl, 5", "rcx");                // 0x105
    EXPECT_BOUNDED("  mov ecx, 0x100\n  mov cl, 5\n  sub rcx, 0xd0", "rcx"); // 0x35
}

TEST(Mov, PartialWriteOfAnUninitialisedRegister) {
    // Only the written low bytes of a register that held stale data are
    // readable (as data of their width: the value itself is not kept).
    EXPECT_BOUNDED("  mov cl, 5\n  movzx edx, cl\n  shr edx, 2", "rdx");
    EXPECT_BOUNDED("  mov cx, 70\n  movzx edx, cx\n  shr edx, 10", "rdx");
    EXPECT_REJECT(learns("  mov cl, 5\n  mov rdx, rcx", "rdx"), rule::kUninit);
    EXPECT_REJECT(learns("  mov cl, 5\n  movzx edx, cx", "rdx"), rule::kUninit);
}

TEST(Mov, ReadingAnUninitialisedRegisterIsRejected) {
    EXPECT_REJECT_MSG(learns("  mov edx, ecx", "rdx"), rule::kUninit, "before it is written");
}

TEST(Mov, SandboxMemoryHoldsUnknownData) {
    // What is stored in the sandbox is not remembered: any thread of the
    // program (or a helper) may change it.
    EXPECT_UNBOUNDED("  mov dword ptr [rip + obj], 5\n  mov ecx, dword ptr [rip + obj]", "rcx");
    EXPECT_BOUNDED("  mov ecx, dword ptr [rip + obj]\n  and ecx, 79", "rcx");
    EXPECT_BOUNDED("  movzx ecx, byte ptr [rip + obj]\n  shr ecx, 2", "rcx");
}

// --- movzx, movsx, movsxd ---

TEST(Movzx, SourceWidthBoundsTheResult) {
    EXPECT_BOUNDED("  movzx ecx, dil\n  shr ecx, 2", "rcx");  // [0, 63]
    EXPECT_UNBOUNDED("  movzx ecx, di\n  shr ecx, 2", "rcx"); // [0, 16383]
    EXPECT_BOUNDED("  movzx rcx, dil\n  shr rcx, 2", "rcx");
}

TEST(Movsx, SignExtends) {
    EXPECT_UNBOUNDED("  movsx rcx, dil", "rcx"); // [-128, 127]
    EXPECT_BOUNDED("  and edi, 63\n  movsx rcx, dil", "rcx");
    EXPECT_BOUNDED("  and edi, 63\n  movsx ecx, dil", "rcx");
    EXPECT_BOUNDED("  and edi, 63\n  movsx rcx, di", "rcx");
}

TEST(Movsx, NegativeEightBitValueIsNegative) {
    EXPECT_UNBOUNDED("  mov edi, 0xf0\n  movsx rcx, dil", "rcx");              // -16
    EXPECT_BOUNDED("  mov edi, 0xf0\n  movsx rcx, dil\n  add rcx, 16", "rcx"); // 0
}

TEST(Movsxd, SignExtendsThirtyTwoBits) {
    EXPECT_BOUNDED("  and edi, 63\n  movsxd rcx, edi", "rcx");
    EXPECT_UNBOUNDED("  movsxd rcx, edi", "rcx");
    EXPECT_UNBOUNDED("  mov ecx, 0x80000000\n  movsxd rdx, ecx", "rdx"); // -2^31
    EXPECT_BOUNDED("  mov ecx, 0x7fffffff\n  movsxd rdx, ecx\n  sub rdx, 0x7fffffb0", "rdx");
}

TEST(Movsxd, ExtensionToTheSameWidthIsNotAllowed) {
    // 63 c0: movsxd eax, eax (no REX.W) extends nothing.
    EXPECT_REJECT(one("bound=0\n  args int", "  .byte 0x63, 0xc7\n  ret"), rule::kForbiddenOperand);
}

// --- lea ---

TEST(Lea, ScaledIndexArithmetic) {
    EXPECT_BOUNDED("  and edi, 15\n  lea rcx, [rdi + 4*rdi]", "rcx");       // [0, 75]
    EXPECT_UNBOUNDED("  and edi, 15\n  lea rcx, [rdi + 4*rdi + 5]", "rcx"); // [5, 80]
    EXPECT_BOUNDED("  and edi, 15\n  lea ecx, [rdi + 4*rdi + 4]", "rcx");   // 32-bit lea
}

TEST(Lea, PointerIntoTheSandbox) {
    EXPECT_ACCEPT(
        one("bound=0",
            "  lea rcx, [rip + obj]\n  lea rdx, [rcx + 8]\n  mov byte ptr [rdx + 55], 1\n  ret"));
}

TEST(Lea, ThirtyTwoBitStackAddressIsALeak) {
    EXPECT_REJECT_MSG(one("bound=0", "  lea eax, [rsp]\n  ret"), rule::kStackPointer,
                      "safe-stack address");
}

// --- push, pop ---

TEST(PushPop, RestoreTheExactValue) {
    EXPECT_ACCEPT(
        one("frame=8 bound=8", "  mov ecx, 79\n  push rcx\n  pop rdx\n" + probe("rdx") + "  ret"));
    EXPECT_REJECT(
        one("frame=8 bound=8", "  mov ecx, 80\n  push rcx\n  pop rdx\n" + probe("rdx") + "  ret"),
        rule::kBounds);
}

TEST(PushPop, OnlyRegisterFormsAreAllowed) {
    // push imm and push/pop of memory are not in the allow-list (clang -O2
    // does not emit them for x86-64).
    EXPECT_REJECT(one("frame=8 bound=8", "  push 79\n  pop rdx\n  ret"), rule::kForbiddenOpcode);
    EXPECT_REJECT(one("frame=8 bound=8", "  push qword ptr [rip + obj]\n  pop rdx\n  ret"),
                  rule::kForbiddenOpcode);
    EXPECT_REJECT(one("frame=8 bound=8", "  push rax\n  pop qword ptr [rip + obj]\n  ret"),
                  rule::kForbiddenOpcode);
}

TEST(PushPop, CalleeSavedRegisterSavedAndRestored) {
    EXPECT_ACCEPT(
        one("frame=16 bound=16", "  push rbx\n  push r12\n  mov ebx, 70\n  mov r12d, 3\n" +
                                     probe("rbx") + "  pop r12\n  pop rbx\n  ret"));
}

TEST(PushPop, PopsInTheWrongOrderSwapTheCallersRegisters) {
    EXPECT_REJECT_MSG(
        one("frame=16 bound=16", "  push rbx\n  push r12\n  pop rbx\n  pop r12\n  ret"),
        rule::kRetCalleeSaved, "not restored");
}

TEST(PushPop, PushNeedsAFrame) {
    EXPECT_REJECT_MSG(one("bound=8\n  args int", "  push rdi\n  pop rdi\n  ret"), rule::kFrame,
                      "frame");
}

TEST(PushPop, PushRaxAsStackAdjustment) {
    // clang reserves 8 bytes with `push rax` and releases them with `pop rcx`:
    // the stale value moves but is never read.
    EXPECT_ACCEPT(one("frame=8 bound=8", "  push rax\n  pop rcx\n  ret"));
    // Copies of it stay unreadable: using one is a leak.
    EXPECT_ACCEPT(one("frame=8 bound=8", "  push rax\n  pop rcx\n  mov rdx, rcx\n  ret"));
    EXPECT_REJECT(
        one("frame=8 bound=8", "  push rax\n  pop rcx\n  mov rdx, rcx\n  add rdx, 1\n  ret"),
        rule::kUninit);
    EXPECT_REJECT(one("frame=8 bound=8", "  push rax\n  mov rdx, qword ptr [rsp]\n  pop rcx\n"
                                         "  mov qword ptr [rip + obj], rdx\n  ret"),
                  rule::kUninit);
}

// pop at rsp = 0 would take the return address and leave the frame.
TEST(PushPop, PopOfTheReturnAddressLeavesTheFrame) {
    EXPECT_REJECT(one("frame=8 bound=8", "  pop rax\n  push rax\n  ret"), rule::kFrame);
}

// --- add, sub, and, or, xor, adc, sbb ---

TEST(Alu, Add) {
    EXPECT_BOUNDED("  and edi, 63\n  add rdi, 16", "rdi");
    EXPECT_UNBOUNDED("  and edi, 63\n  add rdi, 17", "rdi");
    EXPECT_BOUNDED("  and edi, 31\n  and esi, 31\n  add esi, edi", "rsi");
}

TEST(Alu, AddWrapsAtThirtyTwoBits) {
    EXPECT_BOUNDED("  mov ecx, 0xffffffff\n  add ecx, 80", "rcx"); // 79
    EXPECT_UNBOUNDED("  mov rcx, 0xffffffff\n  add rcx, 80", "rcx");
}

TEST(Alu, Sub) {
    EXPECT_BOUNDED("  mov ecx, 100\n  sub ecx, 21", "rcx");
    EXPECT_UNBOUNDED("  and edi, 63\n  sub rdi, 1", "rdi"); // may be -1
    EXPECT_BOUNDED("  and edi, 63\n  or edi, 1\n  sub rdi, 1", "rdi");
}

TEST(Alu, AndBoundsByTheMask) {
    EXPECT_BOUNDED("  and edi, 79", "rdi");
    EXPECT_UNBOUNDED("  and edi, 80", "rdi");
    EXPECT_BOUNDED("  and rdi, 79", "rdi");
    EXPECT_BOUNDED("  mov ecx, 79\n  and rcx, rdi", "rcx");
}

TEST(Alu, AndMaskWithinThePartWrittenIsData) {
    // rcx held stale data; cx is written: a mask within those 2 bytes gives
    // data (llc -Os masks a register it wrote 16 bits of), one beyond does not.
    EXPECT_BOUNDED("  mov cx, 7\n  and ecx, 63", "rcx");
    EXPECT_BOUNDED("  mov cx, 7\n  mov edx, 63\n  and edx, ecx", "rdx");
    EXPECT_REJECT(learns("  mov cx, 7\n  and ecx, 0x10000\n  cmp ecx, 1", "0"), rule::kUninit);
    EXPECT_REJECT(learns("  mov cl, 7\n  and ecx, 0x1ff\n  cmp ecx, 1", "0"), rule::kUninit);
    EXPECT_BOUNDED("  and ecx, 0", "rcx"); // nothing of rcx is read
}

TEST(Alu, Or) {
    EXPECT_BOUNDED("  and edi, 15\n  or edi, 48", "rdi");   // [48, 63]
    EXPECT_UNBOUNDED("  and edi, 15\n  or edi, 64", "rdi"); // [64, 127] in the domain
    EXPECT_UNBOUNDED("  or edi, 64", "rdi");
}

TEST(Alu, Xor) {
    EXPECT_BOUNDED("  and edi, 15\n  xor edi, 3", "rdi");
    EXPECT_UNBOUNDED("  and edi, 15\n  xor edi, 64", "rdi"); // [0, 127] in the domain
}

TEST(Alu, ZeroingIdiomReadsNothing) {
    EXPECT_BOUNDED("  xor ecx, ecx", "rcx");
    EXPECT_BOUNDED("  sub rcx, rcx", "rcx");
    EXPECT_BOUNDED("  xor cl, cl\n  movzx ecx, cl\n  shr ecx, 2", "rcx");
    EXPECT_REJECT(learns("  xor ecx, edx", "rcx"), rule::kUninit);
}

TEST(Alu, AdcSbbReadCarry) {
    EXPECT_BOUNDED("  xor ecx, ecx\n  cmp rdi, rsi\n  adc ecx, 0\n  and ecx, 1", "rcx");
    EXPECT_UNBOUNDED("  xor ecx, ecx\n  cmp rdi, rsi\n  adc ecx, 0", "rcx");
    EXPECT_BOUNDED("  xor ecx, ecx\n  cmp rdi, rsi\n  sbb rcx, rcx\n  and ecx, 64", "rcx");
    EXPECT_REJECT_MSG(learns("  mov ecx, 0\n  adc ecx, 0", "rcx"), rule::kFlags, "flags");
    EXPECT_REJECT_MSG(learns("  mov ecx, 0\n  sbb ecx, ecx", "rcx"), rule::kFlags, "flags");
}

TEST(Alu, MemoryOperands) {
    EXPECT_ACCEPT(
        one("bound=0\n  args int",
            "  add dword ptr [rip + obj], edi\n  and byte ptr [rip + obj + 3], 7\n"
            "  or qword ptr [rip + obj + 8], 1\n  sub edi, dword ptr [rip + obj]\n  ret"));
}

TEST(Alu, PointerPlusInteger) {
    EXPECT_ACCEPT(
        one("bound=0",
            "  lea rcx, [rip + obj]\n  add rcx, 8\n  sub rcx, 4\n  mov byte ptr [rcx], 0\n  ret"));
}

TEST(Alu, PointerPlusPointerIsNotAPointer) {
    // A number (optimisers compute p - 1 as (p + ~q) + q), never an address.
    EXPECT_ACCEPT(
        one("bound=0", "  lea rcx, [rip + obj]\n  lea rdx, [rip + obj2]\n  add rcx, rdx\n  ret"));
    EXPECT_REJECT(one("bound=0", "  lea rcx, [rip + obj]\n  lea rdx, [rip + obj2]\n  add rcx, "
                                 "rdx\n  mov byte ptr [rcx], 0\n  ret"),
                  rule::kNotPointer);
    EXPECT_REJECT(one("bound=0", "  lea rcx, [rip + obj]\n  add rcx, rsp\n  ret"),
                  rule::kStackPointer);
}

TEST(Alu, DistanceBetweenPointersOfOneRegion) {
    EXPECT_BOUNDED("  lea rcx, [rip + obj2]\n  lea rdx, [rip + obj]\n  sub rcx, rdx", "rcx"); // 64
    // rodata and the sandbox have fixed places in the image: their distance is
    // a constant (here two pages, rodata's and the fuel word's, plus the offsets).
    EXPECT_BOUNDED(
        "  lea rcx, [rip + obj2]\n  lea rdx, [rip + table]\n  sub rcx, rdx\n  sub rcx, 0x2000",
        "rcx");
    // A safe-stack address is no part of any distance.
    EXPECT_REJECT(one("bound=0", "  lea rcx, [rip + obj]\n  mov rdx, rsp\n  sub rcx, rdx\n  ret"),
                  rule::kStackPointer);
}

TEST(Alu, TruncatedPointerIsAnInteger) {
    EXPECT_REJECT(
        one("bound=0", "  lea rcx, [rip + obj]\n  add ecx, 1\n  mov byte ptr [rcx], 0\n  ret"),
        rule::kNotPointer);
}

// --- inc, dec, neg, not ---

TEST(Unary, Inc) {
    EXPECT_BOUNDED("  and edi, 78\n  inc rdi", "rdi");
    EXPECT_UNBOUNDED("  and edi, 79\n  inc rdi", "rdi");
    EXPECT_BOUNDED("  and edi, 78\n  inc edi", "rdi");
}

TEST(Unary, IncWrapsAtThirtyTwoBits) {
    EXPECT_BOUNDED("  mov ecx, 0xffffffff\n  inc ecx", "rcx");
}

TEST(Unary, Dec) {
    EXPECT_UNBOUNDED("  and edi, 63\n  dec rdi", "rdi");
    EXPECT_BOUNDED("  and edi, 63\n  or edi, 1\n  dec rdi", "rdi");
}

TEST(Unary, Neg) {
    EXPECT_BOUNDED("  and edi, 63\n  neg rdi\n  add rdi, 63", "rdi");
    EXPECT_UNBOUNDED("  and edi, 63\n  neg rdi", "rdi");
}

TEST(Unary, Not) {
    EXPECT_BOUNDED("  and edi, 15\n  not rdi\n  add rdi, 80", "rdi"); // [64, 79]
    EXPECT_UNBOUNDED("  and edi, 15\n  not rdi", "rdi");
}

TEST(Unary, IncOfAPointer) {
    EXPECT_ACCEPT(one(
        "bound=0",
        "  lea rcx, [rip + obj]\n  inc rcx\n  dec rcx\n  inc rcx\n  mov byte ptr [rcx], 0\n  ret"));
}

TEST(Unary, MemoryOperand) {
    EXPECT_ACCEPT(one("bound=0", "  inc dword ptr [rip + obj]\n  neg qword ptr [rip + obj + 8]\n  "
                                 "not byte ptr [rip + obj]\n  ret"));
    EXPECT_REJECT(one("bound=0", "  inc dword ptr [rip + table]\n  ret"), rule::kReadOnly);
}

TEST(Unary, NotLeavesTheFlagsAlone) {
    EXPECT_REJECT_MSG(learns("  not rdi\n  je 1f\n1:", "0"), rule::kFlags, "flags");
}

TEST(Unary, IncAndDecKeepTheCallersCarry) {
    EXPECT_ACCEPT(one("bound=0\n  args int", "  inc rdi\n  je 1f\n1:\n  ret"));
    EXPECT_REJECT_MSG(one("bound=0\n  args int", "  inc rdi\n  jb 1f\n1:\n  ret"), rule::kFlags,
                      "flags");
    EXPECT_REJECT_MSG(one("bound=0\n  args int", "  dec rdi\n  seta al\n  ret"), rule::kFlags,
                      "flags");
    // After a compare the carry is the program's own, and inc keeps it.
    EXPECT_ACCEPT(one("bound=0\n  args int int", "  cmp rdi, rsi\n  inc rdi\n  jb 1f\n1:\n  ret"));
}

// --- imul (two and three operands) ---

TEST(Imul, TwoOperands) {
    EXPECT_BOUNDED("  and edi, 7\n  and esi, 9\n  imul edi, esi", "rdi");    // [0, 63]
    EXPECT_UNBOUNDED("  and edi, 7\n  and esi, 15\n  imul edi, esi", "rdi"); // [0, 105]
    EXPECT_BOUNDED("  and edi, 7\n  and esi, 9\n  imul rdi, rsi", "rdi");
}

TEST(Imul, ThreeOperands) {
    EXPECT_BOUNDED("  and edi, 7\n  imul rcx, rdi, 11", "rcx");   // [0, 77]
    EXPECT_UNBOUNDED("  and edi, 7\n  imul rcx, rdi, 12", "rcx"); // [0, 84]
    EXPECT_UNBOUNDED("  and edi, 7\n  imul rcx, rdi, -1", "rcx"); // [-7, 0]
    EXPECT_BOUNDED("  and edi, 7\n  imul ecx, edi, 11", "rcx");
}

TEST(Imul, SourceMustBeInitialised) {
    EXPECT_REJECT(learns("  imul ecx, r8d, 3", "rcx"), rule::kUninit);
    EXPECT_REJECT(learns("  imul rdi, r8", "rdi"), rule::kUninit);
}

// --- mul / imul with one operand ---

TEST(Mul, Unsigned32) {
    EXPECT_BOUNDED("  and edi, 7\n  mov eax, edi\n  mov ecx, 11\n  mul ecx\n  mov r8, rax", "r8");
    EXPECT_BOUNDED("  and edi, 7\n  mov eax, edi\n  mov ecx, 11\n  mul ecx\n  mov r8, rdx",
                   "r8"); // high half 0
    EXPECT_UNBOUNDED("  mov eax, edi\n  mov ecx, 11\n  mul ecx\n  mov r8, rax", "r8");
}

TEST(Mul, Unsigned64) {
    EXPECT_BOUNDED("  and edi, 7\n  mov rax, rdi\n  mov ecx, 11\n  mul rcx\n  mov r8, rax", "r8");
    EXPECT_UNBOUNDED("  and edi, 7\n  mov rax, rdi\n  mov ecx, 12\n  mul rcx\n  mov r8, rax", "r8");
}

TEST(Mul, SignedOneOperand) {
    EXPECT_BOUNDED("  and edi, 7\n  mov eax, edi\n  mov ecx, 11\n  imul ecx\n  mov r8, rax", "r8");
    EXPECT_BOUNDED("  and edi, 7\n  mov rax, rdi\n  mov ecx, 11\n  imul rcx\n  mov r8, rdx", "r8");
}

TEST(Mul, ReadsRax) {
    EXPECT_REJECT(learns("  mov ecx, 3\n  mul rcx", "rcx"), rule::kUninit);
}

// 8-bit: ax = al * src (clang's i8 multiply), the rest of rax kept.
TEST(Mul, EightBitWritesAx) {
    EXPECT_BOUNDED("  and edi, 7\n  mov eax, edi\n  mov ecx, 11\n  mul cl\n  mov r8, rax",
                   "r8"); // [0, 77]
    EXPECT_UNBOUNDED("  and edi, 7\n  mov eax, edi\n  mov ecx, 12\n  mul cl\n  mov r8, rax",
                     "r8"); // [0, 84]
    EXPECT_UNBOUNDED("  movzx eax, dil\n  mov ecx, 2\n  mul cl\n  mov r8, rax",
                     "r8"); // up to 510: ah written
    // ah is the product's high byte, whatever it held before: 0 here.
    EXPECT_BOUNDED(
        "  and edi, 7\n  lea eax, [rdi + 0x4400]\n  xor ecx, ecx\n  mul cl\n  movzx r8d, "
        "ax",
        "r8");
    // A memory source, read like any other byte of the sandbox.
    EXPECT_BOUNDED("  and edi, 7\n  mov eax, edi\n  mul byte ptr [rip + obj + 63]", "rdi");
    EXPECT_REJECT(
        learns("  and edi, 7\n  mov eax, edi\n  lea r9, [rip + obj]\n  mul byte ptr [r9 + rsi]",
               "rdi"),
        rule::kBounds);
}

TEST(Mul, EightBitSigned) {
    EXPECT_BOUNDED("  and edi, 7\n  mov eax, edi\n  mov ecx, 11\n  imul cl\n  mov r8, rax", "r8");
    // -1 * 7 = 0xfff9 in ax: not the small bound an unsigned reading would give.
    EXPECT_UNBOUNDED("  and edi, 7\n  mov eax, edi\n  mov ecx, 255\n  imul cl\n  movzx r8d, ax",
                     "r8");
}

TEST(Mul, EightBitReadsAlAndTheSource) {
    EXPECT_REJECT(learns("  mov ecx, 3\n  mul cl", "rcx"), rule::kUninit);
    EXPECT_REJECT(learns("  mov eax, 3\n  mul r9b", "rax"), rule::kUninit);
}

TEST(Mul, SixteenBitOneOperandIsNotAllowed) {
    // dx:ax: clang multiplies 16-bit values with the two-operand imul.
    EXPECT_REJECT(learns("  mov eax, 1\n  mov ecx, 1\n  mul cx", "rcx"), rule::kForbiddenOperand);
}

TEST(Div, EightBitIsNotAllowed) {
    // The pass divides 8- and 16-bit values in 32 bits.
    EXPECT_REJECT(learns("  mov eax, 9\n  mov ecx, 3\n  div cl", "rcx"), rule::kForbiddenOpcode);
}

// --- div / idiv ---

TEST(Div, UnsignedByAConstant) {
    const char *pre = "  and edi, 799\n  mov eax, edi\n  xor edx, edx\n";
    EXPECT_BOUNDED(std::string(pre) + "  mov ecx, 10\n  div ecx\n  mov r8, rax", "r8");  // [0, 79]
    EXPECT_UNBOUNDED(std::string(pre) + "  mov ecx, 9\n  div ecx\n  mov r8, rax", "r8"); // [0, 88]
    EXPECT_BOUNDED(std::string(pre) + "  mov ecx, 10\n  div ecx\n  mov r8, rdx",
                   "r8"); // remainder [0, 9]
    EXPECT_BOUNDED("  mov rax, rdi\n  xor edx, edx\n  mov ecx, 80\n  div rcx\n  mov r8, rdx", "r8");
}

TEST(Div, DivisorMayBeZero) {
    EXPECT_REJECT_MSG(learns("  mov eax, edi\n  xor edx, edx\n  div esi", "0"), rule::kDivZero,
                      "zero");
    EXPECT_REJECT(learns("  mov rax, rdi\n  xor edx, edx\n  div rsi", "0"), rule::kDivZero);
    EXPECT_REJECT(learns("  mov eax, edi\n  xor edx, edx\n  div dword ptr [rip + obj]", "0"),
                  rule::kDivZero);
}

TEST(Div, GuardedDivisor64) {
    EXPECT_ACCEPT(one("bound=8\n  args int int",
                      "  test rsi, rsi\n  je 1f\n  mov rax, rdi\n  xor edx, edx\n  div rsi\n  ret\n"
                      "1:\n  mov edi, 2\n  xor esi, esi\n  call __ktal_helper_trap"));
    EXPECT_ACCEPT(one("bound=8\n  args int int",
                      "  cmp rsi, 0\n  je 1f\n  mov rax, rdi\n  xor edx, edx\n  div rsi\n  ret\n"
                      "1:\n  mov edi, 2\n  xor esi, esi\n  call __ktal_helper_trap"));
}

// `test esi, esi; je trap` on a zero-extended esi (u[0, 2^32-1]): equality
// sees all 32 bits of a zero-extended value, so clang's guarded 32-bit
// unsigned division is accepted.
TEST(Div, GuardedZeroExtendedDivisor32) {
    // The divisor is a zero-extended 32-bit value (loaded from memory), so the
    // 32-bit test sees all of it.
    EXPECT_ACCEPT(
        one("bound=8\n  args int",
            "  mov esi, dword ptr [rip + obj]\n  test esi, esi\n  je 1f\n  mov eax, edi\n  xor "
            "edx, edx\n"
            "  div esi\n  ret\n1:\n  mov edi, 2\n  xor esi, esi\n  call __ktal_helper_trap"));
}

TEST(Div, ACopySharesWhatATestLearns) {
    // x = y (a register copy): y != 0 also makes the copy nonzero, in the
    // unsigned view the test gave (clang tests one, divides by the other).
    EXPECT_ACCEPT(one("bound=8\n  args int int",
                      "  mov rcx, rsi\n  test rsi, rsi\n  je 1f\n  mov rax, rdi\n  xor edx, edx\n  "
                      "div rcx\n  ret\n"
                      "1:\n  mov edi, 2\n  xor esi, esi\n  call __ktal_helper_trap"));
    EXPECT_REJECT(one("bound=8\n  args int int",
                      "  mov rcx, rsi\n  inc rcx\n  test rsi, rsi\n  je 1f\n  mov rax, rdi\n  xor "
                      "edx, edx\n  div rcx\n  ret\n"
                      "1:\n  mov edi, 2\n  xor esi, esi\n  call __ktal_helper_trap"),
                  rule::kDivZero);
}

TEST(Div, EqualityOfSignedThirtyTwoBitViews) {
    // A sign-extended 32-bit value against -1 (an immediate the compare sees
    // as 0xffffffff): equal means the value is -1, not 2^32 - 1.
    auto after = [](const char *extend) {
        return one("bound=0\n  args int", std::string("  ") + extend +
                                              "\n  cmp ecx, -1\n  jne 9f\n  add rcx, 1\n" +
                                              probe("rcx") + "9:\n  ret");
    };
    EXPECT_ACCEPT(after("movsxd rcx, edi")); // rcx = -1, so rcx + 1 = 0
    // Zero-extended, equal means 2^32 - 1: rcx + 1 = 2^32 is out of bounds.
    EXPECT_REJECT(after("mov ecx, edi"), rule::kBounds);
}

TEST(Div, UnsignedNeedsRdxZero) {
    EXPECT_REJECT_MSG(learns("  mov eax, edi\n  mov edx, esi\n  mov ecx, 10\n  div ecx", "0"),
                      rule::kDivOverflow, "rdx = 0");
    EXPECT_REJECT(one("bound=0\n  args int", "  mov eax, edi\n  mov ecx, 10\n  div ecx\n  ret"),
                  rule::kUninit);
}

TEST(Idiv, WithSignExtension) {
    EXPECT_BOUNDED("  mov rax, rdi\n  cqo\n  mov ecx, 80\n  idiv rcx\n  mov r8, rdx\n  and r8d, 63",
                   "r8");
    EXPECT_ACCEPT(learns("  mov eax, edi\n  cdq\n  mov ecx, 10\n  idiv ecx", "0"));
}

TEST(Idiv, NeedsCqoOrCdq) {
    EXPECT_REJECT_MSG(learns("  mov rax, rdi\n  xor edx, edx\n  mov ecx, 10\n  idiv rcx", "0"),
                      rule::kDivOverflow, "sign extension");
    // cdq (4 bytes) does not prepare a 64-bit idiv.
    EXPECT_REJECT(learns("  mov rax, rdi\n  cdq\n  mov ecx, 10\n  idiv rcx", "0"),
                  rule::kDivOverflow);
    // Writing rdx (or rax) after cqo forgets the relation.
    EXPECT_REJECT(learns("  mov rax, rdi\n  cqo\n  mov edx, 0\n  mov ecx, 10\n  idiv rcx", "0"),
                  rule::kDivOverflow);
    EXPECT_REJECT(learns("  mov rax, rdi\n  cqo\n  inc rax\n  mov ecx, 10\n  idiv rcx", "0"),
                  rule::kDivOverflow);
}

TEST(Idiv, MinimumDividedByMinusOne) {
    // The divisor may be -1 and the dividend the minimum: #DE.
    EXPECT_REJECT_MSG(
        learns("  test rsi, rsi\n  je 1f\n  mov rax, rdi\n  cqo\n  idiv rsi\n1:", "0"),
        rule::kDivOverflow, "minimum");
    EXPECT_REJECT(learns("  mov rax, rdi\n  cqo\n  mov rcx, -1\n  idiv rcx", "0"),
                  rule::kDivOverflow);
    // A dividend that cannot be the minimum may be divided by -1.
    EXPECT_ACCEPT(learns("  mov eax, edi\n  cqo\n  mov rcx, -1\n  idiv rcx", "0"));
    EXPECT_ACCEPT(learns("  and edi, 63\n  mov eax, edi\n  cdq\n  mov ecx, -1\n  idiv ecx", "0"));
}

TEST(Idiv, GuardAgainstZeroAndMinusOne) {
    // The compiler's guard: test + je trap, cmp -1 + je trap.
    EXPECT_ACCEPT(one("bound=8\n  args int int",
                      "  test rsi, rsi\n  je 1f\n  cmp rsi, -1\n  je 1f\n  mov rax, rdi\n  cqo\n  "
                      "idiv rsi\n  ret\n"
                      "1:\n  mov edi, 2\n  xor esi, esi\n  call __ktal_helper_trap"));
}

TEST(Div, DivisorZeroTestSkipped) {
    // The same code without the zero test.
    EXPECT_REJECT(one("bound=8\n  args int int",
                      "  cmp rsi, -1\n  je 1f\n  mov rax, rdi\n  cqo\n  idiv rsi\n  ret\n"
                      "1:\n  mov edi, 2\n  xor esi, esi\n  call __ktal_helper_trap"),
                  rule::kDivZero);
}

TEST(Div, NarrowFormsAreNotAllowed) {
    EXPECT_REJECT(learns("  mov eax, 10\n  xor edx, edx\n  mov ecx, 3\n  div cx", "0"),
                  rule::kForbiddenOperand);
    EXPECT_REJECT(learns("  mov eax, 10\n  mov ecx, 3\n  div cl", "0"), rule::kForbiddenOpcode);
}

// --- shifts and rotates ---

TEST(Shift, ShlByImmediate) {
    EXPECT_BOUNDED("  and edi, 9\n  shl edi, 3", "rdi");    // [0, 72]
    EXPECT_UNBOUNDED("  and edi, 15\n  shl edi, 3", "rdi"); // [0, 120]
    EXPECT_UNBOUNDED("  shl rdi, 3\n  shr rdi, 3", "rdi");  // overflow forgets everything
    EXPECT_BOUNDED("  and edi, 9\n  shl rdi, 3", "rdi");
}

TEST(Shift, ShrByImmediate) {
    EXPECT_BOUNDED("  movzx ecx, dil\n  shr ecx, 2", "rcx");
    EXPECT_UNBOUNDED("  movzx ecx, dil\n  shr ecx, 1", "rcx");
    EXPECT_BOUNDED("  shr rdi, 58", "rdi");
    EXPECT_UNBOUNDED("  shr rdi, 57", "rdi");
    EXPECT_BOUNDED("  shr edi, 26", "rdi");
}

TEST(Shift, SarByImmediate) {
    EXPECT_BOUNDED("  movzx edi, dil\n  sar edi, 2", "rdi");
    EXPECT_UNBOUNDED("  movsx rdi, dil\n  sar rdi, 1", "rdi"); // [-64, 63]
    EXPECT_BOUNDED("  movsx rdi, dil\n  sar rdi, 1\n  add rdi, 64\n  shr rdi, 1", "rdi");
}

TEST(Shift, ByKnownCl) {
    EXPECT_BOUNDED("  mov ecx, 2\n  movzx eax, dil\n  shr eax, cl", "rax");
    EXPECT_BOUNDED("  mov ecx, 3\n  and edi, 9\n  shl edi, cl", "rdi");
}

TEST(Shift, ByUnknownCl) {
    EXPECT_UNBOUNDED("  mov ecx, esi\n  movzx eax, dil\n  shr eax, cl", "rax"); // [0, 255]
    EXPECT_BOUNDED("  mov ecx, esi\n  and edi, 79\n  shr edi, cl", "rdi");      // never grows
    EXPECT_UNBOUNDED("  mov ecx, esi\n  and edi, 1\n  shl edi, cl", "rdi");
    EXPECT_BOUNDED("  mov ecx, esi\n  and edi, 63\n  sar edi, cl", "rdi");
}

TEST(Shift, RotatesByCl) {
    EXPECT_UNBOUNDED("  mov ecx, esi\n  and edi, 15\n  rol edi, cl", "rdi");
    EXPECT_BOUNDED("  mov ecx, esi\n  ror rdi, cl\n  and edi, 79", "rdi");
    // A rotate by a count that may be 0 leaves the caller's flags.
    EXPECT_REJECT(
        one("bound=0\n  args int int", "  mov ecx, esi\n  rol edi, cl\n  jb 1f\n1:\n  ret"),
        rule::kFlags);
}

TEST(Shift, CountMustBeInitialised) {
    EXPECT_REJECT(learns("  shr edi, cl", "rdi"), rule::kUninit);
}

TEST(Shift, RotatesForgetTheBounds) {
    EXPECT_UNBOUNDED("  and edi, 15\n  rol edi, 1", "rdi");
    EXPECT_UNBOUNDED("  and edi, 15\n  ror rdi, 60", "rdi");
    EXPECT_BOUNDED("  rol edi, 7\n  and edi, 63", "rdi");
}

TEST(Shift, FlagsAfterAShiftByAnUnknownCount) {
    // A count of 0 leaves the flags alone: they may still be the caller's.
    EXPECT_REJECT_MSG(
        one("bound=0\n  args int int", "  mov ecx, esi\n  shr edi, cl\n  je 1f\n1:\n  ret"),
        rule::kFlags, "flags");
    EXPECT_ACCEPT(one("bound=0\n  args int int", "  shr edi, 1\n  je 1f\n1:\n  ret"));
    EXPECT_ACCEPT(one("bound=0\n  args int int",
                      "  cmp edi, esi\n  mov ecx, esi\n  shr edi, cl\n  je 1f\n1:\n  ret"));
    // rol/ror by an immediate set CF and OF.
    EXPECT_ACCEPT(one("bound=0\n  args int int", "  rol edi, 3\n  jb 1f\n1:\n  ret"));
}

TEST(Shift, ShiftByZeroImmediateKeepsTheCallersFlags) {
    EXPECT_REJECT(one("bound=0\n  args int", "  .byte 0xc1, 0xe7, 0x00\n  je 1f\n1:\n  ret"),
                  rule::kFlags); // shl edi, 0
}

TEST(Shift, MemoryOperand) {
    EXPECT_ACCEPT(one("bound=0",
                      "  shl dword ptr [rip + obj], 3\n  sar qword ptr [rip + obj + 8], 1\n  ret"));
}

// --- shld, shrd ---

TEST(DoubleShift, ResultIsAnyValue) {
    EXPECT_UNBOUNDED("  and edi, 15\n  and esi, 15\n  shld edi, esi, 4", "rdi");
    EXPECT_BOUNDED("  shrd rdi, rsi, 9\n  and edi, 79", "rdi");
    EXPECT_BOUNDED("  mov ecx, 3\n  shld rdi, rsi, cl\n  and edi, 79", "rdi");
}

TEST(DoubleShift, InputsMustBeInitialised) {
    EXPECT_REJECT(learns("  shld rdi, r8, 3", "0"), rule::kUninit);
    EXPECT_REJECT(learns("  shld r8, rdi, 3", "0"), rule::kUninit);
}

TEST(DoubleShift, CountInClMustBeInitialised) {
    EXPECT_REJECT(learns("  shrd rdi, rsi, cl", "0"), rule::kUninit);
}

TEST(DoubleShift, MemoryDestinationIsNotAllowed) {
    EXPECT_REJECT(learns("  shld dword ptr [rip + obj], esi, 4", "0"), rule::kForbiddenOperand);
}

TEST(DoubleShift, FlagsAfterAZeroCount) {
    EXPECT_REJECT(one("bound=0\n  args int int", "  shld edi, esi, 0\n  je 1f\n1:\n  ret"),
                  rule::kFlags);
    EXPECT_ACCEPT(one("bound=0\n  args int int", "  shld edi, esi, 1\n  je 1f\n1:\n  ret"));
}

// --- cwde, cdqe, cdq, cqo ---

TEST(Extend, Cdqe) {
    EXPECT_BOUNDED("  mov eax, 79\n  cdqe", "rax");
    EXPECT_UNBOUNDED("  mov eax, 0x80000000\n  cdqe", "rax"); // -2^31
    EXPECT_BOUNDED("  mov eax, 0x80000000\n  cdqe\n  add rax, 0x7fffffff\n  add rax, 1", "rax");
}

TEST(Extend, Cwde) {
    EXPECT_BOUNDED("  mov eax, 0x40\n  cwde", "rax");
    EXPECT_UNBOUNDED("  mov eax, 0xffff\n  cwde", "rax"); // 0xffffffff
    EXPECT_BOUNDED("  mov eax, 0xffff\n  cwde\n  sub eax, 0xffffffb1", "rax");
}

TEST(Extend, CdqSetsEdxToTheSign) {
    EXPECT_BOUNDED("  mov eax, 79\n  cdq", "rdx");
    EXPECT_UNBOUNDED("  mov eax, -1\n  cdq", "rdx"); // edx = 0xffffffff
}

TEST(Extend, CqoSetsRdxToTheSign) {
    EXPECT_BOUNDED("  mov eax, 5\n  cqo", "rdx");
    EXPECT_UNBOUNDED("  mov rax, -5\n  cqo", "rdx"); // -1
    EXPECT_BOUNDED("  mov rax, -5\n  cqo\n  add rdx, 1", "rdx");
}

TEST(Extend, ReadsRax) {
    EXPECT_REJECT(learns("  cdqe", "0"), rule::kUninit);
    EXPECT_REJECT(learns("  cqo", "0"), rule::kUninit);
    EXPECT_BOUNDED("  mov ax, 7\n  cwde\n  and eax, 63", "rax"); // cwde reads only ax
}

TEST(Extend, SixteenBitFormsAreNotAllowed) {
    EXPECT_REJECT(learns("  mov eax, 1\n  cbw", "0"), rule::kForbiddenPrefix);
    EXPECT_REJECT(learns("  mov eax, 1\n  cwd", "0"), rule::kForbiddenPrefix);
}

// --- bt, bsf, bsr, tzcnt, bswap ---

TEST(Bits, BtSetsTheCarry) {
    EXPECT_ACCEPT(one("bound=0\n  args int int", "  bt edi, esi\n  jb 1f\n1:\n  ret"));
    EXPECT_ACCEPT(one("bound=0\n  args int int", "  bt rdi, 5\n  setb al\n  ret"));
    EXPECT_REJECT(one("bound=0\n  args int int", "  bt edi, edx\n  ret"), rule::kUninit);
}

TEST(Bits, BtWithAMemoryOperandIsNotAllowed) {
    // bt m, r addresses a bit string far beyond the operand.
    EXPECT_REJECT(one("bound=0\n  args int int", "  bt dword ptr [rip + obj], esi\n  ret"),
                  rule::kForbiddenOperand);
    EXPECT_REJECT(one("bound=0\n  args int int", "  bt dword ptr [rip + obj], 3\n  ret"),
                  rule::kForbiddenOperand);
}

TEST(Bits, BtsBtrBtcWriteTheDestination) {
    EXPECT_BOUNDED("  bts edi, 3\n  and edi, 15", "rdi");
    EXPECT_UNBOUNDED("  and edi, 15\n  btr edi, 3", "rdi");
    EXPECT_ACCEPT(one("bound=0\n  args int int", "  btc rdi, rsi\n  jb 1f\n1:\n  ret"));
    EXPECT_REJECT(one("bound=0\n  args int int", "  bts eax, esi\n  ret"), rule::kUninit);
    EXPECT_REJECT(one("bound=0\n  args int int", "  btr dword ptr [rip + obj], esi\n  ret"),
                  rule::kForbiddenOperand);
}

TEST(Bits, BitScanKeepsTheOldValueForZero) {
    EXPECT_BOUNDED("  xor ecx, ecx\n  bsf ecx, edi", "rcx");   // [0, 31]
    EXPECT_BOUNDED("  xor ecx, ecx\n  bsr rcx, rdi", "rcx");   // [0, 63]
    EXPECT_UNBOUNDED("  mov ecx, 100\n  bsf ecx, edi", "rcx"); // 100 if edi = 0
    EXPECT_BOUNDED("  mov ecx, 32\n  tzcnt ecx, edi", "rcx");
    EXPECT_REJECT_MSG(learns("  bsf ecx, edi", "rcx"), rule::kUninit, "before it is written");
    EXPECT_REJECT(learns("  bsr ecx, edi", "rcx"), rule::kUninit);
    EXPECT_REJECT(learns("  tzcnt ecx, edi", "rcx"), rule::kUninit);
}

TEST(Bits, ThirtyTwoBitScanOfZeroMayKeepTheUpperHalf) {
    // bsf ecx, edi with edi = 0 may leave all of rcx as it was (100 << 32
    // here), not only its low half zero-extended: rcx >> 32 may be 100.
    EXPECT_UNBOUNDED("  movabs rcx, 0x6400000000\n  bsf ecx, edi\n  shr rcx, 32", "rcx");
    EXPECT_UNBOUNDED("  movabs rcx, 0x6400000000\n  bsr ecx, edi\n  shr rcx, 32", "rcx");
    EXPECT_UNBOUNDED("  movabs rcx, 0x6400000000\n  tzcnt ecx, edi\n  shr rcx, 32", "rcx");
    EXPECT_BOUNDED("  movabs rcx, 0x6400000000\n  or edi, 1\n  bsf ecx, edi\n  shr rcx, 32",
                   "rcx"); // edi != 0
    EXPECT_BOUNDED("  mov ecx, 5\n  bsf ecx, edi", "rcx");
}

TEST(Bits, BitScanOfANonZeroSourceNeedsNoOldValue) {
    // The source cannot be 0, so the destination is always a bit index.
    EXPECT_BOUNDED("  or edi, 1\n  bsr ecx, edi", "rcx");
    EXPECT_BOUNDED("  test rdi, rdi\n  je 9f\n  rep bsf rcx, rdi\n" + probe("rcx") + "9:", "0");
    // After bsf/bsr, ZF = 0 says the source was non-zero.
    EXPECT_BOUNDED("  bsf ecx, edi\n  je 9f\n" + probe("rcx") + "9:", "0");
    EXPECT_REJECT(learns("  bsf ecx, edi\n  jne 9f\n" + probe("rcx") + "9:", "0"), rule::kUninit);
    // So does cmov on it: clang -O0's ffs, bsf then cmove of 32 (ecx held
    // stale data before, and keeps it only where the source was 0).
    EXPECT_BOUNDED("  bsf ecx, edi\n  mov edx, 32\n  cmove ecx, edx", "rcx");
    EXPECT_REJECT(learns("  bsf ecx, edi\n  mov edx, 32\n  cmovne ecx, edx\n  cmp ecx, 5", "0"),
                  rule::kUninit);
}

TEST(Bits, SixteenBitScanIsNotAllowed) {
    EXPECT_REJECT(learns("  xor ecx, ecx\n  bsf cx, di", "0"), rule::kForbiddenOperand);
}

TEST(Bits, Bswap) {
    EXPECT_UNBOUNDED("  and edi, 15\n  bswap edi", "rdi");
    EXPECT_BOUNDED("  bswap rdi\n  and edi, 15", "rdi");
    EXPECT_REJECT(learns("  bswap ecx", "0"), rule::kUninit);
}

// --- setcc ---

TEST(Setcc, WritesZeroOrOne) {
    EXPECT_BOUNDED("  xor ecx, ecx\n  cmp rdi, rsi\n  setl cl\n  shl ecx, 6", "rcx");   // [0, 64]
    EXPECT_UNBOUNDED("  xor ecx, ecx\n  cmp rdi, rsi\n  setl cl\n  shl ecx, 7", "rcx"); // [0, 128]
    EXPECT_BOUNDED("  cmp rdi, rsi\n  sete cl\n  movzx ecx, cl\n  shr ecx, 2", "rcx");
    EXPECT_ACCEPT(
        one("bound=0\n  args int", "  test edi, edi\n  setne byte ptr [rip + obj]\n  ret"));
}

TEST(Setcc, ReadsTheFlags) {
    EXPECT_REJECT_MSG(learns("  setb cl", "0"), rule::kFlags, "flags");
}

// --- cmovcc ---

TEST(Cmov, UnsignedClamp) {
    EXPECT_BOUNDED("  cmp rdi, 79\n  mov ecx, 79\n  cmovb rcx, rdi", "rcx");
    EXPECT_UNBOUNDED("  cmp rdi, 79\n  mov ecx, 79\n  cmova rcx, rdi", "rcx");
    EXPECT_UNBOUNDED("  cmp rdi, 80\n  mov ecx, 79\n  cmovbe rcx, rdi", "rcx"); // may be 80
}

TEST(Cmov, SignedClampOnBothSides) {
    EXPECT_BOUNDED("  test rdi, rdi\n  mov ecx, 0\n  cmovns rcx, rdi\n  cmp rcx, 79\n  mov edx, "
                   "79\n  cmovl rdx, rcx",
                   "rdx");
    // Without the lower clamp a negative value gets through.
    EXPECT_UNBOUNDED("  cmp rdi, 79\n  mov edx, 79\n  cmovl rdx, rdi", "rdx");
}

TEST(Cmov, ThirtyTwoBitClampOfAZeroExtendedValue) {
    EXPECT_BOUNDED("  mov eax, edi\n  cmp eax, 79\n  mov ecx, 79\n  cmovb ecx, eax", "rcx");
}

TEST(Cmov, FromMemory) {
    EXPECT_BOUNDED(
        "  xor ecx, ecx\n  cmp rdi, rsi\n  cmovl ecx, dword ptr [rip + obj]\n  and ecx, 79", "rcx");
}

TEST(Cmov, ReadsTheFlags) {
    EXPECT_REJECT_MSG(one("bound=0\n  args int", "  mov ecx, 0\n  cmove ecx, edi\n  ret"),
                      rule::kFlags, "flags");
}

TEST(Cmov, UninitialisedDestinationStaysUnreadable) {
    // When the condition fails the destination keeps what it held: the
    // result is only as readable as both.
    EXPECT_ACCEPT(learns("  cmp rdi, rsi\n  cmove rcx, rdi", "0"));
    EXPECT_REJECT(learns("  cmp rdi, rsi\n  cmove rcx, rdi\n  add rcx, 1", "0"), rule::kUninit);
    EXPECT_REJECT(learns("  cmp rdi, rsi\n  cmove rdi, rcx\n  add rdi, 1", "0"), rule::kUninit);
}

TEST(Cmov, SixteenBitFormMergesIntoTheRegister) {
    // clang-19 selects shorts with it (gcc's torture test arith-rand): the
    // upper 48 bits stay as they were, whether or not it moves.
    EXPECT_BOUNDED("  xor ecx, ecx\n  mov edx, 79\n  cmp rdi, rsi\n  cmove cx, dx", "rcx");
    EXPECT_UNBOUNDED("  xor ecx, ecx\n  cmp rdi, rsi\n  cmove cx, di", "rcx"); // [0, 0xffff]
    EXPECT_UNBOUNDED("  mov ecx, 0x10000\n  mov edx, 5\n  cmp rdi, rsi\n  cmove cx, dx", "rcx");
    // Over stale data: the low bytes are data only if both sides' are, the
    // upper ones stay unreadable.
    EXPECT_REJECT(learns("  mov edx, 5\n  cmp rdi, rsi\n  cmove cx, dx\n  movzx ecx, cx", "0"),
                  rule::kUninit);
    EXPECT_BOUNDED(
        "  mov cx, 9\n  mov edx, 5\n  cmp rdi, rsi\n  cmove cx, dx\n  movzx ecx, cx\n  shr ecx, 10",
        "rcx");
    EXPECT_REJECT(
        learns("  mov cx, 9\n  mov edx, 5\n  cmp rdi, rsi\n  cmove cx, dx\n  add rcx, 1", "0"),
        rule::kUninit);
}

TEST(Cmov, PointersIntoOneRegion) {
    // `x ? a : b` of two globals: llc selects the address, then loads.
    EXPECT_ACCEPT(one("bound=0\n  args int",
                      "  lea rax, [rip + obj]\n  lea rcx, [rip + obj2]\n  test edi, edi\n"
                      "  cmovne rcx, rax\n  mov rax, qword ptr [rcx + 56]\n  ret"));
    // Pointers into two regions join into a number, which is no address.
    EXPECT_REJECT(one("bound=0\n  args int",
                      "  lea rax, [rip + obj]\n  lea rcx, [rip + table]\n  test edi, edi\n"
                      "  cmovne rcx, rax\n  mov al, byte ptr [rcx]\n  ret"),
                  rule::kNotPointer);
    // A safe-stack address may not be selected at all (it would be data).
    EXPECT_REJECT(one("bound=0\n  args int",
                      "  lea rax, [rip + obj]\n  mov rcx, rsp\n  test edi, edi\n"
                      "  cmovne rcx, rax\n  ret"),
                  rule::kStackPointer);
}

// --- nops ---

TEST(Nop, LongNopsAndPadding) {
    EXPECT_ACCEPT(one("bound=0",
                      "  nop\n  xchg ax, ax\n  nop dword ptr [rax]\n  nop word ptr [rax + rax]\n"
                      "  .byte 0x66, 0x2e, 0x0f, 0x1f, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00\n"
                      "  .p2align 5\n  ret"));
}

TEST(Nop, NopDoesNotReadItsOperand) {
    // nop [rax] names memory but touches nothing: rax may be uninitialised.
    EXPECT_ACCEPT(one("bound=0", "  nop dword ptr [rax + rcx*8 + 0x100]\n  ret"));
}

// DISCREPANCY (precision): a partial write into a register that held stale
// data keeps only how many bytes were written, not their value, so clang's
// `sete cl; movzx ecx, cl` gives [0, 255] instead of [0, 1].
TEST(Setcc, DISABLED_SetccIntoAnUninitialisedRegisterIsZeroOrOne) {
    EXPECT_BOUNDED("  cmp rdi, rsi\n  sete cl\n  movzx ecx, cl\n  shl ecx, 6", "rcx");
}

} // namespace
