// The checker: one linear pass over each function. The state flows from
// instruction to instruction; a forward branch carries its state to the
// target (joined with every other edge there, all of which come from earlier
// in the text); a backward branch must land on a certified block, having
// passed a fuel point, in a state that entails the certificate's. Nothing is
// iterated: the work is linear in the size of the code.
#include "verifier/verifier.hpp"

#include "verifier/refine.hpp"
#include "verifier/rules.hpp"
#include "verifier/transfer.hpp"

#ifdef __KERNEL__
inline void *operator new(ktal::usize, void *p) noexcept {
    return p;
} // placement new; <new> is not there
#else
#include <new>
#endif

namespace ktal {
namespace {

bool reject(Rejection &rej, const char *rule, const char *message) {
    rej.rule = rule;
    rej.message.add(message);
    return false;
}

struct Pool { // spare states for forward targets, recycled once reached
    State **states = nullptr;
    u32 *free = nullptr;
    u32 nfree = 0, used = 0, cap = 0;
};

class Walker {
  public:
    Walker(const Cert &cert, const Function &fn, const VerifyInput &in, Decoder &dec, Arena &arena,
           Rejection &rej, Stats &st, const Yield *y)
        : cert_(cert), fn_(fn), in_(in), dec_(dec), arena_(arena), rej_(rej), st_(st), yield_(y) {}

    bool run() {
        if (walk()) return true;
        rej_.address = insn_.addr;
        if (insn_.addr >= fn_.entry && insn_.addr < end_)
            disasm(dec_, text_ + insn_.addr, end_ - insn_.addr, insn_.addr, rej_.disasm);
        return false;
    }

  private:
    bool walk();
    bool fail(const char *rule, const char *message) { return reject(rej_, rule, message); }
    bool new_state(State &s) {
        Cell *cells = arena_.alloc<Cell>(fn_.frame / 4 + 2);
        if (!cells) return fail(rule::kResource, "out of verifier memory");
        state_init(s, cells, fn_.frame);
        return true;
    }
    bool edge(State &e, u64 target);
    bool entails_block(const State &e, i32 mark, const char *message);

