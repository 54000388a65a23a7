// Unroll hints: small innermost loops are marked to be unrolled four times
// (llvm.loop.unroll.count, as `#pragma unroll 4` would), with a remainder loop
// for trip counts that are not multiples of four. In a ktal program every
// iteration pays a fuel point at the loop head, and every iteration's loop
// test and guards stand between the few instructions of real work; unrolled,
// one fuel point serves four iterations. Native clang does not unroll these
// loops (x86's generic tuning asks for no runtime unrolling), and it need not:
// it pays neither cost.
//
// Only loops whose body is small and calls nothing (unrolling a large body
// grows the image, and its verification time, for little gain), with one exit
// by a branch: the unroller then keeps the exit test in each copy where the
// trip count is not known on entry, or adds a remainder loop where it is. (It
// warns about a marked loop it cannot unroll.)
#include "Passes.h"

#include "llvm/Analysis/LoopInfo.h"
#include "llvm/Analysis/ScalarEvolution.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Metadata.h"
#include "llvm/Transforms/Utils/LoopUtils.h"

using namespace llvm;

namespace ktal {

namespace {

constexpr unsigned kUnrollCount = 4;
constexpr unsigned kMaxBody = 24; // instructions, debug intrinsics not counted

bool small_and_call_free(const Loop &l) {
    unsigned n = 0;
    for (const BasicBlock *bb : l.blocks())
        for (const Instruction &i : *bb) {
            if (isa<DbgInfoIntrinsic>(i)) continue;
            if (const auto *call = dyn_cast<CallBase>(&i); call && !isa<IntrinsicInst>(call))
                return false;
            if (++n > kMaxBody) return false;
        }
    return true;
}

// Someone (a pragma, an earlier unroll) already decided.
bool has_unroll_decision(const Loop &l) {
    return findStringMetadataForLoop(&l, "llvm.loop.unroll.disable") ||
           findStringMetadataForLoop(&l, "llvm.loop.unroll.count") ||
           findStringMetadataForLoop(&l, "llvm.loop.unroll.full") ||
           findStringMetadataForLoop(&l, "llvm.loop.unroll.enable") ||
           findStringMetadataForLoop(&l, "llvm.loop.unroll.runtime.disable");
}

void mark(Loop &l) {
    LLVMContext &ctx = l.getHeader()->getContext();
    MDNode *count = MDNode::get(
        ctx, {MDString::get(ctx, "llvm.loop.unroll.count"),
              ConstantAsMetadata::get(ConstantInt::get(Type::getInt32Ty(ctx), kUnrollCount))});
    l.setLoopID(makePostTransformationMetadata(ctx, l.getLoopID(), {}, {count}));
}

} // namespace

PreservedAnalyses UnrollHintsPass::run(Function &f, FunctionAnalysisManager &am) {
    LoopInfo &li = am.getResult<LoopAnalysis>(f);
    bool changed = false;
    for (Loop *l : li.getLoopsInPreorder())
        if (l->isInnermost() && l->getLoopLatch() && l->getExitingBlock() &&
            l->getUniqueExitBlock() && isa<BranchInst>(l->getExitingBlock()->getTerminator()) &&
            !has_unroll_decision(*l) && small_and_call_free(*l)) {
            mark(*l);
            changed = true;
        }
    return changed ? PreservedAnalyses::allInSet<CFGAnalyses>() : PreservedAnalyses::all();
}

} // namespace ktal
