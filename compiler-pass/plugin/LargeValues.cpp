// Values of more than 8 bytes across calls, without the stack. The x86-64
// ABI passes a large struct argument in the caller's frame (byval) and
// returns 9 to 16 bytes in rdx:rax; the verifier allows neither (arguments in
// the six registers, the result in rax). So a byval parameter becomes a plain
// pointer to a copy that the caller makes, and a large result is stored
// through a pointer to a slot that the caller passes first and reads after
// the call (clang already returns anything larger that way, sret). Both
// copies escape into the call, so they move to the unsafe stack, in the
// sandbox, and the callee's accesses through them are guarded like any other.
#include "Passes.h"

#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"

#include <vector>

using namespace llvm;

namespace ktal {

static std::vector<CallInst *> direct_calls(Function &f) {
    std::vector<CallInst *> calls;
    for (User *u : f.users())
        if (auto *c = dyn_cast<CallInst>(u); c && c->getCalledOperand() == &f) calls.push_back(c);
    return calls;
}

// byval parameters, rewritten in place: the type stays a pointer.
static void lower_byval(Function &f, const DataLayout &dl) {
    unsigned fixed = f.getFunctionType()->getNumParams();
    for (CallInst *c : direct_calls(f))
        for (unsigned k = 0; k < fixed; ++k) {
            if (!c->isByValArgument(k)) continue;
            Type *t = c->getParamByValType(k);
            Align align = std::max(c->getParamAlign(k).valueOrOne(), dl.getABITypeAlign(t));
            AllocaInst *copy = entry_slot(*c->getFunction(), t, align, "ktal.byval");
            IRBuilder<> b(c);
            b.CreateMemCpy(copy, align, c->getArgOperand(k), c->getParamAlign(k),
                           dl.getTypeAllocSize(t))
                ->setDebugLoc(c->getDebugLoc());
            c->setArgOperand(k, copy);
            c->removeParamAttr(k, Attribute::ByVal);
        }
    for (unsigned k = 0; k < fixed; ++k) f.removeParamAttr(k, Attribute::ByVal);
}

// A function's or a call's attributes with the result's slot as the first
// parameter: no result attributes, every parameter's one place on.
static AttributeList with_slot_first(LLVMContext &ctx, const AttributeList &old, unsigned nparams) {
    std::vector<AttributeSet> params{AttributeSet()};
    for (unsigned k = 0; k < nparams; ++k) params.push_back(old.getParamAttrs(k));
    return AttributeList::get(ctx, old.getFnAttrs(), AttributeSet(), params);
}

// A result of more than 8 bytes: a new function that takes the result's
// slot first and returns nothing.
static void lower_large_result(Function &f, const DataLayout &dl) {
    LLVMContext &ctx = f.getContext();
    FunctionType *ft = f.getFunctionType();
    Type *rt = ft->getReturnType();
    std::vector<Type *> params{PointerType::get(ctx, 0)};
    params.insert(params.end(), ft->param_begin(), ft->param_end());
    Function *nf = move_body(f, FunctionType::get(Type::getVoidTy(ctx), params, ft->isVarArg()), 1);
    nf->setAttributes(with_slot_first(ctx, f.getAttributes(), ft->getNumParams()));
    nf->addFnAttr("ktal-result-pointer");
    Argument *out = nf->getArg(0);
    out->setName("ktal.result");
    Align align = dl.getABITypeAlign(rt);
    for (Instruction &i : make_early_inc_range(instructions(*nf)))
        if (auto *r = dyn_cast<ReturnInst>(&i)) {
            IRBuilder<> b(r);
            b.CreateAlignedStore(r->getReturnValue(), out, align)->setDebugLoc(r->getDebugLoc());
            b.CreateRetVoid()->setDebugLoc(r->getDebugLoc());
            r->eraseFromParent();
        }
    for (CallInst *c : direct_calls(f)) {
        AllocaInst *slot = entry_slot(*c->getFunction(), rt, align, "ktal.result");
        std::vector<Value *> args{slot};
        args.insert(args.end(), c->arg_begin(), c->arg_end());
        IRBuilder<> b(c);
        CallInst *nc = b.CreateCall(nf, args);
        nc->setCallingConv(c->getCallingConv()); // -O2 makes internal functions fastcc
        nc->setAttributes(with_slot_first(ctx, c->getAttributes(), c->arg_size()));
        nc->setDebugLoc(c->getDebugLoc());
        LoadInst *result = b.CreateAlignedLoad(rt, slot, align);
        result->setDebugLoc(c->getDebugLoc());
        c->replaceAllUsesWith(result);
        result->takeName(c);
        c->eraseFromParent();
    }
    // What is left are uses of its address (direct dispatch compares them).
    f.replaceAllUsesWith(nf);
    f.eraseFromParent();
}

void lower_large_values(Module &m) {
    const DataLayout &dl = m.getDataLayout();
    std::vector<Function *> byval, large_result;
    for (Function &f : m) {
        if (f.isDeclaration()) continue;
        for (Argument &a : f.args())
            if (a.hasByValAttr()) {
                byval.push_back(&f);
                break;
            }
        Type *rt = f.getReturnType();
        if (!rt->isVoidTy() && dl.getTypeStoreSize(rt) > 8) large_result.push_back(&f);
    }
    for (Function *f : byval) lower_byval(*f, dl);
    for (Function *f : large_result) lower_large_result(*f, dl);
}

} // namespace ktal
