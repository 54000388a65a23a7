// Locals whose address escapes leave the safe stack (the SafeStack idea): a
// local stays on the kernel stack only if every use is a load or store at a
// constant, in-bounds offset. The others get a frame on the unsafe stack, a
// region of the sandbox whose top is the global __ktal_usp: the frame is
// carved at entry (trapping on overflow), guarded once for its whole size,
// and given back at every return. A kernel stack address never reaches data.
#include "Passes.h"

#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/Transforms/Utils/BasicBlockUtils.h"

#include <algorithm>
#include <vector>

using namespace llvm;

namespace ktal {

static bool stays_on_safe_stack(AllocaInst *a, const DataLayout &dl) {
    int64_t size = static_cast<int64_t>(dl.getTypeAllocSize(a->getAllocatedType()));
    SmallVector<std::pair<Value *, int64_t>, 8> work{{a, 0}};
    while (!work.empty()) {
        auto [v, off] = work.pop_back_val();
        for (User *u : v->users()) {
            auto in_bounds = [&](Type *t) {
                int64_t w = static_cast<int64_t>(dl.getTypeStoreSize(t));
                return off >= 0 && off + w <= size;
            };
            if (auto *ld = dyn_cast<LoadInst>(u)) {
                if (!in_bounds(ld->getType())) return false;
            } else if (auto *st = dyn_cast<StoreInst>(u)) {
                if (st->getValueOperand() == v || !in_bounds(st->getValueOperand()->getType()))
                    return false;
            } else if (auto *g = dyn_cast<GetElementPtrInst>(u)) {
                APInt o(64, 0);
                if (!g->accumulateConstantOffset(dl, o)) return false;
                work.push_back({g, off + o.getSExtValue()});
            } else if (auto *ii = dyn_cast<IntrinsicInst>(u);
                       ii && (ii->isLifetimeStartOrEnd() || isa<DbgInfoIntrinsic>(ii))) {
                continue;
            } else {
                return false;
            }
        }
    }
    return true;
}

// Marks a pointer the guards may trust for `extent` bytes (writable).
static void mark_extent(Instruction *i, uint64_t extent) {
    LLVMContext &ctx = i->getContext();
    i->setMetadata("ktal.extent", MDNode::get(ctx, {ConstantAsMetadata::get(ConstantInt::get(
                                                       Type::getInt64Ty(ctx), extent))}));
}

// The moved locals have no line of their own (-gline-tables-only keeps no
// variables): point at the first use of the largest, which names it in the
// source, and say how big it is and what fits.
static void report_locals_too_big(Function &f, const std::vector<AllocaInst *> &moved,
                                  uint64_t frame, uint64_t span, const DataLayout &dl) {
    AllocaInst *largest = moved.front();
    for (AllocaInst *a : moved)
        if (dl.getTypeAllocSize(a->getAllocatedType()) >
            dl.getTypeAllocSize(largest->getAllocatedType()))
            largest = a;
    Instruction *at = largest;
    for (Instruction &i : instructions(f)) {
        if (!i.getDebugLoc()) continue;
        bool uses = false;
        for (Value *op : i.operands()) uses |= op->stripPointerCasts() == largest;
        if (uses) {
            at = &i;
            break;
        }
    }
    uint64_t size = dl.getTypeAllocSize(largest->getAllocatedType());
    error_at(*at, "the locals of " + f.getName() + " whose address is taken need " +
                      std::to_string(frame) +
                      " bytes of the unsafe stack, but the whole sandbox is " +
                      std::to_string(span) + " bytes (the largest, used here, is " +
                      std::to_string(size) + " bytes): make it static or allocate it with malloc");
}

bool lower_unsafe_stack(Module &m, const Layout &l) {
    const DataLayout &dl = m.getDataLayout();
    LLVMContext &ctx = m.getContext();
    Type *i8 = Type::getInt8Ty(ctx), *i64 = Type::getInt64Ty(ctx);
    for (Function &f : m) {
        if (f.isDeclaration()) continue;
        // Also every local aligned beyond 16 bytes (a 32-byte vector at -O0,
        // _Alignas(64)): rsp only moves by exact amounts (no `and rsp`), and
        // unsafe frames are aligned as their locals need.
        std::vector<AllocaInst *> moved;
        for (Instruction &i : f.getEntryBlock())
            if (auto *a = dyn_cast<AllocaInst>(&i);
                a && a->isStaticAlloca() &&
                (a->getAlign() > Align(16) || !stays_on_safe_stack(a, dl)))
                moved.push_back(a);
        if (moved.empty()) continue;
        std::sort(moved.begin(), moved.end(),
                  [](AllocaInst *x, AllocaInst *y) { return x->getAlign() > y->getAlign(); });
        std::vector<uint64_t> offsets;
        uint64_t frame = 0;
        for (AllocaInst *a : moved) {
            frame = alignTo(frame, a->getAlign());
            offsets.push_back(frame);
            frame += dl.getTypeAllocSize(a->getAllocatedType());
        }
        frame = alignTo(std::max<uint64_t>(frame, 16), 16);
        if (frame + 16 > l.sandbox_span) {
            report_locals_too_big(f, moved, frame, l.sandbox_span, dl);
            return false;
        }
        // Their lifetime markers go first: they may be where the code below is inserted.
        for (AllocaInst *a : moved)
            for (User *u : make_early_inc_range(a->users()))
                if (auto *ii = dyn_cast<IntrinsicInst>(u); ii && ii->isLifetimeStartOrEnd())
                    ii->eraseFromParent();
        GlobalVariable *usp_var = extern_symbol(m, kUnsafeStackPtr);
        GlobalVariable *base = extern_symbol(m, kUnsafeStackBase);
        GlobalVariable *sandbox = extern_symbol(m, kSandboxStart);
        Instruction *at = &*f.getEntryBlock().getFirstNonPHIOrDbgOrAlloca();
        IRBuilder<> b(at);
        Value *usp = b.CreateLoad(PointerType::get(ctx, 0), usp_var, "ktal.usp");
        Value *top = b.CreatePtrToInt(usp, i64);
        Value *lowest = b.CreateSub(top, b.getInt64(frame));
        if (Align most = moved.front()->getAlign(); most > Align(16)) // (sorted: the first)
            lowest = b.CreateAnd(lowest, b.getInt64(~(most.value() - 1)));
        // Overflow: the new frame would start below the unsafe stack.
        Value *overflow = b.CreateICmpULT(lowest, b.CreatePtrToInt(base, i64));
        Instruction *then = SplitBlockAndInsertIfThen(overflow, at, true);
        IRBuilder<> tb(then);
        emit_trap(tb, kTrapStack, lowest);
        then->eraseFromParent();
        b.SetInsertPoint(at);
        Value *off = opaque_sub(b, lowest, b.CreatePtrToInt(sandbox, i64));
        Value *bad = b.CreateICmpUGT(off, b.getInt64(l.sandbox_span - frame));
        then = SplitBlockAndInsertIfThen(bad, at, true);
        tb.SetInsertPoint(then);
        emit_trap(tb, kTrapBounds, lowest);
        then->eraseFromParent();
        b.SetInsertPoint(at);
        auto *fp = cast<Instruction>(b.CreateGEP(i8, sandbox, off, "ktal.frame"));
        mark_extent(fp, frame);
        b.CreateStore(fp, usp_var);
        for (size_t k = 0; k < moved.size(); ++k) {
            auto *slot =
                cast<Instruction>(b.CreateGEP(i8, fp, b.getInt64(offsets[k]), moved[k]->getName()));
            mark_extent(slot, dl.getTypeAllocSize(moved[k]->getAllocatedType()));
            moved[k]->replaceAllUsesWith(slot);
            moved[k]->eraseFromParent();
        }
        for (BasicBlock &bb : f)
            if (auto *ret = dyn_cast<ReturnInst>(bb.getTerminator()))
                new StoreInst(usp, usp_var, ret->getIterator());
    }
    return true;
}

} // namespace ktal
