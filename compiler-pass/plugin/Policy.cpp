// What a ktal program may not contain, reported at the source line with what
// to do instead. Per translation unit in clang, before any optimisation (so
// the errors are about the code as written, at every -O level); again on the
// whole program, where calls to undefined functions can be told apart from
// runtime calls.
#include "Passes.h"

#include "llvm/IR/CFG.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"

#include <map>
#include <set>

using namespace llvm;

namespace ktal {

namespace {

// Reports each error once per source line: unoptimised code spells one
// floating-point expression as several loads, stores and conversions.
struct Reporter {
    bool ok = true;
    std::set<std::string> seen;

    // Without a line of its own (compiler-made instructions), the error is
    // the function's.
    void at(Instruction &i, const Twine &message) {
        DebugLoc loc = i.getDebugLoc();
        std::string key = message.str();
        if (DILocation *l = loc.get())
            key += "@" + l->getFilename().str() + ":" + std::to_string(l->getLine());
        else
            key += "@" + i.getFunction()->getName().str();
        ok = false;
        if (seen.insert(key).second) error_at(*i.getFunction(), loc, message);
    }
};

// A float variable's alloca has no line; its loads and stores do.
bool has_fp(const Instruction &i) {
    if (i.getType()->isFPOrFPVectorTy()) return true;
    for (const Value *op : i.operands())
        if (op->getType()->isFPOrFPVectorTy()) return true;
    return false;
}

bool is_sjlj(StringRef n) {
    return n == "setjmp" || n == "_setjmp" || n == "__sigsetjmp" || n == "sigsetjmp" ||
           n == "longjmp" || n == "_longjmp" || n == "siglongjmp" || n.starts_with("llvm.eh.sjlj");
}

bool uses_sjlj(const Function &f) {
    for (const Instruction &i : instructions(f))
        if (auto *cb = dyn_cast<CallBase>(&i))
            if (const Function *callee = cb->getCalledFunction();
                callee && is_sjlj(callee->getName()))
                return true;
    return false;
}

bool is_thread_call(StringRef n) {
    return n.starts_with("pthread_") || n.starts_with("thrd_") || n == "fork" || n == "vfork" ||
           n == "clone";
}

// Intrinsics that compile to instructions the verifier refuses, with why
// and what to write instead; empty if the intrinsic is fine.
std::string forbidden_intrinsic(Intrinsic::ID id, StringRef name) {
    switch (id) {
    case Intrinsic::trap:
    case Intrinsic::debugtrap:
    case Intrinsic::ubsantrap:
        return "__builtin_trap() is not allowed: it compiles to ud2, and a verified program never "
               "faults; call abort() instead";
    case Intrinsic::returnaddress:
    case Intrinsic::addressofreturnaddress:
    case Intrinsic::frameaddress:
    case Intrinsic::sponentry:
        return "__builtin_return_address, __builtin_frame_address and stack addresses are not "
               "allowed: in ring 0 they are kernel addresses, which a program may not see; pass "
               "what you need as arguments";
    case Intrinsic::read_register:
    case Intrinsic::write_register:
        return "register variables bound to a machine register are not allowed: use an ordinary "
               "variable";
    case Intrinsic::readcyclecounter:
        return "__builtin_readcyclecounter() is not allowed: rdtsc is not an instruction the "
               "verifier admits; use clock_gettime()";
    default: break;
    }
    if (name.starts_with("llvm.x86."))
        return "x86-specific builtins (__builtin_ia32_*, <x86intrin.h>) are not allowed: the "
               "verifier admits only general-purpose integer instructions; write the operation in "
               "C";
    return "";
}

// An error about a global, at its first use in code (a global has no line
// of its own without -g).
void global_error(Module &m, GlobalValue &g, Reporter &r, const Twine &message) {
    if (Instruction *i = first_use(m, g, true)) return r.at(*i, message);
    r.ok = false;
    m.getContext().emitError("ktal: " + message);
}

// The image reaches its data relative to the code (within 2 GB), and
// ktal.ko admits 64 MB images unless told otherwise.
constexpr uint64_t kMaxData = uint64_t(1) << 30;

void check_data_size(Module &m, Reporter &r) {
    const DataLayout &dl = m.getDataLayout();
    uint64_t total = 0, most = 0;
    GlobalVariable *largest = nullptr;
    for (GlobalVariable &g : m.globals()) {
        if (g.isDeclaration()) continue;
        uint64_t size = dl.getTypeAllocSize(g.getValueType());
        total += size;
        if (size > most) most = size, largest = &g;
    }
    if (total > kMaxData)
        global_error(m, *largest, r,
                     "the program's global and static variables take " + std::to_string(total) +
                         " bytes, more than the 1 GiB an image can hold: make '" +
                         largest->getName() + "' smaller");
}

void check_globals(Module &m, bool whole_program, Reporter &r) {
    if (whole_program) check_data_size(m, r);
    for (GlobalVariable &g : m.globals()) {
        if (g.isThreadLocal())
            global_error(m, g, r,
                         "'" + g.getName() +
                             "' is thread-local (_Thread_local or __thread): a ktal program runs "
                             "on one thread, so make it an ordinary global");
        // The runtime calls main (start.c): a variable of that name is no line of the program.
        else if (whole_program && g.getName() == "main") {
            r.ok = false;
            m.getContext().emitError("ktal: 'main' is a variable: the program needs a function "
                                     "int main(int argc, char **argv)");
        }
        // The linker script defines __ktal_* (region bounds); nothing else may be missing.
        else if (whole_program && g.isDeclaration() && !g.getName().starts_with("__ktal_") &&
                 !g.use_empty())
            global_error(m, g, r,
                         "'" + g.getName() +
                             "' is declared but defined nowhere in the program or the ktal "
                             "runtime: define it in one of the source files");
    }
}

void check_call(CallBase &cb, bool whole_program, Reporter &r) {
    if (cb.isInlineAsm())
        return r.at(cb, "inline assembly is not allowed: the verifier only admits machine code it "
                        "can type; write it in C, or use a helper for what needs the kernel");
    // (Also a function called without a prototype, with a type of the call's own.)
    auto *callee = dyn_cast<Function>(cb.getCalledOperand());
    if (!callee) return;
    StringRef n = callee->getName();
    if (is_sjlj(n))
        return r.at(cb, "setjmp/longjmp are not supported (control may only return through ret): "
                        "return an error code instead");
    if (callee->isIntrinsic()) {
        // __builtin_setjmp saves the frame address: the setjmp error says it all.
        bool frame = callee->getIntrinsicID() == Intrinsic::frameaddress;
        if (frame && uses_sjlj(*cb.getFunction())) return;
        std::string why = forbidden_intrinsic(callee->getIntrinsicID(), n);
        if (!why.empty()) r.at(cb, why);
        return;
    }
    if (is_thread_call(n))
        return r.at(
            cb,
            "'" + n +
                "': threads and processes are not supported: a ktal program runs on one thread");
    if (whole_program && callee->isDeclaration() && !is_helper(*callee)) {
        // The call is the runtime's (start.c): no line of the program to show.
        if (n == "main") {
            r.ok = false;
            return cb.getContext().emitError("ktal: the program has no main(): define int main(int "
                                             "argc, char **argv) in one of the source files");
        }
        r.at(cb, "call to '" + n +
                     "', which is neither defined in the program, in the ktal runtime, nor a "
                     "helper: define it, or use what compiler-pass/runtime/include declares");
    }
}

void check_instruction(Instruction &i, bool whole_program, Reporter &r) {
    if (auto *cb = dyn_cast<CallBase>(&i)) {
        check_call(*cb, whole_program, r);
        if (cb->isInlineAsm()) return;
    }
    if (has_fp(i))
        r.at(i, "floating point is not supported in ring 0 (the kernel does not save FPU state for "
                "it): use integer or fixed-point arithmetic");
    if (auto *a = dyn_cast<AllocaInst>(&i); a && !a->isStaticAlloca())
        r.at(i, "a variable-length array or alloca() of a run-time size is not allowed (the stack "
                "is bounded): use a fixed-size array or malloc");
    if (isa<AtomicRMWInst>(i) || isa<AtomicCmpXchgInst>(i) || isa<FenceInst>(i) ||
        (isa<LoadInst>(i) && cast<LoadInst>(i).isAtomic()) ||
        (isa<StoreInst>(i) && cast<StoreInst>(i).isAtomic()))
        r.at(i, "atomic operations are not supported: a ktal program runs on one thread, so use "
                "plain loads and stores");
    if (isa<IndirectBrInst>(i)) {
        // clang makes one indirectbr for the function; each goto *p branches to it.
        const char *msg = "computed goto (goto *p) is not allowed: every jump must land on a block "
                          "the verifier knows; use a switch";
        bool reported = false;
        for (BasicBlock *from : predecessors(i.getParent()))
            if (from->getTerminator()->getDebugLoc())
                r.at(*from->getTerminator(), msg), reported = true;
        if (!reported) r.at(i, msg);
    }
    if (auto *bo = dyn_cast<BinaryOperator>(&i); bo && bo->getType()->getScalarSizeInBits() > 64) {
        auto op = bo->getOpcode();
        if (op == Instruction::UDiv || op == Instruction::SDiv || op == Instruction::URem ||
            op == Instruction::SRem)
            r.at(i, "division of integers wider than 64 bits (__int128) is not supported: it needs "
                    "a library routine that ktal does not have; divide 64-bit values");
    }
}

// Whether `v` names `target`: itself, inside a constant expression or
// aggregate, or in the initializer of a global it names (a table of
// function pointers). `seen` keeps each global's initializer walked once.
bool refers_to(const Value *v, const Value *target, std::map<const Value *, bool> &seen) {
    if (v == target) return true;
    auto *c = dyn_cast<Constant>(v);
    if (!c) return false;
    auto [it, fresh] = seen.try_emplace(c, false);
    if (!fresh) return it->second;
    bool found = false;
    if (auto *g = dyn_cast<GlobalVariable>(c))
        found = g->hasInitializer() && refers_to(g->getInitializer(), target, seen);
    else if (!isa<GlobalValue>(c))
        for (const Value *op : c->operands())
            if ((found = refers_to(op, target, seen))) break;
    seen[c] = found;
    return found;
}

} // namespace

Instruction *first_use(Module &m, const Value &target, bool calls_too) {
    std::map<const Value *, bool> seen;
    Instruction *first = nullptr;
    for (Function &f : m)
        for (Instruction &i : instructions(f))
            for (Use &u : i.operands()) {
                auto *cb = dyn_cast<CallBase>(&i);
                if (!calls_too && cb && cb->isCallee(&u)) continue;
                if (!refers_to(u.get(), &target, seen)) continue;
                if (i.getDebugLoc()) return &i;
                if (!first) first = &i;
            }
    return first;
}

bool check_policy(Module &m, bool whole_program) {
    Reporter r;
    if (!m.getModuleInlineAsm().empty()) {
        // Top-level asm keeps no line: report at the file's first function.
        Function *first = nullptr;
        for (Function &f : m)
            if (!f.isDeclaration() && f.getSubprogram() && !first) first = &f;
        std::string msg = "this file has a top-level asm(...) statement, which is not allowed: the "
                          "verifier only admits machine code it can type; write the code in C";
        if (first)
            error_at(*first, DebugLoc(), msg);
        else
            m.getContext().emitError("ktal: " + msg);
        r.ok = false;
    }
    check_globals(m, whole_program, r);
    for (Function &f : m) {
        if (f.isDeclaration()) continue;
        size_t before = r.seen.size();
        for (Instruction &i : instructions(f)) check_instruction(i, whole_program, r);
        // A float argument or result the body never shows (unused, or optimised away).
        bool fp = f.getReturnType()->isFPOrFPVectorTy();
        for (Argument &a : f.args()) fp |= a.getType()->isFPOrFPVectorTy();
        if (fp && r.seen.size() == before) {
            error_at(f, DebugLoc(),
                     "floating point is not supported in ring 0: '" + f.getName() +
                         "' takes or returns a floating-point value; use integers");
            r.ok = false;
        }
    }
    return r.ok;
}

PreservedAnalyses PolicyPass::run(Module &m, ModuleAnalysisManager &) {
    // Recursion too, while the call graph is still the one in the source
    // (inlining would turn even -> odd -> even into even -> even).
    check_policy(m, false);
    check_recursion(m);
    return PreservedAnalyses::all();
}

} // namespace ktal
