#include "verifier/decode.hpp"

#include "tal/cert.hpp"
#include "tal/regs.hpp"
#include "verifier/rules.hpp"

#include <capstone/capstone.h>

namespace ktal {
namespace {

// How an allowed opcode is encoded.
enum Imm : u8 { I0, Ib, Iz, Iv, Jb, Jz };
enum Flag : u16 {
    M = 1,        // has a ModRM byte
    P66 = 2,      // 66 (16-bit operand size) allowed
    F3 = 4,       // F3 allowed
    NeedF3 = 8,   // F3 required (rep string operations)
    CS = 16,      // 2E allowed (long nops only)
    RegOnly = 32, // ModRM must name a register
    MemOnly = 64, // ModRM must name memory
    Byte = 128,   // 8-bit operand size
    W64 = 256,    // operand size 64 by default (push, pop)
    Group = 512,  // op is chosen by ModRM.reg: see group()
    NoRex = 1024, // no REX allowed (plain nop: 41 90 is xchg r8, rax)
};

struct Form {
    Op op = Op::Invalid;
    u8 imm = I0;
    int flags = 0; // Flag bits
    u8 group = 0;
};

constexpr Op kAlu[8] = {Op::Add, Op::Or, Op::Adc, Op::Sbb, Op::And, Op::Sub, Op::Xor, Op::Cmp};

// f(0), ..., f(n - 1) as a table built at compile time (one lookup at run time).
template <class T, unsigned n>
struct Table {
    T at[n];
};
template <class T, unsigned n, class F>
constexpr Table<T, n> tabulate(F f) {
    Table<T, n> t{};
    for (unsigned i = 0; i < n; ++i) t.at[i] = f(i);
    return t;
}

constexpr Form one_byte(u8 b) {
    // Most forms come in pairs whose low opcode bit picks the operand size:
    // 8-bit (even) or full (odd), with an immediate of that size (at most 4 bytes).
    int w = b & 1 ? P66 : Byte;
    u8 iw = b & 1 ? Iz : Ib;
    if (b < 0x40 && (b & 7) < 4) return {kAlu[b >> 3], I0, M | w}; // the eight ALU ops
    if (b < 0x40 && (b & 7) < 6) return {kAlu[b >> 3], iw, w};     // al/eax, imm
    if (b >= 0x50 && b <= 0x57) return {Op::Push, I0, W64};
    if (b >= 0x58 && b <= 0x5f) return {Op::Pop, I0, W64};
    if (b >= 0x70 && b <= 0x7f) return {Op::Jcc, Jb, 0};
    if (b >= 0xb0 && b <= 0xb7) return {Op::Mov, Ib, Byte};
    if (b >= 0xb8 && b <= 0xbf) return {Op::Mov, Iv, P66};
    switch (b & 0xfe) { // the pairs
    case 0x80: return {Op::Invalid, iw, M | w | Group, 1};
    case 0x84: return {Op::Test, I0, M | w};
    case 0x88:
    case 0x8a: return {Op::Mov, I0, M | w};
    case 0xa8: return {Op::Test, iw, w};
    case 0xc0: return {Op::Invalid, Ib, M | w | Group, 2};
    case 0xc6: return {Op::Invalid, iw, M | w | Group, 7};
    case 0xd0:
    case 0xd2: return {Op::Invalid, I0, M | w | Group, 2};
    case 0xf6: return {Op::Invalid, I0, M | w | Group, 3};
    default: break;
    }
    switch (b) {
    case 0x63: return {Op::Movsx, I0, M};
    case 0x69: return {Op::Imul, Iz, M | P66};
    case 0x6b: return {Op::Imul, Ib, M | P66};
    case 0x83: return {Op::Invalid, Ib, M | P66 | Group, 1};
    case 0x8d: return {Op::Lea, I0, M | MemOnly};
    case 0x90: return {Op::Nop, I0, P66 | NoRex};
    case 0x98: return {Op::Cext, I0, 0};
    case 0x99: return {Op::Csext, I0, 0};
    case 0xa4: return {Op::RepMovs, I0, NeedF3 | F3 | Byte}; // (no 66: no movsw, stosw)
    case 0xa5: return {Op::RepMovs, I0, NeedF3 | F3};
    case 0xaa: return {Op::RepStos, I0, NeedF3 | F3 | Byte};
    case 0xab: return {Op::RepStos, I0, NeedF3 | F3};
    case 0xc3: return {Op::Ret, I0, 0};
    case 0xcc: return {Op::Int3, I0, 0};
    case 0xe8: return {Op::Call, Jz, 0};
    case 0xe9: return {Op::Jmp, Jz, 0};
    case 0xeb: return {Op::Jmp, Jb, 0};
    case 0xfe: return {Op::Invalid, I0, M | Byte | Group, 4};
    case 0xff: return {Op::Invalid, I0, M | P66 | Group, 5};
    default: return {};
    }
}

constexpr Form two_byte(u8 b) {
    if (b >= 0x40 && b <= 0x4f) return {Op::Cmov, I0, M | P66};
    if (b >= 0x80 && b <= 0x8f) return {Op::Jcc, Jz, 0};
    if (b >= 0x90 && b <= 0x9f) return {Op::Setcc, I0, M | Byte};
    if (b >= 0xc8 && b <= 0xcf) return {Op::Bswap, I0, 0};
    if (b == 0xb6 || b == 0xb7) return {Op::Movzx, I0, M}; // from 8 or 16 bits
    if (b == 0xbe || b == 0xbf) return {Op::Movsx, I0, M};
    switch (b) {
    case 0x1f: return {Op::Nop, I0, M | P66 | CS};
    case 0xa3: return {Op::Bt, I0, M | P66 | RegOnly};
    case 0xab: return {Op::Bts, I0, M | P66 | RegOnly};
    case 0xb3: return {Op::Btr, I0, M | P66 | RegOnly};
    case 0xbb: return {Op::Btc, I0, M | P66 | RegOnly};
    case 0xa4: return {Op::Shld, Ib, M | P66 | RegOnly};
    case 0xa5: return {Op::Shld, I0, M | P66 | RegOnly};
    case 0xac: return {Op::Shrd, Ib, M | P66 | RegOnly};
    case 0xad: return {Op::Shrd, I0, M | P66 | RegOnly};
    case 0xaf: return {Op::Imul, I0, M | P66};
    case 0xba: return {Op::Invalid, Ib, M | P66 | RegOnly | Group, 6};
    case 0xbc: return {Op::Bsf, I0, M | P66 | F3};
    case 0xbd: return {Op::Bsr, I0, M | P66};
    default: return {};
    }
}

// The two opcode maps as tables, built at compile time: a lookup per
// instruction instead of a walk through the switches above.
constexpr auto kOneByte = tabulate<Form, 256>(one_byte), kTwoByte = tabulate<Form, 256>(two_byte);

// Group opcodes: the operation is ModRM.reg. Invalid = not allowed.
Op group(u8 g, u8 reg, Form &f) {
    using enum Op;
    static constexpr Op kGroup[8][8] = {
        {},
        {Add, Or, Adc, Sbb, And, Sub, Xor, Cmp},              // 1: 80, 81, 83
        {Rol, Ror, Invalid, Invalid, Shl, Shr, Invalid, Sar}, // 2: c0, c1, d0-d3
        {Test, Invalid, Not, Neg, Mul1, Imul1, Div, Idiv},    // 3: f6, f7
        {Inc, Dec},                                           // 4: fe
        {Inc, Dec}, // 5: ff (2-5: indirect call/jmp, rejected by the caller; 6: push m)
        {Invalid, Invalid, Invalid, Invalid, Bt, Bts, Btr, Btc}, // 6: 0f ba
        {Mov},                                                   // 7: c6, c7
    };
    if (g == 3 && reg == 0) f.imm = (f.flags & Byte) ? Ib : Iz;
    if (g == 3 && (f.flags & Byte) && reg >= 6) return Invalid; // 8-bit div: the pass widens it
    return kGroup[g][reg];
}

// The bytes of one instruction as our decoder reads them.
struct Enc {
    u8 len = 0;
    u8 rex = 0;
    bool p66 = false, pf3 = false, pcs = false;
    u8 n66 = 0;
    bool two_byte = false;
    u8 opcode = 0;
    u8 modrm = 0;
    u8 imm_size = 0, imm_off = 0;
    Form form;
};

bool reject(DecodeError &err, const char *rule, const char *what) {
    err.rule = rule;
    err.message.clear();
    err.message.add(what);
    return false;
}

// The legacy prefixes that no allowed form takes, and why (one lookup per byte).
constexpr const char *refused_prefix(u8 b) {
    switch (b) {
    case 0xf2: return "F2 (repne/bnd) prefix";
    case 0xf0: return "lock prefix";
    case 0x67: return "67 address-size prefix";
    case 0x64:
    case 0x65: return "fs/gs segment prefix";
    case 0x26:
    case 0x36:
    case 0x3e: return "segment prefix";
    default: return nullptr;
    }
}
constexpr auto kRefusedPrefix = tabulate<const char *, 256>(refused_prefix);

bool parse(const u8 *p, usize avail, Enc &e, DecodeError &err) {
    usize n = avail < 15 ? avail : 15;
    usize i = 0;
    auto truncated = [&] {
        return reject(err, rule::kTruncated, "instruction runs past the end of its bytes");
    };
    // Legacy prefixes: each at most once, none after REX.
    for (; i < n; ++i) {
        if (p[i] == 0x66) {
            ++e.n66; // several only in long nops (assemblers pad with them)
            e.p66 = true;
        } else if (p[i] == 0xf3) {
            if (e.pf3) return reject(err, rule::kForbiddenPrefix, "repeated rep prefix");
            e.pf3 = true;
        } else if (p[i] == 0x2e) {
            if (e.pcs) return reject(err, rule::kForbiddenPrefix, "repeated segment prefix");
            e.pcs = true;
        } else if (kRefusedPrefix.at[p[i]]) {
            return reject(err, rule::kForbiddenPrefix, kRefusedPrefix.at[p[i]]);
        } else {
            break;
        }
    }
    if (i < n && (p[i] & 0xf0) == 0x40) e.rex = p[i++];
    if (i >= n) return truncated();
    u8 b = p[i++];
    if (b >= 0x40 && b <= 0x4f) return reject(err, rule::kForbiddenPrefix, "two REX prefixes");
    if (b == 0x0f) {
        if (i >= n) return truncated();
        e.two_byte = true;
        e.opcode = p[i++];
        e.form = kTwoByte.at[e.opcode];
    } else {
        e.opcode = b;
        e.form = kOneByte.at[b];
    }
    Form &f = e.form;
    if (f.op == Op::Invalid && !(f.flags & Group))
        return reject(err, rule::kForbiddenOpcode, "opcode not in the allow-list");
    if (f.flags & M) {
        if (i >= n) return truncated();
        e.modrm = p[i++];
        u8 mod = e.modrm >> 6, rm = e.modrm & 7;
        if (mod != 3 && rm == 4) {
            if (i >= n) return truncated();
            u8 sib = p[i++];
            if (mod == 0 && (sib & 7) == 5) i += 4;
        }
        if (mod == 1)
            i += 1;
        else if (mod == 2 || (mod == 0 && rm == 5))
            i += 4;
        if ((f.flags & RegOnly) && mod != 3)
            return reject(err, rule::kForbiddenOperand,
                          "memory operand where only a register is allowed");
        if ((f.flags & MemOnly) && mod == 3)
            return reject(err, rule::kForbiddenOperand,
                          "register operand where memory is required");
        if (f.flags & Group) {
            u8 reg = (e.modrm >> 3) & 7;
            f.op = group(f.group, reg, f);
            if (f.group == 5 && reg >= 2 && reg <= 5)
                return reject(err, rule::kIndirectBranch, "indirect call or jump");
            if (f.op == Op::Invalid)
                return reject(err, rule::kForbiddenOpcode,
                              "opcode extension not in the allow-list");
        }
        if (f.op == Op::Setcc && ((e.modrm >> 3) & 7) != 0)
            return reject(err, rule::kForbiddenOperand, "setcc with a non-zero ModRM.reg");
        if (f.op == Op::Nop && e.two_byte && ((e.modrm >> 3) & 7) != 0)
            return reject(err, rule::kForbiddenOpcode, "reserved nop form");
    }
    bool w = e.rex & 8;
    switch (f.imm) {
    case Ib:
    case Jb: e.imm_size = 1; break;
    case Iz: e.imm_size = e.p66 ? 2 : 4; break;
    case Iv: e.imm_size = w ? 8 : e.p66 ? 2 : 4; break;
    case Jz: e.imm_size = 4; break;
    default: break;
    }
    e.imm_off = static_cast<u8>(i);
    i += e.imm_size;
    if (i > n)
        return avail < 15 ? truncated()
                          : reject(err, rule::kForbiddenOpcode, "instruction longer than 15 bytes");
    e.len = static_cast<u8>(i);
    // Prefix policy of the form.
    if (e.p66 && !(f.flags & P66))
        return reject(err, rule::kForbiddenPrefix, "66 prefix on a form that does not allow it");
    if (e.n66 > 1 && f.op != Op::Nop)
        return reject(err, rule::kForbiddenPrefix, "repeated 66 prefix");
    if (e.p66 && w) return reject(err, rule::kForbiddenPrefix, "66 prefix together with REX.W");
    if (e.pf3 && !(f.flags & F3))
        return reject(err, rule::kForbiddenPrefix,
                      "F3 (rep) prefix on a form that does not allow it");
    if (!e.pf3 && (f.flags & NeedF3))
        return reject(err, rule::kRepCount, "string instruction without rep");
    if (e.pcs && !(f.flags & CS))
        return reject(err, rule::kForbiddenPrefix, "cs segment prefix outside a long nop");
    if (e.rex && (f.flags & NoRex)) return reject(err, rule::kForbiddenOpcode, "REX on 90 (xchg)");
    if (f.op == Op::Tzcnt || (f.op == Op::Bsf && e.pf3)) f.op = Op::Tzcnt;
    return true;
}

struct RegInfo {
    u8 num = kNoReg, size = 0;
    bool high8 = false;
};
constexpr RegInfo reg_of(unsigned r) {
    switch (r) {
#define R(n8, n16, n32, n64, num)                                                                  \
    case X86_REG_##n8: return {num, 1};                                                            \
    case X86_REG_##n16: return {num, 2};                                                           \
    case X86_REG_##n32: return {num, 4};                                                           \
    case X86_REG_##n64: return {num, 8};
        R(AL, AX, EAX, RAX, RAX)
        R(CL, CX, ECX, RCX, RCX)
        R(DL, DX, EDX, RDX, RDX)
        R(BL, BX, EBX, RBX, RBX)
        R(SPL, SP, ESP, RSP, RSP)
        R(BPL, BP, EBP, RBP, RBP)
        R(SIL, SI, ESI, RSI, RSI)
        R(DIL, DI, EDI, RDI, RDI)
        R(R8B, R8W, R8D, R8, R8)
        R(R9B, R9W, R9D, R9, R9)
        R(R10B, R10W, R10D, R10, R10)
        R(R11B, R11W, R11D, R11, R11)
        R(R12B, R12W, R12D, R12, R12)
        R(R13B, R13W, R13D, R13, R13)
        R(R14B, R14W, R14D, R14, R14)
        R(R15B, R15W, R15D, R15, R15)
#undef R
    case X86_REG_AH: return {RAX, 1, true};
    case X86_REG_CH: return {RCX, 1, true};
    case X86_REG_DH: return {RDX, 1, true};
    case X86_REG_BH: return {RBX, 1, true};
    default: return {};
    }
}
// Capstone's register numbers as a table.
constexpr auto kRegMap = tabulate<RegInfo, X86_REG_ENDING>(reg_of);

u8 map_reg(unsigned r, u8 &size, bool &high8) {
    const RegInfo e = r < X86_REG_ENDING ? kRegMap.at[r] : RegInfo{};
    size = e.size, high8 = e.high8;
    return e.num;
}

i64 read_le(const u8 *p, u8 n) {
    u64 v = 0;
    for (u8 k = 0; k < n; ++k) v |= static_cast<u64>(p[k]) << (8 * k);
    if (n < 8 && (v >> (8 * n - 1)) & 1) v |= ~0ull << (8 * n);
    return static_cast<i64>(v);
}

// `cmp qword ptr [rip + F], 0; je +5; call rel32`, 15 bytes: an inline fuel
// point, one form, when F is the fuel word and the call the fuel helper's
// (decode checks both). It calls the helper only when F is set (ktal.ko sets
// it every millisecond of a run, the helper clears it); the program cannot
// write F. The same bytes with another word or callee are program code
// (`if (g == 0) ... else f()`), three instructions.
constexpr u8 kFuelPointLen = 15;
bool is_fuel_point(const u8 *c, usize avail) {
    static constexpr u8 kFixed[11] = {0x48, 0x83, 0x3d, 0, 0, 0, 0, 0x00, 0x74, 0x05, 0xe8};
    if (avail < kFuelPointLen) return false;
    for (u8 k = 0; k < 11; ++k)
        if ((k < 3 || k > 6) && c[k] != kFixed[k]) return false;
    return true;
}

} // namespace

void decoder_set_fuel(Decoder &d, const Layout &l) {
    bool has = has_fuel_page(l) && l.helper_count > 1; // fuel: helper 1, tal/helper_abi.h
    d.fuel_word = has ? fuel_word_off(l) : ~0ull;
    d.fuel_call = has ? l.helpers_off + 1 * kHelperSlotSize : ~0ull;
}

bool decoder_open(Decoder &d, bool text) {
    csh h;
    if (cs_open(CS_ARCH_X86, CS_MODE_64, &h) != CS_ERR_OK) return false;
    cs_option(h, CS_OPT_DETAIL, CS_OPT_ON);
    cs_insn *insn = cs_malloc(h);
    if (!insn) {
        cs_close(&h);
        return false;
    }
    d.handle = h;
    d.insn = insn;
    d.text = text;
    return true;
}

void decoder_close(Decoder &d) {
    if (d.insn) cs_free(static_cast<cs_insn *>(d.insn), 1);
    if (d.handle) {
        csh h = d.handle;
        cs_close(&h);
    }
    d = Decoder{};
}

static void format(const cs_insn *insn, bool decoded, Text<80> &out) {
    out.clear();
    if (decoded)
        out.add(insn->mnemonic).add(insn->op_str[0] ? " " : "").add(insn->op_str);
    else
        out.add("(bytes Capstone cannot decode)");
}

void disasm(Decoder &d, const u8 *code, usize avail, u64 addr, Text<80> &out) {
    cs_insn *insn = static_cast<cs_insn *>(d.insn);
    format(insn, cs_disasm_iter(d.handle, &code, &avail, &addr, insn), out);
}

bool decode(Decoder &d, const u8 *code, usize avail, u64 addr, Insn &out, DecodeError &err) {
    Enc e;
    // Reset field by field: a fresh Insn{} would also zero the text buffer,
    // a fifth of this function's cost.
    out.addr = addr, out.len = 0, out.op = Op::Invalid, out.cc = 0, out.width = 0, out.nops = 0;
    out.target = 0, out.fuel_inline = false, out.fuel_word = 0;
    for (Operand &op : out.ops) op = Operand{};
    out.text.clear();
    if (is_fuel_point(code, avail) &&
        addr + 8 + static_cast<u64>(read_le(code + 3, 4)) == d.fuel_word &&
        addr + kFuelPointLen + static_cast<u64>(read_le(code + 11, 4)) == d.fuel_call) {
        out.len = kFuelPointLen, out.op = Op::Call, out.fuel_inline = true;
        out.fuel_word = d.fuel_word, out.target = d.fuel_call;
        if (d.text) out.text.add("fuel point: cmp qword ptr [F], 0; je; call fuel");
        return true;
    }
    bool ours = parse(code, avail, e, err);
    // Capstone decodes too: for the operands, and as a check of our length.
    cs_insn *insn = static_cast<cs_insn *>(d.insn);
    const u8 *p = code;
    usize left = avail;
    u64 a = addr;
    bool theirs = cs_disasm_iter(d.handle, &p, &left, &a, insn);
    if (d.text) format(insn, theirs, out.text);
    if (!ours) return false;
    if (!theirs)
        return reject(err, rule::kDecoderDisagrees, "Capstone cannot decode an allowed encoding");
    if (insn->size != e.len)
        return reject(err, rule::kDecoderDisagrees, "Capstone decodes a different length");
    out.len = e.len;
    out.op = e.form.op;
    const cs_x86 &x = insn->detail->x86;
    bool w = e.rex & 8;
    out.width = (e.form.flags & Byte) ? 1 : (e.form.flags & W64) ? 8 : w ? 8 : e.p66 ? 2 : 4;
    // jcc (70-7f, 0f 80-8f), cmovcc (0f 40-4f), setcc (0f 90-9f): cc is the low nibble.
    if (out.op == Op::Jcc || out.op == Op::Cmov || out.op == Op::Setcc) out.cc = e.opcode & 15;
    if (out.op == Op::Jmp || out.op == Op::Jcc || out.op == Op::Call) {
        i64 rel = read_le(code + e.imm_off, e.imm_size);
        out.target = addr + e.len + static_cast<u64>(rel);
        if (x.op_count != 1 || x.operands[0].type != X86_OP_IMM ||
            static_cast<u64>(x.operands[0].imm) != out.target)
            return reject(err, rule::kDecoderDisagrees,
                          "Capstone computes a different branch target");
        return true;
    }
    if (x.op_count > 3) return reject(err, rule::kForbiddenOperand, "more than three operands");
    out.nops = x.op_count;
    for (u8 k = 0; k < x.op_count; ++k) {
        const cs_x86_op &o = x.operands[k];
        Operand &op = out.ops[k];
        op.size = o.size;
        if (o.type == X86_OP_REG) {
            op.kind = Operand::Reg;
            u8 size;
            op.reg = map_reg(o.reg, size, op.high8);
            if (op.reg == kNoReg)
                return reject(err, rule::kForbiddenOperand, "not a general-purpose register");
            op.size = size;
        } else if (o.type == X86_OP_IMM) {
            op.kind = Operand::Imm;
            op.imm = o.imm;
        } else if (o.type == X86_OP_MEM) {
            op.kind = Operand::Mem;
            if (o.mem.segment != X86_REG_INVALID && !(out.op == Op::Nop))
                return reject(err, rule::kForbiddenPrefix, "segment override on a memory operand");
            u8 size;
            bool hi;
            op.mem.scale = static_cast<u8>(o.mem.scale);
            op.mem.disp = o.mem.disp;
            if (o.mem.base == X86_REG_RIP) {
                op.mem.rip = true;
                op.mem.disp = static_cast<i64>(addr + e.len) + o.mem.disp;
            } else if (o.mem.base != X86_REG_INVALID) {
                op.mem.base = map_reg(o.mem.base, size, hi);
                if (op.mem.base == kNoReg || size != 8)
                    return reject(err, rule::kForbiddenOperand, "bad base register");
            }
            if (o.mem.index != X86_REG_INVALID && o.mem.index != X86_REG_RIZ) {
                op.mem.index = map_reg(o.mem.index, size, hi);
                if (op.mem.index == kNoReg || size != 8 || op.mem.rip)
                    return reject(err, rule::kForbiddenOperand, "bad index register");
            }
        } else {
            return reject(err, rule::kForbiddenOperand, "unsupported operand kind");
        }
    }
    // Capstone's operand size must be the one our decoder derived.
    if (out.nops > 0 && out.op != Op::Movzx && out.op != Op::Movsx && out.op != Op::Lea &&
        out.op != Op::Nop && out.op != Op::RepMovs && out.op != Op::RepStos &&
        out.ops[0].size != out.width)
        return reject(err, rule::kDecoderDisagrees, "Capstone reports a different operand size");
    return true;
}

} // namespace ktal
