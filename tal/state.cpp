#include "tal/state.hpp"

namespace ktal {

void state_init(State &s, Cell *cells, u32 frame) {
    zero_bytes(&s, sizeof s); // all-zero is the empty state (no temporary on the stack)
    s.cell = cells;
    s.lo = -static_cast<i32>(frame);
    s.ncells = frame / 4 + 2;
    zero_bytes(cells, sizeof(Cell) * s.ncells);
}

void state_clear(State &s) {
    for (u8 r = 0; r < kNumRegs; ++r) s.reg[r] = Value::uninit();
    zero_bytes(s.cell, sizeof(Cell) * s.ncells);
    put_pair(s.cell_at(0), Value::retaddr());
    s.flags = Flags{};
    s.nfacts = 0;
    s.fuel = 0;
    s.sext = 0;
    s.live = true;
}

void state_entry(State &s) {
    state_clear(s);
    for (u8 r = 0; r < kNumRegs; ++r)
        if (is_callee_saved(r)) s.reg[r] = Value::saved(r);
    s.reg[RSP] = Value::ptr(Region::Stack, 0, 0);
}

void state_copy(State &dst, const State &src) {
    Cell *cells = dst.cell;
    dst = src;
    dst.cell = cells;
    copy_bytes(cells, src.cell, sizeof(Cell) * src.ncells);
}

static bool flags_same(const Flags &a, const Flags &b) {
    return a.kind == b.kind && a.width == b.width && a.a == b.a && a.b == b.b &&
           a.b_is_imm == b.b_is_imm && a.imm == b.imm;
}

void state_join(State &dst, const State &src) {
    if (!src.live) return;
    if (!dst.live) {
        state_copy(dst, src);
        return;
    }
    for (u8 r = 0; r < kNumRegs; ++r) dst.reg[r] = join(dst.reg[r], src.reg[r]);
    for (u32 i = 0; i < dst.ncells; ++i) {
        if (dst.pair_at(i) && src.pair_at(i)) {
            Value j = join(dst.cell[i].v, src.cell[i].v);
            if (j.kind == Kind::Uninit)
                dst.cell[i] = dst.cell[i + 1] = Cell{};
            else
                dst.cell[i].v = j;
            ++i;
            continue;
        }
        Cell &d = dst.cell[i];
        const Cell &o = src.cell[i];
        if (d.shape == Shape::Whole32 && o.shape == Shape::Whole32) {
            d.v = join(d.v, o.v);
            continue;
        }
        u8 init = dst.data_mask(i) & src.data_mask(i);
        // A half of a pair that survives loses its partner: its own bytes only.
        if (d.shape == Shape::Lo64 && i + 1 < dst.ncells) {
            Cell &next = dst.cell[i + 1];
            if (next.shape == Shape::Hi64) next = Cell{Value{}, Shape::Bytes, dst.data_mask(i + 1)};
        }
        d = Cell{Value{}, Shape::Bytes, init};
    }
    if (!flags_same(dst.flags, src.flags))
        dst.flags.kind = (dst.flags.kind == Flags::Unset || src.flags.kind == Flags::Unset)
                             ? Flags::Unset
                             : Flags::Known;
    dst.flags.secret |= src.flags.secret;
    u8 kept = 0;
    for (u8 i = 0; i < dst.nfacts; ++i) {
        for (u8 j = 0; j < src.nfacts; ++j) {
            if (dst.fact[i].x == src.fact[j].x && dst.fact[i].y == src.fact[j].y) {
                Fact f = dst.fact[i];
                f.c = max_of(f.c, src.fact[j].c);
                dst.fact[kept++] = f;
                break;
            }
        }
    }
    dst.nfacts = kept;
    dst.fuel = min_of(dst.fuel, src.fuel);
    if (dst.sext != src.sext) dst.sext = 0;
}

static Value low32(const Value &v) {
    if (v.kind == Kind::Int && v.umax <= 0xffffffffull) return v;
    return Value::urange(0, 0xffffffffull);
}

// Says where a and b differ first (if anyone asks) and returns false.
static bool differ(Mismatch *why, const char *where, const char *want, const char *got) {
    if (why) why->where.add(where), why->want.add(want), why->got.add(got);
    return false;
}

static bool values_differ(Mismatch *why, const Value &want, const Value &got) {
    if (why) describe(want, why->want), describe(got, why->got);
    return false;
}

static bool cell_entails(const State &a, const State &b, u32 i, Mismatch *why) {
    const Cell &want = b.cell[i], &c = a.cell[i];
    i32 off = b.lo + 4 * static_cast<i32>(i);
    if (want.shape == Shape::Bytes) {
        if ((a.data_mask(i) & want.init) == want.init) return true;
        if (why) {
            describe(Loc::slot(off, 4), why->where);
            why->want.add("bytes written (mask ").udec(want.init).add(')');
            why->got.add("mask ").udec(a.data_mask(i));
        }
        return false;
    }
    bool pair = b.pair_at(i);
    if (!pair && want.shape != Shape::Whole32) return true;
    // What a holds there, as an 8-byte value (pair) or a zero-extended 4-byte one.
    bool data = a.data_mask(i) == 0xf && (!pair || (i + 1 < a.ncells && a.data_mask(i + 1) == 0xf));
    Value got = !data ? Value::uninit() : pair ? Value::top() : Value::urange(0, 0xffffffffull);
    if (a.pair_at(i) && (pair || c.v.kind == Kind::Int))
        got = pair ? c.v : low32(c.v);
    else if (!pair && c.shape == Shape::Whole32)
        got = c.v;
    // Bytes that merely hold data entail only an unconstrained 8-byte value.
    if (entails(got, want.v) && (!pair || a.pair_at(i) || want.v.is_top())) return true;
    if (why) describe(Loc::slot(off, pair ? 8 : 4), why->where);
    return values_differ(why, want.v, got);
}

bool state_entails(const State &a, const State &b, Mismatch *why) {
    if (!a.live) return true;
    if (!b.live) return differ(why, "state", "unreachable", "reachable");
    for (u8 r = 0; r < kNumRegs; ++r) {
        if (entails(a.reg[r], b.reg[r])) continue;
        if (why) why->where.add(reg_name(r));
        return values_differ(why, b.reg[r], a.reg[r]);
    }
    for (u32 i = 0; i < b.ncells && i < a.ncells; ++i) {
        if (b.cell[i].shape == Shape::Hi64) continue; // checked with its Lo64
        if (!cell_entails(a, b, i, why)) return false;
    }
    if ((a.flags.secret & ~b.flags.secret) ||
        (b.flags.kind >= Flags::Cmp && !(flags_same(a.flags, b.flags))))
        return differ(why, "flags", "readable", "(partly) secret");
    for (u8 j = 0; j < b.nfacts; ++j) {
        const Fact &f = b.fact[j];
        bool found = false;
        for (u8 i = 0; i < a.nfacts && !found; ++i)
            found = a.fact[i].x == f.x && a.fact[i].y == f.y && a.fact[i].c <= f.c;
        if (!found) {
            if (why) {
                describe(f.x, why->want);
                why->want.add(" <= ");
                describe(f.y, why->want);
                why->want.add(" + ").dec(f.c);
            }
            return differ(why, "fact", "", "not established");
        }
    }
    if (b.fuel > a.fuel) return differ(why, "fuel", "fuel point passed", "none since loop head");
    if (b.sext && a.sext != b.sext) return differ(why, "rdx", "sign extension of rax", "unrelated");
    return true;
}

void state_forget_below(State &s, i64 below) {
    for (u32 i = 0; i < s.ncells; ++i) {
        i64 off = s.lo + 4 * static_cast<i64>(i);
        if (off >= below) {
            // A high half whose low half was just forgotten: its bytes alone.
            if (s.cell[i].shape == Shape::Hi64 && (i == 0 || s.cell[i - 1].shape != Shape::Lo64))
                s.cell[i] = Cell{};
            break;
        }
        s.cell[i] = Cell{};
    }
    state_clobber_slots(s, s.lo, below);
}

// Drops the comparison and the facts that mention a location `hit` says was written.
template <class Hit>
static void forget(State &s, Hit hit) {
    if (s.flags.kind >= Flags::Cmp && (hit(s.flags.a) || (!s.flags.b_is_imm && hit(s.flags.b))))
        s.flags.kind = Flags::Known;
    u8 kept = 0;
    for (u8 i = 0; i < s.nfacts; ++i)
        if (!hit(s.fact[i].x) && !hit(s.fact[i].y)) s.fact[kept++] = s.fact[i];
    s.nfacts = kept;
}

void state_clobber(State &s, u8 reg) {
    forget(s, [&](const Loc &l) { return l.kind == Loc::Reg && l.reg == reg; });
    if (reg == RAX || reg == RDX) s.sext = 0;
}

void state_clobber_slots(State &s, i64 lo, i64 hi) {
    forget(s,
           [&](const Loc &l) { return l.kind == Loc::Slot && l.off < hi && lo < l.off + l.width; });
}

void state_add_fact(State &s, const Fact &f) {
    for (u8 i = 0; i < s.nfacts; ++i) {
        if (s.fact[i].x == f.x && s.fact[i].y == f.y) {
            s.fact[i].c = min_of(s.fact[i].c, f.c);
            return;
        }
    }
    // Full: forget the oldest (forgetting a fact is always sound; the newest
    // ones are those the code about to run is likeliest to test).
    if (s.nfacts == kMaxFacts) {
        for (u8 i = 1; i < kMaxFacts; ++i) s.fact[i - 1] = s.fact[i];
        --s.nfacts;
    }
    s.fact[s.nfacts++] = f;
}

} // namespace ktal
