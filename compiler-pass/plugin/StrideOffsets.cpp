// Strided offsets: an access in an innermost loop whose address steps by a
// loop-invariant amount that is not a constant (`b[k * n + j]` over k) gets
// its offset from the guard's region as an induction variable of its own,
// stepped by an add at the loop's latch. The guard (Guards.cpp) then checks
// that variable as it is, where it would otherwise recompute the offset from
// the index every iteration: a multiply, and the index's own arithmetic. This
// is what LLVM's loop strength reduction does for native code; ktal's llc
// runs without it, which costs register pressure elsewhere (ARCHITECTURE.md).
//
// Exact by construction: ScalarEvolution's recurrence is modular, so the
// variable equals the pointer minus the region's base, bit for bit, in every
// iteration. Nothing here is trusted: the guard still checks every value.
#include "Passes.h"

#include "llvm/Analysis/AssumptionCache.h"
#include "llvm/Analysis/LoopInfo.h"
#include "llvm/Analysis/ScalarEvolution.h"
#include "llvm/Analysis/ScalarEvolutionExpressions.h"
#include "llvm/Analysis/TargetLibraryInfo.h"
#include "llvm/IR/Dominators.h"
#include "llvm/IR/Instructions.h"
#include "llvm/Transforms/Utils/Local.h"
#include "llvm/Transforms/Utils/ScalarEvolutionExpander.h"

#include <map>
#include <vector>

using namespace llvm;

namespace ktal {
namespace {

// Whether v multiplies by a variable inside the loop (within `depth`
// operations): `k * n`, recomputed every iteration, which a stepped offset
// replaces by an add. (`p[j]` with `j += i` steps by an add already; a
// variable of its own would cost a register and gain nothing.)
bool multiplies(Value *v, const Loop &l, int depth) {
    auto *i = dyn_cast<Instruction>(v);
    if (!i || !l.contains(i) || depth == 0 || !(isa<BinaryOperator>(i) || isa<CastInst>(i)))
        return false;
    if ((i->getOpcode() == Instruction::Mul || i->getOpcode() == Instruction::Shl) &&
        !isa<Constant>(i->getOperand(1)) && !isa<Constant>(i->getOperand(0)))
        return true;
    for (Value *op : i->operands())
        if (multiplies(op, l, depth - 1)) return true;
    return false;
}

bool computed_index(Value *ptr, const Loop &l) {
    auto *gep = dyn_cast<GetElementPtrInst>(ptr);
    if (!gep || !l.contains(gep)) return false;
    for (Use &u : gep->indices())
        if (multiplies(u.get(), l, 4)) return true;
    return false;
}

// The accesses of one recurrence (its start: the pointer at the first
// iteration; its step: bytes per iteration).
struct Stride {
    bool store = false;
    std::vector<Instruction *> accesses;
};

// `dead`: the old pointers, deleted once every loop is done (ScalarEvolution
// may still refer to them until then).
void reduce_loop(Loop &l, ScalarEvolution &se, const DataLayout &dl, Module &m,
                 std::vector<WeakTrackingVH> &dead) {
    // (The one block that enters the loop, which may branch elsewhere too:
    // what is computed there for the loop is arithmetic, harmless on the
    // other path.)
    BasicBlock *pre = l.getLoopPredecessor(), *latch = l.getLoopLatch(), *head = l.getHeader();
    if (!pre || !latch || !head->hasNPredecessors(2)) return;
    // Accesses by their recurrence: equal ones share one variable.
    std::map<const SCEVAddRecExpr *, Stride> strides;
    std::vector<const SCEVAddRecExpr *> order; // deterministic output
    for (BasicBlock *bb : l.blocks())
        for (Instruction &i : *bb) {
            Value *ptr = getLoadStorePointerOperand(&i);
            if (!ptr || cast<PointerType>(ptr->getType())->getAddressSpace() != 0 ||
                !computed_index(ptr, l))
                continue;
            auto *rec = dyn_cast<SCEVAddRecExpr>(se.getSCEV(ptr));
            if (!rec || rec->getLoop() != &l || !rec->isAffine()) continue;
            const SCEV *step = rec->getStepRecurrence(se);
            if (isa<SCEVConstant>(step) || !se.isLoopInvariant(step, &l)) continue;
            Stride &s = strides[rec];
            if (s.accesses.empty()) order.push_back(rec);
            s.store |= isa<StoreInst>(i);
            s.accesses.push_back(&i);
        }
    SCEVExpander expand(se, dl, "ktal.stride");
    Instruction *at = pre->getTerminator();
    auto divides = [](const SCEV *e) { return isa<SCEVUDivExpr>(e); };
    for (const SCEVAddRecExpr *rec : order) {
        Stride &s = strides[rec];
        const SCEV *first_ptr = rec->getStart(), *bytes = rec->getStepRecurrence(se);
        // (No division in what the preheader would compute: the guards
        // would have to check it, and its cost is not worth one multiply.)
        if (SCEVExprContains(first_ptr, divides) || SCEVExprContains(bytes, divides) ||
            !expand.isSafeToExpandAt(first_ptr, at) || !expand.isSafeToExpandAt(bytes, at))
            continue;
        GlobalVariable *region = guard_region(m, s.store);
        IRBuilder<> b(at);
        Type *i64 = b.getInt64Ty();
        Value *start = expand.expandCodeFor(first_ptr, b.getPtrTy(), at);
        Value *step = expand.expandCodeFor(bytes, i64, at);
        Value *first = opaque_sub(b, b.CreatePtrToInt(start, i64), b.CreatePtrToInt(region, i64));
        PHINode *off = PHINode::Create(i64, 2, "ktal.stride", head->begin());
        off->addIncoming(first, pre);
        IRBuilder<> lb(latch->getTerminator());
        off->addIncoming(lb.CreateAdd(off, step), latch);
        for (Instruction *i : s.accesses) {
            unsigned op = isa<LoadInst>(i) ? LoadInst::getPointerOperandIndex()
                                           : StoreInst::getPointerOperandIndex();
            Value *old = i->getOperand(op);
            IRBuilder<> ib(i);
            // A GEP from the region's symbol, which the guards recognise and
            // check as it is; the access then goes through their checked
            // pointer (opaque_offset).
            i->setOperand(op, ib.CreateGEP(ib.getInt8Ty(), region, off));
            dead.emplace_back(old);
        }
    }
}

} // namespace

void reduce_strided_offsets(Function &f, DominatorTree &dt, LoopInfo &loops) {
    if (loops.empty()) return;
    Module &m = *f.getParent();
    TargetLibraryInfoImpl tlii(Triple(m.getTargetTriple()));
    TargetLibraryInfo tli(tlii, &f);
    AssumptionCache ac(f);
    ScalarEvolution se(f, tli, ac, dt, loops);
    std::vector<WeakTrackingVH> dead;
    for (Loop *l : loops.getLoopsInPreorder())
        if (l->isInnermost()) reduce_loop(*l, se, m.getDataLayout(), m, dead);
    for (WeakTrackingVH &v : dead)
        if (v) RecursivelyDeleteTriviallyDeadInstructions(v);
}

} // namespace ktal
