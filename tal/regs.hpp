// x86-64 general-purpose registers in hardware numbering, and the SysV roles
// the typing rules rely on.
#pragma once

#include "tal/types.hpp"

namespace ktal {

// clang-format off
enum Reg : u8 {
    RAX, RCX, RDX, RBX, RSP, RBP, RSI, RDI, R8, R9, R10, R11, R12, R13, R14, R15,
    kNumRegs, kNoReg = 0xff
};
// clang-format on

inline constexpr u8 kArgRegs[6] = {RDI, RSI, RDX, RCX, R8, R9};

constexpr bool is_callee_saved(u8 r) {
    return r == RBX || r == RBP || r == R12 || r == R13 || r == R14 || r == R15;
}

// Registers a call to a certified function or an ordinary helper may change.
constexpr bool is_caller_saved(u8 r) {
    return r != RSP && !is_callee_saved(r);
}

inline const char *reg_name(u8 r) {
    static const char *const names[kNumRegs] = {"rax", "rcx", "rdx", "rbx", "rsp", "rbp",
                                                "rsi", "rdi", "r8",  "r9",  "r10", "r11",
                                                "r12", "r13", "r14", "r15"};
    return r < kNumRegs ? names[r] : "?";
}

} // namespace ktal
