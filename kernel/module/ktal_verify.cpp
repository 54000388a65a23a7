// SPDX-License-Identifier: GPL-2.0
// ktal.ko's bridge to the verifier core: extern "C" functions over
// ktal::verify. C++ without the kernel's headers (ktal_verify.h is plain C);
// every byte it uses beyond a small stack frame comes from the caller's `mem`.
#include "ktal_verify.h"

#include "tal/cert.hpp"
#include "verifier/verifier.hpp"

// Placement new without <new> (the module has no C++ library).
inline void *operator new(decltype(sizeof 0), void *p) noexcept {
    return p;
}

namespace {

using ktal::usize;

// What verify() reports through references: kept in `mem`, not on the stack.
struct Bookkeeping {
    ktal::Rejection rej;
    ktal::Stats stats;
    ktal::Decoder dec;
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

struct YieldBridge {
    int (*fn)(void *);
    void *ctx;
};

bool yield(void *p) {
    const YieldBridge *y = static_cast<const YieldBridge *>(p);
    return y->fn(y->ctx) != 0;
}

} // namespace

extern "C" unsigned long ktal_v_mem_size(unsigned long long text_size, unsigned long cert_size) {
    return kBookkeeping + ktal::verify_arena_size(text_size, cert_size);
}

extern "C" unsigned int ktal_v_cert_version(void) {
    return ktal::kCertVersion;
}

extern "C" int ktal_v_verify(const struct ktal_v_args *a, struct ktal_v_result *r) {
    if (a->mem_size < kBookkeeping + 4096) return KTAL_V_NOMEM;
    Bookkeeping *b = new (a->mem) Bookkeeping;
    ktal::Arena arena(static_cast<unsigned char *>(a->mem) + kBookkeeping,
                      a->mem_size - kBookkeeping);
    if (!ktal::decoder_open(b->dec)) return KTAL_V_NOMEM;

    ktal::VerifyInput in;
    in.text = a->text;
    in.text_size = a->text_size;
    in.cert = a->cert;
    in.cert_size = a->cert_size;
    in.stack_budget = a->stack_budget;
    YieldBridge bridge{a->yield, a->yield_ctx};
    ktal::Yield y;
    y.fn = a->yield ? yield : nullptr;
    y.ctx = &bridge;
    bool ok = ktal::verify(in, b->dec, arena, b->rej, b->stats, &y);
    ktal::decoder_close(b->dec);

    const ktal::Rejection &rej = b->rej;
    put(r->rule, ok ? "" : rej.rule ? rej.rule : "verifier.unknown");
    put(r->message, ok ? "" : rej.message.c_str());
    put(r->expected, ok ? "" : rej.expected.c_str());
    put(r->found, ok ? "" : rej.found.c_str());
    put(r->disasm, ok ? "" : rej.disasm.c_str());
    r->in_function = !ok && rej.in_function;
    r->function_entry = ok ? 0 : rej.function_entry;
    r->block = ok ? 0 : rej.block;
    r->address = ok ? 0 : rej.address;
    r->cert_offset = ok ? 0 : rej.cert_offset;
    r->instructions = b->stats.instructions;
    r->functions = b->stats.functions;
    r->cert_blocks = b->stats.cert_blocks;
    r->memory = b->stats.memory;
    return ok ? KTAL_V_ACCEPT : KTAL_V_REJECT;
}
