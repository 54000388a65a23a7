// Guards: before every memory access the verifier could not prove, check the
// pointer's offset from its region's base unsigned against the region's size
// minus the access width, trap if outside, and make the access through base +
// checked offset (behind an opaque copy, so the backend cannot fold it back
// into the unchecked pointer). Loads may read rodata and the sandbox (one
// window: rodata's pages, then the sandbox); stores only the sandbox.
//
// No guard where the verifier proves the access itself: globals at constant
// in-bounds offsets (RIP-relative), locals left on the safe stack, the unsafe
// frame at constant offsets, and accesses covered by a dominating guard of the
// same pointer. Accesses to one pointer within a block with no call between
// them share one guard for their combined range.
//
// Divisions by a variable get a trap for 0 and, when signed, a branch for -1
// (x / -1 = -x, x % -1 = 0) so that idiv never faults.
#include "Passes.h"

#include "llvm/ADT/DepthFirstIterator.h"
#include "llvm/Analysis/DomTreeUpdater.h"
#include "llvm/Analysis/LoopInfo.h"
#include "llvm/Analysis/Utils/Local.h"
#include "llvm/Analysis/ValueTracking.h"
#include "llvm/IR/Dominators.h"
#include "llvm/IR/GetElementPtrTypeIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/PatternMatch.h"
#include "llvm/Transforms/Utils/BasicBlockUtils.h"

#include <map>
#include <vector>

using namespace llvm;
using namespace llvm::PatternMatch;

namespace ktal {
namespace {

struct Access {
    Instruction *inst;
    unsigned operand; // index of the pointer operand
    uint64_t width;
    bool store;
    BasicBlock *loop_header; // of the innermost loop around the access, if any
    // Its straight-line stretch as collected: its block up to the next
    // division by a variable (whose guard for -1 adds a join). Guards split
    // the block later; a guard is shared within a stretch only.
    const Value *stretch;
};

// The most bytes one guard covers for several accesses.
constexpr int64_t kMaxSharedSpan = 1 << 16;
// Constant offsets are summed only while they stay far from overflow (a
// GEP's constants are the program's, and may be anything).
constexpr int64_t kFarOffset = int64_t(1) << 40;
bool near(int64_t v) {
    return v > -kFarOffset && v < kFarOffset;
}

struct Guard {
    Instruction *at;      // the first access it covers
    const Value *stretch; // at's, as collected
    Value *checked;       // region base + checked offset: the pointer base + at_c
    int64_t lo, hi;       // bytes of base it covers
    bool store_ok;
    int64_t at_c = 0; // the constant `checked` includes (0 when lo rides in the displacement)
};

// A signed division or remainder of d's dividend by -1: its negation, or
// 0 (INT_MIN / -1, undefined in C, wraps instead of faulting).
static Value *by_minus_one(IRBuilder<> &b, BinaryOperator *d) {
    return d->getOpcode() == Instruction::SDiv
               ? b.CreateNeg(d->getOperand(0))
               : static_cast<Value *>(ConstantInt::get(d->getType(), 0));
}

// The integer divisions and remainders of f that `wanted` picks.
template <class Pred>
static std::vector<BinaryOperator *> divisions(Function &f, Pred wanted) {
    std::vector<BinaryOperator *> found;
    for (BasicBlock &bb : f)
        for (Instruction &i : bb)
            if (auto *bo = dyn_cast<BinaryOperator>(&i); bo && bo->isIntDivRem() && wanted(bo))
                found.push_back(bo);
    return found;
}

class Guarder {
  public:
    // `loops`: of the function as given (the guards then split its blocks,
    // keeping `dt` up to date, but not `loops`).
    Guarder(Function &f, const Layout &l, DominatorTree &dt, const LoopInfo &loops)
        : f_(f), m_(*f.getParent()), dl_(m_.getDataLayout()), l_(l), dt_(dt),
          dtu_(dt_, DomTreeUpdater::UpdateStrategy::Eager), loops_(loops) {}

