// Variadic functions without stack arguments: a variadic function gets one
// more parameter, a pointer to an array of 8-byte slots holding the variadic
// arguments, and va_start points the va_list's overflow area at it with the
// register areas marked used up — so clang's own va_arg code reads every
// argument from that array. Each call site fills an array (which escapes, so
// it lives on the unsafe stack, in the sandbox). The callee never reads its
// caller's frame.
#include "Passes.h"

#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"

#include <map>
#include <vector>

using namespace llvm;

namespace ktal {

bool lower_varargs(Module &m) {
    LLVMContext &ctx = m.getContext();
    const DataLayout &dl = m.getDataLayout();
    Type *i8 = Type::getInt8Ty(ctx), *i64 = Type::getInt64Ty(ctx);
    PointerType *ptr = PointerType::get(ctx, 0);
    bool ok = true;
    std::vector<Function *> variadic;
    for (Function &f : m)
        if (f.isVarArg() && !f.isDeclaration()) variadic.push_back(&f);
    // One argument array per calling function, as large as its largest call
    // needs; made when the function's first call is rewritten, before any
    // of its calls is (a variadic caller's body moves to its new function,
    // so the array is keyed by where the call is now).
    std::map<Function *, AllocaInst *> areas;
    auto area_of = [&](Function *caller) {
        AllocaInst *&a = areas[caller];
        if (a) return a;
        unsigned slots = 1;
        for (Instruction &i : instructions(*caller))
            if (auto *c = dyn_cast<CallInst>(&i))
                if (Function *callee = c->getCalledFunction(); callee && callee->isVarArg())
                    slots = std::max(
                        slots, unsigned(c->arg_size() - callee->getFunctionType()->getNumParams()));
        return a = entry_slot(*caller, ArrayType::get(i64, slots), Align(16), "ktal.va.args");
    };
    for (Function *f : variadic) {
        FunctionType *ft = f->getFunctionType();
        unsigned fixed = ft->getNumParams();
        std::vector<Type *> params(ft->param_begin(), ft->param_end());
        params.push_back(ptr);
        Function *nf = move_body(*f, FunctionType::get(ft->getReturnType(), params, false), 0);
        Argument *area = nf->getArg(fixed);
        area->setName("ktal.va");
        for (Instruction &i : make_early_inc_range(instructions(*nf))) {
            auto *ii = dyn_cast<IntrinsicInst>(&i);
            if (!ii || ii->getIntrinsicID() != Intrinsic::vastart) continue;
            IRBuilder<> b(ii);
            Value *ap = ii->getArgOperand(0);
            b.CreateStore(b.getInt32(48), ap); // gp_offset: registers used up
            b.CreateStore(b.getInt32(176), b.CreateConstGEP1_64(i8, ap, 4)); // fp_offset: likewise
            b.CreateStore(area, b.CreateConstGEP1_64(i8, ap, 8));            // overflow_arg_area
            b.CreateStore(ConstantPointerNull::get(ptr), b.CreateConstGEP1_64(i8, ap, 16));
            ii->eraseFromParent();
        }
        for (User *u : make_early_inc_range(f->users())) {
            auto *call = dyn_cast<CallInst>(u);
            if (!call || call->getCalledFunction() != f) {
                if (auto *i = dyn_cast<Instruction>(u))
                    error_at(*i, "a variadic function may only be called directly");
                ok = false;
                continue;
            }
            AllocaInst *buf = area_of(call->getFunction());
            IRBuilder<> b(call);
            for (unsigned k = fixed; k < call->arg_size(); ++k) {
                Value *a = call->getArgOperand(k);
                if (call->isByValArgument(k) || dl.getTypeStoreSize(a->getType()) > 8 ||
                    a->getType()->isAggregateType()) {
                    error_at(*call, "a variadic argument larger than 8 bytes (a struct or "
                                    "__int128) is not supported: pass a pointer");
                    ok = false;
                    break;
                }
                b.CreateStore(a, b.CreateConstGEP2_64(buf->getAllocatedType(), buf, 0, k - fixed));
            }
            std::vector<Value *> args(call->arg_begin(), call->arg_begin() + fixed);
            args.push_back(buf);
            CallInst *nc = b.CreateCall(nf, args);
            nc->setDebugLoc(call->getDebugLoc());
            call->replaceAllUsesWith(nc);
            call->eraseFromParent();
        }
        if (f->use_empty()) f->eraseFromParent();
    }
    // va_copy and va_end in every function, not only variadic ones (a
    // vprintf-style function takes a va_list and may copy it): va_copy as a
    // memcpy of the 24-byte va_list, which the guard pass sees like any
    // other (left alone, codegen would expand it into unguarded loads
    // through the va_list pointer); va_end is a no-op on x86-64.
    for (Function &f : m)
        for (Instruction &i : make_early_inc_range(instructions(f))) {
            auto *ii = dyn_cast<IntrinsicInst>(&i);
            if (!ii) continue;
            if (ii->getIntrinsicID() == Intrinsic::vacopy) {
                IRBuilder<> b(ii);
                b.CreateMemCpy(ii->getArgOperand(0), MaybeAlign(8), ii->getArgOperand(1),
                               MaybeAlign(8), 24);
                ii->eraseFromParent();
            } else if (ii->getIntrinsicID() == Intrinsic::vaend) {
                ii->eraseFromParent();
            }
        }
    return ok;
}

} // namespace ktal
