// The verifier's entry point, shared by user space and ktal.ko: text bytes +
// certificate in, a verdict out. One pass over each function; no fixpoint.
#pragma once

#include "tal/arena.hpp"
#include "tal/cert.hpp"
#include "verifier/operands.hpp"

namespace ktal {

struct VerifyInput {
    const u8 *text = nullptr; // the bytes of [layout.text_off, + text_size)
    u64 text_size = 0;
    const u8 *cert = nullptr;
    usize cert_size = 0;
    u32 stack_budget = 4096;        // stack bytes the entry function may use
    const Layout *layout = nullptr; // the image's own layout: the certificate must describe it
};

// Everything a user needs to see why a program was rejected: the rule's
// fault (rule, message, expected, found) and where.
struct Rejection : Fault {
    bool in_function = false;
    u64 function_entry = 0;
    u64 block = 0;   // start of the block holding the instruction
    u64 address = 0; // image offset of the instruction
    Text<80> disasm;
    u64 cert_offset = 0; // for a malformed certificate
};

struct Stats {
    u64 instructions = 0; // instructions type-checked
    u64 functions = 0;
    u64 cert_blocks = 0;
    u64 joins = 0;         // forward targets whose state the checker joined itself
    usize memory = 0;      // arena high-water mark, bytes
    usize cert_memory = 0; // of it, the certificate as read (the rest: one function's walk)
    u64 entry = 0;         // image offset of the entry function (when accepted)
    u32 entry_bound = 0;   // its certified stack bound
    // It certifies a result: only then is its rax at ret an exit status (else
    // the loader reports 0; rax may hold anything, a kernel address included).
    bool entry_result = false;
};

// Called every `every` instructions; returning false stops the check (the
// kernel yields the CPU here and stops on a fatal signal).
struct Yield {
    bool (*fn)(void *ctx) = nullptr;
    void *ctx = nullptr;
    u32 every = 4096;
};

// True if the program is accepted. On rejection `rej` says why.
bool verify(const VerifyInput &in, Decoder &dec, Arena &arena, Rejection &rej, Stats &stats,
            const Yield *yield = nullptr);

// A comfortable arena size for an image of these sizes (the kernel caps it).
inline usize verify_arena_size(u64 text_size, usize cert_size) {
    return 4 * text_size + 64 * cert_size + (8u << 20);
}

} // namespace ktal