    void run() {
        std::vector<Access> accesses;
        std::vector<BinaryOperator *> divisions;
        for (BasicBlock *bb : depth_first(&f_.getEntryBlock())) {
            Loop *l = loops_.getLoopFor(bb);
            header_ = l ? l->getHeader() : nullptr;
            stretch_ = bb;
            for (Instruction &i : *bb) collect(i, accesses, divisions);
        }
        for (const Access &a : accesses) {
            Parts p = parts_of(a);
            // Whether the pointer the base's GEPs start from is defined in
            // the access's own loop, an innermost one.
            if (auto *i = dyn_cast<Instruction>(strip_geps(p.base.ptr))) {
                Loop *l = loops_.getLoopFor(i->getParent());
                p.root_in_loop = l && l->isInnermost() && l->getHeader() == a.loop_header;
            }
            parts_.push_back(p);
        }
        for (size_t k = 0; k < accesses.size(); ++k) guard(accesses, k);
        for (BinaryOperator *d : divisions) guard_division(d);
    }

  private:
    void collect(Instruction &i, std::vector<Access> &acc, std::vector<BinaryOperator *> &divs) {
        if (auto *ld = dyn_cast<LoadInst>(&i)) {
            // The backend may widen a load up to its alignment (a 2-byte load
            // aligned to 4 read with movl: it cannot cross a page), so the
            // guard covers that much. An aligned object ends at a multiple of
            // its alignment, so no legitimate access traps for it.
            uint64_t width = std::max<uint64_t>(dl_.getTypeStoreSize(ld->getType()),
                                                std::min<uint64_t>(ld->getAlign().value(), 8));
            acc.push_back({&i, ld->getPointerOperandIndex(), width, false, header_, stretch_});
        } else if (auto *st = dyn_cast<StoreInst>(&i)) {
            acc.push_back({&i, st->getPointerOperandIndex(),
                           dl_.getTypeStoreSize(st->getValueOperand()->getType()), true, header_,
                           stretch_});
        } else if (auto *mi = dyn_cast<MemIntrinsic>(&i)) {
            // A constant size may be expanded inline: guard it; a variable one
            // becomes a call to the runtime, which guards its own accesses.
            if (auto *len = dyn_cast<ConstantInt>(mi->getLength());
                len && len->getZExtValue() > 0) {
                acc.push_back({&i, 0, len->getZExtValue(), true, header_, stretch_});
                if (isa<MemTransferInst>(mi))
                    acc.push_back({&i, 1, len->getZExtValue(), false, header_, stretch_});
            }
        } else if (auto *bo = dyn_cast<BinaryOperator>(&i)) {
            unsigned op = bo->getOpcode();
            // (A constant divisor needs no guard unless it is 0: -O0 divides by
            // what -O2 would have folded; -1 is folded before, see below.)
            auto *k = dyn_cast<ConstantInt>(bo->getOperand(1));
            if ((op == Instruction::SDiv || op == Instruction::UDiv || op == Instruction::SRem ||
                 op == Instruction::URem) &&
                (!k || k->isZero())) {
                divs.push_back(bo);
                stretch_ = bo;
            }
        }
    }

    // Where the verifier needs no guard: the offset is constant and in bounds
    // of something it knows the size of.
    bool provable(Value *base, int64_t c, uint64_t w, bool store) {
        int64_t end = c + static_cast<int64_t>(w);
        if (auto *g = dyn_cast<GlobalVariable>(base))
            return !g->isDeclaration() && c >= 0 &&
                   end <= static_cast<int64_t>(dl_.getTypeAllocSize(g->getValueType())) &&
                   !(store && g->isConstant());
        if (isa<AllocaInst>(base)) return true; // the unsafe-stack pass left only provable ones
        if (auto *i = dyn_cast<Instruction>(base))
            if (MDNode *md = i->getMetadata("ktal.extent")) {
                int64_t extent =
                    cast<ConstantInt>(cast<ConstantAsMetadata>(md->getOperand(0))->getValue())
                        ->getSExtValue();
                return c >= 0 && end <= extent;
            }
        return false;
    }

    // What guards are shared by: p = ptr + index * scale + (a constant), where
    // an index `i + k` counts as i (p[i], p[i + 1], ... of an unrolled loop
    // share one base and one guard), and ptr is stripped of constant offsets
    // (a[i] and b[i] of two arrays in one unsafe frame share the frame's).
    // The scale is part of the key: p[i] as an int and as a long are not
    // the same distance from p.
    struct Base {
        Value *ptr;
        Value *index = nullptr;
        Type *elem = nullptr; // index counts these
        uint64_t scale = 0;
        auto key() const { return std::tuple(ptr, index, scale); }
    };

