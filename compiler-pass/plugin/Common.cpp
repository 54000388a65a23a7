#include "Common.h"

#include "llvm/IR/DiagnosticInfo.h"
#include "llvm/IR/InlineAsm.h"

using namespace llvm;

namespace ktal {

void error_at(Function &f, const DebugLoc &loc, const Twine &message) {
    f.getContext().diagnose(DiagnosticInfoUnsupported(f, "ktal: " + message, loc, DS_Error));
}

void error_at(Instruction &i, const Twine &message) {
    error_at(*i.getFunction(), i.getDebugLoc(), message);
}

void emit_trap(IRBuilder<> &b, uint64_t code, Value *what) {
    Module &m = *b.GetInsertBlock()->getModule();
    Type *i64 = b.getInt64Ty();
    FunctionCallee trap = m.getOrInsertFunction(
        std::string(kHelperPrefix) + "trap", FunctionType::get(b.getVoidTy(), {i64, i64}, false));
    if (auto *fn = dyn_cast<Function>(trap.getCallee())) fn->setDoesNotReturn();
    if (what->getType()->isPointerTy())
        what = b.CreatePtrToInt(what, i64);
    else if (what->getType() != i64)
        what = b.CreateZExtOrTrunc(what, i64);
    CallInst *c = b.CreateCall(trap, {b.getInt64(code), what});
    c->setDoesNotReturn();
    b.CreateUnreachable();
}

Value *opaque(IRBuilder<> &b, Value *v) {
    auto *asm_ =
        InlineAsm::get(FunctionType::get(v->getType(), {v->getType()}, false), "", "=r,0", false);
    return b.CreateCall(asm_, {v});
}

Value *zero_extended32(IRBuilder<> &b, Value *v) {
    auto *asm_ = InlineAsm::get(FunctionType::get(v->getType(), {v->getType()}, false),
                                "movl ${1:k}, ${0:k}", "=r,r", false);
    return b.CreateCall(asm_, {v});
}

// (sub writes the flags: said, or the backend may schedule it between a
// compare and the adc or jcc that reads it.)
Value *opaque_sub(IRBuilder<> &b, Value *a, Value *c) {
    Type *t = a->getType();
    auto *asm_ = InlineAsm::get(FunctionType::get(t, {t, t}, false), "subq $2, $0",
                                "=r,0,r,~{flags}", false);
    return b.CreateCall(asm_, {a, c});
}

GlobalVariable *extern_symbol(Module &m, const char *name) {
    if (auto *g = m.getNamedGlobal(name)) return g;
    auto *g = new GlobalVariable(m, ArrayType::get(Type::getInt8Ty(m.getContext()), 0), false,
                                 GlobalValue::ExternalLinkage, nullptr, name);
    g->setVisibility(GlobalValue::HiddenVisibility);
    g->setDSOLocal(true);
    return g;
}

AllocaInst *entry_slot(Function &f, Type *t, Align align, const Twine &name) {
    IRBuilder<> b(&*f.getEntryBlock().getFirstInsertionPt());
    AllocaInst *a = b.CreateAlloca(t, nullptr, name);
    a->setAlignment(align);
    return a;
}

Function *move_body(Function &f, FunctionType *type, unsigned first) {
    Function *nf = Function::Create(type, f.getLinkage(), f.getAddressSpace(), "", f.getParent());
    nf->takeName(&f);
    nf->copyAttributesFrom(&f);
    nf->setSubprogram(f.getSubprogram());
    f.setSubprogram(nullptr);
    nf->splice(nf->begin(), &f);
    for (unsigned k = 0; k < f.arg_size(); ++k) {
        f.getArg(k)->replaceAllUsesWith(nf->getArg(first + k));
        nf->getArg(first + k)->takeName(f.getArg(k));
    }
    return nf;
}

bool is_helper(const Function &f) {
    return f.getName().starts_with(kHelperPrefix);
}

// An inline fuel point (verifier/decode.cpp): call the fuel helper only when
// ktal.ko has set the fuel word. A pass of a tight loop takes 0.63 ns with it
// on this machine, 1.42 ns with a call and a return, 1.65 ns with a count in
// memory (`sub; jns`: its stores and loads chain from pass to pass), 0.28 ns
// with nothing. The helper preserves every register but r11.
void emit_fuel(IRBuilder<> &b) {
    auto *asm_ = InlineAsm::get(FunctionType::get(b.getVoidTy(), {}, false),
                                "cmpq $$0, __ktal_fuel_word(%rip)\n\tje 1f\n\t"
                                "call __ktal_helper_fuel\n1:",
                                "~{r11},~{dirflag},~{fpsr},~{flags}", true);
    b.CreateCall(asm_, {});
}

} // namespace ktal

namespace ktal {

void copy_codegen_attributes(Function &dst, const Function &like) {
    for (const char *k :
         {"target-features", "target-cpu", "tune-cpu", "frame-pointer", "no-jump-tables",
          "disable-tail-calls", "no-builtins", "stack-protector-buffer-size"})
        if (like.hasFnAttribute(k)) dst.addFnAttr(like.getFnAttribute(k));
    for (Attribute::AttrKind k : {Attribute::NoRedZone, Attribute::NoUnwind})
        if (like.hasFnAttribute(k)) dst.addFnAttr(k);
}

} // namespace ktal
