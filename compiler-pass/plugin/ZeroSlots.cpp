// At -O0 (optnone functions) every slot of a function's frame is zero from
// its entry. clang -O0 keeps a non-void function's
// result in a slot of its own, which a path that falls off the function's
// end (`int f(int b) { if (b) abort(); }`, with abort declared without
// noreturn) returns unwritten: stale kernel data, which the verifier
// refuses at the `ret` ("the result does not have the certified type",
// reported as a certifier bug; gcc's torture tests 20060930-1, 20041218-1).
// The same for the program's own variables: a local written on every path
// taken but not on every path (`char g; if (t < 1) g = w; use(g)`: the
// certifier is not path-sensitive), and for clang's temporaries (a union
// cast from a number fills only that number's bytes: gcc's torture test
// 960416-1 passed the rest on).
// Above -O0 the slots are SSA values, and undef ones become zero
// (Guards.cpp).
#include "Passes.h"

#include "llvm/IR/Constants.h"
#include "llvm/IR/Instructions.h"

#include <vector>

using namespace llvm;

namespace ktal {

void zero_unoptimised_slots(Module &m) {
    const DataLayout &dl = m.getDataLayout();
    for (Function &f : m) {
        if (f.isDeclaration() || !f.hasFnAttribute(Attribute::OptimizeNone)) continue;
        std::vector<AllocaInst *> slots;
        for (Instruction &i : f.getEntryBlock())
            if (auto *a = dyn_cast<AllocaInst>(&i); a && a->isStaticAlloca()) slots.push_back(a);
        if (slots.empty()) continue;
        IRBuilder<> b(&*f.getEntryBlock().getFirstNonPHIOrDbgOrAlloca());
        for (AllocaInst *a : slots) {
            Type *t = a->getAllocatedType();
            uint64_t size = dl.getTypeAllocSize(t);
            if (t->isIntegerTy() || t->isPointerTy()) {
                b.CreateAlignedStore(Constant::getNullValue(t), a, a->getAlign());
            } else if (size <= 64) {
                // Stores at constant offsets, which keep it on the safe stack
                // (a memset call would take its address: the unsafe stack).
                for (uint64_t at = 0; at < size;) {
                    uint64_t w = size - at >= 8 ? 8 : 1;
                    Value *p = b.CreateConstInBoundsGEP1_64(b.getInt8Ty(), a, at);
                    b.CreateAlignedStore(b.getIntN(8 * w, 0), p,
                                         commonAlignment(a->getAlign(), at));
                    at += w;
                }
            } else {
                b.CreateMemSet(a, b.getInt8(0), size, a->getAlign());
            }
        }
    }
}

} // namespace ktal
