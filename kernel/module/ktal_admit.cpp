// SPDX-License-Identifier: GPL-2.0
// ktal.ko's bridge to the admission sequence (loader/admit.cpp): the same
// code the user-space runner uses, with the kernel's memory, helper slots and
// page permissions behind the callbacks of ktal_admit.h. C++ without the
// kernel's headers; the bookkeeping lives in the caller's `mem`, not the stack.
#include "ktal_admit.h"

#include "loader/admit.hpp"

inline void *operator new(decltype(sizeof 0), void *p) noexcept {
    return p;
}

namespace {

using ktal::usize;

struct Bookkeeping {
    ktal::Rejection rej;
    ktal::LoadError err;
    ktal::Admitted out;
    ktal::Decoder dec;
    ktal::Yield yield;
    ktal::AdmitEnv env;
};
constexpr usize kBookkeeping = (sizeof(Bookkeeping) + 63) & ~usize{63};

template <usize N>
void put(char (&dst)[N], const char *src) {
    usize i = 0;
    while (src && src[i] && i + 1 < N) {
        dst[i] = src[i];
        ++i;
    }
    dst[i] = 0;
}

ktal_a_layout to_c(const ktal::Layout &l) {
    ktal_a_layout c{};
    c.image_size = l.image_size;
    c.helpers_off = l.helpers_off;
    c.helper_count = l.helper_count;
    c.text_off = l.text_off;
    c.text_size = l.text_size;
    c.rodata_off = l.rodata_off;
    c.rodata_size = l.rodata_size;
    c.sandbox_off = l.sandbox_off;
    c.sandbox_size = l.sandbox_size;
    c.fuel_word_off = ktal::has_fuel_page(l) ? ktal::fuel_word_off(l) : 0;
    return c;
}

// AdmitEnv's C++ callbacks over ktal_a_env's C ones.
const ktal_a_env *env_of(void *ctx) {
    return static_cast<const ktal_a_env *>(ctx);
}
ktal::u8 *alloc(void *ctx, ktal::u64 size, ktal::u64 *base) {
    unsigned long long b = 0;
    ktal::u8 *m = env_of(ctx)->alloc(env_of(ctx)->ctx, size, &b);
    *base = b;
    return m;
}
bool fill_slot(void *ctx, ktal::u8 *slot, ktal::u64 addr, ktal::u32 id) {
    return env_of(ctx)->fill_slot(env_of(ctx)->ctx, slot, addr, id) != 0;
}
bool protect(void *ctx, ktal::u8 *mem, const ktal::Layout &l, ktal::u64 text_end) {
    ktal_a_layout c = to_c(l);
    return env_of(ctx)->protect(env_of(ctx)->ctx, mem, &c, text_end) != 0;
}
bool yield(void *ctx) {
    const ktal_a_env *e = env_of(ctx);
    return e->yield(e->yield_ctx) != 0;
}

} // namespace

extern "C" unsigned long ktal_a_mem_size(const unsigned char *file, unsigned long size) {
    ktal::Image img;
    ktal::LoadError err;
    if (!ktal::image_parse(file, size, img, err)) return 0;
    return kBookkeeping + ktal::verify_arena_size(img.text.size, img.cert_size);
}

extern "C" int ktal_a_admit(const unsigned char *file, unsigned long size,
                            const struct ktal_a_env *e, struct ktal_a_result *r) {
    if (e->mem_size < kBookkeeping + 4096) return KTAL_A_NOMEM;
    Bookkeeping *b = new (e->mem) Bookkeeping;
    if (!ktal::decoder_open(b->dec)) return KTAL_A_NOMEM;
    b->yield.fn = e->yield ? yield : nullptr;
    b->yield.ctx = const_cast<ktal_a_env *>(e);
    ktal::AdmitEnv &env = b->env;
    env.ctx = const_cast<ktal_a_env *>(e);
    env.alloc = alloc;
    env.fill_slot = fill_slot;
    env.protect = protect;
    env.decoder = &b->dec;
    env.arena = static_cast<ktal::u8 *>(e->mem) + kBookkeeping;
    env.arena_size = e->mem_size - kBookkeeping;
    env.stack_budget = e->stack_budget;
    env.yield = &b->yield;
    ktal::AdmitResult res = ktal::admit(file, size, env, b->out, b->rej, b->err);
    ktal::decoder_close(b->dec);

    const ktal::Rejection &rej = b->rej;
    const ktal::Stats &st = b->out.stats;
    bool rejected = res == ktal::AdmitResult::Rejected || res == ktal::AdmitResult::Interrupted;
    put(r->v.rule, rejected ? (rej.rule ? rej.rule : "verifier.unknown") : "");
    put(r->v.message, rejected ? rej.message.c_str() : "");
    put(r->v.expected, rejected ? rej.expected.c_str() : "");
    put(r->v.found, rejected ? rej.found.c_str() : "");
    put(r->v.disasm, rejected ? rej.disasm.c_str() : "");
    r->v.in_function = rejected && rej.in_function;
    r->v.function_entry = rejected ? rej.function_entry : 0;
    r->v.block = rejected ? rej.block : 0;
    r->v.address = rejected ? rej.address : 0;
    r->v.cert_offset = rejected ? rej.cert_offset : 0;
    r->v.instructions = st.instructions;
    r->v.functions = st.functions;
    r->v.cert_blocks = st.cert_blocks;
    r->v.memory = st.memory;
    put(r->error, res == ktal::AdmitResult::Malformed ? b->err.message.c_str() : "");
    r->mem = b->out.mem;
    r->base = b->out.base;
    r->entry = b->out.entry;
    r->args = b->out.args;
    r->data_end = b->out.data_end;
    r->entry_bound = b->out.entry_bound;
    r->entry_result = b->out.stats.entry_result;
    r->layout = to_c(b->out.layout);
    switch (res) {
    case ktal::AdmitResult::Ok: return KTAL_A_OK;
    case ktal::AdmitResult::Malformed: return KTAL_A_MALFORMED;
    case ktal::AdmitResult::Rejected: return KTAL_A_REJECTED;
    case ktal::AdmitResult::Interrupted: return KTAL_A_INTERRUPTED;
    default: return KTAL_A_NOMEM;
    }
}

extern "C" unsigned long long ktal_a_place_args(unsigned char *mem, unsigned long long addr,
                                                unsigned long long size, const char *strings,
                                                unsigned long len, unsigned int argc) {
    return ktal::place_args(mem, addr, size, strings, len, argc);
}

extern "C" unsigned long long ktal_a_args_size(void) {
    return ktal::kArgsSize;
}
