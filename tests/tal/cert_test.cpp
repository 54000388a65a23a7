// The certificate: the binary reader against malformed input (crafted
// errors, random byte flips, insertions and truncations of valid
// certificates: each must be rejected cleanly or accepted consistently,
// never crash; the unit tests run under ASan+UBSan), and the text form's
// round trip parse -> encode -> cert_read -> from_cert -> print -> parse,
// which must give the same binary.
#include "tal/cert.hpp"
#include "tal/cert_model.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <random>
#include <string>
#include <vector>

using namespace ktal;

namespace {

// --- helpers ---

struct Read {
    bool ok = false;
    std::string error;
    u64 offset = 0;
    model::Cert model;
};

Read read(const std::vector<u8> &bin) {
    Read r;
    usize size = 64 * bin.size() + 4096;
    std::unique_ptr<u8[]> mem(new u8[size]);
    Arena arena(mem.get(), size);
    // An exact-size copy, so that reading past the end is caught by ASan.
    std::unique_ptr<u8[]> data(new u8[bin.size() ? bin.size() : 1]);
    if (!bin.empty()) std::memcpy(data.get(), bin.data(), bin.size());
    Cert c;
    CertError err;
    r.ok = cert_read(data.get(), bin.size(), arena, c, err);
    r.error = err.message.c_str();
    r.offset = err.offset;
    if (r.ok) r.model = model::from_cert(c);
    return r;
}

model::Cert parse(const std::string &text) {
    model::Cert m;
    model::ParseError pe;
    EXPECT_TRUE(model::parse(text, nullptr, m, pe))
        << "line " << pe.line << ": " << pe.message << "\n"
        << text;
    return m;
}

std::vector<u8> bin(const std::string &text) {
    return model::encode(parse(text));
}

const char *kLayout = "layout image=0x13000 helpers=0x0/26 text=0x1a0/0x200 rodata=0x1000/0x50 "
                      "sandbox=0x2000/0x11000\n";

// Certificates in the text form that exercise every item of the syntax.
std::vector<std::string> samples() {
    std::string head = std::string("ktal-cert 1\n") + kLayout + "helpers auto\n";
    return {
        head + "entry main\nfunction main entry=0x1a0 size=0x10 frame=0 bound=0\n",
        head + "entry main\n"
               "function leaf entry=0x1a0 size=0x40 frame=16 bound=16\n"
               "  args int[0,79] sandbox[0,64] u[1,4294967295] rodata[8] int[-5,5] int\n"
               "  result int[-5,5]\n"
               "  block 0x1a8: rsp=stack[-16] saved rax=int rcx=u[0,10] [-16]=int[0,5] "
               "[-8]:4=int[0,3] "
               "[-4]:bytes=3 rcx<=rdx-1 [-8]:4<=rax+3 fuel flags sext8\n"
               "  block 0x1b0: rsp=stack[0] rbx=saved:rbx rdx=uninit:2 rsi=uninit:7 "
               "r8=sandbox[-4,4] [-12]:bytes=15\n"
               "function main entry=0x1e0 size=0x40 frame=8 bound=32\n"
               "  args int uninit int\n"
               "  block 0x1f0: rsp=stack[-8] saved rdi=rodata[0,16] rsi=int[-3,4]u[0,4] "
               "[-8]=saved:rbx sext4\n"
               "  block 0x1f8: rsp=stack[-8] r12=saved:r12 [-8]=stack[-8] rdi<=rsi+0 [-8]<=rcx-9\n"
               "  block 0x210: rsp=stack[-8] [-8]=retaddr rax=int[-9223372036854775808,-1] "
               "rcx=u[9223372036854775808,18446744073709551615] r9=int[0,0]\n",
        head + "entry 1\n"
               "function a entry=0x1a0 size=0x8 frame=65536 bound=65536 order=2\n"
               "  block 0x1a1: rsp=stack[-65536] [-65536]=int [-4]:4=u[0,4294967295]\n"
               "function b entry=0x1a8 size=0x100 frame=4 bound=16777216 order=0\n"
               "  args int int int int int int\n"
               "function c entry=0x2a8 size=0xf8 frame=0 bound=0 order=1\n"
               "  result sandbox[0,0]\n",
    };
}

// --- crafted binaries ---

struct Bytes {
    std::vector<u8> b;
    Bytes &byte(u8 v) {
        b.push_back(v);
        return *this;
    }
    Bytes &uv(u64 v) {
        do {
            u8 x = v & 0x7f;
            v >>= 7;
            b.push_back(v ? (x | 0x80) : x);
        } while (v);
        return *this;
    }
    Bytes &sv(i64 v) {
        bool more = true;
        while (more) {
            u8 x = v & 0x7f;
            v >>= 7;
            more = !((v == 0 && !(x & 0x40)) || (v == -1 && (x & 0x40)));
            b.push_back(more ? (x | 0x80) : x);
        }
        return *this;
    }
    Bytes &raw(std::initializer_list<u8> xs) {
        b.insert(b.end(), xs);
        return *this;
    }
    // Header, layout (as kLayout but with no helper slots), entry 0.
    Bytes &head(u64 nfuncs) {
        for (char c : std::string("KTALCERT")) byte(static_cast<u8>(c));
        byte(kCertVersion).byte(0);
        for (u64 f : {0x13000ull, 0ull, 0ull, 0x1a0ull, 0x200ull, 0x1000ull, 0x50ull, 0x2000ull,
                      0x11000ull})
            uv(f);
        return uv(0).uv(nfuncs);
    }
    // A function at 0x1a0 of 0x40 bytes, frame 16, no args, no result.
    Bytes &func(u64 nblocks) {
        return uv(0x1a0).uv(0x40).uv(16).uv(16).uv(0).byte(0).byte(0).uv(nblocks);
    }
    // A first block's n entries, rsp = stack[0] the first of them.
    Bytes &rsp0(u64 n = 1) { return uv(n).byte(RSP).byte(2 | ((1 | 4) << 3)).sv(0); }
    // A slot's location: width 8, 4, or 0 (bytes written).
    Bytes &slot(i64 off, u8 width) { return byte(static_cast<u8>(16 | width)).sv(off); }
};

TEST(CertRead, CraftedMinimalIsValid) {
    Bytes b;
    b.head(1).func(1).uv(0).rsp0().byte(0).uv(0);
    Read r = read(b.b);
    ASSERT_TRUE(r.ok) << r.error;
    ASSERT_EQ(r.model.funcs.size(), 1u);
    ASSERT_EQ(r.model.funcs[0].blocks.size(), 1u);
    EXPECT_EQ(r.model.funcs[0].blocks[0].start, 0x1a0u);
}

TEST(CertRead, LaterBlocksKeepSlotsOfThePreviousAndAddNewOnes) {
    Bytes b;
    // Block 1: rsp, [-8] = int. Block 2: keeps both (bits 0 and 1) and adds
    // [-16]:4 = u[0,5].
    b.head(1).func(2).uv(0).rsp0(2).slot(-8, 8).byte(1).byte(0).uv(0);
    b.uv(8).byte(3).uv(1).slot(-16, 4).byte(1 | (8 << 3)).uv(5).byte(0).uv(0);
    Read r = read(b.b);
    ASSERT_TRUE(r.ok) << r.error;
    const auto &slots = r.model.funcs[0].blocks[1].state.slots;
    ASSERT_EQ(slots.size(), 2u);
    EXPECT_EQ(slots[0].off, -16);
    EXPECT_EQ(slots[0].v.umax, 5u);
    EXPECT_EQ(slots[1].off, -8);
    EXPECT_EQ(slots[1].width, 8);
    ASSERT_EQ(r.model.funcs[0].blocks[1].state.regs.size(), 1u);
    // Dropping it instead (bit 1 clear) leaves only rsp and the new slot.
    b.b[b.b.size() - 8] = 1; // the keep bits (then 1 new slot: 5 bytes, flags, facts)
    r = read(b.b);
    ASSERT_TRUE(r.ok) << r.error;
    ASSERT_EQ(r.model.funcs[0].blocks[1].state.slots.size(), 1u);
}

struct Bad {
    const char *what;
    std::vector<u8> bytes;
    const char *message;
};

std::vector<Bad> crafted() {
    std::vector<Bad> v;
    // Zero bytes after each case, so that counts checked against the bytes
    // left do not fail first.
    auto add = [&](const char *what, Bytes b, const char *msg) {
        b.b.insert(b.b.end(), 64, 0);
        v.push_back({what, b.b, msg});
    };
    auto add_exact = [&](const char *what, Bytes b, const char *msg) {
        v.push_back({what, b.b, msg});
    };
    add_exact("empty", Bytes{}, "truncated");
    add("magic", Bytes{}.raw({'K', 'T', 'A', 'L', 'C', 'E', 'R', 'X'}), "magic");
    {
        Bytes b;
        for (char c : std::string("KTALCERT")) b.byte(static_cast<u8>(c));
        add("version", b.byte(kCertVersion + 1).byte(0), "version");
    }
    {
        // A signed varint (a pointer's offset) of 11 bytes.
        Bytes b;
        b.head(1).uv(0x1a0).uv(0x40).uv(0).uv(0).uv(0).byte(1).byte(2 | (6 << 3));
        for (int i = 0; i < 10; ++i) b.byte(0x80);
        add("varint longer than 10 bytes", b.byte(0), "longer than 10");
    }
    {
        Bytes b;
        for (char c : std::string("KTALCERT")) b.byte(static_cast<u8>(c));
        b.byte(kCertVersion).byte(0);
        for (int i = 0; i < 9; ++i) b.byte(0xff);
        add("varint over 64 bits", b.byte(0x02), "64 bits");
    }
    {
        Bytes b;
        for (char c : std::string("KTALCERT")) b.byte(static_cast<u8>(c));
        b.byte(kCertVersion).byte(0).uv(0x13000).uv(16); // helpers not at 0
        for (u64 f : {0ull, 0x1a0ull, 0x200ull, 0x1000ull, 0x50ull, 0x2000ull, 0x11000ull}) b.uv(f);
        add("helpers not first", b, "helper slots must start");
    }
    add("no functions", Bytes{}.head(0), "no functions");
    add(
        "entry out of range",
        [] {
            Bytes b;
            for (char c : std::string("KTALCERT")) b.byte(static_cast<u8>(c));
            b.byte(kCertVersion).byte(0);
            for (u64 f : {0x13000ull, 0ull, 0ull, 0x1a0ull, 0x200ull, 0x1000ull, 0x50ull, 0x2000ull,
                          0x11000ull})
                b.uv(f);
            return b.uv(3).uv(1).func(0).byte(0);
        }(),
        "entry");
    add("function outside the text",
        Bytes{}.head(1).uv(0x1000).uv(0x40).uv(0).uv(0).uv(0).byte(0).byte(0).uv(0),
        "inside the text");
    add("frame not a multiple of 4",
        Bytes{}.head(1).uv(0x1a0).uv(0x40).uv(6).uv(8).uv(0).byte(0).byte(0).uv(0), "frame");
    add("seven arguments", Bytes{}.head(1).uv(0x1a0).uv(0x40).uv(0).uv(0).uv(0).byte(7),
        "6 arguments");
    add("stack pointer argument",
        Bytes{}.head(1).uv(0x1a0).uv(0x40).uv(0).uv(0).uv(0).byte(1).byte(2 | ((1 | 4) << 3)).sv(0),
        "argument");
    add("result flag 2", Bytes{}.head(1).uv(0x1a0).uv(0x40).uv(0).uv(0).uv(0).byte(0).byte(2),
        "result flag");
    add("retaddr result",
        Bytes{}.head(1).uv(0x1a0).uv(0x40).uv(0).uv(0).uv(0).byte(0).byte(1).byte(3), "result");
    add("empty int",
        Bytes{}.head(1).uv(0x1a0).uv(0x40).uv(0).uv(0).uv(0).byte(1).byte(1 | (3 << 3)).sv(5).sv(4),
        "empty bounds");
    add("uninit with 8 bytes",
        Bytes{}.head(1).uv(0x1a0).uv(0x40).uv(0).uv(0).uv(0).byte(1).byte(8 << 3), "more than 7");
    add("uninit argument with written bytes",
        Bytes{}.head(1).uv(0x1a0).uv(0x40).uv(0).uv(0).uv(0).byte(1).byte(3 << 3), "argument");
    add("pointer region 0",
        Bytes{}.head(1).uv(0x1a0).uv(0x40).uv(0).uv(0).uv(0).byte(1).byte(2 | (4 << 3)).sv(0),
        "region");
    add("pointer offsets reversed",
        Bytes{}.head(1).uv(0x1a0).uv(0x40).uv(0).uv(0).uv(0).byte(1).byte(2 | (2 << 3)).sv(8).sv(4),
        "offset bounds");
    add("pointer offsets huge",
        Bytes{}
            .head(1)
            .uv(0x1a0)
            .uv(0x40)
            .uv(0)
            .uv(0)
            .uv(0)
            .byte(1)
            .byte(2 | (6 << 3))
            .sv(1ll << 50),
        "offset bounds");
    add("saved rax", Bytes{}.head(1).func(1).uv(0).uv(1).byte(RBX).byte(4).byte(RAX),
        "callee-saved");
    add("unknown kind", Bytes{}.head(1).func(1).uv(0).uv(1).byte(RAX).byte(7),
        "unknown value kind");
    add("register twice", Bytes{}.head(1).func(1).uv(0).uv(2).byte(RAX).byte(1).byte(RAX).byte(1),
        "twice");
    add("register 17", Bytes{}.head(1).func(1).uv(0).uv(1).byte(17).byte(1), "out of range");
    add("no rsp", Bytes{}.head(1).func(1).uv(0).uv(0), "rsp");
    add("rsp inexact",
        Bytes{}.head(1).func(1).uv(0).uv(1).byte(RSP).byte(2 | (1 << 3)).sv(-8).sv(0), "rsp");
    add("rsp below the frame",
        Bytes{}.head(1).func(1).uv(0).uv(1).byte(RSP).byte(2 | ((1 | 4) << 3)).sv(-24), "rsp");
    add("slot over the return address", Bytes{}.head(1).func(1).uv(0).rsp0(2).slot(-4, 8).byte(1),
        "inside the frame");
    add("slot unaligned", Bytes{}.head(1).func(1).uv(0).rsp0(2).slot(-10, 0).byte(1), "4-aligned");
    add("slots overlapping",
        Bytes{}.head(1).func(1).uv(0).rsp0(3).slot(-16, 8).byte(1).slot(-12, 0).byte(1),
        "overlapping");
    add("slot width 2", Bytes{}.head(1).func(1).uv(0).rsp0(2).slot(-8, 2), "width");
    add("slot mask 0", Bytes{}.head(1).func(1).uv(0).rsp0(2).slot(-8, 0).byte(0), "mask");
    add("slot mask 16", Bytes{}.head(1).func(1).uv(0).rsp0(2).slot(-8, 0).byte(16), "mask");
    add("4-byte slot with a wide int", Bytes{}.head(1).func(1).uv(0).rsp0(2).slot(-8, 4).byte(1),
        "32 bits");
    add("uninit slot", Bytes{}.head(1).func(1).uv(0).rsp0(2).slot(-8, 8).byte(0),
        "must hold a value");
    add("too many entries", Bytes{}.head(1).func(1).uv(0).uv(21), "more registers and stack slots");
    add("bad flag bits", Bytes{}.head(1).func(1).uv(0).rsp0().byte(12), "flag bits");
    add("too many facts", Bytes{}.head(1).func(1).uv(0).rsp0().byte(0).uv(9), "too many facts");
    add("fact on a slot outside the frame",
        Bytes{}.head(1).func(1).uv(0).rsp0().byte(0).uv(1).slot(-4, 8).byte(RAX).sv(0),
        "inside the frame");
    add("fact on register 17",
        Bytes{}.head(1).func(1).uv(0).rsp0().byte(0).uv(1).byte(17).byte(RAX).sv(0),
        "out of range");
    add("fact on a bytes slot",
        Bytes{}.head(1).func(1).uv(0).rsp0().byte(0).uv(1).slot(-8, 0).byte(RAX).sv(0), "location");
    add("block outside its function", Bytes{}.head(1).func(1).uv(0x40), "outside its function");
    // A later block: one bit per entry of the previous block, kept or not,
    // and no bit for an entry it lacks.
    add("keep bit for an entry the previous block lacks",
        Bytes{}.head(1).func(2).uv(0).rsp0(2).slot(-8, 8).byte(1).byte(0).uv(0).uv(8).byte(4),
        "previous block lacks");
    add("a new slot overlapping a kept one",
        Bytes{}
            .head(1)
            .func(2)
            .uv(0)
            .rsp0(2)
            .slot(-8, 8)
            .byte(1)
            .byte(0)
            .uv(0)
            .uv(8)
            .byte(3)
            .uv(1)
            .slot(-4, 4)
            .byte(1 | (8 << 3))
            .uv(5),
        "overlapping");
    add("blocks not distinct", Bytes{}.head(1).func(2).uv(0).rsp0().byte(0).uv(0).uv(0),
        "distinct");
    add_exact("trailing bytes", Bytes{}.head(1).func(0).byte(0), "trailing");
    add("functions overlapping", Bytes{}.head(2).func(0).func(0), "disjoint");
    return v;
}

TEST(CertRead, CraftedErrors) {
    for (const Bad &b : crafted()) {
        SCOPED_TRACE(b.what);
        Read r = read(b.bytes);
        EXPECT_FALSE(r.ok);
        EXPECT_NE(r.error.find(b.message), std::string::npos) << "message: " << r.error;
        EXPECT_LE(r.offset, b.bytes.size());
    }
}

// --- random damage ---

// A cert that the reader accepted must say the same thing when written out
// again and read back.
void check_consistent(const Read &r) {
    std::vector<u8> again = model::encode(r.model);
    Read r2 = read(again);
    ASSERT_TRUE(r2.ok) << "re-encoded certificate rejected: " << r2.error;
    ASSERT_EQ(model::encode(r2.model), again);
}

TEST(CertRead, SamplesAreValid) {
    for (const std::string &t : samples()) {
        Read r = read(bin(t));
        ASSERT_TRUE(r.ok) << r.error << "\n" << t;
        check_consistent(r);
    }
}

TEST(CertRead, RandomDamageIsRejectedCleanlyOrAcceptedConsistently) {
    std::mt19937_64 rng(2026);
    int accepted = 0, rejected = 0;
    for (const std::string &t : samples()) {
        const std::vector<u8> good = bin(t);
        for (int round = 0; round < 20000; ++round) {
            std::vector<u8> b = good;
            int edits = 1 + static_cast<int>(rng() % 3);
            for (int e = 0; e < edits && !b.empty(); ++e) {
                usize at = rng() % b.size();
                switch (rng() % 6) {
                case 0: b[at] ^= static_cast<u8>(1u << (rng() % 8)); break; // bit flip
                case 1: b[at] = static_cast<u8>(rng()); break;              // byte
                case 2: b.resize(at); break;                                // truncate
                case 3: b.insert(b.begin() + static_cast<long>(at), static_cast<u8>(rng())); break;
                case 4: b.erase(b.begin() + static_cast<long>(at)); break;
                default: b[at] = static_cast<u8>(0x80 | rng()); break; // a varint that goes on
                }
            }
            Read r = read(b);
            if (r.ok) {
                ++accepted;
                check_consistent(r);
                if (HasFatalFailure()) return;
            } else {
                ++rejected;
                ASSERT_FALSE(r.error.empty());
                ASSERT_LE(r.offset, b.size());
            }
        }
    }
    EXPECT_GT(rejected, 0);
    std::printf("random damage: %d accepted consistently, %d rejected\n", accepted, rejected);
}

TEST(CertRead, EveryTruncationIsRejected) {
    for (const std::string &t : samples()) {
        const std::vector<u8> good = bin(t);
        for (usize n = 0; n < good.size(); ++n) {
            std::vector<u8> b(good.begin(), good.begin() + static_cast<long>(n));
            Read r = read(b);
            ASSERT_FALSE(r.ok) << "prefix of " << n << " of " << good.size() << " bytes accepted";
            ASSERT_LE(r.offset, n);
        }
    }
}

TEST(CertRead, SmallArenaIsAnError) {
    std::vector<u8> good = bin(samples()[1]);
    for (usize size = 0; size < 4096; size += 16) {
        std::unique_ptr<u8[]> mem(new u8[size + 1]);
        Arena arena(mem.get(), size);
        Cert c;
        CertError err;
        if (!cert_read(good.data(), good.size(), arena, c, err))
            EXPECT_NE(std::string(err.message.c_str()).find("memory"), std::string::npos)
                << size << ": " << err.message.c_str();
    }
}

// --- the text form ---

// The same certificate with each state's registers in register order.
std::vector<u8> canonical(model::Cert m) {
    for (model::Function &f : m.funcs)
        for (model::Block &b : f.blocks)
            std::sort(b.state.regs.begin(), b.state.regs.end(),
                      [](const auto &x, const auto &y) { return x.first < y.first; });
    return model::encode(m);
}

// parse -> encode -> cert_read -> from_cert -> print -> parse -> encode.
// `exact`: the same bytes; otherwise the same bytes up to the order in which
// a state lists its registers.
void round_trip(const std::string &text, bool exact) {
    std::vector<u8> b1 = bin(text);
    Read r = read(b1);
    ASSERT_TRUE(r.ok) << r.error << "\n" << text;
    std::string printed = model::print(r.model);
    model::Cert m2;
    model::ParseError pe;
    ASSERT_TRUE(model::parse(printed, nullptr, m2, pe))
        << "line " << pe.line << ": " << pe.message << "\n"
        << printed;
    if (exact)
        EXPECT_EQ(model::encode(m2), b1) << "original:\n" << text << "printed:\n" << printed;
    else
        EXPECT_EQ(canonical(m2), canonical(parse(text))) << "original:\n"
                                                         << text << "printed:\n"
                                                         << printed;
    // Printing again changes nothing.
    EXPECT_EQ(model::print(m2), printed);
    Read r2 = read(model::encode(m2));
    ASSERT_TRUE(r2.ok);
    EXPECT_EQ(model::print(r2.model), printed);
}

TEST(CertText, RoundTripOfTheSamples) {
    for (const std::string &t : samples()) round_trip(t, false);
}

TEST(CertText, RoundTripIsExactWhenSavedComesFirst) {
    round_trip(
        std::string("ktal-cert 1\n") + kLayout +
            "helpers auto\nentry 0\nfunction f entry=0x1a0 size=0x40 frame=16 bound=16\n"
            "  block 0x1a8: saved rsp=stack[-16] rax=int [-8]=saved:rbx rcx<=rdx-1 [-16]<=rax+3\n",
        true);
}

// The binary lists registers in register order whatever order the text
// gave them in, so every sample comes back byte for byte.
TEST(CertText, RoundTripIsExactForEveryRegisterOrder) {
    for (const std::string &t : samples()) round_trip(t, true);
}

// Random well-formed certificates.
struct CertGen {
    std::mt19937_64 rng{77};
    u64 pick(u64 n) { return rng() % n; }

