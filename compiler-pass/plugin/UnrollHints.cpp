// Unroll hints: small innermost loops are marked to be unrolled four times
// (llvm.loop.unroll.count, as `#pragma unroll 4` would), with a remainder loop
// for trip counts that are not multiples of four. In a ktal program every
// iteration pays a fuel point at the loop head, and every iteration's loop
// test and guards stand between the few instructions of real work; unrolled,
// one fuel point serves four iterations. Native clang does not unroll these
// loops (x86's generic tuning asks for no runtime unrolling), and it need not:
// it pays neither cost.
//
// Only loops that call nothing, with one exit by a branch: the unroller then
// keeps the exit test in each copy where the trip count is not known on
// entry, or adds a remainder loop where it is. (It warns about a marked loop
// it cannot unroll.) A larger body (up to 96 instructions, a hash's round) is
// unrolled twice, and only when its trip count is a known even number: no
// remainder, so the image grows by one copy of the body. sha256's rounds ran
// 11% faster (one fuel point and one loop test per two rounds). With
// a remainder loop too, the larger bodies grew the corpus's images by 3-17%
// for nothing measurable elsewhere.
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
constexpr unsigned kMaxBody = 24;  // instructions, debug intrinsics not counted
constexpr unsigned kMaxBody2 = 96; // unrolled twice
// Loops up to about this many instructions in all (trip count times body)
// -O2 may unroll fully (its threshold, 150, boosted up to 4 times where the
// copies simplify), and a count would stop it.
constexpr unsigned kFullUnroll = 600;

// The body's size, or 0 if it calls something.
unsigned call_free_size(const Loop &l) {
    unsigned n = 0;
    for (const BasicBlock *bb : l.blocks())
        for (const Instruction &i : *bb) {
            if (isa<DbgInfoIntrinsic>(i)) continue;
            if (const auto *call = dyn_cast<CallBase>(&i); call && !isa<IntrinsicInst>(call))
                return 0;
            ++n;
        }
    return n;
}

// How many times to unroll a call-free body of n instructions (0: not at all).
unsigned unroll_count(unsigned n, unsigned trips) {
    if (n <= kMaxBody) return kUnrollCount;
    bool even_and_partial = trips != 0 && trips % 2 == 0 && trips * n > kFullUnroll;
    return n <= kMaxBody2 && even_and_partial ? 2 : 0;
}

// Someone (a pragma, an earlier unroll) already decided.
bool has_unroll_decision(const Loop &l) {
    return findStringMetadataForLoop(&l, "llvm.loop.unroll.disable") ||
           findStringMetadataForLoop(&l, "llvm.loop.unroll.count") ||
           findStringMetadataForLoop(&l, "llvm.loop.unroll.full") ||
           findStringMetadataForLoop(&l, "llvm.loop.unroll.enable") ||
           findStringMetadataForLoop(&l, "llvm.loop.unroll.runtime.disable");
}

void mark(Loop &l, unsigned times) {
    LLVMContext &ctx = l.getHeader()->getContext();
    MDNode *count =
        MDNode::get(ctx, {MDString::get(ctx, "llvm.loop.unroll.count"),
                          ConstantAsMetadata::get(ConstantInt::get(Type::getInt32Ty(ctx), times))});
    l.setLoopID(makePostTransformationMetadata(ctx, l.getLoopID(), {}, {count}));
}

} // namespace

PreservedAnalyses UnrollHintsPass::run(Function &f, FunctionAnalysisManager &am) {
    LoopInfo &li = am.getResult<LoopAnalysis>(f);
    ScalarEvolution &se = am.getResult<ScalarEvolutionAnalysis>(f);
    bool changed = false;
    for (Loop *l : li.getLoopsInPreorder())
        if (l->isInnermost() && l->getLoopLatch() && l->getExitingBlock() &&
            l->getUniqueExitBlock() && isa<BranchInst>(l->getExitingBlock()->getTerminator()) &&
            !has_unroll_decision(*l)) {
            unsigned n = call_free_size(*l);
            unsigned times = n ? unroll_count(n, se.getSmallConstantTripCount(l)) : 0;
            if (!times) continue;
            mark(*l, times);
            changed = true;
        }
    return changed ? PreservedAnalyses::allInSet<CFGAnalyses>() : PreservedAnalyses::all();
}

} // namespace ktal
