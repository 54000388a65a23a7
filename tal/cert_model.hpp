// The certificate for tools (user space only, untrusted): an editable model,
// its binary encoding, and the readable text form that `ktal cert dump`
// prints and `ktal cert asm` reads. The kernel never sees this code; it reads
// the binary with cert_read().
//
// Text form, one directive per line (# starts a comment):
//   ktal-cert 1
//   layout image=N helpers=OFF/COUNT text=OFF/SIZE rodata=OFF/SIZE sandbox=OFF/SIZE
//   layout auto                         (from the ELF image, when assembling)
//   entry NAME | entry INDEX
//   helpers NAME...  | helpers auto     (slot i calls the i-th named helper)
//   function NAME [entry=ADDR] [size=N] [frame=N] [bound=N] [order=N]
//     args VALUE...                     (rdi, rsi, rdx, rcx, r8, r9)
//     result VALUE
//     block ADDR: ITEM...
// ADDR is a number or @symbol[+N] (resolved against the ELF's symbols).
// ITEM is REG=VALUE, [OFF]=VALUE (8 bytes), [OFF]:4=VALUE, [OFF]:bytes=MASK,
// saved (every callee-saved register holds the caller's value), fuel,
// flags, sext4, sext8, or a fact X<=Y+C / X<=Y-C (X, Y registers or
// [OFF]/[OFF]:4 slots). VALUE is int, int[LO,HI], u[LO,HI], int[..]u[..],
// uninit, uninit:N, retaddr, saved:REG, stack[OFF] or stack[LO,HI],
// sandbox[..], rodata[..].
#pragma once

#include "tal/cert.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ktal {
// The same abstract value (tools compare states with it; the verifier needs
// only entailment).
bool same(const Value &a, const Value &b);
} // namespace ktal

namespace ktal::model {

struct Slot {
    i32 off = 0;
    u8 width = 8; // 8, 4, or 0 (bytes written, per `mask`)
    u8 mask = 0;
    Value v;
};

struct BlockState {
    std::vector<std::pair<u8, Value>> regs;
    std::vector<Slot> slots;
    std::vector<Fact> facts;
    bool fuel = false, flags = false;
    u8 sext = 0;
};

struct Block {
    u64 start = 0;
    BlockState state;
};

struct Function {
    std::string name;
    u64 entry = 0, size = 0;
    u32 frame = 0, bound = 0, order = 0;
    std::vector<Value> args;
    std::optional<Value> result;
    std::vector<Block> blocks;
};

struct Cert {
    Layout layout;
    u32 entry_function = 0;
    std::vector<u32> helpers;
    std::vector<Function> funcs;
};

std::vector<u8> encode(const Cert &c);
Cert from_cert(const ktal::Cert &c);
// Fills the model's state from a dense state (the certifier's output).
BlockState from_state(const State &s);
// Its registers, then its slots, as the certificate's entries.
std::vector<Entry> entries_of(const BlockState &b);
// The dense state the verifier starts a block from, given the model's state
// (through cert_apply, as the verifier reads it).
void apply(const BlockState &b, State &s);

// What the text form needs from an ELF image when it is assembled.
struct Symbols {
    std::function<std::optional<std::pair<u64, u64>>(std::string_view)>
        lookup;                              // name -> (address, size)
    std::function<std::string(u64)> name_at; // address -> name or ""
    std::optional<Layout> layout;
};

std::string print(const Cert &c, const Symbols *syms = nullptr);
std::string print_value(const Value &v);

struct ParseError {
    int line = 0;
    std::string message;
};
// Parses the text form; symbols resolve @names, `layout auto`, `helpers auto`.
bool parse(std::string_view text, const Symbols *syms, Cert &out, ParseError &err);

} // namespace ktal::model
