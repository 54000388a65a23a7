// The admission sequence, shared by the user-space runner and ktal.ko:
// parse the image, verify it, place it in memory the environment provides,
// fill the helper slots, and only then make text executable (W^X: text RX,
// rodata R, sandbox RW). Nothing runs that was not verified here.
#pragma once

#include "loader/image.hpp"
#include "verifier/verifier.hpp"

namespace ktal {

// What the environment supplies: memory for the image, the helper slots'
// contents, the final page permissions.
struct AdmitEnv {
    void *ctx = nullptr;
    // Writable memory for `size` bytes (zeroed), or nullptr; its address in the
    // program's address space is returned in *base.
    u8 *(*alloc)(void *ctx, u64 size, u64 *base) = nullptr;
    // Writes the 16-byte slot for helper `id` at `slot` (image address `addr`).
    bool (*fill_slot)(void *ctx, u8 *slot, u64 addr, u32 id) = nullptr;
    // Final permissions: [0, text_end) RX, [rodata, sandbox) R, [sandbox, end) RW.
    bool (*protect)(void *ctx, u8 *mem, const Layout &l, u64 text_end) = nullptr;
    Decoder *decoder = nullptr;
    u8 *arena = nullptr; // verifier memory
    usize arena_size = 0;
    u32 stack_budget = 4096;
    const Yield *yield = nullptr;
};

struct Admitted {
    u8 *mem = nullptr;
    u64 base = 0;  // address of image offset 0
    u64 entry = 0; // address of the entry function
    u64 args = 0;  // address of the argument area
    u64 data_end =
        0; // image offset where the initialised sandbox (data) ends: the rest starts zero
    u32 entry_bound = 0;
    Layout layout;
    Stats stats;
};

enum class AdmitResult { Ok, Malformed, Rejected, NoMemory, Interrupted };

AdmitResult admit(const u8 *file, usize size, const AdmitEnv &env, Admitted &out, Rejection &rej,
                  LoadError &err);

// Lays argv out in the argument area (mem points at it, `addr` is its
// address): the pointer array, then the strings. `strings` holds argc
// NUL-terminated strings back to back. Returns the address of argv[0], or 0
// if they do not fit.
u64 place_args(u8 *mem, u64 addr, u64 size, const char *strings, usize strings_len, u32 argc);

} // namespace ktal
