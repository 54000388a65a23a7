// Static storage is zero where an initializer says undef. clang leaves the
// bytes of a union past its first member undef (`static union { void *p;
// struct { int a, b, c; } s; } u = {0};`), which the object file holds as
// zeros and C says are zero. The whole program is internalized, so the
// optimiser folds a load from a global nothing writes into its initializer:
// a read of u.s.c became undef, a branch on it undefined behaviour, and
// code after it vanished (llvm-test-suite's Integer/union-init printed
// nothing where plain clang's program printed "(nil)"). Here the undef
// parts become the zeros the image holds anyway.
#include "Passes.h"

#include "llvm/IR/Constants.h"
#include "llvm/IR/GlobalVariable.h"

#include <vector>

using namespace llvm;

namespace ktal {

namespace {

Constant *zero_undef(Constant *c) {
    if (isa<UndefValue>(c)) return Constant::getNullValue(c->getType()); // poison too
    auto *agg = dyn_cast<ConstantAggregate>(c);
    if (!agg) return c;
    std::vector<Constant *> ops;
    bool changed = false;
    for (Use &u : agg->operands()) {
        Constant *op = zero_undef(cast<Constant>(u.get()));
        changed |= op != u.get();
        ops.push_back(op);
    }
    if (!changed) return c;
    if (auto *s = dyn_cast<ConstantStruct>(agg)) return ConstantStruct::get(s->getType(), ops);
    if (auto *a = dyn_cast<ConstantArray>(agg)) return ConstantArray::get(a->getType(), ops);
    return ConstantVector::get(ops);
}

} // namespace

void zero_undef_initializers(Module &m) {
    for (GlobalVariable &g : m.globals())
        if (g.hasInitializer() && !g.getName().starts_with("llvm."))
            g.setInitializer(zero_undef(g.getInitializer()));
}

} // namespace ktal
