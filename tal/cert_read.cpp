#include "tal/cert.hpp"

#include "tal/helper_abi.h"

namespace ktal {
namespace {

class Reader {
  public:
    Reader(const u8 *p, usize n, CertError &e) : p_(p), n_(n), err_(e) {}

    bool fail(const char *what) {
        if (ok_) {
            err_.message.add(what);
            err_.offset = pos_;
        }
        ok_ = false;
        return false;
    }
    bool ok() const { return ok_; }
    usize left() const { return n_ - pos_; }

    u8 byte() {
        if (!ok_ || pos_ >= n_) return fail("truncated certificate"), 0;
        return p_[pos_++];
    }
    // LEB128 of at most 10 bytes whose bits all fit in 64 bits (the 10th
    // byte of a signed one only repeats the sign).
    u64 leb(bool sign) {
        u64 v = 0;
        int shift = 0;
        u8 b = 0;
        do {
            b = byte();
            if (!ok_) return 0;
            u8 top = b & (sign ? 0x7e : 0xfe);
            if (shift == 63 && top != 0 && !(sign && top == 0x7e))
                return fail("varint overflows 64 bits"), 0;
            v |= static_cast<u64>(b & 0x7f) << shift;
            shift += 7;
        } while ((b & 0x80) && shift < 70);
        if (b & 0x80) return fail("varint longer than 10 bytes"), 0;
        if (sign && shift < 64 && (b & 0x40)) v |= ~0ull << shift;
        return v;
    }
    u64 uv() { return leb(false); }
    i64 sv() { return static_cast<i64>(leb(true)); }
    // A count of items that each take at least `min_bytes`: never more than fit.
    u64 count(u64 limit, usize min_bytes, const char *what) {
        u64 c = uv();
        if (ok_ && (c > limit || c > left() / min_bytes)) fail(what);
        return ok_ ? c : 0;
    }