    // An access's pointer, taken apart once (guarding changes no pointer's
    // definition): the object and offset `provable` judges, and the shared
    // base and its constant.
    struct Parts {
        Value *object;
        int64_t object_c = 0;
        Base base;
        int64_t c = 0;
        bool root_in_loop = false; // see run()
    };

    Parts parts_of(const Access &a) {
        Value *p = a.inst->getOperand(a.operand);
        Parts r;
        r.object = GetPointerBaseWithConstantOffset(p, r.object_c, dl_);
        r.c = r.object_c;
        if (near(r.c)) {
            r.base = split(r.object, r.c);
        } else { // far: a guard of its own
            r.c = 0;
            r.base = Base{p};
        }
        return r;
    }

    // b = p stripped of its constant offset c (near).
    Base split(Value *b, int64_t &c) {
        auto *gep = dyn_cast<GetElementPtrInst>(b);
        if (!gep) return {b};
        // Constant indices, then one variable index into an array: `a[i]`
        // of a local `int a[32]` is gep [32 x i32], a, 0, i.
        int64_t lead = 0;
        Value *index = nullptr;
        Type *elem = nullptr;
        unsigned left = gep->getNumIndices();
        for (auto it = gep_type_begin(gep); it != gep_type_end(gep); ++it) {
            auto *ci = dyn_cast<ConstantInt>(it.getOperand());
            if (--left == 0) {
                if (it.isStruct() || ci) return {b};
                index = it.getOperand(), elem = it.getIndexedType();
                break;
            }
            if (!ci || ci->getBitWidth() > 64) return {b};
            int64_t step = 0;
            if (StructType *st = it.getStructTypeOrNull())
                step = static_cast<int64_t>(
                    dl_.getStructLayout(st)->getElementOffset(ci->getZExtValue()));
            else if (__builtin_mul_overflow(
                         ci->getSExtValue(),
                         static_cast<int64_t>(it.getSequentialElementStride(dl_).getFixedValue()),
                         &step))
                return {b};
            if (!near(step) || !near(lead += step)) return {b};
        }
        if (!index || !index->getType()->isIntegerTy(64)) return {b};
        int64_t scale = static_cast<int64_t>(dl_.getTypeAllocSize(elem));
        if (!near(scale)) return {b};
        int64_t total = c + lead;
        Value *x;
        const APInt *k;
        if ((match(index, m_Add(m_Value(x), m_APInt(k))) ||
             match(index, m_DisjointOr(m_Value(x), m_APInt(k)))) &&
            k->getSignificantBits() <= 20 && scale < (1 << 20)) {
            total += k->getSExtValue() * scale;
            index = x;
        }
        int64_t c0 = 0;
        Value *ptr = GetPointerBaseWithConstantOffset(gep->getPointerOperand(), c0, dl_);
        if (!near(c0) || !near(total += c0)) return {b};
        c = total;
        return {ptr, index, elem, static_cast<uint64_t>(scale)};
    }

