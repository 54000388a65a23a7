// The ktal passes. `ktal-policy` runs in clang (-fpass-plugin) on every
// translation unit and rejects, at the source line, what a ktal program may
// not contain. `ktal-check` runs the same checks on the linked whole program
// before it is optimised (calls to undefined functions, recursion across
// files). `ktal-lower` runs once on the optimised whole program (opt) and
// makes it checkable: direct dispatch for function pointers, no recursion,
// no variadic calls through the stack, escaping locals on the unsafe stack,
// guards before memory accesses and divisions, fuel points in every cycle.
#pragma once

#include "Common.h"

#include "llvm/IR/PassManager.h"

#include <string>

namespace llvm {
class DominatorTree;
class LoopInfo;
} // namespace llvm

namespace ktal {

struct PolicyPass : llvm::PassInfoMixin<PolicyPass> {
    llvm::PreservedAnalyses run(llvm::Module &m, llvm::ModuleAnalysisManager &);
    static bool isRequired() {
        return true;
    } // also on optnone functions: -O0 must not switch policy off
};

struct CheckPass : llvm::PassInfoMixin<CheckPass> {
    llvm::PreservedAnalyses run(llvm::Module &m, llvm::ModuleAnalysisManager &);
    static bool isRequired() { return true; }
};

// Marks small innermost loops to be unrolled (UnrollHints.cpp): runs in opt
// before the whole-program optimisation, whose loop unroller does it.
struct UnrollHintsPass : llvm::PassInfoMixin<UnrollHintsPass> {
    llvm::PreservedAnalyses run(llvm::Function &f, llvm::FunctionAnalysisManager &);
};

// Undef in global initializers becomes zero (StaticZero.cpp): runs on the
// linked whole program, before anything reads the initializers.
struct StaticZeroPass : llvm::PassInfoMixin<StaticZeroPass> {
    llvm::PreservedAnalyses run(llvm::Module &m, llvm::ModuleAnalysisManager &);
    static bool isRequired() { return true; }
};

// The heap arena becomes `bytes` long (0: as the runtime was built;
// Heap.cpp): runs on the runtime before it is linked.
struct HeapPass : llvm::PassInfoMixin<HeapPass> {
    explicit HeapPass(uint64_t n) : bytes(n) {}
    llvm::PreservedAnalyses run(llvm::Module &m, llvm::ModuleAnalysisManager &);
    static bool isRequired() { return true; }
    uint64_t bytes;
};

// Constructors and destructors become direct calls from the runtime's
// __ktal_constructors and __ktal_destructors (Constructors.cpp): runs on the
// linked whole program, first.
struct ConstructorsPass : llvm::PassInfoMixin<ConstructorsPass> {
    llvm::PreservedAnalyses run(llvm::Module &m, llvm::ModuleAnalysisManager &);
    static bool isRequired() { return true; }
};

// Runtime definitions that the program also defines become internal to the
// runtime (Shadow.cpp): runs on the runtime before it is linked.
struct ShadowPass : llvm::PassInfoMixin<ShadowPass> {
    explicit ShadowPass(std::string path) : user_path(std::move(path)) {}
    llvm::PreservedAnalyses run(llvm::Module &m, llvm::ModuleAnalysisManager &);
    static bool isRequired() { return true; }
    std::string user_path; // the program's modules, linked
};

struct LowerOptions {
    std::string hints_path; // where to write the side table for the certifier and the linker
};

struct LowerPass : llvm::PassInfoMixin<LowerPass> {
    explicit LowerPass(LowerOptions o) : opts(std::move(o)) {}
    llvm::PreservedAnalyses run(llvm::Module &m, llvm::ModuleAnalysisManager &);
    static bool isRequired() { return true; }
    LowerOptions opts;
};

// The first instruction (with a source line, if any has one) that uses
// `target`: directly, in a constant expression, or through a global whose
// initializer holds it. Where errors about globals and functions are shown.
llvm::Instruction *first_use(llvm::Module &m, const llvm::Value &target, bool calls_too);

// The steps of ktal-lower; each returns false after reporting an error.
bool check_policy(llvm::Module &m, bool whole_program);
bool lower_dispatch(llvm::Module &m);
bool check_recursion(llvm::Module &m);
bool lower_constructors(llvm::Module &m);
bool size_heap(llvm::Module &m, uint64_t bytes);
void zero_undef_initializers(llvm::Module &m);
void zero_unoptimised_slots(llvm::Module &m);
// Large struct arguments and results through pointers (LargeValues.cpp).
void lower_large_values(llvm::Module &m);
bool lower_varargs(llvm::Module &m);
Layout plan_layout(llvm::Module &m);
bool lower_unsafe_stack(llvm::Module &m, const Layout &l);
// Before the guards: strided offsets as induction variables (StrideOffsets.cpp).
void reduce_strided_offsets(llvm::Function &f, llvm::DominatorTree &dt, llvm::LoopInfo &loops);
bool insert_guards(llvm::Module &m, const Layout &l);
void insert_fuel_points(llvm::Module &m);
void end_unreachable_paths(llvm::Module &m);
bool write_hints(llvm::Module &m, const Layout &l, const std::string &path);

} // namespace ktal
