// __attribute__((constructor)) and __attribute__((destructor)): the lists
// llvm.global_ctors and llvm.global_dtors become the bodies of
// __ktal_constructors and __ktal_destructors, which the runtime calls
// before main and at exit (start.c), as glibc runs .init_array and
// .fini_array. Direct calls, not a table of function pointers: the verifier
// sees every callee. Both are defined, empty where there is nothing to call
// (then inlined away, so that such a program's image does not change).
// Before, the lists were dropped and such a program ran without its
// constructors and destructors, saying nothing.
#include "Passes.h"

#include "llvm/IR/Constants.h"
#include "llvm/IR/IRBuilder.h"

#include <algorithm>
#include <vector>

using namespace llvm;

namespace ktal {

namespace {

struct Entry {
    uint64_t priority;
    size_t index; // in the list (the order among equal priorities)
    Function *fn;
};

// The list's functions in the order the runtime calls them: constructors by
// ascending priority, destructors by descending, each in the list's order
// (reversed for destructors, as .fini_array runs backwards).
bool entries(Module &m, const char *list, bool destructors, std::vector<Entry> &out) {
    GlobalVariable *g = m.getGlobalVariable(list);
    if (!g) return true;
    bool ok = true;
    if (auto *array = dyn_cast_or_null<ConstantArray>(g->getInitializer()))
        for (const Use &u : array->operands()) {
            auto *e = cast<ConstantStruct>(u.get());
            auto *priority = cast<ConstantInt>(e->getOperand(0));
            auto *fn = dyn_cast<Function>(e->getOperand(1)->stripPointerCasts());
            if (!fn) continue; // (clang's lists name functions only)
            if (fn->arg_size() != 0) {
                error_at(*fn, DebugLoc(),
                         "ktal: " + fn->getName() + " is a " +
                             (destructors ? "destructor" : "constructor") +
                             " with parameters: ktal calls them with none; take no parameters");
                ok = false;
                continue;
            }
            out.push_back({priority->getZExtValue(), out.size(), fn});
        }
    std::sort(out.begin(), out.end(), [](const Entry &a, const Entry &b) {
        return a.priority != b.priority ? a.priority < b.priority : a.index < b.index;
    });
    if (destructors) std::reverse(out.begin(), out.end());
    g->eraseFromParent();
    return ok;
}

// Gives `name` (declared by the runtime) a body that calls `calls` in order.
void define_caller(Module &m, const char *name, const std::vector<Entry> &calls) {
    Function *f = m.getFunction(name);
    if (!f || !f->isDeclaration()) return; // the runtime does not call it: nothing to do
    if (Function *like = m.getFunction("__ktal_start"); like && !like->isDeclaration())
        copy_codegen_attributes(*f, *like);
    f->setSubprogram(nullptr); // the runtime's -g declared it (a definition needs its own)
    f->setLinkage(GlobalValue::InternalLinkage);
    // Empty, it vanishes into its callers; else it stays one function, which
    // has no debug info of its own (an inlined call needs a source line).
    f->addFnAttr(calls.empty() ? Attribute::AlwaysInline : Attribute::NoInline);
    IRBuilder<> b(BasicBlock::Create(m.getContext(), "entry", f));
    for (const Entry &e : calls) b.CreateCall(e.fn->getFunctionType(), e.fn);
    b.CreateRetVoid();
}

} // namespace

bool lower_constructors(Module &m) {
    std::vector<Entry> ctors, dtors;
    bool ok = entries(m, "llvm.global_ctors", false, ctors);
    ok = entries(m, "llvm.global_dtors", true, dtors) && ok;
    define_caller(m, "__ktal_constructors", ctors);
    define_caller(m, "__ktal_destructors", dtors);
    return ok;
}

} // namespace ktal