    void guard(std::vector<Access> &all, size_t k) {
        Access a = all[k];
        const Parts &parts = parts_[k];
        if (near(parts.object_c) && provable(parts.object, parts.object_c, a.width, a.store))
            return;
        const Base &shared = parts.base;
        int64_t c = parts.c;
        int64_t end = c + static_cast<int64_t>(a.width);
        for (Guard &g : guards_[shared.key()]) {
            // Only within a stretch: a checked offset reused across blocks
            // may be spilled before its check and reloaded after a join,
            // where the certificate no longer ties the slot to the check.
            if (g.lo <= c && end <= g.hi && (g.store_ok || !a.store) && g.stretch == a.stretch &&
                dt_.dominates(g.at, a.inst)) {
                use(a, g, c);
                return;
            }
        }
        // Widen to the accesses that must follow in this block (no call between).
        Guard g{a.inst, a.stretch, nullptr, c, end, a.store};
        // (The instructions between are scanned once, not once per access:
        // a function of n accesses in one block took n^3.)
        Instruction *scan = a.inst->getNextNode();
        for (size_t j = k + 1; j < all.size() && all[j].stretch == a.stretch; ++j) {
            bool call = false;
            for (; scan && scan != all[j].inst && !call; scan = scan->getNextNode())
                call = is_call(scan);
            if (call) break;
            if (parts_[j].base.key() != shared.key()) continue;
            int64_t cj = parts_[j].c;
            int64_t lo = std::min(g.lo, cj),
                    hi = std::max(g.hi, cj + static_cast<int64_t>(all[j].width));
            if (hi - lo > kMaxSharedSpan) continue; // far apart: fields of a large struct
            g.lo = lo, g.hi = hi;
            g.store_ok |= all[j].store;
        }
        uint64_t span = static_cast<uint64_t>(g.hi - g.lo);
        uint64_t window = g.store_ok ? l_.sandbox_span : l_.load_window();
        if (span > window) {
            error_at(*a.inst,
                     "an access of " + std::to_string(span) + " bytes is larger than its region");
            return;
        }
        // A small lo rides in the accesses' displacement, checked as a
        // tighter limit: the guard checks base + index * scale (+ at_c, 0 or
        // -kFoldSlack) <= window - span - (lo - at_c), so every guard on this
        // base checks the same offset, one lea, and only the limit differs.
        // Sound by the limit. No false trap: the first kFoldSlack bytes of
        // each window hold no object, so where a legitimate access has
        // off + (lo - at_c) >= kFoldSlack, off itself is not below 0.
        g.at_c = anchor(g.lo, window - span);
        uint64_t limit = window - span - static_cast<uint64_t>(g.lo - g.at_c);
        IRBuilder<> b(a.inst);
        GlobalVariable *region = guard_region(m_, g.store_ok);
        Type *i8 = b.getInt8Ty(), *i64 = b.getInt64Ty();
        Value *base =
            shared.index ? b.CreateGEP(shared.elem, shared.ptr, shared.index) : shared.ptr;
        // The offset in the region, opaque so that the compare and the access
        // use the very same register.
        Value *off = nullptr;
        Value *rbase = base_of(region);
        // base + lo = (a pointer known earlier) + (the variable part of the
        // GEPs from it) + lo: that pointer's offset is taken once, and each
        // access pays an add (or a lea), not a subtraction. In a loop, the
        // pointer known before the loop, its offset taken there; else the
        // pointer the GEPs start from, its offset taken where it is defined
        // (x->key and x->child[c] then share one subtraction).
        SmallVector<GEPOperator *, 4> geps;
        Instruction *at = loop_entry(a);
        Value *known = at ? invariant_part(base, at, geps) : nullptr;
        bool at_definition = !known;
        if (at_definition) {
            geps.clear();
            known = strip_geps(base, &geps);
            // (Only within an innermost loop: an offset live through an
            // inner loop would cost that loop a register, and code outside
            // loops gains nothing.)
            at = parts.root_in_loop ? after_definition(known) : nullptr;
        }
        // Not where an index is computed from pointers (a length as end -
        // start): the verifier follows `end - 1` as a pointer, but not
        // `end + (-start)` as a number.
        bool pointers = false;
        for (GEPOperator *gep : geps)
            for (Use &index : gep->indices()) pointers |= from_pointer(index.get(), 6);
        if (at && !pointers) {
            off = offset_at(known, region, g.at_c, at, at_definition);
            for (GEPOperator *gep : geps) {
                Value *step = emitGEPOffset(&b, dl_, gep);
                off = match(off, m_Zero()) ? step : b.CreateAdd(off, step);
            }
            off = opaque(b, off);
        } else {
            off = opaque_sub(b, b.CreatePtrToInt(b.CreateGEP(i8, base, b.getInt64(g.at_c)), i64),
                             b.CreatePtrToInt(rbase, i64));
        }
        Value *bad = b.CreateICmpUGT(off, b.getInt64(limit));
        Instruction *then = SplitBlockAndInsertIfThen(bad, a.inst, true, nullptr, &dtu_);
        IRBuilder<> tb(then);
        emit_trap(tb, kTrapBounds,
                  tb.CreateGEP(i8, tb.CreateGEP(i8, rbase, off), tb.getInt64(g.lo - g.at_c)));
        then->eraseFromParent();
        b.SetInsertPoint(a.inst);
        g.checked = b.CreateGEP(i8, rbase, off, "ktal.checked");
        guards_[shared.key()].push_back(g);
        use(a, g, c);
    }

    // Where work for the access's loop can be done once: the end of the
    // block that immediately dominates the loop's header (outside the loop,
    // and before every iteration).
    Instruction *loop_entry(const Access &a) {
        if (!a.loop_header) return nullptr;
        DomTreeNode *n = dt_.getNode(a.loop_header);
        return n && n->getIDom() ? n->getIDom()->getBlock()->getTerminator() : nullptr;
    }

