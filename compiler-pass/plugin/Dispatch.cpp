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
#include "llvm/IR/IntrinsicInst.h"

#include <algorithm>
#include <map>
#include <set>
#include <vector>

using namespace llvm;

namespace ktal {

static bool callee_use(const Use &u) {
    auto *cb = dyn_cast<CallBase>(u.getUser());
    return cb && cb->isCallee(&u);
}

// A call with six arguments leaves no register for a dispatcher's index:
// the choice among `targets` is made at the call site instead.
static void dispatch_in_place(CallInst *call, const std::vector<Function *> &targets,
                              std::map<Function *, uint64_t> &index) {
    LLVMContext &ctx = call->getContext();
    Type *i64 = Type::getInt64Ty(ctx);
    Function *f = call->getFunction();
    BasicBlock *before = call->getParent();
    BasicBlock *after = before->splitBasicBlock(call->getIterator(), "dispatch.done");
    before->getTerminator()->eraseFromParent();
    IRBuilder<> b(before);
    b.SetCurrentDebugLocation(call->getDebugLoc());
    Value *which = b.CreatePtrToInt(call->getCalledOperand(), i64);
    BasicBlock *bad = BasicBlock::Create(ctx, "dispatch.none", f, after);
    SwitchInst *sw = b.CreateSwitch(which, bad);
    PHINode *result = nullptr;
    if (!call->getType()->isVoidTy())
        result = PHINode::Create(call->getType(), targets.size(), "", after->begin());
    std::vector<Value *> args(call->arg_begin(), call->arg_end());
    for (Function *t : targets) {
        BasicBlock *bb = BasicBlock::Create(ctx, "dispatch." + t->getName(), f, after);
        IRBuilder<> cb(bb);
        cb.SetCurrentDebugLocation(call->getDebugLoc());
        CallInst *r = cb.CreateCall(t, args);
        cb.CreateBr(after);
        if (result) result->addIncoming(r, bb);
        sw->addCase(ConstantInt::get(cast<IntegerType>(i64), index[t]), bb);
    }
    IRBuilder<> tb(bad);
    tb.SetCurrentDebugLocation(call->getDebugLoc());
    emit_trap(tb, kTrapDispatch, which);
    if (result) call->replaceAllUsesWith(result);
    call->eraseFromParent();
}

// `int main(void)`: the runtime's start calls main(argc, argv), which C
// allows main not to take. That call has a type other than main's, so LLVM
// sees it as a call through a pointer (no function of its type is taken:
// an error below); it becomes a direct call without the arguments.
static void call_main_as_defined(Module &m) {
    Function *main = m.getFunction("main");
    if (!main || main->isDeclaration() || main->arg_size() != 0) return;
    for (User *u : make_early_inc_range(main->users())) {
        auto *call = dyn_cast<CallInst>(u);
        if (!call || call->getCalledOperand() != main ||
            call->getFunctionType() == main->getFunctionType() ||
            call->getType() != main->getReturnType())
            continue;
        CallInst *direct = CallInst::Create(main, {}, "", call->getIterator());
        direct->setDebugLoc(call->getDebugLoc());
        call->replaceAllUsesWith(direct);
        call->eraseFromParent();
    }
}

// Whether a value of type `from` can be read as `to` as the register that
// carries it would hold it (integers extended or cut, pointers and 64-bit
// integers alike), and that reading.
static bool readable_as(Type *from, Type *to) {
    return from == to || ((from->isIntegerTy() || from->isPointerTy()) &&
                          (to->isIntegerTy() || to->isPointerTy()));
}
static Value *as_type(IRBuilder<> &b, Value *v, Type *to) {
    Type *i64 = b.getInt64Ty();
    if (v->getType() == to) return v;
    if (v->getType()->isPointerTy()) v = b.CreatePtrToInt(v, i64);
    if (to->isPointerTy()) return b.CreateIntToPtr(b.CreateSExtOrTrunc(v, i64), to);
    return b.CreateSExtOrTrunc(v, to);
}

// A direct call whose type is not its callee's (a call without a prototype:
// `abort()` with no declaration is `int abort()`, `memset(p, 0, 10)` passes
// an int for a size_t) calls the function as defined: each argument as its
// parameter's type, the result as the call's (zero from a function that
// returns none). -O2's instcombine rewrites most such calls; -O0 does not.
// Left as it is (an error later) if some argument or the result has no
// such reading.
static void call_as_defined(CallInst *c, Function *callee) {
    FunctionType *ft = callee->getFunctionType();
    unsigned fixed = ft->getNumParams();
    if (c->arg_size() < fixed || (!ft->isVarArg() && c->arg_size() != fixed)) return;
    for (unsigned k = 0; k < fixed; ++k)
        if (!readable_as(c->getArgOperand(k)->getType(), ft->getParamType(k)) ||
            callee->hasParamAttribute(k, Attribute::ByVal) ||
            callee->hasParamAttribute(k, Attribute::StructRet))
            return;
    bool result = !c->getType()->isVoidTy() && !c->use_empty();
    if (result && !ft->getReturnType()->isVoidTy() &&
        !readable_as(ft->getReturnType(), c->getType()))
        return;
    IRBuilder<> b(c);
    std::vector<Value *> args;
    for (unsigned k = 0; k < c->arg_size(); ++k) // (variadic ones as passed)
        args.push_back(k < fixed ? as_type(b, c->getArgOperand(k), ft->getParamType(k))
                                 : c->getArgOperand(k));
    CallInst *n = b.CreateCall(ft, callee, args);
    n->setDebugLoc(c->getDebugLoc());
    n->setCallingConv(callee->getCallingConv());
    if (result)
        c->replaceAllUsesWith(ft->getReturnType()->isVoidTy() ? Constant::getNullValue(c->getType())
                                                              : as_type(b, n, c->getType()));
    c->eraseFromParent();
}

// Calls without a prototype (`void (*f)()`, `int g();`: C before C23) have
// a variadic type whose fixed parameters are the promoted arguments. A
// direct one calls its function as defined (above); through a pointer, one
// with no variadic argument is a call of a plain function with those
// parameters, which dispatch then chooses among. (Through a pointer to a
// variadic function there is no dispatch either way.)
static void call_unprototyped_as_plain(Module &m) {
    std::vector<CallInst *> calls;
    for (Function &f : m)
        for (BasicBlock &bb : f)
            for (Instruction &i : bb)
                if (auto *c = dyn_cast<CallInst>(&i);
                    c && !c->isInlineAsm() && !c->getCalledFunction() && !isa<IntrinsicInst>(c))
                    calls.push_back(c);
    for (CallInst *c : calls) {
        if (auto *callee = dyn_cast<Function>(c->getCalledOperand())) {
            if (!callee->isDeclaration() && !callee->isIntrinsic() &&
                callee->getName() != "main") // (call_main_as_defined's)
                call_as_defined(c, callee);  // else: an error below
            continue;
        }
        FunctionType *ft = c->getFunctionType();
        if (!ft->isVarArg() || c->arg_size() != ft->getNumParams()) continue;
        FunctionType *plain = FunctionType::get(c->getType(), ft->params(), false);
        std::vector<Value *> args(c->arg_begin(), c->arg_end());
        CallInst *n = CallInst::Create(plain, c->getCalledOperand(), args, "", c->getIterator());
        n->setDebugLoc(c->getDebugLoc());
        n->setCallingConv(c->getCallingConv());
        n->setAttributes(c->getAttributes());
        c->replaceAllUsesWith(n);
        c->eraseFromParent();
    }
}

bool lower_dispatch(Module &m) {
    // llvm.used only keeps symbols alive; the whole program is here now.
    for (const char *n : {"llvm.used", "llvm.compiler.used"})
        if (GlobalVariable *g = m.getNamedGlobal(n)) g->eraseFromParent();
    call_main_as_defined(m);
    call_unprototyped_as_plain(m);
    bool ok = true;
    std::vector<Function *> taken;
    for (Function &f : m) {
        if (f.isIntrinsic()) continue;
        bool addr = false;
        for (const Use &u : f.uses()) addr |= !callee_use(u);
        if (!addr) continue;
        if (is_helper(f) || f.isVarArg() || f.isDeclaration()) {
            Instruction *at = first_use(m, f, false);
            std::string name = "'" + f.getName().str() + "'";
            std::string why =
                is_helper(f)
                    ? "the address of the helper " + name + " cannot be taken: call it directly"
                : f.isVarArg()
                    ? "the address of the variadic function " + name +
                          " cannot be taken (its arguments are "
                          "laid out per call): call it directly, or take the address of a wrapper "
                          "with fixed arguments"
                    : "the address of " + name +
                          " cannot be taken: it is defined nowhere in the program or the "
                          "ktal runtime";
            if (at)
                error_at(*at, why);
            else
                m.getContext().emitError("ktal: " + why);
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
                if (auto *c = dyn_cast<CallInst>(&i);
                    c && !c->getCalledFunction() && !c->isInlineAsm())
                    indirect.push_back(c);
    std::map<FunctionType *, Function *> dispatchers;
    for (CallInst *call : indirect) {
        FunctionType *ft = call->getFunctionType();
        if (auto *f = dyn_cast<Function>(call->getCalledOperand())) {
            error_at(*call, "call to '" + f->getName() +
                                "' whose arguments do not match its parameters (through a "
                                "declaration without them?): declare its parameters");
            ok = false;
            continue;
        }
        if (ft->isVarArg()) {
            error_at(*call, "a call through a pointer to a variadic function is not supported (its "
                            "arguments are "
                            "laid out per call): call the function directly");
            ok = false;
            continue;
        }
        // A pointer no function of its type could have been stored in is null
        // or was cast from another type: either way the call cannot work.
        if (std::none_of(taken.begin(), taken.end(),
                         [&](Function *f) { return f->getFunctionType() == ft; })) {
            std::string type;
            raw_string_ostream(type) << *ft;
            error_at(*call, "a call through a function pointer of type '" + type +
                                "', but no function of that "
                                "type has its address taken: ktal calls through a pointer by "
                                "choosing among the "
                                "functions of its exact type whose address the program takes; "
                                "point it at such a "
                                "function, or call the function directly");
            ok = false;
            continue;
        }
        if (ft->getNumParams() >= 6) {
            std::vector<Function *> targets;
            for (Function *f : taken)
                if (f->getFunctionType() == ft) targets.push_back(f);
            dispatch_in_place(call, targets, index);
            continue;
        }
        Function *&d = dispatchers[ft];
        if (!d) {
            std::vector<Type *> params{PointerType::get(m.getContext(), 0)};
            params.insert(params.end(), ft->param_begin(), ft->param_end());
            d = Function::Create(FunctionType::get(ft->getReturnType(), params, false),
                                 GlobalValue::InternalLinkage,
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
                if (ft->getReturnType()->isVoidTy())
                    cb.CreateRetVoid();
                else
                    cb.CreateRet(r);
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

// How a cycle reads to the programmer: a dispatcher is a call through a pointer.
static std::string shown(const Function &f) {
    return f.getName().starts_with("__ktal_dispatch.") ? "(call through a function pointer)"
                                                       : f.getName().str();
}

bool check_recursion(Module &m) {
    CallGraph cg(m);
    bool ok = true;
    for (auto it = scc_begin(&cg); !it.isAtEnd(); ++it) {
        if (!it.hasCycle()) continue;
        std::set<Function *> scc;
        for (CallGraphNode *n : *it)
            if (Function *f = n->getFunction()) scc.insert(f);
        // A real cycle through the component (not just its members in some
        // order), breadth-first from its first function in the source.
        Function *start = nullptr;
        for (Function &f : m)
            if (scc.count(&f) && (!start || start->getName().starts_with("__ktal_"))) start = &f;
        if (!start) continue;
        std::map<Function *, std::pair<Function *, Instruction *>> from; // callee -> (caller, call)
        std::vector<Function *> queue{start};
        Instruction *closing = nullptr;
        Function *last = nullptr;
        for (size_t k = 0; k < queue.size() && !closing; ++k) {
            for (const auto &rec : *cg[queue[k]]) {
                Function *t = rec.second->getFunction();
                auto *call = rec.first
                                 ? dyn_cast_or_null<Instruction>(static_cast<Value *>(*rec.first))
                                 : nullptr;
                if (!t || !scc.count(t) || !call) continue;
                if (t == start) {
                    closing = call, last = queue[k];
                    break;
                }
                if (from.emplace(t, std::make_pair(queue[k], call)).second) queue.push_back(t);
            }
        }
        // start -> ... -> last -> start, and the calls along it, closing call first.
        std::vector<Function *> path;
        std::vector<Instruction *> calls{closing};
        for (Function *f = last; closing && f != start; f = from[f].first)
            path.push_back(f), calls.push_back(from[f].second);
        path.push_back(start);
        std::string cycle;
        for (auto f = path.rbegin(); f != path.rend(); ++f) cycle += shown(**f) + " -> ";
        cycle += shown(*start);
        // Reported at the last call of the cycle that has a source line (the
        // calls a dispatcher makes have none).
        Instruction *at = nullptr;
        for (Instruction *c : calls)
            if (c && c->getDebugLoc() && !at) at = c;
        if (!at) at = closing;
        std::string msg = "recursion (" + cycle +
                          ") is not allowed: ring 0 runs on a small, statically bounded "
                          "kernel stack; rewrite it with a loop and an explicit stack";
        if (at)
            error_at(*at, msg);
        else
            m.getContext().emitError("ktal: " + msg);
        ok = false;
    }
    return ok;
}

} // namespace ktal
