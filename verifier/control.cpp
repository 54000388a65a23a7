// Calls and returns: a call reaches a certified function earlier in the call
// order (so the call graph is acyclic and stack use is bounded), after a fuel
// point, or a helper slot; a return leaves the frame exactly as it was entered.
#include "tal/helpers.hpp"
#include "verifier/rules.hpp"
#include "verifier/transfer.hpp"

namespace ktal {

static const Function *function_at(const Cert &cert, u64 entry) {
    u32 lo = 0, hi = cert.nfuncs;
    while (lo < hi) {
        u32 mid = (lo + hi) / 2;
        if (cert.funcs[mid].entry < entry)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < cert.nfuncs && cert.funcs[lo].entry == entry ? &cert.funcs[lo] : nullptr;
}

// After any call: the callee may change caller-saved registers and leaves
// flags that say something about its data, not ours.
static void clobber_after_call(State &s, bool fuel) {
    for (u8 r = 0; r < kNumRegs; ++r) {
        if (fuel ? r != R11 : !is_caller_saved(r)) continue;
        s.reg[r] = Value::uninit();
        state_clobber(s, r);
    }
    s.flags = Flags{};
}

bool rule_call(RuleCtx &c, State &s, const Insn &in) {
    const Layout &l = c.cert.layout;
    i64 depth = 8 - s.rsp(); // bytes below the entry rsp once the return address is pushed
    u64 slots_end = l.helpers_off + l.helper_count * kHelperSlotSize;
    if (in.target >= l.helpers_off && in.target < slots_end) {
        if ((in.target - l.helpers_off) % kHelperSlotSize)
            return c.fail(rule::kCallTarget, "a call into the middle of a helper slot");
        u32 id =
            static_cast<u32>((in.target - l.helpers_off) / kHelperSlotSize); // slot i: helper i
        // (An inline fuel point, which skips its call while the fuel word is
        // clear, is one only if it reads the fuel word and calls the fuel
        // helper, whose call changes nothing but r11 and the flags: decode.)
        const HelperInfo &h = helper_info(id);
        for (u8 k = 0; k < h.nargs; ++k) {
            const Value &v = s.reg[kArgRegs[k]];
            if (!v.is_data()) {
                c.fault.expected.add("data in ")
                    .add(reg_name(kArgRegs[k]))
                    .add(" for ")
                    .add(h.name);
                return c.fail(leak_rule(v), "a helper argument is not plain data", v);
            }
        }
        if (depth > static_cast<i64>(c.fn.bound))
            return c.fail(rule::kStackBound,
                          "the call pushes past the function's certified stack bound");
        if (h.kind == KTAL_HELPER_NORETURN) {
            s.live = false;
            return true;
        }
        clobber_after_call(s, h.kind == KTAL_HELPER_FUEL);
        if (h.kind == KTAL_HELPER_FUEL)
            s.fuel = 1;
        else
            s.reg[RAX] = Value::top();
        return true;
    }
    const Function *callee = function_at(c.cert, in.target);
    if (!callee)
        return c.fail(rule::kCallTarget,
                      "a call to something that is neither a function nor a helper slot");
    if (callee->order >= c.fn.order) {
        c.fault.expected.add("callee order < ").udec(c.fn.order);
        c.fault.found.add("callee order ").udec(callee->order);
        return c.fail(rule::kCallOrder,
                      "a call that is not to an earlier function in the call order (recursion?)");
    }
    // Calls are bounded by fuel too: without a fuel point before every call to
    // a program function, an acyclic call graph still runs 2^depth calls
    // (each function calling the next twice). With one, each activation that
    // calls anything pays fuel, so the work between two fuel points is
    // bounded by the program's size.
    if (!s.fuel)
        return c.fail(rule::kFuelCall,
                      "a call to a program function without a fuel point since the function's "
                      "entry or the last loop head (a call tree that cannot be interrupted)");
    for (u8 k = 0; k < callee->nargs; ++k) {
        const Value &v = s.reg[kArgRegs[k]];
        if (callee->args[k].kind == Kind::Uninit) continue; // an argument the callee ignores
        if (!v.is_data() || !entails(v, callee->args[k])) {
            describe(callee->args[k], c.fault.expected);
            c.fault.expected.add(" in ").add(reg_name(kArgRegs[k]));
            return c.fail(v.is_data() ? rule::kCallArgs : leak_rule(v),
                          "an argument does not have the callee's certified type", v);
        }
    }
    if (depth + static_cast<i64>(callee->bound) > static_cast<i64>(c.fn.bound)) {
        c.fault.expected.add("<= ").udec(c.fn.bound).add(" bytes");
        c.fault.found.udec(static_cast<u64>(depth) + callee->bound).add(" bytes");
        return c.fail(rule::kStackBound,
                      "this call can use more stack than the function's certified bound");
    }
    clobber_after_call(s, false);
    s.reg[RAX] = callee->has_result ? callee->result : Value::uninit();
    s.sext = 0;
    return true;
}

bool rule_ret(RuleCtx &c, State &s, const Insn &) {
    if (s.rsp() != 0)
        return c.fail(rule::kRetRsp, "ret with rsp away from the entry value", s.reg[RSP],
                      "stack[0]");
    const Cell *ra = s.cell_at(0);
    if (ra[0].shape != Shape::Lo64 || ra[0].v.kind != Kind::RetAddr)
        return c.fail(rule::kRetAddr, "the return address is not intact", ra[0].v, "retaddr");
    for (u8 r = 0; r < kNumRegs; ++r) {
        if (!is_callee_saved(r)) continue;
        const Value &v = s.reg[r];
        if (v.kind != Kind::Saved || v.reg != r) {
            c.fault.expected.add("saved:").add(reg_name(r));
            return c.fail(rule::kRetCalleeSaved, "a callee-saved register is not restored", v);
        }
    }
    if (c.fn.has_result && !entails(s.reg[RAX], c.fn.result)) { // data, at least its low bytes
        describe(c.fn.result, c.fault.expected);
        return c.fail(rule::kRetResult, "the result does not have the certified type", s.reg[RAX]);
    }
    s.live = false;
    return true;
}

} // namespace ktal
