// The heap arena's size, per program (`ktal-cc --heap-size`). `opt
// -passes='ktal-heap<bytes=N>'` runs on the runtime's bitcode before the
// driver links it to the program: the arena __ktal_heap becomes an array of
// N bytes (0: the size the runtime was built with) and __ktal_heap_size
// holds N, both internal and no longer weak,
// so that the whole-program optimisation folds the size into malloc's
// constants as it did when it was the runtime's build-time KTAL_HEAP_SIZE.
// The arena lies in the sandbox, whose span the layout (Layout.cpp) then
// takes from the new array like any other global.
#include "Passes.h"

#include "llvm/IR/Constants.h"
#include "llvm/IR/GlobalVariable.h"

using namespace llvm;

namespace ktal {

bool size_heap(Module &m, uint64_t bytes) {
    GlobalVariable *arena = m.getGlobalVariable("__ktal_heap");
    GlobalVariable *size = m.getGlobalVariable("__ktal_heap_size");
    if (!arena || !size || arena->isDeclaration() || size->isDeclaration()) {
        m.getContext().emitError("ktal: the runtime has no heap arena (__ktal_heap, "
                                 "__ktal_heap_size): rebuild the project");
        return false;
    }
    if (bytes == 0) // as the runtime was built (KTAL_HEAP_SIZE)
        bytes = m.getDataLayout().getTypeAllocSize(arena->getValueType());
    auto *type = ArrayType::get(Type::getInt8Ty(m.getContext()), bytes);
    // In the old one's place among the globals, so that the layout keeps
    // the order of the rest.
    auto *sized = new GlobalVariable(m, type, false, GlobalValue::InternalLinkage,
                                     ConstantAggregateZero::get(type), "", arena);
    sized->setAlignment(arena->getAlign());
    sized->takeName(arena);
    arena->replaceAllUsesWith(sized);
    arena->eraseFromParent();
    size->setInitializer(ConstantInt::get(size->getValueType(), bytes));
    size->setLinkage(GlobalValue::InternalLinkage);
    return true;
}

} // namespace ktal
