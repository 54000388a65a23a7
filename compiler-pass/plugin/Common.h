// Shared by the ktal passes: the names the runtime, the linker script and the
// verifier agree on, and the few IR shapes every pass emits.
#pragma once

#include "llvm/IR/DebugLoc.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/Module.h"

#include <cstdint>
#include <string>

namespace ktal {

// Symbols from loader/ktal.ld, loader/slots.S and the runtime.
inline constexpr const char *kRodataStart = "__ktal_rodata_start";
inline constexpr const char *kSandboxStart = "__ktal_sandbox_start";
inline constexpr const char *kUnsafeStackBase = "__ktal_unsafe_stack";
inline constexpr const char *kUnsafeStackPtr = "__ktal_usp";
inline constexpr const char *kHelperPrefix = "__ktal_helper_";

// Trap codes (tal/trap_abi.h).
inline constexpr uint64_t kTrapBounds = 1, kTrapDivide = 2, kTrapStack = 3, kTrapDispatch = 4,
                          kTrapUnreachable = 6;

// The image's region sizes the guards compare against, decided for the whole
// program and passed to the linker (which pads the regions to them).
// Between them lies the fuel word's page (loader/ktal.ld), which loads may read.
struct Layout {
    static constexpr uint64_t kPage = 4096;
    // The first bytes of rodata and of the sandbox, kept empty (loader/ktal.ld)
    // so that a guard may check base + index * scale and leave a constant
    // offset up to this size to the access's displacement (Guards.cpp).
    static constexpr uint64_t kFoldSlack = 4096;
    uint64_t rodata_span = 0;  // bytes from __ktal_rodata_start to the fuel word's page
    uint64_t sandbox_span = 0; // bytes from __ktal_sandbox_start to the image's end
    // What a load may read: from __ktal_rodata_start to the image's end.
    uint64_t load_window() const { return rodata_span + kPage + sandbox_span; }
};

// A compile error at the instruction's source line (or the function's).
void error_at(llvm::Function &f, const llvm::DebugLoc &loc, const llvm::Twine &message);
void error_at(llvm::Instruction &i, const llvm::Twine &message);

// Calls the trap helper with a code and a value (never returns).
void emit_trap(llvm::IRBuilder<> &b, uint64_t code, llvm::Value *what);
// A register copy the optimiser cannot see through: guards use it so that the
// checked value is the one the access uses (no folding base + (p - base) -> p).
llvm::Value *opaque(llvm::IRBuilder<> &b, llvm::Value *v);
// a - b as one sub instruction the optimiser cannot reassociate (it would
// rewrite p - base as p + (-base), a negated pointer no check can use).
llvm::Value *opaque_sub(llvm::IRBuilder<> &b, llvm::Value *a, llvm::Value *c);
// v (i32) through a 32-bit mov the optimiser cannot see through: the machine
// register then holds it zero-extended, so a 32-bit test of it tells the
// verifier about the whole register.
llvm::Value *zero_extended32(llvm::IRBuilder<> &b, llvm::Value *v);
llvm::GlobalVariable *extern_symbol(llvm::Module &m, const char *name);
// The start of the region a guard checks an access against: the sandbox for
// a store, for a load the window from rodata's start to the image's end.
inline llvm::GlobalVariable *guard_region(llvm::Module &m, bool store) {
    return extern_symbol(m, store ? kSandboxStart : kRodataStart);
}
bool is_helper(const llvm::Function &f);
// A static slot in f's entry block.
llvm::AllocaInst *entry_slot(llvm::Function &f, llvm::Type *t, llvm::Align align,
                             const llvm::Twine &name);
// A function of type `type` that takes f's name, attributes, debug info and
// body, f's parameters becoming its own from the `first`-th on; f is left
// empty (its callers are the caller's to rewrite).
llvm::Function *move_body(llvm::Function &f, llvm::FunctionType *type, unsigned first);
// The fuel point: a preserve_all call to the fuel helper.
void emit_fuel(llvm::IRBuilder<> &b);

} // namespace ktal

namespace ktal {
// Gives a function the pass creates the codegen attributes of `like` (target
// features, no red zone, no jump tables, no tail calls...).
void copy_codegen_attributes(llvm::Function &dst, const llvm::Function &like);
} // namespace ktal