    const Cert &cert_;
    const Function &fn_;
    const VerifyInput &in_;
    Decoder &dec_;
    Arena &arena_;
    Rejection &rej_;
    Stats &st_;
    const Yield *yield_;
    i32 *mark_ = nullptr;       // per byte: -(cert block + 1), +(pool slot + 1), or 0
    bool *fuel_head_ = nullptr; // per certified block: it starts with a fuel point
    State cur_, taken_, certified_, scratch_;
    Pool pool_;
    Insn insn_;
    const u8 *text_ = nullptr; // the text, indexed by image offset
    u64 end_ = 0;
    u64 fuel_slot_ = 0; // address of the fuel helper's slot (the decoder's)
};

// e must entail the state of the certified block that `mark` names (which
// is left in certified_).
bool Walker::entails_block(const State &e, i32 mark, const char *message) {
    cert_apply(fn_.blocks[-mark - 1].state, certified_);
    Mismatch m;
    if (state_entails(e, certified_, &m)) return true;
    rej_.expected.add(m.where.c_str()).add(": ").add(m.want.c_str());
    rej_.found.add(m.where.c_str()).add(": ").add(m.got.c_str());
    return fail(rule::kEdge, message);
}

bool Walker::edge(State &e, u64 t) {
    if (t < fn_.entry || t >= end_) return fail(rule::kTargetOutside, "a jump leaves its function");
    i32 &m = mark_[t - fn_.entry];
    if (t > insn_.addr) {
        if (t < insn_.addr + insn_.len)
            return fail(rule::kTargetMidInsn, "a jump into the middle of itself");
        if (m < 0)
            return entails_block(e, m,
                                 "the jump's state does not entail its target's certified state");
        if (m > 0) {
            state_join(*pool_.states[m - 1], e);
            ++st_.joins;
            return true;
        }
        u32 idx;
        if (pool_.nfree) {
            idx = pool_.free[--pool_.nfree];
        } else {
            if (pool_.used == pool_.cap)
                return fail(rule::kResource, "too many open forward jumps");
            idx = pool_.used++;
            pool_.states[idx] = arena_.alloc<State>(1);
            if (!pool_.states[idx] || !new_state(*pool_.states[idx]))
                return fail(rule::kResource, "out of verifier memory");
        }
        state_copy(*pool_.states[idx], e);
        m = static_cast<i32>(idx + 1);
        return true;
    }
    if (m >= 0)
        return fail(rule::kTargetNotBlock,
                    "a backward jump to an address that is not a certified block");
    // Every cycle must pass a fuel point: either one ran since the last
    // backward-jump target was entered, or the target itself starts with one.
    if (e.live && !e.fuel && !fuel_head_[-m - 1])
        return fail(rule::kFuel, "a backward jump without a fuel point since the loop head (a loop "
                                 "that cannot be interrupted)");
    e.fuel = 0; // entering a backward-jump target starts a new count
    return entails_block(e, m, "the loop's state does not entail its head's certified state");
}

bool Walker::walk() {
    end_ = fn_.entry + fn_.size;
    text_ = in_.text - cert_.layout.text_off;
    fuel_slot_ = dec_.fuel_call;
    mark_ = arena_.alloc<i32>(fn_.size);
    fuel_head_ = arena_.alloc<bool>(fn_.nblocks ? fn_.nblocks : 1);
    pool_.cap = static_cast<u32>(min_of<u64>(fn_.size / 2 + 1, 1u << 16));
    pool_.states = arena_.alloc<State *>(pool_.cap);
    pool_.free = arena_.alloc<u32>(pool_.cap);
    if (!mark_ || !fuel_head_ || !pool_.states || !pool_.free)
        return fail(rule::kResource, "out of verifier memory");
    if (!new_state(cur_) || !new_state(taken_) || !new_state(certified_) || !new_state(scratch_))
        return false;
    for (u32 b = 0; b < fn_.nblocks; ++b)
        mark_[fn_.blocks[b].start - fn_.entry] = -static_cast<i32>(b) - 1;
    st_.cert_blocks += fn_.nblocks;

    state_entry(cur_);
    for (u8 k = 0; k < fn_.nargs; ++k) cur_.reg[kArgRegs[k]] = fn_.args[k];
    RuleCtx rc{Ctx{cert_, fn_, rej_}, &scratch_};
    u64 block = fn_.entry;
    DecodeError de; // set only on a rejection (not built again per instruction)
    for (u64 pc = fn_.entry; pc < end_;) {
        insn_.addr = pc; // (decode resets the rest)
        rej_.block = block;
        i32 m = mark_[pc - fn_.entry];
        if (m < 0) {
            // (a dead state entails every state)
            if (!entails_block(cur_, m,
                               "falling into a certified block in a state that does not entail it"))
                return false;
            state_copy(cur_, certified_);
            block = pc;
        } else if (m > 0) {
            state_join(cur_, *pool_.states[m - 1]);
            pool_.free[pool_.nfree++] = static_cast<u32>(m - 1);
            mark_[pc - fn_.entry] = 0;
            block = pc;
        }
        rej_.block = block;
        if (!decode(dec_, text_ + pc, end_ - pc, pc, insn_, de))
            return fail(de.rule, de.message.c_str());
        if (m < 0) fuel_head_[-m - 1] = insn_.op == Op::Call && insn_.target == fuel_slot_;
        i32 inside = 0; // any mark on the instruction's later bytes (one test, not two per byte)
        const i32 *here = mark_ + (pc - fn_.entry);
        for (u8 k = 1; k < insn_.len; ++k) inside |= here[k];
        for (u8 k = 1; inside && k < insn_.len; ++k) {
            if (here[k] < 0)
                return fail(rule::kBlockMidInsn,
                            "a certified block starts inside this instruction");
            if (here[k] > 0)
                return fail(rule::kTargetMidInsn, "an earlier jump lands inside this instruction");
        }
        if (cur_.live) {
            ++st_.instructions;
            if (yield_ && yield_->fn && st_.instructions % yield_->every == 0 &&
                !yield_->fn(yield_->ctx))
                return fail(rule::kInterrupted, "verification interrupted");
            if (insn_.op == Op::Jmp) {
                if (!edge(cur_, insn_.target)) return false;
                cur_.live = false;
            } else if (insn_.op == Op::Jcc) {
                if (!flags_readable(rc, cur_, insn_.cc)) return false;
                state_copy(taken_, cur_);
                // A branch the state proves never taken still names a target
                // the policy must allow (the proof is only as good as the
                // refinement): its edge carries a dead state.
                if (!refine(taken_, insn_.cc, cert_.layout)) taken_.live = false;
                if (!edge(taken_, insn_.target)) return false;
                if (!refine(cur_, insn_.cc ^ 1, cert_.layout)) cur_.live = false;
            } else if (!transfer(rc, cur_, insn_)) {
                return false;
            }
        }
        pc += insn_.len;
    }
    if (cur_.live)
        return fail(rule::kFallThrough, "execution can fall off the end of the function");
    return true;
}

// Bytes outside every function: only padding (int3, nops).
bool check_gap(Decoder &dec, const u8 *text, u64 from, u64 to, Rejection &rej) {
    for (u64 pc = from; pc < to;) {
        Insn insn;
        DecodeError de;
        if (!decode(dec, text + pc, to - pc, pc, insn, de) ||
            (insn.op != Op::Int3 && insn.op != Op::Nop)) {
            rej.address = pc;
            disasm(dec, text + pc, to - pc, pc, rej.disasm);
            return reject(rej, rule::kPadding,
                          "bytes between functions that are not padding (int3 or nop)");
        }
        pc += insn.len;
    }
    return true;
}

} // namespace

bool verify(const VerifyInput &in, Decoder &dec, Arena &arena, Rejection &rej, Stats &stats,
            const Yield *yield) {
    rej = Rejection{};
    stats = Stats{};
    Cert cert;
    CertError ce;
    if (!cert_read(in.cert, in.cert_size, arena, cert, ce)) {
        rej.cert_offset = ce.offset;
        return reject(rej, rule::kCertMalformed, ce.message.c_str());
    }
    stats.cert_memory = arena.mark();
    const Layout &l = cert.layout;
    decoder_set_fuel(dec, l);
    if (in.text_size != l.text_size) {
        rej.expected.udec(l.text_size).add(" bytes");
        rej.found.udec(in.text_size).add(" bytes");
        return reject(rej, rule::kCertLayout,
                      "the certificate's text size differs from the image's");
    }
    if (in.layout && !(*in.layout == l))
        return reject(rej, rule::kCertLayout,
                      "the certificate describes a different layout than the image has");
    const Function &entry = cert.funcs[cert.entry_function];
    if (entry.bound > in.stack_budget) {
        rej.expected.add("<= ").udec(in.stack_budget).add(" bytes");
        rej.found.udec(entry.bound).add(" bytes");
        rej.in_function = true;
        rej.function_entry = entry.entry;
        return reject(rej, rule::kStackBudget,
                      "the program may use more stack than the budget it will be given");
    }
    if (entry.has_result && !entry.result.is_data())
        return reject(rej, rule::kEntry,
                      "the entry function's result is the exit status: it must be a whole "
                      "register of data, not only its low bytes");
    for (u8 k = 0; k < entry.nargs; ++k)
        if (!entry.args[k].is_top())
            return reject(rej, rule::kEntry,
                          "the entry function must accept any integer arguments (the loader "
                          "passes argc and argv)");
    const u8 *text = in.text - l.text_off;
    u64 at = l.text_off;
    for (u32 i = 0; i < cert.nfuncs; ++i) {
        const Function &fn = cert.funcs[i];
        if (!check_gap(dec, text, at, fn.entry, rej)) return false;
        at = fn.entry + fn.size;
        rej.in_function = true;
        rej.function_entry = fn.entry;
        if (fn.frame > fn.bound)
            return reject(rej, rule::kStackBound,
                          "the function's frame is larger than its certified stack bound");
        usize mark = arena.mark();
        // The walker's states are large: they live in the arena, not on the
        // (kernel) stack.
        Walker *w = arena.alloc<Walker>(1);
        if (!w) return reject(rej, rule::kResource, "out of verifier memory");
        new (w) Walker(cert, fn, in, dec, arena, rej, stats, yield);
        bool ok = w->run();
        stats.memory = arena.high_water();
        arena.release(mark);
        ++stats.functions;
        if (!ok) return false;
        rej.in_function = false;
    }
    if (!check_gap(dec, text, at, l.text_off + l.text_size, rej)) return false;
    stats.entry = entry.entry;
    stats.entry_bound = entry.bound;
    stats.entry_result = entry.has_result;
    return true;
}

} // namespace ktal
