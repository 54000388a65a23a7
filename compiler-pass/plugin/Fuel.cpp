// Fuel points: a call to the fuel helper at the head of every cycle (the
// targets of the DFS back edges cover every cycle, irreducible ones too). The
// helper preserves every register but r11, so a hot loop pays a call and
// nothing else.
#include "Passes.h"

#include "llvm/ADT/PostOrderIterator.h"
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
        const Function *callee = call->getCalledFunction();
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

static bool calls_program_code(const Function &f) {
    for (const BasicBlock &bb : f)
        if (calls_program_code(bb)) return true;
    return false;
}

// Whether every path from `head` reaches a block of `fuel` (other than head)
// before it takes a backward jump (in the layout `order`) or calls program
// code: then head's own fuel point adds nothing the verifier's fuel rules need.
static bool fuel_meets_another(BasicBlock *head, const SmallPtrSetImpl<BasicBlock *> &fuel,
                               const DenseMap<BasicBlock *, unsigned> &order) {
    SmallVector<BasicBlock *, 16> work{head};
    SmallPtrSet<BasicBlock *, 16> seen{head};
    while (!work.empty()) {
        BasicBlock *bb = work.pop_back_val();
        if (calls_program_code(*bb)) return false;
        for (BasicBlock *succ : successors(bb)) {
            if (order.lookup(succ) <= order.lookup(bb)) return false;
            if (fuel.count(succ) || !seen.insert(succ).second) continue;
            work.push_back(succ);
        }
    }
    return true;
}

void insert_fuel_points(Module &m) {
    for (Function &f : m) {
        if (f.isDeclaration()) continue;
        // Lay the blocks out in reverse post-order of the depth-first search
        // that finds the back edges (the driver keeps this order: llc runs
        // without block placement). Then a jump to an earlier block is
        // exactly a back edge, and every back edge's target gets a fuel point:
        // the verifier's fuel rule (a fuel point between entering a
        // backward-jump target and the next backward jump) holds by
        // construction.
        ReversePostOrderTraversal<Function *> rpo(&f);
        BasicBlock *prev = nullptr;
        for (BasicBlock *bb : rpo) {
            if (prev) bb->moveAfter(prev);
            prev = bb;
        }
        SmallPtrSet<BasicBlock *, 8> seen, heads;
        for (BasicBlock &bb : f) {
            seen.insert(&bb);
            for (BasicBlock *succ : successors(&bb))
                if (seen.count(succ)) heads.insert(succ); // an edge to an earlier block
        }
        // A function that calls program code pays fuel once at entry: the
        // verifier wants a fuel point before every such call (fuel.call), so
        // that call trees, not only loops, can be interrupted. Loop heads
        // renew it inside loops.
        BasicBlock &entry = f.getEntryBlock();
        if (calls_program_code(f) && !heads.count(&entry)) heads.insert(&entry);
        // A head needs no fuel point of its own when every way on from it
        // meets another before any backward jump or call: an outer loop's
        // head that falls into an inner loop's, say (nested loop heads would
        // otherwise pay a fuel call each, one after the other).
        DenseMap<BasicBlock *, unsigned> order;
        for (BasicBlock &bb : f) order[&bb] = order.size();
        SmallPtrSet<BasicBlock *, 8> fuel(heads.begin(), heads.end());
        for (BasicBlock &bb : f)
            if (fuel.count(&bb) && fuel_meets_another(&bb, fuel, order)) fuel.erase(&bb);
        for (BasicBlock *h : fuel) {
            IRBuilder<> b(&*h->getFirstInsertionPt());
            emit_fuel(b);
        }
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
