#include "tal/cert_model.hpp"

#include <algorithm>

namespace ktal {

bool same(const Value &a, const Value &b) {
    if (a.kind != b.kind) return false;
    switch (a.kind) {
    case Kind::Uninit: return a.low == b.low;
    case Kind::RetAddr: return true;
    case Kind::Saved: return a.reg == b.reg;
    case Kind::Ptr: return a.region == b.region && a.smin == b.smin && a.smax == b.smax;
    case Kind::Int:
        return a.smin == b.smin && a.smax == b.smax && a.umin == b.umin && a.umax == b.umax;
    }
    return false;
}

} // namespace ktal

namespace ktal::model {
namespace {

struct Out {
    std::vector<u8> b;
    void byte(u8 v) { b.push_back(v); }
    void uv(u64 v) {
        do {
            u8 x = v & 0x7f;
            v >>= 7;
            byte(v ? (x | 0x80) : x);
        } while (v);
    }
    void sv(i64 v) {
        bool more = true;
        while (more) {
            u8 x = v & 0x7f;
            v >>= 7; // arithmetic
            more = !((v == 0 && !(x & 0x40)) || (v == -1 && (x & 0x40)));
            byte(more ? (x | 0x80) : x);
        }
    }
    void value(const Value &v) {
        switch (v.kind) {
        case Kind::Uninit: byte(static_cast<u8>(0 | (v.low << 3))); return;
        case Kind::Int: {
            Value t = Value::top();
            u8 which = (v.smin != t.smin ? 1 : 0) | (v.smax != t.smax ? 2 : 0) |
                       (v.umin != t.umin ? 4 : 0) | (v.umax != t.umax ? 8 : 0);
            byte(static_cast<u8>(1 | (which << 3)));
            if (which & 1) sv(v.smin);
            if (which & 2) sv(v.smax);
            if (which & 4) uv(v.umin);
            if (which & 8) uv(v.umax);
            return;
        }
        case Kind::Ptr: {
            bool exact = v.smin == v.smax;
            byte(static_cast<u8>(2 | ((static_cast<u8>(v.region) | (exact ? 4 : 0)) << 3)));
            sv(v.smin);
            if (!exact) sv(v.smax);
            return;
        }
        case Kind::RetAddr: byte(3); return;
        case Kind::Saved: byte(4), byte(v.reg); return;
        }
    }
    void loc(const Loc &l) {
        if (l.kind == Loc::Reg)
            byte(l.reg);
        else
            byte(static_cast<u8>(16 | l.width)), sv(l.off);
    }
    void entry(const Entry &e) {
        loc(e.at);
        if (e.at.kind == Loc::Slot && e.at.width == 0)
            byte(e.mask);
        else
            value(e.v);
    }
};

} // namespace

std::vector<u8> encode(const Cert &c) {
    Out o;
    for (char ch : std::string_view("KTALCERT")) o.byte(static_cast<u8>(ch));
    o.byte(kCertVersion);
    o.byte(0);
    const Layout &l = c.layout;
    for (u64 f : {l.image_size, l.helpers_off, l.helper_count, l.text_off, l.text_size,
                  l.rodata_off, l.rodata_size, l.sandbox_off, l.sandbox_size})
        o.uv(f);
    o.uv(c.entry_function);
    for (u64 i = 0; i < l.helper_count; ++i) o.uv(i < c.helpers.size() ? c.helpers[i] : 0);
    o.uv(c.funcs.size());
    for (const Function &f : c.funcs) {
        o.uv(f.entry), o.uv(f.size), o.uv(f.frame), o.uv(f.bound), o.uv(f.order);
        o.byte(static_cast<u8>(f.args.size()));
        for (const Value &a : f.args) o.value(a);
        o.byte(f.result ? 1 : 0);
        if (f.result) o.value(*f.result);
        o.uv(f.blocks.size());
        u64 at = f.entry;
        std::vector<Entry> prev; // the previous block's entries, in the reader's order
        for (const Block &b : f.blocks) {
            o.uv(b.start - at);
            at = b.start;
            const BlockState &s = b.state;
            // Registers, then slots by offset, as the reader lists them (so the
            // bytes do not depend on the order a state was written in).
            std::vector<Entry> cur = entries_of(s);
            auto key = [](const Entry &e) {
                return e.at.kind == Loc::Reg ? e.at.reg - (1ll << 32) : e.at.off;
            };
            std::sort(cur.begin(), cur.end(),
                      [&](const Entry &x, const Entry &y) { return key(x) < key(y); });
            // As a change from the previous block's (a frame's spill slots and
            // most registers hold the same thing from block to block): one bit
            // per previous entry, kept or not, then the entries that are new.
            auto same_entry = [](const Entry &x, const Entry &y) {
                bool bytes = x.at.kind == Loc::Slot && x.at.width == 0;
                return x.at == y.at && x.mask == y.mask && (bytes || same(x.v, y.v));
            };
            auto listed = [&](const std::vector<Entry> &in, const Entry &e) {
                for (const Entry &x : in)
                    if (same_entry(x, e)) return true;
                return false;
            };
            for (size_t i = 0; i < prev.size(); i += 8) {
                u8 bits = 0;
                for (size_t k = i; k < i + 8 && k < prev.size(); ++k)
                    if (listed(cur, prev[k])) bits |= static_cast<u8>(1u << (k - i));
                o.byte(bits);
            }
            std::vector<const Entry *> fresh;
            for (const Entry &e : cur)
                if (!listed(prev, e)) fresh.push_back(&e);
            o.uv(fresh.size());
            for (const Entry *e : fresh) o.entry(*e);
            prev = cur;
            o.byte(static_cast<u8>((s.fuel ? 1 : 0) | (s.flags ? 2 : 0) | (s.sext == 4 ? 4 : 0) |
                                   (s.sext == 8 ? 8 : 0)));
            o.uv(s.facts.size());
            for (const Fact &fa : s.facts) o.loc(fa.x), o.loc(fa.y), o.sv(fa.c);
        }
    }
    return o.b;
}

Cert from_cert(const ktal::Cert &c) {
    Cert m;
    m.layout = c.layout;
    m.entry_function = c.entry_function;
    for (u32 i = 0; i < c.layout.helper_count; ++i) m.helpers.push_back(i); // slot i: helper i
    for (u32 i = 0; i < c.nfuncs; ++i) {
        const ktal::Function &f = c.funcs[i];
        Function mf;
        mf.entry = f.entry, mf.size = f.size, mf.frame = f.frame, mf.bound = f.bound,
        mf.order = f.order;
        mf.args.assign(f.args, f.args + f.nargs);
        if (f.has_result) mf.result = f.result;
        for (u32 b = 0; b < f.nblocks; ++b) {
            const CertState &cs = f.blocks[b].state;
            Block mb;
            mb.start = f.blocks[b].start;
            for (u32 k = 0; k < cs.n; ++k) {
                const Entry &e = cs.entries[k];
                if (e.at.kind == Loc::Reg)
                    mb.state.regs.emplace_back(e.at.reg, e.v);
                else
                    mb.state.slots.push_back(Slot{e.at.off, e.at.width, e.mask, e.v});
            }
            mb.state.facts.assign(cs.facts, cs.facts + cs.nfacts);
            mb.state.fuel = cs.fuel, mb.state.flags = cs.flags_set, mb.state.sext = cs.sext;
            mf.blocks.push_back(std::move(mb));
        }
        m.funcs.push_back(std::move(mf));
    }
    return m;
}

BlockState from_state(const State &s) {
    BlockState b;
    for (u8 r = 0; r < kNumRegs; ++r)
        if (s.reg[r].kind != Kind::Uninit || s.reg[r].low) b.regs.emplace_back(r, s.reg[r]);
    for (u32 i = 0; i + 2 < s.ncells; ++i) { // the last two cells are the return address
        const Cell &c = s.cell[i];
        i32 off = s.lo + 4 * static_cast<i32>(i);
        if (c.shape == Shape::Lo64 && i + 1 < s.ncells && s.cell[i + 1].shape == Shape::Hi64) {
            if (c.v.kind != Kind::Uninit) b.slots.push_back(Slot{off, 8, 0, c.v});
            ++i;
        } else if (c.shape == Shape::Whole32 && c.init == 0xf) {
            b.slots.push_back(Slot{off, 4, 0, c.v});
        } else if (c.init && c.shape == Shape::Bytes) {
            b.slots.push_back(Slot{off, 0, c.init, Value{}});
        }
    }
    b.facts.assign(s.fact, s.fact + s.nfacts);
    b.fuel = s.fuel;
    b.flags = s.flags.secret == 0;
    b.sext = s.sext;
    return b;
}

std::vector<Entry> entries_of(const BlockState &b) {
    std::vector<Entry> es;
    for (auto &[r, v] : b.regs) es.push_back(Entry{Loc::r(r), 0, v});
    for (const Slot &sl : b.slots) es.push_back(Entry{Loc::slot(sl.off, sl.width), sl.mask, sl.v});
    return es;
}

void apply(const BlockState &b, State &s) {
    std::vector<Entry> es = entries_of(b);
    CertState cs;
    cs.entries = es.data(), cs.n = static_cast<u32>(es.size());
    cs.nfacts = static_cast<u8>(b.facts.size());
    for (u8 i = 0; i < cs.nfacts; ++i) cs.facts[i] = b.facts[i];
    cs.fuel = b.fuel, cs.flags_set = b.flags, cs.sext = b.sext;
    cert_apply(cs, s);
}

} // namespace ktal::model