    bool known_at(Value *v, Instruction *at) {
        auto *i = dyn_cast<Instruction>(v);
        return !i || dt_.dominates(i, at);
    }

    // Strips the GEPs computed inside the loop off p, innermost last: the
    // pointer they start from, if it is known at `at` (else nullptr).
    Value *invariant_part(Value *p, Instruction *at, SmallVectorImpl<GEPOperator *> &geps) {
        while (!known_at(p, at)) {
            auto *gep = dyn_cast<GEPOperator>(p);
            if (!gep) return nullptr;
            geps.push_back(gep);
            p = gep->getPointerOperand();
        }
        return p;
    }

    // Whether v is computed (within `depth` steps) from a pointer's address.
    static bool from_pointer(Value *v, int depth) {
        if (isa<PtrToIntInst>(v)) return true;
        auto *i = dyn_cast<Instruction>(v);
        if (!i || depth == 0 || !(isa<BinaryOperator>(i) || isa<CastInst>(i))) return false;
        for (Value *op : i->operands())
            if (from_pointer(op, depth - 1)) return true;
        return false;
    }

    // The constant a guard's checked offset includes, for accesses from lo
    // on with `room` bytes of the window to spare: 0 for lo in [0, 4 KiB]
    // and -4 KiB for lo in [-4 KiB, 0) (lo then rides in the displacement),
    // else lo itself, as where lo - at_c would not fit in the room.
    static int64_t anchor(int64_t lo, uint64_t room) {
        constexpr int64_t kFold = static_cast<int64_t>(Layout::kFoldSlack);
        int64_t at_c = lo;
        if (lo >= 0 && lo <= kFold)
            at_c = 0;
        else if (lo < 0 && lo >= -kFold)
            at_c = -kFold;
        return static_cast<uint64_t>(lo - at_c) <= room ? at_c : lo;
    }

    // The pointer a chain of GEPs starts from (the GEPs, outermost first,
    // into `geps`).
    static Value *strip_geps(Value *p, SmallVectorImpl<GEPOperator *> *geps = nullptr) {
        while (auto *gep = dyn_cast<GEPOperator>(p)) {
            if (geps) geps->push_back(gep);
            p = gep->getPointerOperand();
        }
        return p;
    }

    // Where an instruction's value can first be used (after a block's phis);
    // nullptr for arguments and constants, whose offsets would be live
    // through the whole function.
    static Instruction *after_definition(Value *v) {
        auto *i = dyn_cast<Instruction>(v);
        if (!i || i->isTerminator()) return nullptr;
        return isa<PHINode>(i) ? &*i->getParent()->getFirstInsertionPt() : i->getNextNode();
    }

    // p + c - region, computed at `at` once: once per block where loops
    // enter, once where p is defined (`at_definition`).
    Value *offset_at(Value *p, GlobalVariable *region, int64_t c, Instruction *at,
                     bool at_definition) {
        IRBuilder<> b(at);
        // The region's own offset needs no subtraction (StrideOffsets.cpp's
        // pointers are the region plus an offset).
        if (p == region) return b.getInt64(c);
        Value *&cached = offsets_[{p, region, c, at_definition ? nullptr : at->getParent()}];
        if (cached) return cached;
        Type *i64 = b.getInt64Ty();
        Value *off =
            opaque_sub(b, b.CreatePtrToInt(p, i64), b.CreatePtrToInt(base_of(region), i64));
        return cached = c ? b.CreateAdd(off, b.getInt64(c)) : off;
    }

    // The region's base as the function's guards use it: a copy of its
    // symbol's address, made once at the entry, that alias analysis cannot
    // see through. From the symbol itself, an access would be one into that
    // symbol, which no other global overlaps, and llc moved `*p = 7` after
    // `g ^= 3` and forwarded a stored value across a store to g where p was
    // &g (Csmith's seed 312); from the copy, it may be to anything.
    Value *base_of(GlobalVariable *region) {
        Value *&base = bases_[region];
        if (!base) {
            IRBuilder<> eb(&*f_.getEntryBlock().getFirstInsertionPt());
            base = opaque(eb, region);
        }
        return base;
    }

    void use(const Access &a, const Guard &g, int64_t c) {
        IRBuilder<> b(a.inst);
        Value *p =
            c == g.at_c ? g.checked : b.CreateGEP(b.getInt8Ty(), g.checked, b.getInt64(c - g.at_c));
        a.inst->setOperand(a.operand, p);
    }

