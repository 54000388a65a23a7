// Function pointers become numbers: every function whose address is taken
// gets an index (1, 2, ...) that stands in for its address everywhere, and
// every indirect call becomes a call to a dispatcher that switches on the
// index over the functions of the call's type. The verifier never sees a code
// address as data, and the call graph stays explicit (so recursion through a
// pointer is caught like any other).
#include "Passes.h"

#include "llvm/ADT/SCCIterator.h"
#include "llvm/Analysis/CallGraph.h"
#include "llvm/IR/Instructions.h"

#include <map>
#include <vector>

using namespace llvm;

namespace ktal {

static bool callee_use(const Use &u) {
    auto *cb = dyn_cast<CallBase>(u.getUser());
    return cb && cb->isCallee(&u);
}

bool lower_dispatch(Module &m) {
    // llvm.used only keeps symbols alive; the whole program is here now.
    for (const char *n : {"llvm.used", "llvm.compiler.used"})
        if (GlobalVariable *g = m.getNamedGlobal(n)) g->eraseFromParent();
    bool ok = true;
    std::vector<Function *> taken;
    for (Function &f : m) {
        if (f.isIntrinsic()) continue;
        bool addr = false;
        for (const Use &u : f.uses()) addr |= !callee_use(u);
        if (!addr) continue;
        if (is_helper(f) || f.isVarArg() || f.isDeclaration()) {
            Instruction *at = nullptr;
            for (User *u : f.users())
                if (auto *i = dyn_cast<Instruction>(u)) at = i;
            std::string why = is_helper(f) ? "the address of a helper cannot be taken: call it directly"
                              : f.isVarArg() ? "the address of a variadic function cannot be taken"
                                             : "the address of an undefined function cannot be taken";
            if (at) error_at(*at, why + " ('" + f.getName().str() + "')");
            else m.getContext().emitError("ktal: " + why + " ('" + f.getName() + "')");
            ok = false;
            continue;
        }
        taken.push_back(&f);
    }
    if (!ok) return false;
    Type *i64 = Type::getInt64Ty(m.getContext());
    std::map<Function *, uint64_t> index;
    for (Function *f : taken) {
        uint64_t k = index.size() + 1;
        index[f] = k;
        f->replaceUsesWithIf(ConstantExpr::getIntToPtr(ConstantInt::get(i64, k), f->getType()),
                             [](Use &u) { return !callee_use(u); });
    }
    std::vector<CallInst *> indirect;
    for (Function &f : m)
        for (BasicBlock &bb : f)
            for (Instruction &i : bb)
                if (auto *c = dyn_cast<CallInst>(&i); c && !c->getCalledFunction() && !c->isInlineAsm()) indirect.push_back(c);
    std::map<FunctionType *, Function *> dispatchers;
    for (CallInst *call : indirect) {
        FunctionType *ft = call->getFunctionType();
        if (ft->isVarArg()) {
            error_at(*call, "a call through a pointer to a variadic function is not supported");
            ok = false;
            continue;
        }
        Function *&d = dispatchers[ft];
        if (!d) {
            std::vector<Type *> params{PointerType::get(m.getContext(), 0)};
            params.insert(params.end(), ft->param_begin(), ft->param_end());
            d = Function::Create(FunctionType::get(ft->getReturnType(), params, false), GlobalValue::InternalLinkage,
                                 "__ktal_dispatch." + std::to_string(dispatchers.size()), m);
            copy_codegen_attributes(*d, *call->getFunction());
            BasicBlock *entry = BasicBlock::Create(m.getContext(), "entry", d);
            BasicBlock *bad = BasicBlock::Create(m.getContext(), "no_such_function", d);
            IRBuilder<> b(entry);
            Value *which = b.CreatePtrToInt(d->getArg(0), i64);
            SwitchInst *sw = b.CreateSwitch(which, bad);
            std::vector<Value *> args;
            for (unsigned k = 1; k < d->arg_size(); ++k) args.push_back(d->getArg(k));
            for (Function *f : taken) {
                if (f->getFunctionType() != ft) continue;
                BasicBlock *bb = BasicBlock::Create(m.getContext(), f->getName(), d);
                IRBuilder<> cb(bb);
                CallInst *r = cb.CreateCall(f, args);
                if (ft->getReturnType()->isVoidTy()) cb.CreateRetVoid();
                else cb.CreateRet(r);
                sw->addCase(ConstantInt::get(cast<IntegerType>(i64), index[f]), bb);
            }
            IRBuilder<> tb(bad);
            emit_trap(tb, kTrapDispatch, which);
        }
        std::vector<Value *> args{call->getCalledOperand()};
        args.insert(args.end(), call->arg_begin(), call->arg_end());
        CallInst *direct = CallInst::Create(d, args, "", call->getIterator());
        direct->setDebugLoc(call->getDebugLoc());
        call->replaceAllUsesWith(direct);
        call->eraseFromParent();
    }
    return ok;
}

bool check_recursion(Module &m) {
    CallGraph cg(m);
    bool ok = true;
    for (auto it = scc_begin(&cg); !it.isAtEnd(); ++it) {
        if (!it.hasCycle()) continue;
        const std::vector<CallGraphNode *> &scc = *it;
        std::string cycle;
        for (CallGraphNode *n : scc)
            if (Function *f = n->getFunction()) cycle += (cycle.empty() ? "" : " -> ") + f->getName().str();
        if (Function *first = scc.front()->getFunction()) cycle += " -> " + first->getName().str();
        // Report at a call that closes the cycle.
        Instruction *at = nullptr;
        for (CallGraphNode *n : scc) {
            Function *f = n->getFunction();
            if (!f) continue;
            for (auto &rec : *n)
                for (CallGraphNode *t : scc)
                    if (rec.second == t && rec.first && !at) at = dyn_cast<Instruction>(&*rec.first.value());
        }
        std::string msg = "recursion (" + cycle + ") is not allowed: ring 0 runs on a small, statically bounded "
                          "kernel stack; rewrite it with a loop and an explicit stack";
        if (at) error_at(*at, msg);
        else m.getContext().emitError("ktal: " + msg);
        ok = false;
    }
    return ok;
}

} // namespace ktal