    Value int_value(bool narrow32 = false) {
        static const i64 ends[] = {kI64Min, -1000, -1, 0, 1, 79, 255, 4096, 1ll << 40, kI64Max};
        Value v;
        do {
            i64 a = pick(3) ? ends[pick(10)] : static_cast<i64>(rng());
            i64 b = pick(3) ? ends[pick(10)] : static_cast<i64>(rng());
            if (a > b) std::swap(a, b);
            u64 ua = static_cast<u64>(a), ub = static_cast<u64>(b);
            if (ua > ub) std::swap(ua, ub);
            v = pick(4) == 0   ? Value::urange(ua, ub)
                : pick(5) == 0 ? Value::top()
                               : Value::srange(a, b);
            if (narrow32)
                v = Value::urange(v.umin & 0xffffffffull, (v.umin & 0xffffffffull) + pick(1000));
        } while (narrow32 && v.umax > 0xffffffffull);
        return v;
    }
    Value data_value() {
        if (pick(4) == 0) {
            i64 lo = static_cast<i64>(pick(1 << 20)) - (1 << 19);
            return Value::ptr(pick(2) ? Region::Sandbox : Region::Rodata, lo,
                              lo + static_cast<i64>(pick(3) ? pick(100) : 0));
        }
        return int_value();
    }
    Value any_value(u32 frame) {
        switch (pick(8)) {
        case 0: return Value::retaddr();
        case 1: {
            static const u8 cs[] = {RBX, RBP, R12, R13, R14, R15};
            return Value::saved(cs[pick(6)]);
        }
        case 2: {
            i64 o = -static_cast<i64>(pick(frame / 4 + 1) * 4);
            return Value::ptr(Region::Stack, o, o + (pick(2) ? 0 : 8));
        }
        case 3: return Value::uninit(static_cast<u8>(pick(8)));
        default: return data_value();
        }
    }
    Loc loc(u32 frame) {
        if (frame < 8 || pick(2)) return Loc::r(static_cast<u8>(pick(kNumRegs)));
        u8 w = pick(2) ? 8 : 4;
        i32 off = -static_cast<i32>(4 * (1 + pick((frame - w) / 4 + 1)));
        if (off + w > 0) off = -8;
        return Loc::slot(off, w);
    }
    model::Cert cert() {
        model::Cert c;
        c.layout = Layout{0x13000, 0, 26, 0x1a0, 0x200, 0x1000, 0x50, 0x2000, 0x11000};
        for (u32 i = 0; i < 26; ++i) c.helpers.push_back(i);
        u64 at = 0x1a0, end = 0x1a0 + 0x200;
        u32 n = 1 + static_cast<u32>(pick(4));
        for (u32 i = 0; i < n && at + 8 < end; ++i) {
            model::Function f;
            f.entry = at + pick(8);
            f.size = 1 + pick(std::min<u64>(0x80, end - f.entry));
            f.frame = static_cast<u32>(4 * pick(12));
            f.bound = f.frame + static_cast<u32>(pick(64));
            f.order = static_cast<u32>(pick(5));
            u64 nargs = pick(7);
            for (u64 k = 0; k < nargs; ++k) f.args.push_back(data_value());
            if (pick(2)) f.result = data_value();
            u64 b = f.entry;
            while (b < f.entry + f.size && pick(3)) {
                model::Block blk;
                blk.start = b;
                model::BlockState &s = blk.state;
                u32 seen = 1u << RSP;
                s.regs.emplace_back(
                    RSP,
                    Value::ptr(Region::Stack, -static_cast<i64>(4 * pick(f.frame / 4 + 1)), 0));
                s.regs.back().second.smax = s.regs.back().second.smin;
                for (u64 k = pick(6); k > 0; --k) {
                    u8 r = static_cast<u8>(pick(kNumRegs));
                    if (seen & (1u << r)) continue;
                    seen |= 1u << r;
                    Value v = any_value(f.frame);
                    if (v.kind == Kind::Saved) v = Value::saved(is_callee_saved(r) ? r : RBX);
                    s.regs.emplace_back(r, v);
                }
                for (i64 off = -static_cast<i64>(f.frame); off < 0;) {
                    u64 kind = pick(4);
                    if (kind == 0 && off + 8 <= 0) {
                        Value v = any_value(f.frame);
                        if (v.kind == Kind::Uninit) v = Value::top();
                        s.slots.push_back(model::Slot{static_cast<i32>(off), 8, 0, v});
                        off += 8;
                    } else if (kind == 1) {
                        s.slots.push_back(
                            model::Slot{static_cast<i32>(off), 4, 0, int_value(true)});
                        off += 4;
                    } else if (kind == 2) {
                        s.slots.push_back(model::Slot{static_cast<i32>(off), 0,
                                                      static_cast<u8>(1 + pick(15)), Value{}});
                        off += 4;
                    } else {
                        off += 4;
                    }
                }
                for (u64 k = pick(4); k > 0; --k)
                    s.facts.push_back(
                        Fact{loc(f.frame), loc(f.frame), static_cast<i64>(pick(2001)) - 1000});
                s.fuel = pick(2);
                s.flags = pick(2);
                s.sext = pick(3) == 0 ? 0 : pick(2) ? 4 : 8;
                f.blocks.push_back(blk);
                b += 1 + pick(16);
            }
            at = f.entry + f.size;
            c.funcs.push_back(f);
        }
        c.entry_function = static_cast<u32>(pick(c.funcs.size()));
        return c;
    }
};

TEST(CertText, RoundTripOfRandomCertificates) {
    CertGen g;
    for (int i = 0; i < 3000; ++i) {
        model::Cert c = g.cert();
        std::vector<u8> b = model::encode(c);
        Read r = read(b);
        ASSERT_TRUE(r.ok) << r.error << " at " << r.offset << "\n" << model::print(c);
        std::string printed = model::print(r.model);
        model::Cert m2;
        model::ParseError pe;
        ASSERT_TRUE(model::parse(printed, nullptr, m2, pe))
            << "line " << pe.line << ": " << pe.message << "\n"
            << printed;
        ASSERT_EQ(model::encode(m2), b) << printed;
    }
}

TEST(CertText, ValuesRoundTrip) {
    CertGen g;
    for (int i = 0; i < 20000; ++i) {
        Value v = i % 2 ? g.int_value() : g.data_value();
        std::string text = std::string("ktal-cert 1\n") + kLayout +
                           "function f entry=0x1a0 size=0x10\n  result " + model::print_value(v) +
                           "\n";
        model::Cert m;
        model::ParseError pe;
        ASSERT_TRUE(model::parse(text, nullptr, m, pe))
            << pe.message << ": " << model::print_value(v);
        ASSERT_TRUE(m.funcs[0].result.has_value());
        ASSERT_TRUE(same(*m.funcs[0].result, v))
            << model::print_value(v) << " -> " << model::print_value(*m.funcs[0].result);
    }
}

TEST(CertText, Errors) {
    struct {
        const char *text;
        int line;
        const char *message;
    } cases[] = {
        {"", 1, "empty"},
        {"ktal-cert 2\n", 1, "ktal-cert 1"},
        {"ktal-cert 1\nbogus\n", 2, "unknown directive"},
        {"ktal-cert 1\nfunction f entry=0x1a0\n", 2, "needs entry= and size="},
        {"ktal-cert 1\nargs int\n", 2, "outside a function"},
        {"ktal-cert 1\nfunction f entry=1 size=2\n  result int[5,4]\n", 3, "empty int"},
        {"ktal-cert 1\nfunction f entry=1 size=2\n  result pointer[0]\n", 3, "unknown value"},
        {"ktal-cert 1\nfunction f entry=1 size=2\n  block 1: rzx=int\n", 3, "unknown register"},
        {"ktal-cert 1\nfunction f entry=1 size=2\n  block 1: rax=saved:rax\n", 3, "callee-saved"},
        {"ktal-cert 1\nfunction f entry=1 size=2\n  block 1: [-8]:bytes=16\n", 3, "1..15"},
        {"ktal-cert 1\nfunction f entry=1 size=2\n  block @x: rsp=stack[0]\n", 3, "symbols"},
        {"ktal-cert 1\nhelpers nosuch\n", 2, "unknown helper"},
        {"ktal-cert 1\nlayout auto\n", 2, "image"},
        {"ktal-cert 1\nentry g\nfunction f entry=1 size=2\n", 0, "entry names no function"},
    };
    for (const auto &c : cases) {
        SCOPED_TRACE(c.text);
        model::Cert m;
        model::ParseError pe;
        EXPECT_FALSE(model::parse(c.text, nullptr, m, pe));
        EXPECT_EQ(pe.line, c.line);
        EXPECT_NE(pe.message.find(c.message), std::string::npos) << pe.message;
    }
}

TEST(CertText, FunctionsSortedByAddressKeepTheirOrder) {
    model::Cert m = parse(
        std::string("ktal-cert 1\n") + kLayout +
        "entry main\nfunction main entry=0x1c0 size=0x10\nfunction leaf entry=0x1a0 size=0x10\n");
    ASSERT_EQ(m.funcs.size(), 2u);
    EXPECT_EQ(m.funcs[0].name, "leaf");
    EXPECT_EQ(m.funcs[0].order, 1u); // order is the text's, not the address's
    EXPECT_EQ(m.funcs[1].order, 0u);
    EXPECT_EQ(m.entry_function, 1u);
}

} // namespace
