// Calls and returns: certified functions (order, argument and result types,
// stack bounds), helper slots (arguments, clobbers, fuel, no-return), and
// the return rules.
#include "tests/verifier/rules_support.hpp"

#include "verifier/transfer.hpp"

using namespace ktal;
using namespace ktal::test;

namespace {

// A leaf `leaf` (certified first, so earlier in the call order) and `main`,
// which passes a fuel point first (calls to program functions need one).
std::string two(const std::string &leaf_cert, const std::string &leaf_body,
                const std::string &main_cert, const std::string &main_body) {
    return prog("function leaf " + leaf_cert + "\nfunction main " + main_cert,
                fn("leaf", leaf_body) + fn("main", "  call __ktal_helper_fuel\n" + main_body));
}

// --- calls to certified functions ---

TEST(Call, ResultTypeReachesTheCaller) {
    EXPECT_ACCEPT(two("bound=0\n  args int\n  result int[0,79]",
                      "  mov eax, edi\n  and eax, 63\n  ret", "bound=8\n  args int",
                      "  call leaf\n" + probe("rax") + "  ret"));
    EXPECT_REJECT(two("bound=0\n  args int\n  result int", "  mov eax, edi\n  and eax, 63\n  ret",
                      "bound=8\n  args int", "  call leaf\n" + probe("rax") + "  ret"),
                  rule::kBounds);
}

// A result of its low bytes (clang's bool or char in al: `setae al; ret`).
TEST(Call, ResultOfTheLowBytes) {
    std::string leaf = "  cmp edi, 5\n  setae al\n  ret";
    EXPECT_ACCEPT(two("bound=0\n  args int\n  result uninit:1", leaf, "bound=8\n  args int",
                      "  call leaf\n  movzx ecx, al\n  and ecx, 1\n" + probe("rcx") + "  ret"));
    // Only those bytes: the rest of rax is whatever the callee left there.
    EXPECT_REJECT(two("bound=0\n  args int\n  result uninit:1", leaf, "bound=8\n  args int",
                      "  call leaf\n  mov dword ptr [rip + obj], eax\n  ret"),
                  rule::kUninit);
    // The callee must write them.
    EXPECT_REJECT(two("bound=0\n  args int\n  result uninit:1", "  ret", "bound=8\n  args int",
                      "  call leaf\n  ret"),
                  rule::kRetResult);
    EXPECT_REJECT(two("bound=0\n  args int\n  result uninit:2", leaf, "bound=8\n  args int",
                      "  call leaf\n  ret"),
                  rule::kRetResult);
    // The entry's result is the exit status, read whole.
    EXPECT_REJECT(one("bound=0\n  args int\n  result uninit:1", leaf), rule::kEntry);
}

TEST(Call, NoResultLeavesRaxUninitialised) {
    EXPECT_REJECT(two("bound=0\n  args int", "  mov eax, edi\n  ret", "bound=8\n  args int",
                      "  call leaf\n  mov rcx, rax\n  add rcx, 1\n  ret"),
                  rule::kUninit);
}

TEST(Call, ArgumentTypeHoldsInTheCallee) {
    // The callee may use its certified argument type; the caller must prove it.
    std::string leaf = "  " + probe("rdi").substr(2) + "  ret";
    EXPECT_ACCEPT(two("bound=0\n  args int[0,79]", leaf, "bound=8\n  args int",
                      "  and edi, 79\n  call leaf\n  ret"));
    EXPECT_REJECT(two("bound=0\n  args int", leaf, "bound=8\n  args int",
                      "  and edi, 79\n  call leaf\n  ret"),
                  rule::kBounds);
}

TEST(Call, ArgumentOutsideTheCertifiedType) {
    Outcome o = run(two("bound=0\n  args int[0,79]", "  ret", "bound=8\n  args int",
                        "  and edi, 80\n  call leaf\n  ret"));
    EXPECT_EQ(o.rule(), rule::kCallArgs) << o.describe();
    EXPECT_NE(o.message().find("argument"), std::string::npos) << o.describe();
    EXPECT_NE(o.expected().find("int[0,79] in rdi"), std::string::npos) << o.describe();
    EXPECT_NE(o.found().find("int[0,80]"), std::string::npos) << o.describe();
}

TEST(Call, EveryCertifiedArgumentIsChecked) {
    const char *leaf_cert = "bound=0\n  args int int int int[0,5] int int";
    EXPECT_ACCEPT(two(leaf_cert, "  ret", "bound=8\n  args int int int",
                      "  mov ecx, 5\n  xor r8d, r8d\n  xor r9d, r9d\n  call leaf\n  ret"));
    EXPECT_REJECT(two(leaf_cert, "  ret", "bound=8\n  args int int int",
                      "  mov ecx, 6\n  xor r8d, r8d\n  xor r9d, r9d\n  call leaf\n  ret"),
                  rule::kCallArgs);
    EXPECT_REJECT(two(leaf_cert, "  ret", "bound=8\n  args int int int",
                      "  mov ecx, 5\n  xor r8d, r8d\n  call leaf\n  ret"),
                  rule::kUninit);
}

TEST(Call, PointerArguments) {
    const char *leaf_cert = "bound=0\n  args sandbox[0,56]";
    const char *leaf = "  mov qword ptr [rdi], 0\n  ret";
    EXPECT_ACCEPT(two(leaf_cert, leaf, "bound=8", "  lea rdi, [rip + obj]\n  call leaf\n  ret"));
    EXPECT_ACCEPT(
        two(leaf_cert, leaf, "bound=8", "  lea rdi, [rip + obj + 56]\n  call leaf\n  ret"));
    EXPECT_REJECT(
        two(leaf_cert, leaf, "bound=8", "  lea rdi, [rip + obj + 64]\n  call leaf\n  ret"),
        rule::kCallArgs);
    EXPECT_REJECT(two(leaf_cert, leaf, "bound=8\n  args int", "  call leaf\n  ret"),
                  rule::kCallArgs);
    EXPECT_REJECT(two(leaf_cert, leaf, "bound=8", "  lea rdi, [rip + table]\n  call leaf\n  ret"),
                  rule::kCallArgs);
    // A pointer may go where any integer is expected.
    EXPECT_ACCEPT(two("bound=0\n  args int", "  ret", "bound=8",
                      "  lea rdi, [rip + obj]\n  call leaf\n  ret"));
}

TEST(Call, SecretsAndStackAddressesAreNotArguments) {
    EXPECT_REJECT(
        two("bound=0\n  args int", "  ret", "bound=8", "  mov rdi, rsp\n  call leaf\n  ret"),
        rule::kStackPointer);
    EXPECT_REJECT(
        two("bound=0\n  args int", "  ret", "bound=8", "  mov rdi, rbx\n  call leaf\n  ret"),
        rule::kOpaque);
    EXPECT_REJECT(two("bound=0\n  args int", "  ret", "bound=8", "  call leaf\n  ret"),
                  rule::kUninit);
}

TEST(Call, CallerSavedRegistersAreClobbered) {
    EXPECT_REJECT(two("bound=0", "  ret", "bound=8",
                      "  mov ecx, 5\n  call leaf\n  mov rdx, rcx\n  inc rdx\n  ret"),
                  rule::kUninit);
    for (const char *r : {"rax", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11"}) {
        std::string body = std::string("  xor eax, eax\n  mov ") + r +
                           ", rax\n  call leaf\n  mov qword ptr [rip + obj], " + r + "\n  ret";
        SCOPED_TRACE(r);
        EXPECT_REJECT(two("bound=0", "  ret", "bound=8", body), rule::kUninit);
    }
}

TEST(Call, CalleeSavedRegistersSurvive) {
    EXPECT_ACCEPT(
        two("bound=0", "  ret", "frame=8 bound=16",
            "  push rbx\n  mov ebx, 70\n  call leaf\n" + probe("rbx") + "  pop rbx\n  ret"));
}

TEST(Call, FlagsAreUnreadableAfterACall) {
    EXPECT_REJECT_MSG(two("bound=0", "  ret", "bound=8\n  args int int",
                          "  cmp rdi, rsi\n  call leaf\n  jb 1f\n1:\n  ret"),
                      rule::kFlags, "flags");
}

TEST(Call, OnlyEarlierFunctionsInTheCallOrder) {
    EXPECT_REJECT_MSG(one("bound=4096", "  call main\n  ret"), rule::kCallOrder, "call order");
    // main is certified first (order 0): it cannot call leaf (order 1).
    EXPECT_REJECT(prog("function main bound=8\nfunction leaf bound=0",
                       fn("leaf", "  ret") + fn("main", "  call leaf\n  ret")),
                  rule::kCallOrder);
    // An explicit order may differ from the text order.
    EXPECT_ACCEPT(
        prog("function main bound=8 order=1\nfunction leaf bound=0 order=0",
             fn("main", "  call __ktal_helper_fuel\n  call leaf\n  ret") + fn("leaf", "  ret")));
    // Mutual recursion.
    EXPECT_REJECT(prog("function f bound=8\nfunction g bound=16\nfunction main bound=24",
                       fn("f", "  call g\n  ret") + fn("g", "  call f\n  ret") +
                           fn("main", "  call g\n  ret")),
                  rule::kCallOrder);
}

TEST(Call, NeedsAFuelPointSinceEntryOrTheLoopHead) {
    const std::string cert = "function leaf bound=0\nfunction main bound=8";
    auto body = [&](const std::string &main_body) {
        return prog(cert, fn("leaf", "  ret") + fn("main", main_body));
    };
    // A call tree without loops still runs 2^depth calls: each activation that
    // calls program code must pass a fuel point first.
    EXPECT_REJECT_MSG(body("  call leaf\n  ret"), rule::kFuelCall, "fuel point");
    EXPECT_ACCEPT(body("  call __ktal_helper_fuel\n  call leaf\n  call leaf\n  ret"));
    // Helpers need none.
    EXPECT_ACCEPT(body("  call __ktal_helper_getpid\n  ret"));
    // A loop head starts a new count: the entry's fuel point does not cover
    // a call in the loop body, the head's own does.
    const std::string loop_cert = cert + "\n  block @top: rsp=stack[0] saved";
    EXPECT_REJECT(prog(loop_cert, fn("leaf", "  ret") +
                                      fn("main", "  call __ktal_helper_fuel\ntop:\n  call leaf\n  "
                                                 "call __ktal_helper_fuel\n  jmp top")),
                  rule::kFuelCall);
    EXPECT_ACCEPT(
        prog(loop_cert, fn("leaf", "  ret") +
                            fn("main", "top:\n  call __ktal_helper_fuel\n  call leaf\n  jmp top")));
    // A certified block cannot claim a fuel point its loop did not pass.
    EXPECT_REJECT(
        prog(loop_cert + " fuel",
             fn("leaf", "  ret") + fn("main", "  call __ktal_helper_fuel\ntop:\n  call leaf\n  "
                                              "call __ktal_helper_fuel\n  jmp top")),
        rule::kEdge);
}

// `cmp qword ptr [rip + F], 0; je +5; call fuel` is one instruction form: a
// fuel point that calls the helper only when the fuel word F is set (F the
// fuel word, and the call the fuel helper's, or it is not that form).
std::string inline_fuel(const std::string &word = "__ktal_fuel_word",
                        const std::string &callee = "__ktal_helper_fuel") {
    return "  cmp qword ptr [rip + " + word + "], 0\n  je 1f\n  call " + callee + "\n1:\n";
}
const std::string kInlineFuel = inline_fuel();

TEST(Call, InlineFuelPointReadsTheFuelWord) {
    const std::string cert = "function leaf bound=0\nfunction main bound=8";
    auto body = [&](const std::string &main_body) {
        return prog(cert, fn("leaf", "  ret") + fn("main", main_body));
    };
    EXPECT_ACCEPT(body(kInlineFuel + "  call leaf\n  ret"));
    // It clobbers r11 and the flags, as the call it may make does.
    EXPECT_REJECT(body(kInlineFuel + "  add r11, 1\n  ret"), rule::kUninit);
    // The same bytes with another word or another callee are no fuel point
    // but three instructions, each typed as usual (program code has this
    // shape: `if (g == 0) ... else f()`; decoded as one, it was refused, and
    // a jump to its call landed inside an instruction; gcc's torture test
    // loop-3c at -O0). So a conditional call of the fuel helper after a
    // compare of a sandbox word leaves no fuel point on the path that skips
    // it, and leaf needs one;
    EXPECT_REJECT(body(inline_fuel("obj") + "  call leaf\n  ret"), rule::kFuelCall);
    EXPECT_ACCEPT(body(inline_fuel("obj") + "  ret"));
    // a read of the fuel word as data lies outside every region here (in
    // ktal-cc's images it is rodata's padding); an image offset below
    // rodata is code.
    EXPECT_REJECT(body(inline_fuel("__ktal_fuel_word", "__ktal_helper_getpid") + "  ret"),
                  rule::kBounds);
    EXPECT_REJECT(body(inline_fuel("__ktal_fuel_word", "__ktal_helper_exit") +
                       "  mov qword ptr [rdi], 0\n  ret"),
                  rule::kBounds);
    EXPECT_REJECT(
        body("  call __ktal_helper_fuel\n" + inline_fuel("__ktal_fuel_word", "leaf") + "  ret"),
        rule::kBounds);
    EXPECT_REJECT(body(inline_fuel("__ktal_helper_exit") + "  ret"), rule::kCodeAddress);
    // Any other form is no fuel point but a plain read of the fuel word, which
    // here lies outside every region: a compare with 1, or a je that skips
    // more than the call.
    const std::string loop = cert + "\n  block @top: rsp=stack[0] saved";
    EXPECT_REJECT(prog(loop, fn("leaf", "  ret") +
                                 fn("main", "top:\n  cmp qword ptr [rip + __ktal_fuel_word], 1\n"
                                            "  je 1f\n  call __ktal_helper_fuel\n1:\n  jmp top")),
                  rule::kBounds);
    EXPECT_REJECT(prog(loop, fn("leaf", "  ret") +
                                 fn("main", "top:\n  cmp qword ptr [rip + __ktal_fuel_word], 0\n"
                                            "  je 1f\n  call __ktal_helper_fuel\n  nop\n1:\n"
                                            "  jmp top")),
                  rule::kBounds);
}

TEST(Call, InlineFuelPointIsOneInstruction) {
    // A loop head inside it, on its call, would skip the test of the word.
    EXPECT_REJECT(prog("function main bound=8\n  block @mid: rsp=stack[0] saved",
                       fn("main", "  cmp qword ptr [rip + __ktal_fuel_word], 0\n  je 1f\nmid:\n"
                                  "  call __ktal_helper_fuel\n1:\n  jmp mid")),
                  rule::kBlockMidInsn);
    // At a loop head, or before the backward jump, it serves the loop.
    const std::string loop = "function main bound=8\n  block @top: rsp=stack[0] saved";
    EXPECT_ACCEPT(prog(loop, fn("main", "top:\n" + kInlineFuel + "  jmp top")));
    EXPECT_ACCEPT(prog(loop, fn("main", "top:\n  nop\n" + kInlineFuel + "  jmp top")));
    EXPECT_REJECT(prog(loop, fn("main", kInlineFuel + "top:\n  nop\n  jmp top")), rule::kFuel);
}

TEST(Call, TargetMustBeAFunctionEntryOrAHelperSlot) {
    EXPECT_REJECT_MSG(two("bound=0", "  nop\n  ret", "bound=8", "  call leaf + 1\n  ret"),
                      rule::kCallTarget, "neither a function nor a helper");
    EXPECT_REJECT_MSG(one("bound=8", "  call __ktal_helper_fuel + 4\n  ret"), rule::kCallTarget,
                      "middle of a helper slot");
    EXPECT_REJECT(one("bound=8", "  call 1f\n1:\n  ret"), rule::kCallTarget);
}

// --- stack bounds ---

TEST(Stack, EntryBoundAgainstTheBudget) {
    EXPECT_REJECT_MSG(one("bound=8192", "  ret"), rule::kStackBudget, "budget");
    EXPECT_TRUE(run(one("bound=8192", "  ret"), 8192).accepted());
    EXPECT_ACCEPT(one("bound=4096", "  ret"));
}

TEST(Stack, FrameLargerThanTheBound) {
    EXPECT_REJECT_MSG(one("frame=16 bound=8", "  ret"), rule::kStackBound, "frame");
}

TEST(Stack, HelperCallNeedsRoomForItsReturnAddress) {
    EXPECT_ACCEPT(one("bound=8", "  call __ktal_helper_getpid\n  ret"));
    EXPECT_REJECT(one("bound=0", "  call __ktal_helper_getpid\n  ret"), rule::kStackBound);
    EXPECT_REJECT(
        one("frame=8 bound=8", "  push rbx\n  call __ktal_helper_getpid\n  pop rbx\n  ret"),
        rule::kStackBound);
    EXPECT_ACCEPT(
        one("frame=8 bound=16", "  push rbx\n  call __ktal_helper_getpid\n  pop rbx\n  ret"));
}

TEST(Stack, CalleeBoundAddsToTheCallersDepth) {
    EXPECT_ACCEPT(two("frame=16 bound=16", "  sub rsp, 16\n  add rsp, 16\n  ret", "bound=24",
                      "  call leaf\n  ret"));
    Outcome o = run(two("frame=16 bound=16", "  sub rsp, 16\n  add rsp, 16\n  ret", "bound=23",
                        "  call leaf\n  ret"));
    EXPECT_EQ(o.rule(), rule::kStackBound) << o.describe();
    EXPECT_NE(o.found().find("24 bytes"), std::string::npos) << o.describe();
    EXPECT_REJECT(two("frame=16 bound=16", "  sub rsp, 16\n  add rsp, 16\n  ret",
                      "frame=8 bound=24", "  push rbx\n  call leaf\n  pop rbx\n  ret"),
                  rule::kStackBound);
}

// --- helpers ---

TEST(Helper, ArgumentsMustBeData) {
    const char *ok =
        "  mov edi, 1\n  lea rsi, [rip + obj]\n  mov edx, 64\n  call __ktal_helper_write\n  ret";
    EXPECT_ACCEPT(one("bound=8", ok));
    Outcome o = run(
        one("bound=8", "  mov edi, 1\n  lea rsi, [rip + obj]\n  call __ktal_helper_write\n  ret"));
    EXPECT_EQ(o.rule(), rule::kUninit) << o.describe();
    EXPECT_NE(o.expected().find("rdx for write"), std::string::npos) << o.describe();
    EXPECT_REJECT(
        one("bound=8",
            "  mov edi, 1\n  mov rsi, rsp\n  mov edx, 8\n  call __ktal_helper_write\n  ret"),
        rule::kStackPointer);
    EXPECT_REJECT(
        one("bound=8",
            "  mov edi, 1\n  mov rsi, rbp\n  mov edx, 8\n  call __ktal_helper_write\n  ret"),
        rule::kOpaque);
    // Only as many registers as the helper takes: getpid reads none.
    EXPECT_ACCEPT(one("bound=8", "  call __ktal_helper_getpid\n  ret"));
    EXPECT_ACCEPT(one("bound=8", "  xor edi, edi\n  call __ktal_helper_close\n  ret"));
    EXPECT_REJECT(one("bound=8", "  call __ktal_helper_close\n  ret"), rule::kUninit);
}

TEST(Helper, ResultIsAnyIntegerAndCallerSavedRegistersAreLost) {
    EXPECT_ACCEPT(
        one("frame=8 bound=16", "  push rax\n  call __ktal_helper_getpid\n  and eax, 63\n" +
                                    probe("rax") + "  pop rcx\n  ret"));
    EXPECT_REJECT(one("frame=8 bound=16", "  push rax\n  call __ktal_helper_getpid\n" +
                                              probe("rax") + "  pop rcx\n  ret"),
                  rule::kBounds);
    EXPECT_REJECT(one("frame=8 bound=16\n  args int",
                      "  push rax\n  call __ktal_helper_getpid\n  add rax, rdi\n  pop rcx\n  ret"),
                  rule::kUninit);
}

TEST(Helper, FuelPreservesEverythingButR11) {
    EXPECT_ACCEPT(one(
        "bound=8\n  args int int int",
        "  and edi, 63\n  mov esi, 70\n  mov edx, 1\n  mov ecx, 2\n  xor r8d, r8d\n  xor r9d, r9d\n"
        "  xor r10d, r10d\n  xor eax, eax\n  call __ktal_helper_fuel\n" +
            probe("rdi") + probe("rsi") + probe("rdx") + probe("rcx") + probe("r8") + probe("r9") +
            probe("rax") + "  ret"));
    EXPECT_REJECT_MSG(
        one("bound=8",
            "  xor r11d, r11d\n  call __ktal_helper_fuel\n  mov qword ptr [rip + obj], r11\n  ret"),
        rule::kUninit, "uninitialised");
    EXPECT_REJECT(one("bound=8\n  args int int",
                      "  cmp rdi, rsi\n  call __ktal_helper_fuel\n  jb 1f\n1:\n  ret"),
                  rule::kFlags);
}

TEST(Helper, NoReturnHelpersEndThePath) {
    // What follows exit or trap is never reached (but is still decoded).
    EXPECT_ACCEPT(
        one("bound=8\n  args int",
            "  xor edi, edi\n  call __ktal_helper_exit\n  mov rax, qword ptr [rdi]\n  ret"));
    EXPECT_REJECT(one("bound=8\n  args int", "  xor edi, edi\n  call __ktal_helper_exit\n  hlt"),
                  rule::kForbiddenOpcode);
    EXPECT_REJECT(one("bound=8", "  call __ktal_helper_exit"),
                  rule::kUninit); // exit reads its status
}

// --- returns ---

TEST(Ret, RspMustBeBackAtTheEntryValue) {
    EXPECT_ACCEPT(one("frame=16 bound=16", "  sub rsp, 16\n  add rsp, 16\n  ret"));
    Outcome o = run(one("frame=16 bound=16", "  sub rsp, 16\n  add rsp, 8\n  ret"));
    EXPECT_EQ(o.rule(), rule::kRetRsp) << o.describe();
    EXPECT_NE(o.found().find("stack[-8]"), std::string::npos) << o.describe();
    EXPECT_REJECT(one("frame=8 bound=8", "  push rax\n  ret"), rule::kRetRsp);
}

TEST(Ret, CalleeSavedRegistersMustHoldTheCallersValues) {
    for (const char *r : {"rbx", "rbp", "r12", "r13", "r14", "r15"}) {
        Outcome o = run(one("bound=0", std::string("  xor eax, eax\n  mov ") + r + ", rax\n  ret"));
        EXPECT_EQ(o.rule(), rule::kRetCalleeSaved) << r << "\n" << o.describe();
        EXPECT_NE(o.expected().find(std::string("saved:") + r), std::string::npos) << o.describe();
    }
    // Swapped between two callee-saved registers: each holds the other's value.
    EXPECT_REJECT(one("bound=0", "  mov rax, rbx\n  mov rbx, r12\n  mov r12, rax\n  ret"),
                  rule::kRetCalleeSaved);
    // Moved away and back: fine.
    EXPECT_ACCEPT(one("bound=0", "  mov rax, rbx\n  xor ebx, ebx\n  mov rbx, rax\n  ret"));
    EXPECT_ACCEPT(one("frame=8 bound=8",
                      "  sub rsp, 8\n  mov qword ptr [rsp], r15\n  xor r15d, r15d\n"
                      "  mov r15, qword ptr [rsp]\n  add rsp, 8\n  ret"));
}

TEST(Ret, ResultMustHaveTheCertifiedType) {
    EXPECT_ACCEPT(one("bound=0\n  args int\n  result int[0,10]", "  mov eax, 10\n  ret"));
    Outcome o = run(one("bound=0\n  args int\n  result int[0,10]", "  mov eax, 11\n  ret"));
    EXPECT_EQ(o.rule(), rule::kRetResult) << o.describe();
    EXPECT_NE(o.expected().find("int[0,10]"), std::string::npos) << o.describe();
    EXPECT_REJECT(one("bound=0\n  result int", "  ret"), rule::kRetResult);
    EXPECT_REJECT(one("bound=0\n  result int", "  mov rax, rsp\n  ret"), rule::kRetResult);
    EXPECT_ACCEPT(one("bound=0\n  result sandbox[0,64]", "  lea rax, [rip + obj2]\n  ret"));
    EXPECT_REJECT(one("bound=0\n  result sandbox[0,64]", "  lea rax, [rip + obj2 + 1]\n  ret"),
                  rule::kRetResult);
}

TEST(Ret, ReturnAddressMovedAndRestoredWhole) {
    EXPECT_ACCEPT(one("bound=0", "  mov rax, qword ptr [rsp]\n  mov qword ptr [rsp], rax\n  ret"));
}

// The return address cannot be disturbed by any program the rules accept
// (every write to [0, 8) is refused where it happens), so ret's own check is
// exercised directly on a state where it was.
TEST(Ret, ReturnAddressNotIntact) {
    Cert cert{};
    Function fn{};
    Fault fault;
    Cell cells[2 + 2], scratch_cells[2 + 2];
    State s, scratch;
    state_init(s, cells, 8);
    state_init(scratch, scratch_cells, 8);
    state_entry(s);
    RuleCtx rc{Ctx{cert, fn, fault}, &scratch};
    Insn ret;
    ret.op = Op::Ret;
    EXPECT_TRUE(rule_ret(rc, s, ret));
    EXPECT_FALSE(s.live);

    state_entry(s);
    s.cell_at(0)[0] = Cell{Value::constant(0), Shape::Lo64, 0xf};
    EXPECT_FALSE(rule_ret(rc, s, ret));
    EXPECT_STREQ(fault.rule, rule::kRetAddr);
    EXPECT_NE(std::string(fault.message.c_str()).find("return address"), std::string::npos);

    Fault f2;
    RuleCtx rc2{Ctx{cert, fn, f2}, &scratch};
    state_entry(s);
    s.cell_at(0)[0] = Cell{Value{}, Shape::Bytes, 0xf};
    EXPECT_FALSE(rule_ret(rc2, s, ret));
    EXPECT_STREQ(f2.rule, rule::kRetAddr);
}

} // namespace
