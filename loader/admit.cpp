#include "loader/admit.hpp"

#include "tal/helper_abi.h"
#include "verifier/rules.hpp"

namespace ktal {

AdmitResult admit(const u8 *file, usize size, const AdmitEnv &env, Admitted &out, Rejection &rej,
                  LoadError &err) {
    Image img;
    if (!image_parse(file, size, img, err)) return AdmitResult::Malformed;
    Arena arena(env.arena, env.arena_size);
    VerifyInput in;
    in.text = img.text.bytes;
    in.text_size = img.text.size;
    in.cert = img.cert;
    in.cert_size = img.cert_size;
    in.stack_budget = env.stack_budget;
    in.layout = &img.layout;
    if (!verify(in, *env.decoder, arena, rej, out.stats, env.yield)) {
        if (rej.rule == rule::kInterrupted) return AdmitResult::Interrupted;
        return AdmitResult::Rejected;
    }
    const Layout &l = img.layout;
    u64 base = 0;
    u8 *mem = env.alloc(env.ctx, l.image_size, &base);
    if (!mem) return AdmitResult::NoMemory;
    image_place(img, mem, base);
    for (u64 i = 0; i < l.helper_count; ++i) {
        // slots.S lays helpers out in id order, and the verifier typed every
        // call to slot i as a call to helper i (cert_read requires the
        // certificate's slot table to be the identity).
        u32 id = static_cast<u32>(i);
        u8 *slot = mem + l.helpers_off + i * kHelperSlotSize;
        if (!env.fill_slot(env.ctx, slot, base + l.helpers_off + i * kHelperSlotSize, id))
            return AdmitResult::NoMemory;
    }
    if (!env.protect(env.ctx, mem, l, l.text_off + l.text_size)) return AdmitResult::NoMemory;
    out.mem = mem;
    out.base = base;
    out.entry = base + out.stats.entry;
    out.args = base + img.args.addr;
    out.data_end = img.data.present ? img.data.addr + img.data.size : l.sandbox_off;
    out.entry_bound = out.stats.entry_bound;
    out.layout = l;
    return AdmitResult::Ok;
}

u64 place_args(u8 *mem, u64 addr, u64 size, const char *strings, usize len, u32 argc) {
    u64 table = (static_cast<u64>(argc) + 1) * 8;
    if (table > size || len > size - table) return 0;
    u64 at = table;
    const char *p = strings;
    for (u32 i = 0; i < argc; ++i) {
        u64 ptr = addr + at;
        for (int k = 0; k < 8; ++k) mem[i * 8 + k] = static_cast<u8>(ptr >> (8 * k));
        usize n = 0;
        while (static_cast<usize>(p - strings) + n < len && p[n]) ++n;
        if (static_cast<usize>(p - strings) + n >= len) return 0; // not NUL-terminated
        copy_bytes(mem + at, p, n + 1);
        at += n + 1;
        p += n + 1;
    }
    zero_bytes(mem + argc * 8, 8);
    return addr;
}

} // namespace ktal
