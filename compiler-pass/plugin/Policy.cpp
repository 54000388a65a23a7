// What a ktal program may not contain, reported at the source line with what
// to do instead. Per translation unit in clang; again on the whole program,
// where calls to undefined functions can be told apart from runtime calls.
#include "Passes.h"

#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"

using namespace llvm;

namespace ktal {

static bool has_fp(const Instruction &i) {
    if (i.getType()->isFPOrFPVectorTy()) return true;
    for (const Value *op : i.operands())
        if (op->getType()->isFPOrFPVectorTy()) return true;
    if (auto *a = dyn_cast<AllocaInst>(&i)) return a->getAllocatedType()->isFPOrFPVectorTy();
    return false;
}

static bool is_sjlj(StringRef n) {
    return n == "setjmp" || n == "_setjmp" || n == "__sigsetjmp" || n == "sigsetjmp" || n == "longjmp" ||
           n == "_longjmp" || n == "siglongjmp" || n.starts_with("llvm.eh.sjlj");
}

bool check_policy(Module &m, bool whole_program) {
    bool ok = true;
    if (!m.getModuleInlineAsm().empty()) {
        Function *any = nullptr;
        for (Function &f : m)
            if (!f.isDeclaration()) any = &f;
        StringRef msg = "module-level asm(...) is not allowed: the verifier only admits machine code it can type; "
                        "write the code in C";
        if (any) error_at(*any, DebugLoc(), msg);
        else m.getContext().emitError(Twine("ktal: ") + msg);
        ok = false;
    }
    for (Function &f : m) {
        if (f.isDeclaration()) continue;
        for (Instruction &i : instructions(f)) {
            if (auto *cb = dyn_cast<CallBase>(&i)) {
                if (cb->isInlineAsm()) {
                    error_at(i, "inline assembly is not allowed: the verifier only admits machine code it can type; "
                                "write it in C, or use a helper for what needs the kernel");
                    ok = false;
                    continue;
                }
                if (Function *callee = cb->getCalledFunction()) {
                    StringRef n = callee->getName();
                    if (is_sjlj(n)) {
                        error_at(i, "setjmp/longjmp are not supported (control may only return through ret): "
                                    "return an error code instead");
                        ok = false;
                    } else if (n.starts_with("pthread_") || n == "fork" || n == "clone") {
                        error_at(i, "threads are not supported: a ktal program runs on one thread");
                        ok = false;
                    } else if (whole_program && callee->isDeclaration() && !callee->isIntrinsic() && !is_helper(*callee)) {
                        error_at(i, "call to '" + n + "', which is neither defined in the program, in the ktal "
                                    "runtime, nor a helper");
                        ok = false;
                    }
                }
            }
            if (has_fp(i)) {
                error_at(i, "floating point is not supported in ring 0 (the kernel does not save FPU state for "
                            "it): use integer or fixed-point arithmetic");
                ok = false;
            }
            if (auto *a = dyn_cast<AllocaInst>(&i); a && !a->isStaticAlloca()) {
                error_at(i, "a variable-length array or alloca() of a run-time size is not allowed (the stack is "
                            "bounded): use a fixed-size array or malloc");
                ok = false;
            }
            if (isa<AtomicRMWInst>(i) || isa<AtomicCmpXchgInst>(i) || isa<FenceInst>(i) ||
                (isa<LoadInst>(i) && cast<LoadInst>(i).isAtomic()) ||
                (isa<StoreInst>(i) && cast<StoreInst>(i).isAtomic())) {
                error_at(i, "atomic operations are not supported: a ktal program runs on one thread, so use plain "
                            "loads and stores");
                ok = false;
            }
        }
        for (Argument &a : f.args()) {
            if (a.getType()->isFPOrFPVectorTy()) {
                DebugLoc at;
                if (DISubprogram *sp = f.getSubprogram()) at = DILocation::get(f.getContext(), sp->getLine(), 0, sp);
                error_at(f, at, "floating point is not supported in ring 0: '" + f.getName() + "' takes a floating-point argument");
                ok = false;
                break;
            }
        }
    }
    return ok;
}

PreservedAnalyses PolicyPass::run(Module &m, ModuleAnalysisManager &) {
    check_policy(m, false);
    return PreservedAnalyses::all();
}

} // namespace ktal
