// At -O0 (optnone functions) every integer or pointer slot of a function's
// frame is zero from its entry. clang -O0 keeps a non-void function's
// result in a slot of its own, which a path that falls off the function's
// end (`int f(int b) { if (b) abort(); }`, with abort declared without
// noreturn) returns unwritten: stale kernel data, which the verifier
// refuses at the `ret` ("the result does not have the certified type",
// reported as a certifier bug; gcc's torture tests 20060930-1, 20041218-1).
// The driver's -ftrivial-auto-var-init=zero zeroes the program's own
// variables where they are declared; this covers the slots clang makes for
// itself. Above -O0 the slots are SSA values, and undef ones become zero
// (Guards.cpp).
#include "Passes.h"

#include "llvm/IR/Constants.h"
#include "llvm/IR/Instructions.h"

#include <vector>

using namespace llvm;

namespace ktal {

void zero_unoptimised_slots(Module &m) {
    for (Function &f : m) {
        if (f.isDeclaration() || !f.hasFnAttribute(Attribute::OptimizeNone)) continue;
        std::vector<AllocaInst *> slots;
        for (Instruction &i : f.getEntryBlock())
            if (auto *a = dyn_cast<AllocaInst>(&i);
                a && a->isStaticAlloca() &&
                (a->getAllocatedType()->isIntegerTy() || a->getAllocatedType()->isPointerTy()))
                slots.push_back(a);
        if (slots.empty()) continue;
        IRBuilder<> b(&*f.getEntryBlock().getFirstNonPHIOrDbgOrAlloca());
        for (AllocaInst *a : slots)
            b.CreateAlignedStore(Constant::getNullValue(a->getAllocatedType()), a, a->getAlign());
    }
}

} // namespace ktal