    static bool is_call(const Instruction *i) { return isa<CallBase>(i) && !isa<IntrinsicInst>(i); }

    void guard_division(BinaryOperator *d) {
        bool is_signed = d->getOpcode() == Instruction::SDiv || d->getOpcode() == Instruction::SRem;
        Value *den = d->getOperand(1);
        IRBuilder<> b(d);
        // A 32-bit divisor is tested as a 32-bit register, whose upper half
        // the verifier must know to be zero for the test to count.
        if (den->getType()->isIntegerTy(32)) {
            den = zero_extended32(b, den);
            d->setOperand(1, den);
        }
        Instruction *then = SplitBlockAndInsertIfThen(
            b.CreateICmpEQ(den, ConstantInt::get(den->getType(), 0)), d, true, nullptr, &dtu_);
        IRBuilder<> tb(then);
        emit_trap(tb, kTrapDivide, den);
        then->eraseFromParent();
        if (is_signed) {
            // x / -1 = 0 - x and x % -1 = 0 (INT_MIN / -1 would fault: wrap instead).
            b.SetInsertPoint(d);
            Value *minus_one = b.CreateICmpEQ(den, ConstantInt::getSigned(den->getType(), -1));
            Instruction *special_term = nullptr, *normal_term = nullptr;
            SplitBlockAndInsertIfThenElse(minus_one, d, &special_term, &normal_term);
            IRBuilder<> sb(special_term);
            Value *special = by_minus_one(sb, d);
            IRBuilder<> nb(normal_term);
            auto *normal = BinaryOperator::Create(d->getOpcode(), d->getOperand(0), opaque(nb, den),
                                                  "", normal_term->getIterator());
            normal->setDebugLoc(d->getDebugLoc());
            b.SetInsertPoint(d);
            PHINode *phi = b.CreatePHI(d->getType(), 2);
            phi->addIncoming(special, special_term->getParent());
            phi->addIncoming(normal, normal_term->getParent());
            d->replaceAllUsesWith(phi);
            d->eraseFromParent();
            dtu_.recalculate(f_);
        } else {
            b.SetInsertPoint(d);
            d->setOperand(1, opaque(b, den));
        }
    }

