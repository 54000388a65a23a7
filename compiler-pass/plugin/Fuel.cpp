// Fuel points: a call to the fuel helper at the head of every cycle. The
// targets of the DFS back edges cover every cycle, irreducible ones too; the
// helper preserves every register but r11, so a hot loop pays a call.
#include "Passes.h"

#include "llvm/Analysis/CFG.h"

using namespace llvm;

namespace ktal {

void insert_fuel_points(Module &m) {
    for (Function &f : m) {
        if (f.isDeclaration()) continue;
        SmallVector<std::pair<const BasicBlock *, const BasicBlock *>, 8> edges;
        FindFunctionBackedges(f, edges);
        SmallPtrSet<const BasicBlock *, 8> heads;
        for (auto &e : edges) heads.insert(e.second);
        for (const BasicBlock *h : heads) {
            BasicBlock *bb = const_cast<BasicBlock *>(h);
            IRBuilder<> b(&*bb->getFirstInsertionPt());
            emit_fuel(b);
        }
    }
}

} // namespace ktal