  private:
    const u8 *p_;
    usize n_;
    usize pos_ = 0;
    bool ok_ = true;
    CertError &err_;
};

bool read_value(Reader &r, Value &v) {
    u8 tag = r.byte();
    u8 kind = tag & 7, extra = tag >> 3;
    v = Value{};
    switch (kind) {
    case 0:
        if (extra > 7) return r.fail("uninit value with more than 7 written bytes");
        v = Value::uninit(extra);
        return r.ok();
    case 1: {
        if (extra > 15) return r.fail("bad int value tag");
        v = Value::top();
        if (extra & 1) v.smin = r.sv();
        if (extra & 2) v.smax = r.sv();
        if (extra & 4) v.umin = r.uv();
        if (extra & 8) v.umax = r.uv();
        if (r.ok() && !normalize(v)) return r.fail("int value with empty bounds");
        return r.ok();
    }
    case 2: {
        u8 region = extra & 3;
        if (region < 1 || region > 3 || extra > 7) return r.fail("bad pointer region");
        i64 lo = r.sv();
        i64 hi = (extra & 4) ? lo : r.sv();
        if (r.ok() && (lo > hi || lo < -(1ll << 48) || hi > (1ll << 48)))
            return r.fail("pointer offset bounds out of range");
        v = Value::ptr(static_cast<Region>(region), lo, hi);
        return r.ok();
    }
    case 3:
        if (extra) return r.fail("bad retaddr tag");
        v = Value::retaddr();
        return r.ok();
    case 4: {
        u8 reg = r.byte();
        if (extra || !is_callee_saved(reg))
            return r.fail("saved value of a register that is not callee-saved");
        v = Value::saved(reg);
        return r.ok();
    }
    default: return r.fail("unknown value kind");
    }
}

// `bytes`: a slot may be of width 0 (bytes written; a state's, not a fact's).
bool read_loc(Reader &r, Loc &l, u32 frame, bool bytes) {
    u8 tag = r.byte();
    if (tag < kNumRegs) {
        l = Loc::r(tag);
        return r.ok();
    }
    u8 w = static_cast<u8>(tag - 16);
    if (w != 4 && w != 8 && !(bytes && w == 0))
        return r.fail("bad location: a register out of range or a slot width not 8, 4 or 0");
    i64 off = r.sv();
    if (r.ok() && ((off & 3) || off < -static_cast<i64>(frame) || off + max_of<i64>(w, 4) > 0))
        return r.fail("stack slots must be 4-aligned and inside the frame");
    l = Loc::slot(static_cast<i32>(off), w);
    return r.ok();
}

bool read_entry(Reader &r, Entry &e, u32 frame) {
    if (!read_loc(r, e.at, frame, true)) return false;
    if (e.at.kind == Loc::Slot && e.at.width == 0) {
        e.mask = r.byte();
        if (r.ok() && (e.mask == 0 || e.mask > 15)) return r.fail("bad byte mask for a stack slot");
        return r.ok();
    }
    if (!read_value(r, e.v)) return false;
    const Value &v = e.v;
    if (e.at.kind == Loc::Reg && e.at.reg == RSP &&
        (!v.is_stack_ptr() || v.smin != v.smax || v.smin > 0 || v.smin < -static_cast<i64>(frame)))
        return r.fail("rsp must be an exact offset inside the frame");
    if (e.at.kind == Loc::Reg) return true;
    if (e.at.width == 4 && (!v.is_int() || v.umax > 0xffffffffull))
        return r.fail("a 4-byte slot holds an int of 32 bits");
    if (v.kind == Kind::Uninit) return r.fail("a listed slot must hold a value");
    return true;
}

// Where an entry lies in a state's order: registers first, then slots.
i64 key(const Loc &l) {
    return l.kind == Loc::Reg ? l.reg - (1ll << 32) : l.off;
}

// `prev`: the previous block's state in the same function (null for the first).
bool read_state(Reader &r, Arena &a, CertState &s, u32 frame, const CertState *prev) {
    // Which of the previous block's entries are kept (one bit each), then the
    // new ones; the two merge by location into this block's list.
    u32 nprev = prev ? prev->n : 0;
    u8 *keep = a.alloc<u8>(nprev / 8 + 1);
    if (!keep) return r.fail("out of memory reading the certificate");
    u32 nkept = 0;
    for (u32 i = 0; i < nprev; i += 8) {
        keep[i / 8] = r.byte();
        if (nprev - i < 8 && (keep[i / 8] >> (nprev - i)))
            return r.fail("keep bits for entries the previous block lacks");
        for (u32 k = 0; k < 8; ++k) nkept += (keep[i / 8] >> k) & 1;
    }
    u32 nnew = static_cast<u32>(
        r.count(kNumRegs + frame / 4, 2, "state lists more registers and stack slots than exist"));
    Entry *fresh = a.alloc<Entry>(nnew ? nnew : 1);
    s.n = nkept + nnew;
    s.entries = a.alloc<Entry>(s.n ? s.n : 1);
    if (!fresh || !s.entries) return r.fail("out of memory reading the certificate");
    for (u32 i = 0; i < nnew && r.ok(); ++i) read_entry(r, fresh[i], frame);
    if (!r.ok()) return false;
    u32 j = 0, n = 0;
    for (u32 i = 0; i < nprev; ++i) {
        if (!((keep[i / 8] >> (i % 8)) & 1)) continue;
        while (j < nnew && key(fresh[j].at) < key(prev->entries[i].at)) s.entries[n++] = fresh[j++];
        s.entries[n++] = prev->entries[i];
    }
    while (j < nnew) s.entries[n++] = fresh[j++];
    i64 next_free = kI64Min;
    bool rsp = false;
    for (u32 i = 0; i < s.n; ++i) {
        const Loc &l = s.entries[i].at;
        if (key(l) < next_free)
            return r.fail("state names a register or stack slot twice, unsorted or overlapping");
        next_free = key(l) + (l.kind == Loc::Reg ? 1 : max_of<u8>(l.width, 4));
        rsp = rsp || l == Loc::r(RSP);
    }
    if (!rsp) return r.fail("a block state must give rsp");
    u8 bits = r.byte();
    if (bits > 15 || (bits & 12) == 12) return r.fail("bad state flag bits");
    s.fuel = bits & 1;
    s.flags_set = (bits >> 1) & 1;
    s.sext = (bits & 4) ? 4 : (bits & 8) ? 8 : 0;
    s.nfacts = static_cast<u8>(r.count(kMaxFacts, 3, "state lists too many facts"));
    for (u8 i = 0; i < s.nfacts && r.ok(); ++i) {
        read_loc(r, s.facts[i].x, frame, false);
        read_loc(r, s.facts[i].y, frame, false);
        s.facts[i].c = r.sv();
    }
    return r.ok();
}

bool check_layout(Reader &r, const Layout &l) {
    if (l.helpers_off != 0) return r.fail("layout: helper slots must start the image");
    if (l.helper_count > KTAL_HELPER_COUNT) return r.fail("layout: more helper slots than helpers");
    if (l.helpers_off + l.helper_count * kHelperSlotSize > l.text_off)
        return r.fail("layout: text overlaps the helper slots");
    if (l.text_size == 0) return r.fail("layout: empty text");
    if (l.text_off + l.text_size > l.rodata_off) return r.fail("layout: rodata overlaps text");
    if (l.rodata_off % kPageSize || l.sandbox_off % kPageSize)
        return r.fail("layout: rodata and sandbox must start on pages (W^X)");
    if (l.rodata_off + l.rodata_size > l.sandbox_off)
        return r.fail("layout: sandbox overlaps rodata");
    if (l.sandbox_off + l.sandbox_size > l.image_size)
        return r.fail("layout: sandbox runs past the image");
    return true;
}

} // namespace

bool cert_read(const u8 *data, usize size, Arena &arena, Cert &out, CertError &err) {
    Reader r(data, size, err);
    static const char magic[8] = {'K', 'T', 'A', 'L', 'C', 'E', 'R', 'T'};
    for (char m : magic)
        if (r.byte() != static_cast<u8>(m))
            return r.ok() ? r.fail("not a ktal certificate (bad magic)") : false;
    out.version = r.byte();
    if (r.ok() && out.version != kCertVersion) return r.fail("unsupported certificate version");
    if (r.byte() != 0 && r.ok()) return r.fail("reserved header byte must be 0");
    Layout &l = out.layout;
    u64 *fields[] = {&l.image_size, &l.helpers_off, &l.helper_count, &l.text_off,    &l.text_size,
                     &l.rodata_off, &l.rodata_size, &l.sandbox_off,  &l.sandbox_size};
    for (u64 *f : fields)
        if ((*f = r.uv()) > (1ull << 40)) return r.fail("layout field out of range");
    if (!r.ok() || !check_layout(r, l)) return false;
    u64 entry = r.uv();
    for (u64 i = 0; i < l.helper_count && r.ok(); ++i) {
        u64 id = r.uv();
        if (id >= KTAL_HELPER_COUNT) return r.fail("helper slot names an unknown helper");
        // The loader fills slot i with helper i (loader/slots.S order): a table
        // that says otherwise would make the verifier type calls by the wrong
        // signature (say, `exit` where `write` returns).
        if (id != i) return r.fail("helper slot i must call helper i");
    }
    out.nfuncs =
        static_cast<u32>(r.count(1u << 20, 8, "more functions than the certificate can hold"));
    if (r.ok() && out.nfuncs == 0) return r.fail("no functions");
    if (r.ok() && entry >= out.nfuncs) return r.fail("entry function index out of range");
    out.entry_function = static_cast<u32>(entry);
    out.funcs = arena.alloc<Function>(out.nfuncs ? out.nfuncs : 1);
    if (!out.funcs) return r.fail("out of memory reading the certificate");
    u64 text_end = l.text_off + l.text_size, prev_end = l.text_off;
    for (u32 i = 0; i < out.nfuncs && r.ok(); ++i) {
        Function &f = out.funcs[i];
        f.entry = r.uv();
        f.size = r.uv();
        u64 frame = r.uv(), bound = r.uv(), order = r.uv();
        if (!r.ok()) return false;
        if (f.entry < prev_end || f.size == 0 || f.size > text_end || f.entry > text_end - f.size)
            return r.fail("functions must be sorted, disjoint, non-empty and inside the text");
        if (frame % 4 || frame > kMaxFrame || bound > (1u << 24) || order > (1u << 24))
            return r.fail("function frame, bound or order out of range");
        prev_end = f.entry + f.size;
        f.frame = static_cast<u32>(frame), f.bound = static_cast<u32>(bound),
        f.order = static_cast<u32>(order);
        f.nargs = r.byte();
        if (f.nargs > 6) return r.fail("more than 6 arguments");
        for (u8 k = 0; k < f.nargs && r.ok(); ++k) {
            read_value(r, f.args[k]);
            // uninit: the function ignores this argument (callers need not set it).
            if (r.ok() && !f.args[k].is_data() &&
                !(f.args[k].kind == Kind::Uninit && f.args[k].low == 0))
                return r.fail(
                    "an argument must be an int, a sandbox/rodata pointer, or uninit (unused)");
        }
        u8 has = r.byte();
        if (has > 1) return r.fail("bad result flag");
        f.has_result = has;
        // uninit:k: only the low k bytes are the result (a bool in al).
        if (has && read_value(r, f.result) && !f.result.is_data() &&
            !(f.result.kind == Kind::Uninit && f.result.low > 0))
            return r.fail("a result must be an int, a sandbox/rodata pointer, or its low bytes");
        f.nblocks = static_cast<u32>(r.count(f.size, 4, "more blocks than the function has bytes"));
        f.blocks = arena.alloc<Block>(f.nblocks ? f.nblocks : 1);
        if (!f.blocks) return r.fail("out of memory reading the certificate");
        u64 at = f.entry;
        for (u32 b = 0; b < f.nblocks && r.ok(); ++b) {
            u64 delta = r.uv();
            if (b > 0 && delta == 0) return r.fail("blocks must be sorted and distinct");
            if (delta >= f.entry + f.size - at) return r.fail("block starts outside its function");
            at += delta;
            f.blocks[b].start = at;
            read_state(r, arena, f.blocks[b].state, f.frame, b ? &f.blocks[b - 1].state : nullptr);
        }
    }
    if (r.ok() && r.left() != 0) return r.fail("trailing bytes after the certificate");
    return r.ok();
}

void cert_apply(const CertState &cs, State &s) {
    state_clear(s);
    for (u32 i = 0; i < cs.n; ++i) {
        const Entry &e = cs.entries[i];
        Cell *c = s.cell_at(e.at.off);
        if (e.at.kind == Loc::Reg) {
            s.reg[e.at.reg] = e.v;
        } else if (e.at.width == 8) {
            put_pair(c, e.v);
        } else if (e.at.width == 4) {
            c[0] = Cell{e.v, Shape::Whole32, 0xf};
        } else {
            c[0] = Cell{Value{}, Shape::Bytes, e.mask};
        }
    }
    s.flags.kind = cs.flags_set ? Flags::Known : Flags::Unset;
    s.flags.secret = cs.flags_set ? 0 : Flags::kAllFlags;
    s.nfacts = cs.nfacts;
    for (u8 i = 0; i < cs.nfacts; ++i) s.fact[i] = cs.facts[i];
    s.fuel = cs.fuel;
    s.sext = cs.sext;
}

} // namespace ktal
