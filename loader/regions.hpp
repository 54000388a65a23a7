// What a helper may touch on the program's behalf: it checks every pointer
// argument at run time (the verifier proves nothing about helper arguments
// beyond "plain data"). Shared by the user-space helpers and ktal.ko's.
#pragma once

#include "tal/cert.hpp"

namespace ktal {

struct Regions {
    u64 base = 0;   // address of image offset 0
    Layout layout;

    // [addr, addr + len) lies in rodata..end of image (readable by the program).
    bool readable(u64 addr, u64 len) const {
        u64 lo = base + layout.rodata_off, hi = base + layout.image_size;
        return addr >= lo && addr <= hi && len <= hi - addr;
    }
    // [addr, addr + len) lies in the sandbox (writable by the program).
    bool writable(u64 addr, u64 len) const {
        u64 lo = base + layout.sandbox_off, hi = base + layout.sandbox_off + layout.sandbox_size;
        return addr >= lo && addr <= hi && len <= hi - addr;
    }
};

} // namespace ktal
