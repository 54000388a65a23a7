// Fuel points (emit_fuel, an inline test of the fuel word): one at the end of
// every block that jumps back along a DFS back edge (these cover every cycle,
// irreducible ones too) without having passed one since the loop's head, and
// one at a head or entry from which a call to program code is reached.
#include "Passes.h"

#include "llvm/ADT/PostOrderIterator.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/IR/CFG.h"

#include "llvm/Analysis/CFG.h"
#include "llvm/Analysis/LoopInfo.h"
#include "llvm/IR/Dominators.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/Transforms/Utils/BasicBlockUtils.h"
#include <algorithm>

using namespace llvm;

namespace ktal {

// Calls that may reach program code once compiled: direct calls to defined or
// runtime functions, and the memory intrinsics llc may lower to memcpy and
// friends. Helpers and the other intrinsics are not program code.
static bool calls_program_code(const BasicBlock &bb) {
    for (const Instruction &i : bb) {
        const auto *call = dyn_cast<CallBase>(&i);
        if (!call || call->isInlineAsm()) continue;
        // (Not getCalledFunction: a call whose type is not its callee's, as
        // the guards' calls of the trap helper can be, has none.)
        const auto *callee = dyn_cast<Function>(call->getCalledOperand()->stripPointerCasts());
        if (!callee) return true;
        if (is_helper(*callee)) continue;
        if (!callee->isIntrinsic()) return true;
        switch (callee->getIntrinsicID()) {
        case Intrinsic::memcpy:
        case Intrinsic::memmove:
        case Intrinsic::memset:
        case Intrinsic::memcpy_inline:
        case Intrinsic::memset_inline: return true;
        default: break;
        }
    }
    return false;
}

// Whether program code is called on some path from `start` that enters no
// other loop head (entering one resets the verifier's fuel bit, and that
// head answers for the calls after it) and takes no backward jump.
static bool reaches_call(BasicBlock *start, const SmallPtrSetImpl<BasicBlock *> &heads,
                         const DenseMap<BasicBlock *, unsigned> &order) {
    SmallVector<BasicBlock *, 16> work{start};
    SmallPtrSet<BasicBlock *, 16> seen{start};
    while (!work.empty()) {
        BasicBlock *bb = work.pop_back_val();
        if (calls_program_code(*bb)) return true;
        for (BasicBlock *succ : successors(bb))
            if (order.lookup(succ) > order.lookup(bb) && !heads.count(succ) &&
                seen.insert(succ).second)
                work.push_back(succ);
    }
    return false;
}

// A fuel point at the end of the latch u, before the compare its branch
// tests (a call between the two would make llc keep the outcome in a
// register across it).
static void fuel_at_latch(BasicBlock *u) {
    Instruction *at = u->getTerminator();
    if (auto *br = dyn_cast<BranchInst>(at); br && br->isConditional())
        if (auto *cmp = dyn_cast<CmpInst>(br->getCondition());
            cmp && cmp->getParent() == u && cmp->hasOneUse())
            at = cmp;
    IRBuilder<> b(at);
    emit_fuel(b);
}

// Blocks that end in `unreachable` (a guard's trap, a call that never
// returns) with one predecessor, moved from where the reverse post-order put
// them, near the function's end, to the first point after that predecessor
// where no block falls through: after a block that returns or jumps to a
// block other than the next. The hot path gains no jump, and the verifier's
// state for the edge into each stays open only that far, not to the end of
// the function (a Csmith main with 7,155 guards ran it out of memory). Every
// edge into them still goes forward, and none leaves them.
static void place_dead_ends(Function &f) {
    // (Their one predecessor is never one of them: they have no successors.)
    auto dead_end = [](const BasicBlock &bb) {
        return isa<UnreachableInst>(bb.getTerminator()) && bb.getSinglePredecessor();
    };
    std::vector<BasicBlock *> kept, out, pending;
    for (BasicBlock &bb : f)
        if (!dead_end(bb)) kept.push_back(&bb);
    for (size_t i = 0; i < kept.size(); ++i) {
        out.push_back(kept[i]);
        for (BasicBlock *succ : successors(kept[i]))
            if (dead_end(*succ)) pending.push_back(succ);
        if (i + 1 == kept.size() || !is_contained(successors(kept[i]), kept[i + 1])) {
            out.insert(out.end(), pending.begin(), pending.end());
            pending.clear();
        }
    }
    for (size_t i = 1; i < out.size(); ++i) out[i]->moveAfter(out[i - 1]);
}

void insert_fuel_points(Module &m) {
    for (Function &f : m) {
        if (f.isDeclaration()) continue;
        // Lay the blocks out in reverse post-order of the depth-first search
        // that finds the back edges (the driver keeps this order: llc runs
        // without block placement). Then a jump to an earlier block is
        // exactly a back edge, and the verifier's fuel rule (a fuel point
        // between entering a backward-jump target and the next backward
        // jump) is about these edges only.
        ReversePostOrderTraversal<Function *> rpo(&f);
        BasicBlock *prev = nullptr;
        for (BasicBlock *bb : rpo) {
            if (prev) bb->moveAfter(prev);
            prev = bb;
        }
        place_dead_ends(f);
        DenseMap<BasicBlock *, unsigned> order;
        for (BasicBlock &bb : f) order[&bb] = order.size();
        SmallSetVector<BasicBlock *, 8> latches; // blocks that jump back
        SmallPtrSet<BasicBlock *, 8> heads;
        for (BasicBlock &bb : f)
            for (BasicBlock *succ : successors(&bb))
                if (order.lookup(succ) <= order.lookup(&bb)) {
                    latches.insert(&bb);
                    heads.insert(succ);
                }
        // fuel.call: a fuel point before every call to program code since the
        // function's entry or the last loop head, so that call trees, not
        // only loops, can be interrupted. A head (or the entry) from which
        // such a call is reached pays one at its start.
        SmallPtrSet<BasicBlock *, 8> fueled;
        BasicBlock &entry = f.getEntryBlock();
        for (BasicBlock &bb : f)
            if ((&bb == &entry || heads.count(&bb)) && reaches_call(&bb, heads, order)) {
                IRBuilder<> b(&*bb.getFirstInsertionPt());
                emit_fuel(b);
                fueled.insert(&bb);
            }
        // fuel.backward-jump: the verifier's fuel bit (a fuel point since the
        // last backward-jump target) at the end of each block, in layout
        // order. A block that jumps back without it pays a fuel point at its
        // end rather than at the loop's head: entering a loop costs nothing,
        // and a loop left before its last block pays nothing (most inner
        // loops of a partition or a search run once or twice; quicksort ran
        // 11% faster).
        DenseMap<BasicBlock *, bool> fuel_out;
        for (BasicBlock &bb : f) {
            bool in = &bb != &entry && !heads.count(&bb);
            for (BasicBlock *pred : predecessors(&bb)) in = in && fuel_out.lookup(pred);
            fuel_out[&bb] = in || fueled.count(&bb);
        }
        for (BasicBlock *u : latches)
            if (!fuel_out.lookup(u)) fuel_at_latch(u);
    }
}

// Code after a call that never returns (exit(), abort(), __builtin_unreachable)
// is nothing: the verifier would see execution fall past the function's end.
// A trap helper call there makes the path end where the verifier can see it.
void end_unreachable_paths(Module &m) {
    for (Function &f : m) {
        if (f.isDeclaration()) continue;
        for (BasicBlock &bb : f) {
            auto *u = dyn_cast<UnreachableInst>(bb.getTerminator());
            if (!u) continue;
            if (auto *prev = dyn_cast_or_null<CallInst>(u->getPrevNode()))
                if (auto *callee =
                        dyn_cast<Function>(prev->getCalledOperand()->stripPointerCasts());
                    callee && is_helper(*callee))
                    continue;
            IRBuilder<> b(u);
            Module &mod = *f.getParent();
            FunctionCallee trap = mod.getOrInsertFunction(
                std::string(kHelperPrefix) + "trap",
                FunctionType::get(b.getVoidTy(), {b.getInt64Ty(), b.getInt64Ty()}, false));
            CallInst *c = b.CreateCall(trap, {b.getInt64(kTrapUnreachable), b.getInt64(0)});
            c->setDoesNotReturn();
        }
    }
}

} // namespace ktal
