// Memory: the safe stack (rsp, the frame, the return address, spills of 4
// and 8 bytes, partial writes), the sandbox and rodata (pointers, bounds,
// read-only, code addresses, the compiler's guard), rep movs/stos, and the
// information-flow rules (nothing of the kernel is ever read).
#include "tests/verifier/rules_support.hpp"

#include "loader/symbols.hpp"

using namespace ktal;
using namespace ktal::test;

namespace {

// main with a 16-byte frame (rsp at -16 after the prologue), args rdi, rsi.
std::string framed(const std::string &body) {
    return one("frame=16 bound=16\n  args int int",
               "  sub rsp, 16\n" + body + "\n  add rsp, 16\n  ret");
}

// --- rsp ---

TEST(Rsp, MovesOnlyByExactAmounts) {
    EXPECT_ACCEPT(
        one("frame=32 bound=32", "  sub rsp, 32\n  add rsp, 16\n  lea rsp, [rsp + 16]\n  ret"));
    EXPECT_ACCEPT(
        one("frame=16 bound=16",
            "  push rbp\n  mov rbp, rsp\n  sub rsp, 8\n  mov rsp, rbp\n  pop rbp\n  ret"));
}

TEST(Rsp, NotAnExactStackOffset) {
    EXPECT_REJECT_MSG(one("frame=64 bound=64\n  args int", "  and edi, 63\n  sub rsp, rdi\n  ret"),
                      rule::kRspExact, "exact offset");
    EXPECT_REJECT(one("frame=64 bound=64\n  args int", "  mov rsp, rdi\n  ret"), rule::kRspExact);
    EXPECT_REJECT(one("frame=64 bound=64", "  lea rsp, [rip + obj]\n  ret"), rule::kRspExact);
    EXPECT_REJECT_MSG(one("frame=64 bound=64\n  args int", "  mov esp, edi\n  ret"),
                      rule::kRspExact, "partial write");
}

TEST(Rsp, AlignmentByAndIsNotAllowed) {
    // `and rsp, -16` leaves rsp at an offset the verifier cannot know.
    EXPECT_REJECT(one("frame=64 bound=64", "  and rsp, -16\n  ret"), rule::kRspExact);
}

// --- the frame ---

TEST(Frame, RspStaysInsideTheFrame) {
    EXPECT_REJECT_MSG(one("frame=8 bound=8", "  sub rsp, 16\n  add rsp, 16\n  ret"), rule::kFrame,
                      "frame");
    EXPECT_REJECT(one("frame=8 bound=8", "  add rsp, 8\n  sub rsp, 8\n  ret"), rule::kFrame);
    EXPECT_REJECT(one("frame=8 bound=8", "  push rbx\n  push rbx\n  pop rbx\n  pop rbx\n  ret"),
                  rule::kFrame);
}

TEST(Frame, NoAccessBelowRsp) {
    // No red zone in ring 0: an interrupt may use the stack below rsp.
    EXPECT_REJECT_MSG(one("frame=16 bound=16\n  args int", "  mov qword ptr [rsp - 8], rdi\n  ret"),
                      rule::kFrame, "below rsp");
    EXPECT_REJECT(framed("  mov eax, dword ptr [rsp - 4]"), rule::kFrame);
}

TEST(Frame, NoAccessAboveTheFrame) {
    EXPECT_REJECT_MSG(one("bound=0", "  mov rax, qword ptr [rsp + 8]\n  ret"), rule::kFrame,
                      "caller's stack");
    EXPECT_REJECT(framed("  mov qword ptr [rsp + 24], rdi"), rule::kFrame);
}

TEST(Frame, BelowRspIsForgotten) {
    // A slot written, released (add rsp) and taken again holds nothing.
    EXPECT_REJECT(one("frame=8 bound=8\n  args int",
                      "  sub rsp, 8\n  mov qword ptr [rsp], rdi\n  add rsp, 8\n  sub rsp, 8\n  mov "
                      "rax, qword ptr [rsp]\n"
                      "  add rsp, 8\n  mov qword ptr [rip + obj], rax\n  ret"),
                  rule::kUninit);
}

// --- the return address ---

TEST(ReturnAddress, NeverOverwritten) {
    EXPECT_REJECT_MSG(one("bound=0\n  args int", "  mov qword ptr [rsp], rdi\n  ret"),
                      rule::kReturnAddress, "return address");
    EXPECT_REJECT(one("bound=0", "  mov byte ptr [rsp + 1], 0\n  ret"), rule::kReturnAddress);
    EXPECT_REJECT(one("bound=0", "  mov dword ptr [rsp + 4], 0\n  ret"), rule::kReturnAddress);
    EXPECT_REJECT(framed("  mov qword ptr [rsp + 12], rdi"), rule::kReturnAddress);
    EXPECT_REJECT(framed("  mov dword ptr [rsp + 16], edi"), rule::kReturnAddress);
}

TEST(ReturnAddress, NeverReadAsData) {
    // Part of it: the access overlaps the return address.
    EXPECT_REJECT_MSG(one("bound=0", "  mov eax, dword ptr [rsp]\n  ret"), rule::kReturnAddress,
                      "return address");
    EXPECT_REJECT(one("bound=0", "  mov rax, qword ptr [rsp]\n  add rax, 1\n  ret"), rule::kOpaque);
    EXPECT_REJECT(
        one("bound=0", "  mov rax, qword ptr [rsp]\n  mov qword ptr [rip + obj], rax\n  ret"),
        rule::kOpaque);
    EXPECT_REJECT(framed("  mov eax, dword ptr [rsp + 20]"), rule::kReturnAddress);
}

// --- spills ---

TEST(Spill, EightByteSlotKeepsItsValue) {
    EXPECT_ACCEPT(framed("  and edi, 79\n  mov qword ptr [rsp + 8], rdi\n  mov ecx, 1000\n  mov "
                         "rcx, qword ptr [rsp + 8]\n" +
                         probe("rcx")));
    EXPECT_REJECT(
        framed("  and edi, 127\n  mov qword ptr [rsp + 8], rdi\n  mov rcx, qword ptr [rsp + 8]\n" +
               probe("rcx")),
        rule::kBounds);
}

TEST(Spill, FourByteSlotKeepsItsValue) {
    EXPECT_ACCEPT(
        framed("  and edi, 79\n  mov dword ptr [rsp + 4], edi\n  mov ecx, dword ptr [rsp + 4]\n" +
               probe("rcx")));
    EXPECT_ACCEPT(
        framed("  mov dword ptr [rsp + 12], 79\n  mov ecx, dword ptr [rsp + 12]\n" + probe("rcx")));
    EXPECT_REJECT(
        framed("  mov dword ptr [rsp + 12], 80\n  mov ecx, dword ptr [rsp + 12]\n" + probe("rcx")),
        rule::kBounds);
}

TEST(Spill, ACompareOfTheRegisterBoundsItsSpillSlot) {
    // clang spills an offset, then compares the register: the reload is bounded too.
    EXPECT_ACCEPT(framed(
        "  mov qword ptr [rsp + 8], rdi\n  cmp rdi, 79\n  ja 9f\n  mov rcx, qword ptr [rsp + 8]\n" +
        probe("rcx") + "9:"));
    // ... and the other way: a compare of the slot bounds the register it came from.
    EXPECT_ACCEPT(
        framed("  mov qword ptr [rsp + 8], rdi\n  cmp qword ptr [rsp + 8], 79\n  ja 9f\n" +
               probe("rdi") + "9:"));
    // A store to the slot ends the relation.
    EXPECT_REJECT(framed("  mov qword ptr [rsp + 8], rdi\n  mov qword ptr [rsp + 8], rsi\n  cmp "
                         "rdi, 79\n  ja 9f\n"
                         "  mov rcx, qword ptr [rsp + 8]\n" +
                         probe("rcx") + "9:"),
                  rule::kBounds);
    // Four bytes of a register whose upper half is unknown are not the register.
    EXPECT_REJECT(
        framed("  mov dword ptr [rsp + 8], edi\n  cmp dword ptr [rsp + 8], 79\n  ja 9f\n" +
               probe("rdi") + "9:"),
        rule::kBounds);
    EXPECT_ACCEPT(framed(
        "  mov edi, edi\n  mov dword ptr [rsp + 8], edi\n  cmp dword ptr [rsp + 8], 79\n  ja 9f\n" +
        probe("rdi") + "9:"));
}

TEST(Spill, LowHalfOfAnEightByteSlot) {
    EXPECT_ACCEPT(framed("  and edi, 79\n  mov qword ptr [rsp], rdi\n  mov ecx, dword ptr [rsp]\n" +
                         probe("rcx")));
    // The high half is read as data of its width.
    EXPECT_REJECT(
        framed("  and edi, 79\n  mov qword ptr [rsp], rdi\n  mov ecx, dword ptr [rsp + 4]\n" +
               probe("rcx")),
        rule::kBounds);
    EXPECT_ACCEPT(
        framed("  mov qword ptr [rsp], rdi\n  mov ecx, dword ptr [rsp + 4]\n  and ecx, 63\n" +
               probe("rcx")));
}

TEST(Spill, TwoFourByteStoresMakeAnEightByteValue) {
    EXPECT_ACCEPT(framed("  mov dword ptr [rsp], edi\n  mov dword ptr [rsp + 4], esi\n  mov ecx, "
                         "dword ptr [rsp + 4]\n"
                         "  and ecx, 63\n" +
                         probe("rcx")));
    // Half written: the eight bytes may be copied but are no data.
    EXPECT_ACCEPT(framed("  mov dword ptr [rsp], edi\n  mov rcx, qword ptr [rsp]"));
    EXPECT_REJECT(framed("  mov dword ptr [rsp], edi\n  mov rcx, qword ptr [rsp]\n  add rcx, 1"),
                  rule::kUninit);
}

// An 8-byte load from an exact slot that is not one 8-byte value but whose
// bytes are all data (two 4-byte stores: -O0 stores a vector's lanes and
// loads them as one; what an inexact store left) is data. (It was `uninit`:
// load_stack()'s shortcut for `pop` after `push rax` fired first; gcc's
// torture test 20050607-1 at -O0.)
TEST(Spill, EightByteLoadOfTwoFourByteStores) {
    EXPECT_ACCEPT(framed(
        "  mov dword ptr [rsp], edi\n  mov dword ptr [rsp + 4], esi\n  mov rcx, qword ptr [rsp]\n"
        "  mov qword ptr [rip + obj], rcx"));
    EXPECT_ACCEPT(framed("  mov qword ptr [rsp], 1\n  and edi, 8\n  mov byte ptr [rsp + rdi], 7\n"
                         "  mov rax, qword ptr [rsp]\n  add rax, 1"));
}

TEST(Spill, ByteStores) {
    EXPECT_ACCEPT(
        framed("  mov byte ptr [rsp + 3], 7\n  movzx ecx, byte ptr [rsp + 3]\n  and ecx, 63\n" +
               probe("rcx")));
    EXPECT_REJECT_MSG(framed("  mov byte ptr [rsp], 7\n  mov ecx, dword ptr [rsp]\n  mov dword ptr "
                             "[rip + obj], ecx"),
                      rule::kUninit, "uninitialised");
    EXPECT_REJECT(framed("  mov byte ptr [rsp], 7\n  cmp edi, dword ptr [rsp]"), rule::kUninit);
    EXPECT_ACCEPT(
        framed("  mov word ptr [rsp], 7\n  mov word ptr [rsp + 2], 9\n  mov ecx, dword ptr [rsp]"));
}

TEST(Spill, UnalignedEightByteStore) {
    EXPECT_ACCEPT(framed("  mov qword ptr [rsp + 2], rdi\n  mov ax, word ptr [rsp + 2]\n  mov rax, "
                         "qword ptr [rsp + 2]"));
    EXPECT_REJECT(
        framed("  mov qword ptr [rsp + 2], rdi\n  mov eax, dword ptr [rsp]\n  cmp eax, 1"),
        rule::kUninit);
}

TEST(Spill, SlotNeverWritten) {
    // Copying the stale bytes is no read; computing with them, storing them
    // where the program can read them, or passing them on is.
    EXPECT_ACCEPT(framed("  mov rax, qword ptr [rsp + 8]\n  mov ecx, dword ptr [rsp + 4]"));
    EXPECT_REJECT_MSG(framed("  mov rax, qword ptr [rsp + 8]\n  add rax, 1"), rule::kUninit,
                      "before it is written");
    EXPECT_REJECT(framed("  mov eax, dword ptr [rsp + 4]\n  mov dword ptr [rip + obj], eax"),
                  rule::kUninit);
    EXPECT_REJECT(one("frame=16 bound=24\n  args int int",
                      "  sub rsp, 16\n  mov rdi, qword ptr [rsp]\n  "
                      "call __ktal_helper_close\n  add rsp, 16\n  ret"),
                  rule::kUninit);
    EXPECT_REJECT(framed("  movzx eax, byte ptr [rsp]"), rule::kUninit);
    EXPECT_REJECT(framed("  add rdi, qword ptr [rsp]"), rule::kUninit);
}

TEST(Spill, UninitialisedValueOnlyIntoExactStackSlots) {
    // The unreadable may be spilled to an exact stack slot (it stays
    // unreadable there), never to the sandbox or through an inexact pointer.
    EXPECT_ACCEPT(framed("  mov dword ptr [rsp], ecx\n  mov qword ptr [rsp + 2], rcx"));
    EXPECT_REJECT(framed("  mov dword ptr [rsp], ecx\n  mov eax, dword ptr [rsp]\n  mov dword ptr "
                         "[rip + obj], eax"),
                  rule::kUninit);
    EXPECT_REJECT(framed("  mov dword ptr [rip + obj], ecx"), rule::kUninit);
    EXPECT_REJECT(framed("  and edi, 8\n  mov qword ptr [rsp + rdi], rcx"), rule::kUninit);
}

TEST(Spill, StackAddressesMayBeKeptOnTheStack) {
    EXPECT_ACCEPT(
        framed("  lea rax, [rsp + 8]\n  mov qword ptr [rsp], rax\n  mov rcx, qword ptr [rsp]\n"
               "  mov qword ptr [rcx], rdi\n  mov rdx, qword ptr [rsp + 8]"));
    // ... but no part of one may be read as data.
    EXPECT_REJECT(
        framed("  lea rax, [rsp + 8]\n  mov qword ptr [rsp], rax\n  mov ecx, dword ptr [rsp]"),
        rule::kStackPointer);
}

TEST(Spill, CalleeSavedRegisterSpilledByMov) {
    EXPECT_ACCEPT(framed("  mov qword ptr [rsp], rbx\n  mov ebx, 5\n  mov rbx, qword ptr [rsp]"));
    EXPECT_REJECT_MSG(framed("  mov qword ptr [rsp], rbx\n  mov eax, dword ptr [rsp + 4]"),
                      rule::kOpaque, "secret");
    EXPECT_REJECT(framed("  mov qword ptr [rsp], rbx\n  movzx eax, byte ptr [rsp]"), rule::kOpaque);
}

TEST(Spill, PartialWritesNeverExposeASecret) {
    // Overwriting half of a saved register leaves the other half unreadable,
    // and the register can no longer be restored.
    EXPECT_REJECT(one("frame=8 bound=8",
                      "  push rbx\n  mov dword ptr [rsp + 4], 0\n  mov eax, dword ptr [rsp]\n"
                      "  mov dword ptr [rip + obj], eax\n  pop rbx\n  ret"),
                  rule::kUninit);
    EXPECT_REJECT(one("frame=8 bound=8",
                      "  push rbx\n  mov byte ptr [rsp], 0\n  mov eax, dword ptr [rsp + 4]\n"
                      "  mov dword ptr [rip + obj], eax\n  pop rbx\n  ret"),
                  rule::kUninit);
    EXPECT_ACCEPT(one("frame=8 bound=16",
                      "  push rbx\n  mov byte ptr [rsp], 0\n  movzx eax, byte ptr [rsp]\n"
                      "  xor edi, edi\n  call __ktal_helper_exit"));
    EXPECT_REJECT(one("frame=8 bound=8", "  push rbx\n  mov byte ptr [rsp], 0\n  pop rbx\n  ret"),
                  rule::kRetCalleeSaved);
}

TEST(Spill, StoreThroughAnInexactStackPointer) {
    // A store to one of several slots: each keeps only what both cases share.
    EXPECT_PROBE_FAILS(
        framed("  mov qword ptr [rsp], 1\n  mov qword ptr [rsp + 8], 2\n  and edi, 8\n"
               "  mov byte ptr [rsp + rdi], 7\n  mov eax, dword ptr [rsp]\n" +
               probe("rax")));
    EXPECT_ACCEPT(framed("  mov qword ptr [rsp], 1\n  mov qword ptr [rsp + 8], 2\n  and edi, 8\n"
                         "  mov byte ptr [rsp + rdi], 7\n  mov rax, qword ptr [rsp]\n  mov rax, "
                         "qword ptr [rsp + 8]"));
    // A secret in one of them stays secret.
    EXPECT_REJECT(
        framed("  mov qword ptr [rsp], rbx\n  mov qword ptr [rsp + 8], 2\n  and edi, 8\n"
               "  mov byte ptr [rsp + rdi], 7\n  mov eax, dword ptr [rsp + 4]\n  test eax, eax"),
        rule::kUninit);
    // Only data may go to one of several slots: the slots keep no record of
    // what else they may hold, and a later read would take it for data.
    const std::string data_slots =
        "  mov qword ptr [rsp], 1\n  mov qword ptr [rsp + 8], 2\n  and edi, 8\n";
    const std::string read_back = "\n  xor eax, eax\n  add rax, qword ptr [rsp]\n";
    EXPECT_ACCEPT(framed(data_slots + "  mov qword ptr [rsp + rdi], rsi" + read_back));
    EXPECT_REJECT_MSG(
        framed(data_slots + "  lea rax, [rsp + 8]\n  mov qword ptr [rsp + rdi], rax" + read_back),
        rule::kStackPointer, "variable stack offset");
    EXPECT_REJECT_MSG(framed(data_slots + "  mov qword ptr [rsp + rdi], rbx" + read_back),
                      rule::kOpaque, "variable stack offset");
}

TEST(Spill, CopyFromAVariableOffsetOverAGap) {
    // Bytes [0, 16) written but [8, 12): an 8-byte copy from [rsp + 0..8]
    // holds unwritten bytes at some offsets, and nothing of it is readable
    // (its written low bytes count only at an exact offset).
    const std::string gap = "  mov qword ptr [rsp], 1\n  mov dword ptr [rsp + 12], 2\n"
                            "  and edi, 8\n  mov rax, qword ptr [rsp + rdi]\n";
    EXPECT_REJECT(framed(gap + "  lea rcx, [rip + obj]\n  mov byte ptr [rcx + rax], 0"),
                  rule::kUninit);
    EXPECT_REJECT(framed(gap + "  mov byte ptr [rip + obj], al"), rule::kUninit);
    // With no gap, the copy is data.
    EXPECT_ACCEPT(framed("  mov qword ptr [rsp], 1\n  mov qword ptr [rsp + 8], 2\n"
                         "  and edi, 8\n  mov rax, qword ptr [rsp + rdi]\n"
                         "  mov dword ptr [rip + obj], eax"));
}

// --- pointers into the sandbox and rodata ---

TEST(Pointer, IntegersAreNotPointers) {
    EXPECT_REJECT_MSG(one("bound=0\n  args int", "  mov rax, qword ptr [rdi]\n  ret"),
                      rule::kNotPointer, "guard");
    EXPECT_REJECT(one("bound=0\n  args int int", "  mov byte ptr [rdi + rsi], 0\n  ret"),
                  rule::kNotPointer);
    EXPECT_REJECT(one("bound=0", "  mov eax, dword ptr [0x2000]\n  ret"), rule::kNotPointer);
    // A pointer loaded from memory is an integer.
    EXPECT_REJECT(
        one("bound=0", "  mov rax, qword ptr [rip + obj]\n  mov byte ptr [rax], 0\n  ret"),
        rule::kNotPointer);
}

TEST(Pointer, SandboxBounds) {
    EXPECT_ACCEPT(
        one("bound=0", "  lea rax, [rip + __ktal_image_end - 8]\n  mov qword ptr [rax], 0\n  ret"));
    Outcome o = run(
        one("bound=0", "  lea rax, [rip + __ktal_image_end - 7]\n  mov qword ptr [rax], 0\n  ret"));
    EXPECT_EQ(o.rule(), rule::kBounds) << o.describe();
    EXPECT_NE(o.message().find("outside its region"), std::string::npos) << o.describe();
    EXPECT_NE(o.expected().find("sandbox[0,"), std::string::npos) << o.describe();
    EXPECT_REJECT(one("bound=0", "  lea rax, [rip + obj]\n  mov byte ptr [rax - 1], 0\n  ret"),
                  rule::kBounds);
}

TEST(Pointer, UnboundedIndex) {
    EXPECT_PROBE_FAILS(
        one("bound=0\n  args int", "  lea rax, [rip + obj]\n  mov byte ptr [rax + rdi], 0\n  ret"));
    EXPECT_REJECT(
        one("bound=0\n  args int",
            "  lea rax, [rip + obj]\n  and edi, 0x3ffff\n  mov byte ptr [rax + rdi], 0\n  ret"),
        rule::kBounds);
    EXPECT_ACCEPT(
        one("bound=0\n  args int",
            "  lea rax, [rip + obj]\n  and edi, 0xffff\n  mov byte ptr [rax + rdi], 0\n  ret"));
    EXPECT_ACCEPT(
        one("bound=0\n  args int",
            "  lea rax, [rip + obj]\n  and edi, 0x1fff\n  mov qword ptr [rax + 8*rdi], 0\n  ret"));
}

// A pointer plus an unbounded index: the bound is what is missing.
TEST(Pointer, WideIndexOnAPointerIsABoundsFault) {
    EXPECT_REJECT(
        one("bound=0\n  args int", "  lea rax, [rip + obj]\n  mov byte ptr [rax + rdi], 0\n  ret"),
        rule::kBounds);
    EXPECT_REJECT(one("bound=0\n  args int",
                      "  lea rax, [rip + obj]\n  movzx ecx, byte ptr [rax + 8*rdi]\n  ret"),
                  rule::kBounds);
}

TEST(Pointer, RodataIsReadOnly) {
    EXPECT_ACCEPT(
        one("bound=0",
            "  mov rax, qword ptr [rip + words + 56]\n  movzx ecx, byte ptr [rip + table]\n  ret"));
    EXPECT_REJECT_MSG(one("bound=0", "  mov byte ptr [rip + table], 0\n  ret"), rule::kReadOnly,
                      "read-only");
    EXPECT_REJECT(one("bound=0", "  lea rax, [rip + words]\n  mov qword ptr [rax + 8], 1\n  ret"),
                  rule::kReadOnly);
    EXPECT_REJECT(one("bound=0", "  add dword ptr [rip + table], 1\n  ret"), rule::kReadOnly);
}

TEST(Pointer, RodataReadsMayRunIntoTheSandbox) {
    // Everything from rodata to the image's end is readable.
    EXPECT_ACCEPT(
        one("bound=0", "  lea rax, [rip + table]\n  mov rcx, qword ptr [rax + 0x1000]\n  ret"));
    EXPECT_REJECT(one("bound=0", "  lea rax, [rip + table]\n  mov rcx, qword ptr [rax - 8]\n  ret"),
                  rule::kBounds);
}

TEST(Pointer, RipRelativeOutsideEveryRegion) {
    EXPECT_REJECT(one("bound=0", "  mov rax, qword ptr [rip + __ktal_image_end + 64]\n  ret"),
                  rule::kBounds);
}

TEST(Pointer, CodeAddressesAreNotData) {
    EXPECT_REJECT_MSG(one("bound=0", "  lea rax, [rip + main]\n  ret"), rule::kCodeAddress, "code");
    EXPECT_REJECT(one("bound=0", "  mov eax, dword ptr [rip + main]\n  ret"), rule::kCodeAddress);
    EXPECT_REJECT(one("bound=0", "  lea rax, [rip + __ktal_helper_exit]\n  ret"),
                  rule::kCodeAddress);
}

TEST(Pointer, CompilerGuardOnALoadedPointer) {
    // tests/positive/003: offset from the sandbox base, unsigned compare
    // against the size minus the width, access through base + offset.
    const char *guard =
        "  mov rdi, qword ptr [rip + obj]\n  lea rcx, [rip + __ktal_sandbox_start]\n  mov rax, "
        "rdi\n"
        "  sub rax, rcx\n  cmp rax, offset __ktal_sandbox_size - %d\n  ja 1f\n"
        "  mov dword ptr [rcx + rax], esi\n  ret\n1:\n  mov edi, 1\n  mov rsi, rax\n"
        "  call __ktal_helper_trap";
    char buf[512];
    std::snprintf(buf, sizeof buf, guard, 4);
    EXPECT_ACCEPT(one("bound=8\n  args int int", buf));
    std::snprintf(buf, sizeof buf, guard, 3); // checked for 3 bytes, writes 4
    EXPECT_REJECT(one("bound=8\n  args int int", buf), rule::kBounds);
    // The access through the unchecked register instead of base + offset.
    EXPECT_REJECT(one("bound=8\n  args int int",
                      "  mov rdi, qword ptr [rip + obj]\n  lea rcx, [rip + __ktal_sandbox_start]\n "
                      " mov rax, rdi\n"
                      "  sub rax, rcx\n  cmp rax, offset __ktal_sandbox_size - 4\n  ja 1f\n"
                      "  mov dword ptr [rdi], esi\n  ret\n1:\n  mov edi, 1\n  mov rsi, rax\n  call "
                      "__ktal_helper_trap"),
                  rule::kNotPointer);
}

TEST(Pointer, ClampingGuard) {
    EXPECT_ACCEPT(one("bound=0\n  args int int",
                      "  lea rcx, [rip + __ktal_sandbox_start]\n  sub rdi, rcx\n  mov eax, offset "
                      "__ktal_sandbox_size - 4\n"
                      "  cmp rdi, rax\n  cmova rdi, rax\n  mov dword ptr [rcx + rdi], esi\n  ret"));
}

// --- rep movs / rep stos ---

TEST(Rep, StructCopyBetweenSandboxObjects) {
    EXPECT_ACCEPT(
        one("bound=0",
            "  lea rdi, [rip + obj2]\n  lea rsi, [rip + obj]\n  mov ecx, 8\n  rep movsq\n  ret"));
    EXPECT_ACCEPT(
        one("bound=0",
            "  lea rdi, [rip + obj2]\n  lea rsi, [rip + obj]\n  mov ecx, 64\n  rep movsb\n  ret"));
    EXPECT_ACCEPT(one(
        "bound=0",
        "  lea rdi, [rip + obj2]\n  lea rsi, [rip + words]\n  mov ecx, 16\n  rep movsd\n  ret"));
}

TEST(Rep, WholeSpanMustFit) {
    EXPECT_ACCEPT(
        one("bound=0",
            "  lea rdi, [rip + __ktal_image_end - 64]\n  lea rsi, [rip + obj]\n  mov ecx, 8\n"
            "  rep movsq\n  ret"));
    EXPECT_REJECT(
        one("bound=0",
            "  lea rdi, [rip + __ktal_image_end - 64]\n  lea rsi, [rip + obj]\n  mov ecx, 9\n"
            "  rep movsq\n  ret"),
        rule::kBounds);
    EXPECT_REJECT(
        one("bound=0",
            "  lea rdi, [rip + obj]\n  lea rsi, [rip + __ktal_image_end - 8]\n  mov ecx, 2\n"
            "  rep movsq\n  ret"),
        rule::kBounds);
    EXPECT_REJECT(
        one("bound=0",
            "  lea rdi, [rip + table]\n  lea rsi, [rip + obj]\n  mov ecx, 2\n  rep movsq\n  ret"),
        rule::kReadOnly);
}

TEST(Rep, BoundedCount) {
    EXPECT_ACCEPT(one("bound=0\n  args int",
                      "  mov ecx, edi\n  and ecx, 7\n  lea rdi, [rip + obj2]\n"
                      "  lea rsi, [rip + obj]\n  rep movsq\n  ret"));
    EXPECT_REJECT_MSG(one("bound=0\n  args int",
                          "  mov rcx, rdi\n  lea rdi, [rip + obj2]\n  lea rsi, [rip + obj]\n"
                          "  rep movsq\n  ret"),
                      rule::kRepCount, "count");
    EXPECT_REJECT(
        one("bound=0", "  lea rdi, [rip + obj2]\n  lea rsi, [rip + obj]\n  rep movsq\n  ret"),
        rule::kUninit);
    EXPECT_REJECT(
        one("bound=0",
            "  lea rdi, [rip + obj2]\n  lea rsi, [rip + obj]\n  mov ecx, 1\n  mov rsi, rcx\n"
            "  rep movsq\n  ret"),
        rule::kNotPointer);
}

TEST(Rep, StosFill) {
    EXPECT_ACCEPT(
        one("bound=0", "  lea rdi, [rip + obj]\n  xor eax, eax\n  mov ecx, 8\n  rep stosq\n  ret"));
    EXPECT_ACCEPT(one("bound=0",
                      "  lea rdi, [rip + obj]\n  mov al, 0x55\n  mov ecx, 64\n  rep stosb\n  ret"));
    EXPECT_REJECT(one("bound=0", "  lea rdi, [rip + obj]\n  mov ecx, 8\n  rep stosq\n  ret"),
                  rule::kUninit);
    EXPECT_REJECT(one("bound=0",
                      "  lea rdi, [rip + words]\n  xor eax, eax\n  mov ecx, 8\n  rep stosq\n  ret"),
                  rule::kReadOnly);
}

TEST(Rep, OnTheSafeStack) {
    // Exact pointers and count: each unit is a typed store.
    EXPECT_ACCEPT(one("frame=32 bound=32",
                      "  sub rsp, 32\n  mov rdi, rsp\n  xor eax, eax\n  mov ecx, 4\n  rep stosq\n"
                      "  mov rax, qword ptr [rsp + 24]\n  add rsp, 32\n  ret"));
    EXPECT_ACCEPT(one("frame=64 bound=64",
                      "  sub rsp, 64\n  mov rdi, rsp\n  lea rsi, [rip + obj]\n  mov ecx, 8\n"
                      "  rep movsq\n" +
                          probe("0") + "  mov rax, qword ptr [rsp + 56]\n  add rsp, 64\n  ret"));
    EXPECT_ACCEPT(one("frame=64 bound=64",
                      "  sub rsp, 64\n  mov qword ptr [rsp], 1\n  mov qword ptr [rsp + 8], 2\n"
                      "  lea rdi, [rip + obj]\n  mov rsi, rsp\n  mov ecx, 2\n  rep movsq\n"
                      "  add rsp, 64\n  ret"));
    // Copying from unwritten stack slots reads stale data.
    EXPECT_REJECT(one("frame=64 bound=64",
                      "  sub rsp, 64\n  lea rdi, [rip + obj]\n  mov rsi, rsp\n  mov ecx, 2\n"
                      "  rep movsq\n  add rsp, 64\n  ret"),
                  rule::kUninit);
    // Over the return address.
    EXPECT_REJECT(one("frame=32 bound=32",
                      "  sub rsp, 32\n  mov rdi, rsp\n  xor eax, eax\n  mov ecx, 5\n  rep stosq\n"
                      "  add rsp, 32\n  ret"),
                  rule::kReturnAddress);
    // Inexact count on the stack.
    EXPECT_REJECT(one("frame=32 bound=32\n  args int",
                      "  sub rsp, 32\n  mov ecx, edi\n  and ecx, 3\n  mov rdi, rsp\n"
                      "  xor eax, eax\n  rep stosq\n  add rsp, 32\n  ret"),
                  rule::kRepCount);
}

TEST(Rep, StringInstructionsWithoutRep) {
    EXPECT_REJECT_MSG(
        one("bound=0", "  lea rdi, [rip + obj2]\n  lea rsi, [rip + obj]\n  movsb\n  ret"),
        rule::kRepCount, "without rep");
    EXPECT_REJECT(one("bound=0", "  lea rdi, [rip + obj2]\n  xor eax, eax\n  stosq\n  ret"),
                  rule::kRepCount);
    EXPECT_REJECT(one("bound=0", "  lea rsi, [rip + obj]\n  lodsb\n  ret"), rule::kForbiddenOpcode);
    EXPECT_REJECT(one("bound=0", "  lea rdi, [rip + obj]\n  mov ecx, 8\n  repne scasb\n  ret"),
                  rule::kForbiddenPrefix);
    EXPECT_REJECT(
        one("bound=0", "  lea rdi, [rip + obj]\n  mov ecx, 8\n  xor eax, eax\n  rep movsw\n  ret"),
        rule::kForbiddenPrefix);
}

TEST(Rep, AdvancesThePointersAndClearsTheCount) {
    EXPECT_ACCEPT(one("bound=0",
                      "  lea rdi, [rip + obj]\n  xor eax, eax\n  mov ecx, 8\n  rep stosq\n"
                      "  mov qword ptr [rdi], rcx\n  ret"));
    EXPECT_ACCEPT(
        one("bound=0", "  lea rdi, [rip + obj]\n  xor eax, eax\n  mov ecx, 8\n  rep stosq\n" +
                           probe("rcx") + "  ret"));
}

// --- nothing of the kernel is read ---

TEST(Leak, UninitialisedRegisters) {
    for (const char *r : {"rax", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11"}) {
        SCOPED_TRACE(r);
        EXPECT_REJECT(one("bound=0", std::string("  mov qword ptr [rip + obj], ") + r + "\n  ret"),
                      rule::kUninit);
    }
    // The entry function's arguments are initialised; nothing else is.
    EXPECT_ACCEPT(
        one("bound=0\n  args int int int int int int",
            "  add rdi, rsi\n  add rdi, rdx\n  add rdi, rcx\n  add rdi, r8\n  add rdi, r9\n  ret"));
    EXPECT_REJECT(one("bound=0\n  args int int", "  add rdi, rdx\n  ret"), rule::kUninit);
}

TEST(Leak, CalleeSavedRegistersAreOpaque) {
    EXPECT_REJECT_MSG(one("bound=0", "  mov eax, ebx\n  ret"), rule::kOpaque, "saved register");
    EXPECT_REJECT(one("bound=0\n  args int", "  add rdi, rbp\n  ret"), rule::kOpaque);
    EXPECT_REJECT(one("bound=0", "  mov qword ptr [rip + obj], r12\n  ret"), rule::kOpaque);
    EXPECT_REJECT(one("bound=0", "  cmp r13, 0\n  ret"), rule::kOpaque);
    EXPECT_REJECT(one("bound=0", "  test r14, r14\n  ret"), rule::kOpaque);
    EXPECT_REJECT(one("bound=0", "  movzx eax, r15b\n  ret"), rule::kOpaque);
    // Moving them whole is no read.
    EXPECT_ACCEPT(one("bound=0", "  mov rax, rbx\n  mov rbx, rax\n  ret"));
}

TEST(Leak, StackAddressesNeverEscape) {
    EXPECT_REJECT_MSG(one("bound=0", "  mov qword ptr [rip + obj], rsp\n  ret"),
                      rule::kStackPointer, "safe-stack address");
    EXPECT_REJECT(one("bound=0", "  mov rax, rsp\n  mov qword ptr [rip + obj], rax\n  ret"),
                  rule::kStackPointer);
    EXPECT_REJECT(one("bound=0", "  lea rax, [rsp + 8]\n  add rax, 1\n  shr rax, 1\n  ret"),
                  rule::kStackPointer);
    EXPECT_REJECT(one("bound=0", "  mov rax, rsp\n  cmp rax, 0\n  ret"), rule::kStackPointer);
    EXPECT_REJECT(one("bound=0", "  mov eax, esp\n  ret"), rule::kStackPointer);
    EXPECT_REJECT(
        one("bound=0",
            "  lea rax, [rip + obj]\n  mov rcx, rsp\n  mov byte ptr [rax + rcx], 0\n  ret"),
        rule::kStackPointer);
    EXPECT_REJECT(one("bound=0\n  result int", "  mov rax, rsp\n  ret"), rule::kRetResult);
}

TEST(Leak, StaleBytesCopiedIntoPartOfARegister) {
    // A copy of an unwritten slot is stale data; its low bytes written over
    // data keep the register from being read whole, and so does a stale ah.
    const std::string stale = "  mov esi, 7\n  mov eax, 7\n  mov r11, qword ptr [rsp + 8]\n";
    EXPECT_REJECT(framed(stale + "  mov si, r11w\n  mov qword ptr [rip + obj], rsi"),
                  rule::kUninit);
    EXPECT_REJECT(framed(stale + "  mov rcx, r11\n  mov ah, cl\n  mov qword ptr [rip + obj], rax"),
                  rule::kUninit);
    EXPECT_REJECT(framed(stale + "  mov dil, r11b\n  mov byte ptr [rip + obj], dil"),
                  rule::kUninit);
    // The data bytes below the stale ones stay readable.
    EXPECT_ACCEPT(framed(stale + "  mov rcx, r11\n  mov ah, cl\n  mov byte ptr [rip + obj], al"));
}

TEST(Leak, FlagsOfAStackAddressAreSecret) {
    // The carry of rsp + x says whether rsp is above 2^64 - x: bit by bit,
    // a kernel address.
    EXPECT_REJECT_MSG(one("bound=0\n  args int", "  lea rax, [rsp + 8]\n  add rax, rdi\n  setb cl\n"
                                                 "  mov byte ptr [rip + obj], cl\n  ret"),
                      rule::kFlags, "safe-stack address");
    EXPECT_REJECT(one("bound=0\n  args int", "  mov rax, rsp\n  sub rax, rdi\n  js 1f\n1:\n  ret"),
                  rule::kFlags);
    EXPECT_REJECT(one("bound=0", "  mov rax, rsp\n  inc rax\n  je 1f\n1:\n  ret"), rule::kFlags);
    EXPECT_REJECT(one("frame=8 bound=8", "  sub rsp, 8\n  seta al\n  add rsp, 8\n  ret"),
                  rule::kFlags);
    // Flags set again by data are readable.
    EXPECT_ACCEPT(one("bound=0\n  args int", "  lea rax, [rsp + 8]\n  add rax, rdi\n"
                                             "  test edi, edi\n  je 1f\n1:\n  ret"));
}

TEST(Leak, FlagsAtEntryAreTheCallers) {
    EXPECT_REJECT_MSG(one("bound=0", "  je 1f\n1:\n  ret"), rule::kFlags, "flags read");
    EXPECT_REJECT(one("bound=0", "  setb al\n  ret"), rule::kFlags);
    EXPECT_REJECT(one("bound=0\n  args int", "  mov eax, 1\n  cmovne eax, edi\n  ret"),
                  rule::kFlags);
    EXPECT_REJECT(one("bound=0", "  mov eax, 0\n  adc eax, 0\n  ret"), rule::kFlags);
    EXPECT_ACCEPT(one("bound=0\n  args int", "  test edi, edi\n  je 1f\n1:\n  ret"));
}

// --- where a rejection is reported ---

TEST(Report, NamesFunctionBlockAndInstruction) {
    std::string text =
        prog("function leaf bound=0\nfunction main bound=8\n  args int\n  block @b: rsp=stack[0] "
             "saved rdi=int",
             fn("leaf", "  ret") +
                 fn("main", "  test rdi, rdi\n  jne b\n"
                            "  ret\nb:\n  xor eax, eax\n  mov qword ptr [rdi], rax\n  ret"));
    Outcome o = run(text);
    ASSERT_EQ(o.rule(), rule::kNotPointer) << o.describe();
    const Rejection &r = o.r.rejection;
    EXPECT_TRUE(r.in_function);
    SymbolTable syms = SymbolTable::from_elf(image_of(text));
    auto main_sym = syms.lookup("main");
    auto b_sym = syms.lookup("b");
    ASSERT_TRUE(main_sym && b_sym);
    EXPECT_EQ(r.function_entry, main_sym->first);
    EXPECT_EQ(r.block, b_sym->first);
    EXPECT_EQ(r.address, b_sym->first + 2); // after the 2-byte xor
    EXPECT_EQ(std::string(r.disasm.c_str()), "mov qword ptr [rdi], rax");
    EXPECT_FALSE(std::string(r.found.c_str()).empty());
}

} // namespace
