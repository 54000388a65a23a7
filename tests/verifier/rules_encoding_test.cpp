// The encoding allow-list (opcodes, prefixes, operands, truncation, the
// decoders' agreement, indirect branches) and the layout of the text
// (padding between functions).
#include "tests/verifier/rules_support.hpp"

using namespace ktal;
using namespace ktal::test;

namespace {

std::string bytes_then_ret(const std::string &bytes) {
    return one("bound=0\n  args int int", "  .byte " + bytes + "\n  ret");
}

TEST(Encoding, AllowedProgram) {
    EXPECT_ACCEPT(one("bound=0", "  xor eax, eax\n  ret"));
}

TEST(Encoding, PrivilegedAndSystemInstructions) {
    for (const char *insn : {"cli",
                             "sti",
                             "hlt",
                             "syscall",
                             "sysenter",
                             "int 0x80",
                             "int3",
                             "iretq",
                             "in al, dx",
                             "out dx, al",
                             "pushfq",
                             "popfq",
                             "cpuid",
                             "rdtsc",
                             "rdmsr",
                             "wrmsr",
                             "lgdt [rip + obj]",
                             "mov rax, cr0",
                             "mov cr3, rax",
                             "invlpg [rip + obj]",
                             "swapgs",
                             "ud2",
                             "std",
                             "cld",
                             "xchg rax, rcx",
                             "cmpxchg qword ptr [rip + obj], rcx",
                             "xadd qword ptr [rip + obj], rcx",
                             "lodsb",
                             "leave",
                             "enter 16, 0",
                             "popcnt eax, ecx",
                             "lzcnt eax, ecx",
                             "movbe eax, dword ptr [rip + obj]",
                             "mov ds, ax",
                             "push fs",
                             "movaps xmm0, xmm1",
                             "fld st(0)",
                             "emms",
                             "vzeroupper",
                             "xlatb",
                             "lahf",
                             "sahf",
                             "cmc",
                             "stc",
                             "clc",
                             "pause",
                             "mfence",
                             "rdrand eax",
                             "loop 1f\n1:",
                             "jrcxz 1f\n1:",
                             "bts dword ptr [rip + obj], ecx"}) {
        SCOPED_TRACE(insn);
        Outcome o = run(one("bound=8\n  args int int", std::string("  ") + insn + "\n  ret"));
        EXPECT_TRUE(o.built) << o.build_error;
        // Each is refused by the decoder.
        EXPECT_TRUE(o.rule() == rule::kForbiddenOpcode || o.rule() == rule::kForbiddenPrefix ||
                    o.rule() == rule::kForbiddenOperand || o.rule() == rule::kIndirectBranch)
            << o.describe();
    }
}

TEST(Encoding, ForbiddenOpcodeNamesTheAllowList) {
    EXPECT_REJECT_MSG(one("bound=0", "  cli\n  ret"), rule::kForbiddenOpcode, "allow-list");
    EXPECT_REJECT_MSG(one("bound=0", "  syscall\n  ret"), rule::kForbiddenOpcode, "allow-list");
    EXPECT_REJECT_MSG(one("bound=0", "  rdtsc\n  ret"), rule::kForbiddenOpcode, "allow-list");
    // An opcode extension outside the list (ff /6: push m).
    EXPECT_REJECT_MSG(one("bound=0", "  push qword ptr [rip + obj]\n  ret"), rule::kForbiddenOpcode,
                      "extension");
}

TEST(Encoding, Int3IsOnlyPadding) {
    EXPECT_REJECT_MSG(one("bound=0", "  int3\n  ret"), rule::kForbiddenOpcode, "padding");
    // Even where no path reaches it: every byte of a function is decoded.
    EXPECT_REJECT(one("bound=0", "  ret\n  cli"), rule::kForbiddenOpcode);
}

TEST(Encoding, DeadBytesAreStillDecoded) {
    EXPECT_REJECT(one("bound=0", "  ret\n  .byte 0x0f, 0x05"),
                  rule::kForbiddenOpcode); // syscall after ret
    EXPECT_ACCEPT(one("bound=0", "  ret\n  xor eax, eax\n  ret"));
}

TEST(Encoding, NopWithRexIsXchg) {
    // 41 90 is xchg r8d, eax, not a nop.
    EXPECT_REJECT_MSG(bytes_then_ret("0x41, 0x90"), rule::kForbiddenOpcode, "xchg");
    EXPECT_ACCEPT(bytes_then_ret("0x90"));
    EXPECT_ACCEPT(bytes_then_ret("0x66, 0x90"));
}

TEST(Encoding, ReservedNopForms) {
    // 0f 1f /1.. /7 are reserved encodings.
    EXPECT_REJECT_MSG(bytes_then_ret("0x0f, 0x1f, 0x48, 0x00"), rule::kForbiddenOpcode,
                      "reserved nop");
}

TEST(Encoding, TooLong) {
    // 15 bytes is the limit: 66 x 11 + 0f 1f 44 00 00 is 16.
    EXPECT_REJECT(
        bytes_then_ret(
            "0x66,0x66,0x66,0x66,0x66,0x66,0x66,0x66,0x66,0x66,0x66,0x0f,0x1f,0x44,0x00,0x00"),
        rule::kForbiddenOpcode);
}

TEST(Prefix, LockAndSegments) {
    EXPECT_REJECT_MSG(one("bound=0", "  lock add dword ptr [rip + obj], 1\n  ret"),
                      rule::kForbiddenPrefix, "lock");
    EXPECT_REJECT_MSG(one("bound=0", "  mov rax, qword ptr fs:[0x28]\n  ret"),
                      rule::kForbiddenPrefix, "fs/gs");
    EXPECT_REJECT(one("bound=0", "  mov rax, qword ptr gs:[0]\n  ret"), rule::kForbiddenPrefix);
    EXPECT_REJECT(bytes_then_ret("0x26, 0x48, 0x8b, 0x07"),
                  rule::kForbiddenPrefix); // es: mov rax, [rdi]
    EXPECT_REJECT(bytes_then_ret("0x36, 0x48, 0x8b, 0x07"), rule::kForbiddenPrefix); // ss:
    EXPECT_REJECT(bytes_then_ret("0x3e, 0x48, 0x8b, 0x07"), rule::kForbiddenPrefix); // ds:
    EXPECT_REJECT_MSG(bytes_then_ret("0x2e, 0x48, 0x8b, 0x07"), rule::kForbiddenPrefix,
                      "cs segment prefix"); // cs:
}

TEST(Prefix, AddressSize) {
    EXPECT_REJECT_MSG(bytes_then_ret("0x67, 0x8b, 0x07"), rule::kForbiddenPrefix,
                      "67"); // mov eax, [edi]
}

TEST(Prefix, RepOnOrdinaryInstructions) {
    EXPECT_REJECT_MSG(bytes_then_ret("0xf3, 0x48, 0x01, 0xf7"), rule::kForbiddenPrefix,
                      "F3"); // rep add rdi, rsi
    EXPECT_REJECT_MSG(bytes_then_ret("0xf2, 0x48, 0x01, 0xf7"), rule::kForbiddenPrefix, "F2");
    EXPECT_REJECT(bytes_then_ret("0xf3, 0xf3, 0x48, 0xa5"),
                  rule::kForbiddenPrefix); // rep rep movsq
}

TEST(Prefix, OperandSize) {
    EXPECT_ACCEPT(one("bound=0\n  args int", "  mov ax, di\n  add ax, 3\n  ret"));
    EXPECT_REJECT_MSG(bytes_then_ret("0x66, 0x66, 0x01, 0xf7"), rule::kForbiddenPrefix,
                      "repeated 66"); // add di, si
    EXPECT_REJECT_MSG(bytes_then_ret("0x66, 0x48, 0x01, 0xf7"), rule::kForbiddenPrefix, "REX.W");
    EXPECT_REJECT(bytes_then_ret("0x66, 0xe8, 0x00, 0x00, 0x00, 0x00"),
                  rule::kForbiddenPrefix); // call with 66
}

TEST(Prefix, RexPlacement) {
    EXPECT_REJECT_MSG(bytes_then_ret("0x48, 0x48, 0x01, 0xf7"), rule::kForbiddenPrefix, "two REX");
    // A legacy prefix after REX: REX is then ignored by the CPU; we refuse it.
    EXPECT_REJECT(bytes_then_ret("0x48, 0x66, 0x01, 0xf7"), rule::kForbiddenOpcode);
}

TEST(Prefix, LongNopsMayRepeat66) {
    // Assemblers pad with 66 66 2e 0f 1f 84 00 00 00 00 00 and the like.
    EXPECT_ACCEPT(
        bytes_then_ret("0x66, 0x66, 0x2e, 0x0f, 0x1f, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00"));
    EXPECT_ACCEPT(bytes_then_ret("0x66, 0x2e, 0x0f, 0x1f, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00"));
    EXPECT_ACCEPT(bytes_then_ret("0x0f, 0x1f, 0x44, 0x00, 0x00"));
    EXPECT_ACCEPT(one("bound=0", "  xor eax, eax\n  .p2align 6\n  ret"));
}

TEST(Operand, RegisterWhereMemoryIsRequired) {
    EXPECT_REJECT_MSG(bytes_then_ret("0x48, 0x8d, 0xc7"), rule::kForbiddenOperand,
                      "memory is required"); // lea rax, rdi
}

TEST(Operand, MemoryWhereARegisterIsRequired) {
    EXPECT_REJECT_MSG(one("bound=0\n  args int", "  bt dword ptr [rip + obj], edi\n  ret"),
                      rule::kForbiddenOperand, "only a register");
    EXPECT_REJECT(one("bound=0\n  args int", "  shld dword ptr [rip + obj], edi, 3\n  ret"),
                  rule::kForbiddenOperand);
}

TEST(Operand, SetccWithAReservedRegField) {
    EXPECT_REJECT_MSG(bytes_then_ret("0x85, 0xff, 0x0f, 0x94, 0xc8"), rule::kForbiddenOperand,
                      "setcc"); // test; sete /1
}

TEST(Operand, HighByteRegisters) {
    // ah..bh are ordinary byte registers for the rules (mov ah, 1 is allowed).
    EXPECT_ACCEPT(
        one("bound=0\n  args int", "  mov eax, edi\n  mov ah, 1\n  movzx ecx, ah\n  ret"));
}

TEST(Truncated, InstructionRunsPastTheFunction) {
    EXPECT_REJECT_MSG(one("bound=0", "  ret\n  .byte 0xe8, 0x00"), rule::kTruncated,
                      "past the end");
    EXPECT_REJECT(one("bound=0", "  ret\n  .byte 0x48"), rule::kTruncated);
    EXPECT_REJECT(one("bound=0", "  ret\n  .byte 0x0f"), rule::kTruncated);
    EXPECT_REJECT(one("bound=0", "  ret\n  .byte 0x48, 0x8b"), rule::kTruncated);
    EXPECT_REJECT(one("bound=0", "  ret\n  .byte 0x48, 0x8b, 0x04"), rule::kTruncated);
    EXPECT_REJECT(one("bound=0", "  ret\n  .byte 0x48, 0x8b, 0x05, 0x00, 0x00"), rule::kTruncated);
}

TEST(DecoderDisagrees, RegisterFormOfTheLongNop) {
    // 0f 1f c0 (nop eax) is allowed by our table; Capstone 4 cannot decode it.
    EXPECT_REJECT_MSG(bytes_then_ret("0x0f, 0x1f, 0xc0"), rule::kDecoderDisagrees, "Capstone");
}

TEST(IndirectBranch, CallsAndJumpsThroughRegistersOrMemory) {
    EXPECT_REJECT_MSG(one("bound=8", "  lea rax, [rip + obj]\n  call rax\n  ret"),
                      rule::kIndirectBranch, "indirect");
    EXPECT_REJECT(one("bound=8", "  call qword ptr [rip + obj]\n  ret"), rule::kIndirectBranch);
    EXPECT_REJECT(one("bound=8\n  args int", "  jmp rdi"), rule::kIndirectBranch);
    EXPECT_REJECT(
        one("bound=8\n  args int", "  lea rax, [rip + words]\n  jmp qword ptr [rax + 8*rdi]"),
        rule::kIndirectBranch);
    EXPECT_REJECT(bytes_then_ret("0xff, 0x18"), rule::kIndirectBranch); // call far [rax]
    EXPECT_REJECT(bytes_then_ret("0xff, 0x28"), rule::kIndirectBranch); // jmp far [rax]
}

TEST(IndirectBranch, FarAndReturnForms) {
    EXPECT_REJECT(one("bound=0", "  ret 8"), rule::kForbiddenOpcode);
    EXPECT_REJECT(one("bound=0", "  .byte 0xcb"), rule::kForbiddenOpcode); // far ret
}

// --- between functions ---

TEST(Padding, Int3AndNopsBetweenFunctions) {
    EXPECT_ACCEPT(prog("function f bound=0\nfunction main bound=8",
                       fn("f", "  ret") + "  .byte 0xcc, 0xcc, 0xcc\n  .p2align 4, 0x90\n" +
                           fn("main", "  call __ktal_helper_fuel\n  call f\n  ret") +
                           "  int3\n  int3\n  nop\n"));
}

TEST(Padding, CodeOutsideEveryFunction) {
    EXPECT_REJECT_MSG(
        prog("function main bound=0", fn("main", "  ret") + "  xor eax, eax\n  ret\n"),
        rule::kPadding, "not padding");
    EXPECT_REJECT(prog("function main bound=0", "  .text\n  cli\n" + fn("main", "  ret")),
                  rule::kPadding);
    // A whole function the certificate does not list.
    EXPECT_REJECT(prog("function main bound=0", fn("main", "  ret") + fn("extra", "  ret")),
                  rule::kPadding);
    EXPECT_REJECT(prog("function main bound=0", fn("main", "  ret") + "  .byte 0x0f, 0x0b\n"),
                  rule::kPadding);
}

} // namespace
