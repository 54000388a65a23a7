// What a helper may touch on the program's behalf: it checks every pointer
// argument at run time (the verifier proves nothing about helper arguments
// beyond "plain data"). The user-space helpers use this; ktal.ko's helpers
// use the same checks in C (loader/regions.h).
#pragma once

#include "loader/regions.h"
#include "tal/cert.hpp"

namespace ktal {

struct Regions {
    u64 base = 0; // address of image offset 0
    Layout layout;

    ktal_regions windows() const {
        ktal_regions r{};
        r.ro_lo = base + layout.rodata_off;
        r.ro_hi = base + layout.image_size;
        r.wr_lo = base + layout.sandbox_off;
        r.wr_hi = base + layout.sandbox_off + layout.sandbox_size;
        return r;
    }
    // [addr, addr + len) lies in rodata..end of image (readable by the program).
    bool readable(u64 addr, u64 len) const {
        ktal_regions r = windows();
        return ktal_readable(&r, addr, len);
    }
    // [addr, addr + len) lies in the sandbox (writable by the program).
    bool writable(u64 addr, u64 len) const {
        ktal_regions r = windows();
        return ktal_writable(&r, addr, len);
    }
};

} // namespace ktal
