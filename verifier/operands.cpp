#include "verifier/operands.hpp"

#include "verifier/interval.hpp"
#include "verifier/rules.hpp"

namespace ktal {

const char *leak_rule(const Value &v) {
    if (v.kind == Kind::Uninit) return rule::kUninit;
    return v.is_stack_ptr() ? rule::kStackPointer : rule::kOpaque;
}

static bool check_readable(Ctx &c, const Value &v, u8 size, Use use, const char *what) {
    if (use == Use::Copy && (size == 8 || v.kind == Kind::Uninit)) return true;
    if (use == Use::Partial && v.kind == Kind::Uninit) return true;
    if (v.kind == Kind::Uninit && v.low < size)
        return c.fail(rule::kUninit, what, v, "initialised (it may hold stale kernel data)");
    if (v.kind == Kind::Uninit) return true; // only written low bytes are read
    if (use == Use::Move && size == 8) return true;
    if (v.is_opaque())
        return c.fail(rule::kOpaque,
                      "the return address or a caller's saved register is read as data", v, "data");
    if (v.is_stack_ptr() && !(use == Use::Addr && size == 8))
        return c.fail(rule::kStackPointer, "a safe-stack address escapes as data", v, "data");
    return true;
}

bool read_reg(Ctx &c, const State &s, u8 reg, u8 size, bool high8, Use use, Value &out) {
    const Value &v = s.reg[reg];
    // (data is readable in every use: the check is for the other kinds)
    if (!v.is_data() &&
        !check_readable(c, v, high8 ? 2 : size, use, "register read before it is written"))
        return false;
    if (size == 8) {
        out = v;
    } else if (v.kind == Kind::Uninit && v.low < (high8 ? 2 : size)) {
        out = Value::uninit(high8 ? 0 : v.low); // a copy of what is not all written (Use::Copy)
    } else if (high8) {
        out = Value::urange(0, 0xff);
    } else {
        out = low_bytes<Exact>(v, size);
    }
    return true;
}

void write_reg(State &s, u8 reg, u8 size, bool high8, const Value &v) {
    Value &old = s.reg[reg];
    Value nv;
    if (size == 8) {
        nv = v;
    } else if (size == 4) {
        nv = (v.kind == Kind::Int && v.umax <= 0xffffffffull) ? v
             : v.kind == Kind::Uninit                         ? Value::uninit(min_of<u8>(v.low, 4))
                                                              : Value::urange(0, 0xffffffffull);
    } else if (v.kind == Kind::Uninit && v.low < (high8 ? 1 : size)) {
        // Some bytes written may be stale data (a copy of what was not all
        // written): only the data bytes below them stay readable.
        nv = Value::uninit(high8 ? min_of<u8>(data_low(old), 1) : v.low);
    } else if (old.kind == Kind::Uninit) {
        nv = Value::uninit(high8 ? (old.low >= 1 ? 2 : 0) : max_of(old.low, size));
    } else if (!old.is_data()) {
        // The rest of a secret stays: only the bytes just written may be read.
        nv = Value::uninit(high8 ? 0 : size);
    } else if (high8) {
        nv = Value::top();
    } else if (old.kind == Kind::Int && old.umax <= width_mask(size)) {
        nv = v;
    } else if (old.is_const()) {
        u64 upper = old.umin & ~width_mask(size);
        nv = Value::urange(upper + v.umin, upper + v.umax);
    } else {
        nv = Value::top();
    }
    old = nv;
    state_clobber(s, reg);
}

bool set_rsp(Ctx &c, State &s, const Value &v) {
    if (!v.is_stack_ptr() || v.smin != v.smax)
        return c.fail(rule::kRspExact, "rsp must stay an exact offset into the safe stack", v,
                      "stack[exact]");
    if (v.smin > 0 || v.smin < -static_cast<i64>(c.fn.frame))
        return c.fail(rule::kFrame, "rsp leaves the certified frame", v, "inside the frame");
    if (v.smin > s.rsp()) state_forget_below(s, v.smin);
    s.reg[RSP] = v;
    state_clobber(s, RSP);
    return true;
}

bool read_op(Ctx &c, State &s, const Operand &op, u8 w, Use use, Value &out) {
    switch (op.kind) {
    case Operand::Reg: return read_reg(c, s, op.reg, w, op.high8, use, out);
    case Operand::Imm: out = Value::constant(static_cast<i64>(op.imm & width_mask(w))); return true;
    case Operand::Mem: return load(c, s, op.mem, w, use, out);
    default: return c.fail(rule::kForbiddenOperand, "missing operand");
    }
}

bool write_op(Ctx &c, State &s, const Operand &op, u8 w, const Value &v) {
    if (op.kind == Operand::Reg) {
        if (op.reg == RSP) {
            if (w != 8) return c.fail(rule::kRspExact, "a partial write to rsp");
            return set_rsp(c, s, v);
        }
        write_reg(s, op.reg, w, op.high8, v);
        return true;
    }
    if (op.kind == Operand::Mem) return store(c, s, op.mem, w, v);
    return c.fail(rule::kForbiddenOperand, "cannot write this operand");
}

// Region of an image offset reached RIP-relatively, and its base.
static bool rip_region(const Layout &l, u64 o, Region &r, u64 &base) {
    if (o >= l.sandbox_off && o <= l.sandbox_off + l.sandbox_size)
        return r = Region::Sandbox, base = l.sandbox_off, true;
    if (o >= l.rodata_off && o <= l.rodata_off + l.rodata_size)
        return r = Region::Rodata, base = l.rodata_off, true;
    return false;
}

static bool address_far(Ctx &c, const State &s, const MemRef &m, Value &out, bool &far) {
    const Layout &l = c.cert.layout;
    if (m.rip) {
        Region r;
        u64 base;
        u64 o = static_cast<u64>(m.disp);
        if (rip_region(l, o, r, base)) {
            out = Value::ptr(r, static_cast<i64>(o - base), static_cast<i64>(o - base));
            return true;
        }
        if (o < l.rodata_off)
            return c.fail(rule::kCodeAddress, "the address of code is taken as data");
        return c.fail(rule::kBounds, "a RIP-relative address outside every region");
    }
    if (m.base == kNoReg && m.index == kNoReg)
        return c.fail(rule::kNotPointer, "an absolute address");
    Value b = Value::constant(0), x = Value::constant(0);
    if (m.base != kNoReg && !read_reg(c, s, m.base, 8, false, Use::Addr, b)) return false;
    if (m.index != kNoReg && !read_reg(c, s, m.index, 8, false, Use::Addr, x)) return false;
    i64 scale = m.scale ? m.scale : 1;
    if (x.kind == Kind::Ptr && scale == 1 && b.kind != Kind::Ptr) {
        Value t = b;
        b = x, x = t;
    }
    if (x.kind == Kind::Ptr) {
        if (x.region == Region::Stack)
            return c.fail(rule::kStackPointer, "a stack address used as an index", x);
        x = Value::top();
    }
    if (b.kind != Kind::Ptr) b = as_int(b);
    // Without an index the offset is the displacement itself (most accesses).
    Value off = m.index == kNoReg ? Value::constant(m.disp)
                                  : add64<Exact>(mul64<Exact>(x, Value::constant(scale)),
                                                 Value::constant(m.disp));
    if (b.kind != Kind::Ptr) {
        out = add64<Exact>(b, off);
        return true;
    }
    i64 lo, hi;
    if (__builtin_add_overflow(b.smin, off.smin, &lo) ||
        __builtin_add_overflow(b.smax, off.smax, &hi) || lo < -kFar || hi > kFar) {
        far = true;
        out = far_ptr(b.region);
        return true;
    }
    out = Value::ptr(b.region, lo, hi);
    return true;
}

bool address(Ctx &c, const State &s, const MemRef &m, Value &out) {
    bool far = false;
    if (!address_far(c, s, m, out, far)) return false;
    // A far stack pointer is nothing usable at all.
    if (far && out.region == Region::Stack) out = Value::uninit();
    return true;
}

// The address of an access: a pointer whose offset may be unbounded is out of bounds.
static bool access_address(Ctx &c, const State &s, const MemRef &m, Value &out) {
    bool far = false;
    if (!address_far(c, s, m, out, far)) return false;
    if (far)
        return c.fail(rule::kBounds,
                      "an access whose offset from its region is unbounded (guard it first)", out);
    return true;
}

// Bytes readable from a region's base: from rodata on, everything up to the
// image's end is mapped readable (rodata, its padding up to the sandbox, the
// sandbox), so a read through a rodata pointer may run into the sandbox.
// Writes through a rodata pointer are refused before this is asked.
static u64 region_size(const Layout &l, Region r) {
    if (r == Region::Sandbox) return l.sandbox_size;
    if (r == Region::Rodata) return l.sandbox_off + l.sandbox_size - l.rodata_off;
    return 0;
}

bool check_access(Ctx &c, const State &s, const Value &p, u64 bytes, bool write) {
    if (p.kind != Kind::Ptr)
        return c.fail(rule::kNotPointer, "memory accessed through an integer (guard it first)", p,
                      "a pointer");
    if (p.region == Region::Stack) {
        if (p.smin < s.rsp())
            return c.fail(rule::kFrame, "access below rsp (an interrupt may overwrite it)", p,
                          "at or above rsp");
        if (p.smax + static_cast<i64>(bytes) > 8)
            return c.fail(rule::kFrame, "access above the frame (the caller's stack)", p,
                          "inside the frame");
        if (p.smax + static_cast<i64>(bytes) > 0 && !(p.smin == 0 && p.smax == 0 && bytes == 8))
            return c.fail(rule::kReturnAddress, "access overlaps the return address", p,
                          "below stack[0]");
        return true;
    }
    if (write && p.region == Region::Rodata)
        return c.fail(rule::kReadOnly, "a write to read-only data", p);
    u64 size = region_size(c.cert.layout, p.region);
    if (p.smin < 0 || bytes > size || p.smax > static_cast<i64>(size - bytes)) {
        c.fault.expected.add(region_name(p.region))
            .add("[0,")
            .dec(static_cast<i64>(size) - static_cast<i64>(bytes))
            .add(']');
        return c.fail(rule::kBounds, "access may fall outside its region", p);
    }
    return true;
}

// --- the safe stack, cell by cell ---

// The bits of the bytes of the cell at `off` that lie in [lo, hi).
static u8 bytes_in(i64 off, i64 lo, i64 hi) {
    u8 bits = 0;
    for (i64 b = max_of(off, lo); b < min_of(off + 4, hi); ++b)
        bits |= static_cast<u8>(1u << (b - off));
    return bits;
}

// Breaks any 8-byte value that the cells [first, last] only partly keep.
static void break_pairs(State &s, Cell *first, Cell *last) {
    if (first->shape == Shape::Hi64 && first > s.cell) {
        Cell &lo = first[-1];
        lo = Cell{Value{}, Shape::Bytes, static_cast<u8>(lo.v.is_data() ? 0xf : 0)};
    }
    if (last->shape == Shape::Lo64 && last + 1 < s.cell + s.ncells) {
        Cell &hi = last[1];
        hi = Cell{Value{}, Shape::Bytes, static_cast<u8>(last->v.is_data() ? 0xf : 0)};
    }
}

static bool load_stack(Ctx &c, State &s, const Value &p, u8 w, Use use, Value &out) {
    i64 lo = p.smin, hi = p.smax + w; // bytes [lo, hi)
    if (p.smin == p.smax && (lo & 3) == 0 && (w == 8 || w == 4)) {
        const Cell *cl = s.cell_at(static_cast<i32>(lo));
        // A copy of 8 bytes that are not one value, and not all data (pop of
        // what push rax left): nothing of it is readable. (Two 4-byte halves
        // of data are read below: -O0 stores a vector's lanes and loads them
        // as one.)
        if (w == 8 && use == Use::Copy && !s.pair_at(cl) &&
            (s.data_mask(cl) & s.data_mask(cl + 1)) != 0xf) {
            out = Value::uninit();
            return true;
        }
        if (w == 8 && s.pair_at(cl)) {
            if (!check_readable(c, cl->v, 8, use, "stack slot read before it is written"))
                return false;
            out = cl->v;
            return true;
        }
        if (w == 4 && cl->shape == Shape::Whole32) {
            out = cl->v;
            return true;
        }
        if (w == 4 && s.pair_at(cl) && cl->v.is_data()) {
            out = low_bytes<Exact>(cl->v, 4);
            return true;
        }
    }
    // Piecewise: every byte written, none part of a secret or a stack pointer
    // (a copy may take fewer: only the written low bytes then stay readable).
    u8 written_low = 0;
    bool gap = false;
    for (i64 off = lo & ~3ll; off < hi; off += 4) {
        const Cell *cl = s.cell_at(static_cast<i32>(off));
        u8 need = bytes_in(off, lo, hi);
        bool secret =
            (cl->shape == Shape::Lo64 || cl->shape == Shape::Hi64) && s.data_mask(cl) == 0;
        if (secret) {
            Value v = cl->shape == Shape::Lo64 || cl == s.cell ? cl->v : cl[-1].v;
            return c.fail(v.is_stack_ptr() ? rule::kStackPointer : rule::kOpaque,
                          "part of a stack pointer or secret value is read", v, "data");
        }
        for (i64 b = max_of(off, lo); b < min_of(off + 4, hi); ++b) {
            bool ok = (cl->init >> (b - off)) & 1;
            if (ok && !gap) ++written_low;
            gap |= !ok;
        }
        if ((cl->init & need) != need && use != Use::Copy && use != Use::Partial) {
            c.fault.found.add("stack bytes at [").dec(off).add("] not all written");
            return c.fail(rule::kUninit,
                          "stack read before it is written (it may hold stale kernel data)");
        }
    }
    // (The written low bytes count only where the offset is exact: bytes
    // [lo, hi) are then the value's own, and a gap leaves fewer than w.)
    out = gap ? Value::uninit(p.smin == p.smax ? written_low : 0) : Value::urange(0, width_mask(w));
    return true;
}

bool load(Ctx &c, State &s, const MemRef &m, u8 w, Use use, Value &out) {
    Value p;
    if (!access_address(c, s, m, p) || !check_access(c, s, p, w, false)) return false;
    if (p.region == Region::Stack) {
        if (p.smin == 0) { // the return address: moved whole, never data
            if (use != Use::Move && use != Use::Copy)
                return c.fail(rule::kOpaque, "the return address is read as data", Value::retaddr(),
                              "data");
            out = Value::retaddr();
            return true;
        }
        return load_stack(c, s, p, w, use, out);
    }
    out = Value::urange(0, width_mask(w));
    return true;
}

bool store(Ctx &c, State &s, const MemRef &m, u8 w, const Value &v) {
    Value p;
    if (!access_address(c, s, m, p) || !check_access(c, s, p, w, true)) return false;
    bool exact = p.region == Region::Stack && p.smin == p.smax;
    if (v.kind == Kind::Uninit && !exact) // only exact stack slots may hold the unreadable
        return c.fail(rule::kUninit, "an uninitialised value is stored", v, "initialised");
    if (p.region != Region::Stack) {
        if (!v.is_data())
            return c.fail(
                leak_rule(v),
                "a secret or a safe-stack address is stored where the program can read it as data",
                v, "data");
        return true;
    }
    if (p.smin == 0) { // writing the return address slot: only with itself
        if (v.kind != Kind::RetAddr)
            return c.fail(rule::kReturnAddress, "the return address is overwritten", v, "retaddr");
        return true;
    }
    i64 lo = p.smin, hi = p.smax + w;
    state_clobber_slots(s, lo, hi);
    Cell *first = s.cell_at(static_cast<i32>(lo & ~3ll)),
         *last = s.cell_at(static_cast<i32>((hi - 1) & ~3ll));
    if (p.smin != p.smax) { // may write any of these bytes: they keep only what both cases share
        // (which is data: the cells do not record what else they may hold, and
        // a later read of one would take a secret or a stack address for data)
        if (!v.is_data())
            return c.fail(leak_rule(v),
                          "a secret or a safe-stack address stored at a variable "
                          "stack offset",
                          v, "data");
        break_pairs(s, first, last);
        for (Cell *cl = last; cl >= first; --cl) *cl = Cell{Value{}, Shape::Bytes, s.data_mask(cl)};
        return true;
    }
    break_pairs(s, first, last);
    bool uninit = v.kind == Kind::Uninit;
    if (!uninit && (lo & 3) == 0 && w == 8) {
        put_pair(first, v);
    } else if (!uninit && (lo & 3) == 0 && w == 4) {
        first[0] =
            Cell{v.kind == Kind::Int ? v : Value::urange(0, 0xffffffffull), Shape::Whole32, 0xf};
    } else {
        if (w == 8 && !uninit && !v.is_data())
            return c.fail(rule::kStackPointer, "a secret or stack pointer stored unaligned", v);
        // The bytes written become data bytes (of an uninit value, only its written low ones).
        i64 data_end = lo + (uninit ? min_of<i64>(v.low, w) : w);
        for (i64 off = lo & ~3ll; off < hi; off += 4) {
            Cell *cl = s.cell_at(static_cast<i32>(off));
            u8 kept = s.data_mask(cl) & static_cast<u8>(~bytes_in(off, lo, hi));
            *cl = Cell{Value{}, Shape::Bytes, static_cast<u8>(kept | bytes_in(off, lo, data_end))};
        }
    }
    return true;
}

Loc loc_of(const State &s, const Operand &op) {
    if (op.kind == Operand::Reg && !op.high8) return Loc::r(op.reg);
    if (op.kind == Operand::Mem && !op.mem.rip && op.mem.index == kNoReg && op.mem.base != kNoReg &&
        (op.size == 4 || op.size == 8)) {
        const Value &b = s.reg[op.mem.base];
        if (b.is_stack_ptr() && b.smin == b.smax) {
            i64 off = b.smin + op.mem.disp;
            if ((off & 3) == 0 && off >= s.lo && off + op.size <= 0)
                return Loc::slot(static_cast<i32>(off), op.size);
        }
    }
    return Loc{};
}

Value loc_value(const State &s, const Loc &l) {
    if (l.kind == Loc::Reg) return s.reg[l.reg];
    if (l.kind == Loc::Slot) {
        const Cell *cl = s.cell_at(l.off);
        if (l.width == 8 && s.pair_at(cl)) return cl->v;
        if (l.width == 4 && cl->shape == Shape::Whole32) return cl->v;
    }
    return Value::top();
}

void loc_set(State &s, const Loc &l, const Value &v) {
    if (l.kind == Loc::Reg) s.reg[l.reg] = v;
    if (l.kind == Loc::Slot) {
        Cell *cl = s.cell_at(l.off);
        if ((l.width == 8 && s.pair_at(cl)) || (l.width == 4 && cl->shape == Shape::Whole32))
            cl->v = v;
    }
}

} // namespace ktal
