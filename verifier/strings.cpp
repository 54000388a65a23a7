// rep movs / rep stos: rcx units of 1, 4 or 8 bytes from rsi (movs) or from
// rax (stos) to rdi, forwards (the kernel enters with DF = 0 and the program
// cannot set it). The whole span must lie inside one region; on the safe
// stack only with exact pointers and count, one unit at a time.
#include "verifier/rules.hpp"
#include "verifier/transfer.hpp"

namespace ktal {

bool rule_rep(RuleCtx &c, State &s, const Insn &in) {
    u8 unit = in.width;
    Value count, dst, src, fill;
    if (!read_reg(c, s, RCX, 8, false, Use::Data, count) ||
        !read_reg(c, s, RDI, 8, false, Use::Addr, dst))
        return false;
    bool movs = in.op == Op::RepMovs;
    if (movs && !read_reg(c, s, RSI, 8, false, Use::Addr, src)) return false;
    if (!movs && !read_reg(c, s, RAX, unit, false, Use::Data, fill)) return false;
    u64 bytes;
    if (count.kind != Kind::Int ||
        __builtin_mul_overflow(count.umax, static_cast<u64>(unit), &bytes) || bytes > (1ull << 40))
        return c.fail(rule::kRepCount, "rep with a count that is not bounded", count,
                      "a bounded count");
    if (!check_access(c, s, dst, bytes, true) || (movs && !check_access(c, s, src, bytes, false)))
        return false;
    bool stack = dst.is_stack_ptr() || (movs && src.is_stack_ptr());
    if (stack && bytes) {
        if (!count.is_const() || dst.smin != dst.smax || (movs && src.smin != src.smax))
            return c.fail(rule::kRepCount, "rep on the safe stack needs exact pointers and count",
                          count);
        for (u64 k = 0; k < bytes; k += unit) {
            MemRef from{.base = RSI, .disp = static_cast<i64>(k)};
            MemRef to{.base = RDI, .disp = static_cast<i64>(k)};
            Value v = Value::urange(0, unit == 8 ? kU64Max : (1ull << (8 * unit)) - 1);
            if (movs && !load(c, s, from, unit, Use::Data, v)) return false;
            if (!store(c, s, to, unit, movs ? v : fill)) return false;
        }
    }
    auto advance = [&](u8 reg, const Value &p) {
        i64 lo = p.smin + static_cast<i64>(count.umin * unit),
            hi = p.smax + static_cast<i64>(bytes);
        s.reg[reg] = p.kind == Kind::Ptr ? Value::ptr(p.region, lo, hi) : Value::top();
        state_clobber(s, reg);
    };
    advance(RDI, dst);
    if (movs) advance(RSI, src);
    s.reg[RCX] = Value::constant(0);
    state_clobber(s, RCX);
    return true;
}

} // namespace ktal
