// Decoding one instruction: our own encoding allow-list and length decoder
// (prefixes, REX, opcode, ModRM/SIB, displacement, immediate) decide which
// form it is and how long; Capstone supplies the operands and the text, and
// must agree on the length and on every branch target. Anything outside the
// list — privileged, I/O, system, FP/SIMD, string ops without rep, indirect
// branches, stray prefixes — is rejected here, before any typing rule runs.
#pragma once

#include "tal/text.hpp"
#include "tal/types.hpp"

namespace ktal {

// Cext: cwde, cdqe (sign-extend rax's low half); Csext: cdq, cqo (rdx = rax's sign).
// clang-format off
enum class Op : u8 {
    Invalid, Mov, Movzx, Movsx, Lea, Push, Pop, Cmov, Setcc, Add, Or, Adc, Sbb, And, Sub, Xor, Cmp,
    Test, Inc, Dec, Neg, Not, Imul, Mul1, Imul1, Div, Idiv, Rol, Ror, Shl, Shr, Sar, Shld, Shrd,
    Cext, Csext, Bt, Bts, Btr, Btc, Bsf, Bsr, Tzcnt, Bswap, Jmp, Jcc, Call, Ret, Nop, RepMovs,
    RepStos, Int3 // (padding between functions only)
};
// clang-format on

struct MemRef {
    u8 base = 0xff, index = 0xff; // register numbers, 0xff = none
    u8 scale = 1;
    bool rip = false;
    i64 disp = 0; // rip: already resolved to an image offset
};

struct Operand {
    enum Kind : u8 { None, Reg, Imm, Mem };
    Kind kind = None;
    u8 size = 0;        // bytes
    u8 reg = 0;         // Reg: register number
    bool high8 = false; // ah, ch, dh, bh
    i64 imm = 0;
    MemRef mem;
};

// x86 condition codes in encoding order (jcc = 0x70 + cc).
enum Cond : u8 { CO, CNO, CB, CAE, CE, CNE, CBE, CA, CS, CNS, CP, CNP, CL, CGE, CLE, CG };

struct Insn {
    u64 addr = 0; // image offset
    u8 len = 0;
    Op op = Op::Invalid;
    u8 cc = 0;    // Jcc, Cmov, Setcc
    u8 width = 0; // operand size in bytes (1, 2, 4, 8)
    u8 nops = 0;
    Operand ops[3];
    u64 target = 0;           // Jmp, Jcc, Call: image offset
    bool fuel_inline = false; // an inline fuel point (a Call of the fuel helper)
    u64 fuel_word = 0;        // the word it reads (the decoder's fuel_word)
    Text<80> text;            // disassembly, if the decoder was opened with text
};

struct DecodeError {
    const char *rule = nullptr;
    Text<120> message;
};

// The Capstone side: one handle and one reused instruction buffer.
struct Decoder {
    usize handle = 0;     // csh
    void *insn = nullptr; // cs_insn *
    bool text = false;    // fill Insn::text for every instruction
    // The image's inline fuel point: the 15 bytes of its form are one
    // instruction only if they read this word and call this slot (else they
    // are three, like any others). None until decoder_set_fuel.
    u64 fuel_word = ~0ull, fuel_call = ~0ull;
};
// Opens Capstone (x86-64, Intel syntax, details on). False if it cannot.
// `text`: for tools that show every instruction; the verifier formats only
// the one it rejects (disasm), a quarter of the decoder's own cost saved.
bool decoder_open(Decoder &d, bool text = false);
void decoder_close(Decoder &d);
// The fuel word and the fuel helper's slot of an image laid out as `l`
// (none if it has no fuel page).
struct Layout;
void decoder_set_fuel(Decoder &d, const Layout &l);

// Decodes the instruction at `code` (image offset `addr`, `avail` bytes
// readable). False with `err` set when the bytes are not an allowed form.
bool decode(Decoder &d, const u8 *code, usize avail, u64 addr, Insn &out, DecodeError &err);
// The text of the instruction at `code`, as Capstone prints it.
void disasm(Decoder &d, const u8 *code, usize avail, u64 addr, Text<80> &out);

} // namespace ktal