    Function &f_;
    Module &m_;
    const DataLayout &dl_;
    const Layout &l_;
    DominatorTree &dt_;
    DomTreeUpdater dtu_;
    const LoopInfo &loops_;
    std::vector<Parts> parts_; // of each access, by its index
    std::map<std::tuple<Value *, Value *, uint64_t>, std::vector<Guard>> guards_;
    std::map<std::tuple<Value *, GlobalVariable *, int64_t, BasicBlock *>, Value *> offsets_;
    std::map<GlobalVariable *, Value *> bases_;
    BasicBlock *header_ = nullptr; // while collecting
    const Value *stretch_ = nullptr;
};

} // namespace

// llvm.load.relative (relative lookup tables, which the optimiser makes for
// switches in position-independent code) is a load the guards would not see:
// spell it out as the load and the add it stands for.
static void expand_relative_loads(Function &f) {
    std::vector<IntrinsicInst *> rel;
    for (BasicBlock &bb : f)
        for (Instruction &i : bb)
            if (auto *ii = dyn_cast<IntrinsicInst>(&i);
                ii && ii->getIntrinsicID() == Intrinsic::load_relative)
                rel.push_back(ii);
    for (IntrinsicInst *ii : rel) {
        IRBuilder<> b(ii);
        Value *table = ii->getArgOperand(0);
        Value *entry = b.CreateGEP(b.getInt8Ty(), table, ii->getArgOperand(1));
        Value *rel_off =
            b.CreateSExt(b.CreateAlignedLoad(b.getInt32Ty(), entry, Align(4)), b.getInt64Ty());
        ii->replaceAllUsesWith(b.CreateGEP(b.getInt8Ty(), table, rel_off));
        ii->eraseFromParent();
    }
}

// GCC's vector extension divides lane by lane (v / w): so does the program,
// one scalar division per lane, which the steps below widen and guard like
// any other (a guard's branch cannot test a vector).
static void scalarize_vector_divisions(Function &f) {
    auto vector =
        divisions(f, [](BinaryOperator *d) { return isa<FixedVectorType>(d->getType()); });
    for (BinaryOperator *d : vector) {
        IRBuilder<> b(d);
        auto *ty = cast<FixedVectorType>(d->getType());
        Value *lanes = PoisonValue::get(ty); // every lane is written below
        for (unsigned k = 0; k < ty->getNumElements(); ++k)
            lanes = b.CreateInsertElement(
                lanes,
                b.CreateBinOp(d->getOpcode(), b.CreateExtractElement(d->getOperand(0), k),
                              b.CreateExtractElement(d->getOperand(1), k)),
                k);
        d->replaceAllUsesWith(lanes);
        d->eraseFromParent();
    }
}

// A signed division by the constant -1 is a negation and its remainder 0
// (-O2 folds them; -O0 divides: `(short)x % -1` became `idiv` by -1 of a
// value the verifier cannot tell from INT_MIN, as its 32-bit sign extension
// spans both ends of the unsigned range; gcc's torture test divmod-1).
// INT_MIN / -1, undefined in C, then wraps instead of faulting.
static void fold_divisions_by_minus_one(Function &f) {
    for (BinaryOperator *d : divisions(f, [](BinaryOperator *d) {
             auto *k = dyn_cast<ConstantInt>(d->getOperand(1));
             return k && k->isMinusOne() &&
                    (d->getOpcode() == Instruction::SDiv || d->getOpcode() == Instruction::SRem);
         })) {
        IRBuilder<> b(d);
        d->replaceAllUsesWith(by_minus_one(b, d));
        d->eraseFromParent();
    }
}

// The verifier knows 32- and 64-bit division only (8- and 16-bit div split
// their results across ah/dx): do narrower ones in 32 bits, which gives the
// same quotient and remainder.
static void widen_narrow_divisions(Function &f) {
    auto narrow = divisions(f, [](BinaryOperator *d) {
        return d->getType()->isIntegerTy() && d->getType()->getIntegerBitWidth() < 32;
    });
    for (BinaryOperator *d : narrow) {
        IRBuilder<> b(d);
        bool is_signed = d->getOpcode() == Instruction::SDiv || d->getOpcode() == Instruction::SRem;
        auto widen = [&](Value *v) {
            return is_signed ? b.CreateSExt(v, b.getInt32Ty()) : b.CreateZExt(v, b.getInt32Ty());
        };
        Value *wide =
            b.CreateBinOp(d->getOpcode(), widen(d->getOperand(0)), widen(d->getOperand(1)));
        d->replaceAllUsesWith(b.CreateTrunc(wide, d->getType()));
        d->eraseFromParent();
    }
}

bool insert_guards(Module &m, const Layout &l) {
    for (Function &f : m) {
        if (f.isDeclaration()) continue;
        // An undefined value (undef/poison, say on a phi edge the optimiser
        // knows is never taken) becomes no instruction at all, so the
        // register keeps whatever it held; the verifier cannot know the edge is
        // dead. Zero costs an xor.
        for (BasicBlock &bb : f)
            for (Instruction &i : bb) {
                if (isa<DbgInfoIntrinsic>(i)) continue;
                for (Use &u : i.operands())
                    if (isa<UndefValue>(u.get()) &&
                        (u->getType()->isIntegerTy() || u->getType()->isPointerTy()))
                        u.set(Constant::getNullValue(u->getType()));
            }
        // __builtin_clz/ctz of 0 is undefined, and the backend then uses a bare
        // bsr/bsf, which leaves the destination as it was (possibly stale
        // data) when the input is 0. Defining the zero case makes it emit a
        // cmov on ZF, which the verifier follows.
        for (BasicBlock &bb : f)
            for (Instruction &i : bb)
                if (auto *ii = dyn_cast<IntrinsicInst>(&i);
                    ii && (ii->getIntrinsicID() == Intrinsic::ctlz ||
                           ii->getIntrinsicID() == Intrinsic::cttz))
                    ii->setArgOperand(1, ConstantInt::getFalse(m.getContext()));
        expand_relative_loads(f);
        scalarize_vector_divisions(f);
        fold_divisions_by_minus_one(f);
        widen_narrow_divisions(f);
        // (Neither step changes the blocks: one tree and loop forest serve both.)
        DominatorTree dt(f);
        LoopInfo loops(dt);
        reduce_strided_offsets(f, dt, loops);
        Guarder(f, l, dt, loops).run();
    }
    return true;
}

} // namespace ktal
