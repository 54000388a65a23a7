// Machine states: entailment and join with registers, stack cells (8-byte
// values, 4-byte cells, written-byte masks), flags, facts, the fuel bit and
// the sign-extension marker. The central property: a secret (the return
// address, a caller's register, a stack address) never becomes readable
// through a join.
#include "tal/cert_model.hpp" // same()
#include "tal/state.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace ktal;

namespace {

// A state with its own cells for a frame of `frame` bytes.
struct Owned {
    std::vector<Cell> cells;
    State s;
    explicit Owned(u32 frame = 16) : cells(frame / 4 + 2) { state_init(s, cells.data(), frame); }
    Owned(const Owned &o) : cells(o.cells.size()) {
        state_init(s, cells.data(), static_cast<u32>(-o.s.lo));
        state_copy(s, o.s);
    }
    Owned &operator=(const Owned &o) {
        cells.assign(o.cells.size(), Cell{});
        state_init(s, cells.data(), static_cast<u32>(-o.s.lo));
        state_copy(s, o.s);
        return *this;
    }
    Owned &entry() {
        state_entry(s);
        return *this;
    }
    // The certificate's view of a state: registers as given, nothing else.
    Owned &blank() {
        state_entry(s);
        for (u8 r = 0; r < kNumRegs; ++r)
            if (r != RSP) s.reg[r] = Value::uninit();
        s.flags = Flags{};
        return *this;
    }
    Owned &pair(i32 off, const Value &v) {
        Cell *c = s.cell_at(off);
        c[0] = Cell{v, Shape::Lo64, 0xf};
        c[1] = Cell{Value{}, Shape::Hi64, 0xf};
        return *this;
    }
    Owned &whole(i32 off, const Value &v) {
        *s.cell_at(off) = Cell{v, Shape::Whole32, 0xf};
        return *this;
    }
    Owned &bytes(i32 off, u8 mask) {
        *s.cell_at(off) = Cell{Value{}, Shape::Bytes, mask};
        return *this;
    }
    Owned &reg(u8 r, const Value &v) {
        s.reg[r] = v;
        return *this;
    }
};

bool entails(const Owned &a, const Owned &b, std::string *why = nullptr) {
    Mismatch m;
    bool ok = state_entails(a.s, b.s, &m);
    if (why)
        *why = std::string(m.where.c_str()) + ": want " + m.want.c_str() + ", got " + m.got.c_str();
    return ok;
}

Owned joined(const Owned &a, const Owned &b) {
    Owned j(a);
    state_join(j.s, b.s);
    return j;
}

// Is byte `off` of the frame readable data in s? (entails a state that only
// asks for that byte to be written)
bool readable(const Owned &s, i32 off) {
    Owned want(static_cast<u32>(-s.s.lo));
    want.blank();
    want.s.reg[RSP] = s.s.reg[RSP];
    want.bytes(off & ~3, static_cast<u8>(1u << (off & 3)));
    return entails(s, want);
}

// --- entry, registers ---

TEST(State, Entry) {
    Owned e;
    e.entry();
    EXPECT_TRUE(e.s.live);
    EXPECT_TRUE(e.s.reg[RSP].is_stack_ptr());
    EXPECT_EQ(e.s.rsp(), 0);
    for (u8 r = 0; r < kNumRegs; ++r) {
        if (is_callee_saved(r))
            EXPECT_TRUE(e.s.reg[r].kind == Kind::Saved && e.s.reg[r].reg == r);
        else if (r != RSP)
            EXPECT_EQ(e.s.reg[r].kind, Kind::Uninit);
    }
    const Cell *ra = e.s.cell_at(0);
    EXPECT_EQ(ra[0].shape, Shape::Lo64);
    EXPECT_EQ(ra[0].v.kind, Kind::RetAddr);
    EXPECT_EQ(ra[1].shape, Shape::Hi64);
    EXPECT_EQ(e.s.flags.kind, Flags::Unset);
    EXPECT_EQ(e.s.flags.secret, Flags::kAllFlags);
    EXPECT_TRUE(entails(e, e));
    for (i32 off = -16; off < 0; ++off) EXPECT_FALSE(readable(e, off)) << off;
}

TEST(State, RegisterEntailment) {
    Owned a, b;
    a.blank().reg(RCX, Value::srange(0, 5));
    b.blank().reg(RCX, Value::srange(0, 10));
    EXPECT_TRUE(entails(a, b));
    std::string why;
    EXPECT_FALSE(entails(b, a, &why));
    EXPECT_EQ(why, "rcx: want int[0,5], got int[0,10]");
    // What b does not list (uninit) a may hold anything in.
    a.reg(RDX, Value::top());
    EXPECT_TRUE(entails(a, b));
    EXPECT_FALSE(entails(b, a));
}

TEST(State, DeadStates) {
    Owned a, b;
    a.blank();
    b.blank();
    a.s.live = false;
    EXPECT_TRUE(entails(a, b)); // unreachable: entails everything
    std::string why;
    EXPECT_FALSE(entails(b, a, &why));
    EXPECT_EQ(why, "state: want unreachable, got reachable");
    Owned j = joined(a, b); // joining into a dead state copies
    EXPECT_TRUE(j.s.live);
    EXPECT_TRUE(entails(j, b) && entails(b, j));
    Owned k = joined(b, a);
    EXPECT_TRUE(entails(k, b) && entails(b, k));
}

TEST(State, RegisterJoin) {
    Owned a, b;
    a.blank()
        .reg(RAX, Value::srange(0, 5))
        .reg(RBX, Value::saved(RBX))
        .reg(RCX, Value::constant(1));
    b.blank().reg(RAX, Value::srange(3, 9)).reg(RBX, Value::saved(RBX)).reg(RCX, Value::saved(RBX));
    Owned j = joined(a, b);
    EXPECT_TRUE(same(j.s.reg[RAX], Value::srange(0, 9)));
    EXPECT_TRUE(same(j.s.reg[RBX], Value::saved(RBX)));
    EXPECT_EQ(j.s.reg[RCX].kind, Kind::Uninit); // a secret on one side: unusable
    EXPECT_TRUE(entails(a, j) && entails(b, j));
}

// --- stack cells ---

TEST(Cells, EightByteValues) {
    Owned a, b;
    a.blank().pair(-8, Value::srange(0, 5));
    b.blank().pair(-8, Value::srange(3, 9));
    Owned j = joined(a, b);
    EXPECT_EQ(j.s.cell_at(-8)->shape, Shape::Lo64);
    EXPECT_TRUE(same(j.s.cell_at(-8)->v, Value::srange(0, 9)));
    EXPECT_TRUE(entails(a, j) && entails(b, j));
    EXPECT_FALSE(entails(j, a));
    std::string why;
    EXPECT_FALSE(entails(j, b, &why));
    EXPECT_EQ(why, "[-8]: want int[3,9], got int[0,9]");
}

TEST(Cells, FourByteCells) {
    Owned a, b;
    a.blank().whole(-4, Value::srange(0, 5));
    b.blank().whole(-4, Value::srange(7, 9));
    Owned j = joined(a, b);
    EXPECT_EQ(j.s.cell_at(-4)->shape, Shape::Whole32);
    EXPECT_TRUE(same(j.s.cell_at(-4)->v, Value::srange(0, 9)));
    EXPECT_TRUE(entails(a, j) && entails(b, j));
    std::string why;
    EXPECT_FALSE(entails(j, a, &why));
    EXPECT_EQ(why, "[-4]:4: want int[0,5], got int[0,9]");
}

TEST(Cells, LowHalfOfAnEightByteValueAsAFourByteCell) {
    Owned a, want;
    a.blank().pair(-8, Value::srange(0, 5));
    want.blank().whole(-8, Value::srange(0, 5));
    EXPECT_TRUE(entails(a, want));
    want.whole(-8, Value::srange(0, 4));
    EXPECT_FALSE(entails(a, want));
    // A wide value: its low half is some 32-bit number.
    a.pair(-8, Value::top());
    want.whole(-8, Value::urange(0, 0xffffffffull));
    EXPECT_TRUE(entails(a, want));
    // The high half is not described by a 4-byte cell of the value.
    want.blank().whole(-4, Value::srange(0, 5));
    a.pair(-8, Value::srange(0, 5));
    EXPECT_FALSE(entails(a, want));
}

TEST(Cells, WrittenBytes) {
    Owned a, b;
    a.blank().bytes(-8, 0x3).bytes(-4, 0xf);
    b.blank().bytes(-8, 0x6).bytes(-4, 0x1);
    Owned j = joined(a, b);
    EXPECT_TRUE(readable(j, -7));
    EXPECT_FALSE(readable(j, -8));
    EXPECT_FALSE(readable(j, -6));
    EXPECT_TRUE(readable(j, -4));
    EXPECT_FALSE(readable(j, -3));
    EXPECT_TRUE(entails(a, j) && entails(b, j));
}

TEST(Cells, DataPairAgainstTwoFourByteCells) {
    Owned a, b;
    a.blank().pair(-8, Value::srange(0, 5));
    b.blank().whole(-8, Value::constant(1)).whole(-4, Value::constant(0));
    Owned j = joined(a, b);
    for (i32 off = -8; off < 0; ++off) EXPECT_TRUE(readable(j, off)) << off;
    Owned any8, exact8;
    any8.blank().pair(-8, Value::top());
    exact8.blank().pair(-8, Value::srange(0, 5));
    EXPECT_TRUE(entails(j, any8));    // eight written bytes are some integer
    EXPECT_FALSE(entails(j, exact8)); // but which one is lost
    EXPECT_TRUE(entails(a, j) && entails(b, j));
}

TEST(Cells, SecretPairsSurviveOnlyWhole) {
    Owned a, b;
    a.blank().pair(-8, Value::saved(RBX));
    b.blank().pair(-8, Value::saved(RBX));
    Owned j = joined(a, b);
    Owned want;
    want.blank().pair(-8, Value::saved(RBX));
    EXPECT_TRUE(entails(j, want)); // can still be restored with pop rbx
    b.pair(-8, Value::saved(R12));
    j = joined(a, b);
    EXPECT_FALSE(entails(j, want));
    for (i32 off = -8; off < 0; ++off) EXPECT_FALSE(readable(j, off)) << off;
}

TEST(Cells, UncertifiedSlotsAreForgotten) {
    // A state lists what it needs; more in the entailing state is fine.
    Owned a, b;
    a.blank().pair(-8, Value::srange(0, 5)).pair(-16, Value::saved(RBX));
    b.blank();
    EXPECT_TRUE(entails(a, b));
    EXPECT_FALSE(entails(b, a));
}

// Every way one 8-byte region of the frame can be held.
std::vector<Owned> configurations() {
    std::vector<Owned> v;
    auto add = [&](auto &&f) {
        Owned o;
        o.blank();
        f(o);
        v.push_back(o);
    };
    add([](Owned &) {});
    add([](Owned &o) { o.pair(-8, Value::srange(0, 5)); });
    add([](Owned &o) { o.pair(-8, Value::top()); });
    add([](Owned &o) { o.pair(-8, Value::ptr(Region::Sandbox, 0, 8)); });
    add([](Owned &o) { o.pair(-8, Value::saved(RBX)); });
    add([](Owned &o) { o.pair(-8, Value::saved(RBP)); });
    add([](Owned &o) { o.pair(-8, Value::retaddr()); });
    add([](Owned &o) { o.pair(-8, Value::ptr(Region::Stack, -16, -16)); });
    add([](Owned &o) { o.whole(-8, Value::constant(1)).whole(-4, Value::constant(2)); });
    add([](Owned &o) { o.whole(-8, Value::constant(1)); });
    add([](Owned &o) { o.whole(-4, Value::constant(1)).bytes(-8, 0x5); });
    for (u8 m1 : {0x1, 0x3, 0x8, 0xf})
        for (u8 m2 : {0x0, 0x2, 0xf}) add([&](Owned &o) { o.bytes(-8, m1).bytes(-4, m2); });
    // A secret's half next to data: the half alone (as a partial write leaves it).
    add([](Owned &o) { o.bytes(-8, 0x1).bytes(-4, 0x0); });
    return v;
}

bool holds_secret(const Owned &o) {
    const Cell *c = o.s.cell_at(-8);
    return c->shape == Shape::Lo64 && !c->v.is_data();
}

TEST(Cells, JoinNeverMakesASecretReadable) {
    std::vector<Owned> cs = configurations();
    for (size_t i = 0; i < cs.size(); ++i) {
        for (size_t k = 0; k < cs.size(); ++k) {
            Owned j = joined(cs[i], cs[k]);
            SCOPED_TRACE(testing::Message() << "configurations " << i << " join " << k);
            ASSERT_TRUE(entails(cs[i], j));
            ASSERT_TRUE(entails(cs[k], j));
            for (i32 off = -8; off < 0; ++off) {
                bool r = readable(j, off);
                ASSERT_TRUE(!r || (readable(cs[i], off) && readable(cs[k], off))) << "byte " << off;
                if (holds_secret(cs[i]) || holds_secret(cs[k])) ASSERT_FALSE(r) << "byte " << off;
            }
            // A secret survives a join only as itself, from both sides.
            if (holds_secret(j)) {
                ASSERT_TRUE(holds_secret(cs[i]) && holds_secret(cs[k]));
                ASSERT_TRUE(same(cs[i].s.cell_at(-8)->v, cs[k].s.cell_at(-8)->v) ||
                            (cs[i].s.cell_at(-8)->v.is_stack_ptr() &&
                             cs[k].s.cell_at(-8)->v.is_stack_ptr()));
            }
        }
    }
}

TEST(Cells, EntailmentNeverReadsASecretAsData) {
    // A state holding a secret entails no state that wants those bytes as data.
    for (const Value &secret :
         {Value::saved(RBX), Value::retaddr(), Value::ptr(Region::Stack, -16, -16)}) {
        Owned a;
        a.blank().pair(-8, secret);
        Owned want8, want4lo, want4hi;
        want8.blank().pair(-8, Value::top());
        want4lo.blank().whole(-8, Value::urange(0, 0xffffffffull));
        want4hi.blank().whole(-4, Value::urange(0, 0xffffffffull));
        EXPECT_FALSE(entails(a, want8));
        EXPECT_FALSE(entails(a, want4lo));
        EXPECT_FALSE(entails(a, want4hi));
        for (i32 off = -8; off < 0; ++off) EXPECT_FALSE(readable(a, off));
    }
}

// --- forgetting ---

TEST(Forget, BelowRsp) {
    Owned a;
    a.blank().pair(-16, Value::constant(1)).pair(-8, Value::constant(2));
    state_forget_below(a.s, -8);
    EXPECT_FALSE(readable(a, -16));
    EXPECT_FALSE(readable(a, -12));
    EXPECT_TRUE(readable(a, -8));
    // The return address is never forgotten.
    state_forget_below(a.s, 0);
    EXPECT_EQ(a.s.cell_at(0)->v.kind, Kind::RetAddr);
}

TEST(Forget, HighHalfWhoseLowHalfIsGone) {
    Owned a(12);
    a.blank();
    a.pair(-12, Value::constant(3)); // [-12, -4)
    state_forget_below(a.s, -8);     // forgets [-12, -8): the low half
    EXPECT_FALSE(readable(a, -8));
    EXPECT_FALSE(readable(a, -5));
}

// --- flags, facts, fuel, sign extension ---

TEST(Flags, CallersFlagsAreNeverEntailedAway) {
    Owned set, unset;
    set.blank();
    set.s.flags.kind = Flags::Known;
    set.s.flags.secret = 0;
    unset.blank();
    EXPECT_TRUE(entails(set, unset));
    std::string why;
    EXPECT_FALSE(entails(unset, set, &why));
    EXPECT_EQ(why.substr(0, 6), "flags:");
    Owned j = joined(set, unset);
    EXPECT_EQ(j.s.flags.secret, Flags::kAllFlags);
    EXPECT_FALSE(entails(j, set));
    // CF alone still the caller's (after inc/dec).
    Owned cf(set);
    cf.s.flags.secret = Flags::kCF;
    EXPECT_FALSE(entails(cf, set));
    EXPECT_TRUE(entails(set, cf));
}

TEST(Flags, ComparisonsMustMatch) {
    Owned a, b;
    a.blank();
    b.blank();
    a.s.flags.kind = b.s.flags.kind = Flags::Cmp;
    a.s.flags.secret = b.s.flags.secret = 0;
    a.s.flags.a = b.s.flags.a = Loc::r(RCX);
    a.s.flags.b_is_imm = b.s.flags.b_is_imm = true;
    a.s.flags.imm = 5;
    b.s.flags.imm = 6;
    EXPECT_FALSE(entails(a, b));
    b.s.flags.imm = 5;
    EXPECT_TRUE(entails(a, b));
    Owned j = joined(a, b);
    EXPECT_EQ(j.s.flags.kind, Flags::Cmp);
    b.s.flags.imm = 6;
    j = joined(a, b);
    EXPECT_EQ(j.s.flags.kind, Flags::Known);
    // Writing a compared location forgets the comparison.
    state_clobber(a.s, RCX);
    EXPECT_EQ(a.s.flags.kind, Flags::Known);
}

TEST(Facts, EntailmentAndJoin) {
    Owned a, b;
    a.blank().reg(RCX, Value::top()).reg(RSI, Value::top());
    b.blank().reg(RCX, Value::top()).reg(RSI, Value::top());
    Fact tight{Loc::r(RCX), Loc::r(RSI), -1}, loose{Loc::r(RCX), Loc::r(RSI), 0};
    state_add_fact(a.s, tight);
    state_add_fact(b.s, loose);
    EXPECT_TRUE(entails(a, b)); // rcx <= rsi - 1 gives rcx <= rsi
    std::string why;
    EXPECT_FALSE(entails(b, a, &why));
    EXPECT_EQ(why, "fact: want rcx <= rsi + -1, got not established");
    Owned j = joined(a, b);
    ASSERT_EQ(j.s.nfacts, 1);
    EXPECT_EQ(j.s.fact[0].c, 0);
    // A fact on one side only is dropped.
    Owned c;
    c.blank().reg(RCX, Value::top()).reg(RSI, Value::top());
    j = joined(a, c);
    EXPECT_EQ(j.s.nfacts, 0);
    // Adding a known fact keeps the tighter constant.
    state_add_fact(b.s, tight);
    ASSERT_EQ(b.s.nfacts, 1);
    EXPECT_EQ(b.s.fact[0].c, -1);
}

TEST(Facts, ClobberForgetsWhatMentionsIt) {
    Owned a;
    a.blank();
    state_add_fact(a.s, Fact{Loc::r(RCX), Loc::r(RSI), 0});
    state_add_fact(a.s, Fact{Loc::slot(-8, 8), Loc::r(RDX), 0});
    state_add_fact(a.s, Fact{Loc::slot(-16, 4), Loc::r(RDX), 0});
    state_clobber(a.s, RSI);
    EXPECT_EQ(a.s.nfacts, 2);
    state_clobber_slots(a.s, -4, -2); // overlaps [-8, 0)
    EXPECT_EQ(a.s.nfacts, 1);
    state_clobber_slots(a.s, -12, -8); // touches neither [-16, -12) nor [-8, 0)
    EXPECT_EQ(a.s.nfacts, 1);
    state_clobber_slots(a.s, -13, -12);
    EXPECT_EQ(a.s.nfacts, 0);
}

TEST(Facts, AtMostEight) {
    Owned a;
    a.blank();
    for (i32 k = 0; k < 12; ++k)
        state_add_fact(a.s, Fact{Loc::r(static_cast<u8>(k % 16)), Loc::slot(-4 * (k + 1), 4), k});
    EXPECT_EQ(a.s.nfacts, kMaxFacts);
}

TEST(Fuel, JoinTakesTheMinimum) {
    Owned a, b;
    a.blank();
    b.blank();
    a.s.fuel = 1;
    EXPECT_TRUE(entails(a, b));
    std::string why;
    EXPECT_FALSE(entails(b, a, &why));
    EXPECT_EQ(why.substr(0, 5), "fuel:");
    Owned j = joined(a, b);
    EXPECT_EQ(j.s.fuel, 0);
}

TEST(SignExtension, MustMatch) {
    Owned a, b;
    a.blank();
    b.blank();
    a.s.sext = 8;
    b.s.sext = 8;
    EXPECT_TRUE(entails(a, b));
    a.s.sext = 4;
    EXPECT_FALSE(entails(a, b));
    Owned j = joined(a, b);
    EXPECT_EQ(j.s.sext, 0);
    b.s.sext = 0;
    EXPECT_TRUE(entails(a, b));
    // Writing rax or rdx breaks the relation.
    a.s.sext = 8;
    state_clobber(a.s, RDX);
    EXPECT_EQ(a.s.sext, 0);
    a.s.sext = 4;
    state_clobber(a.s, RAX);
    EXPECT_EQ(a.s.sext, 0);
    a.s.sext = 4;
    state_clobber(a.s, RCX);
    EXPECT_EQ(a.s.sext, 4);
}

} // namespace

TEST(Facts, AFullSetForgetsItsOldest) {
    Owned a;
    a.blank();
    for (i64 k = 0; k <= kMaxFacts; ++k)
        state_add_fact(a.s, Fact{Loc::slot(static_cast<i32>(-8 * (k + 1)), 8), Loc::r(RDX), 0});
    ASSERT_EQ(a.s.nfacts, kMaxFacts);
    EXPECT_EQ(a.s.fact[0].x, Loc::slot(-16, 8));                              // [-8] went first
    EXPECT_EQ(a.s.fact[kMaxFacts - 1].x, Loc::slot(-8 * (kMaxFacts + 1), 8)); // the newest stays
}
