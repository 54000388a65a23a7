// libFuzzer target over (text, certificate). The first byte picks a mode:
//   even: the rest is text; a certificate is built around it (one function
//         covering it, a frame and arguments from the next bytes), so the
//         fuzzer explores the decoder and the typing rules;
//   odd:  the rest is split into text and raw certificate bytes, so it
//         explores the certificate reader and the checker on nonsense.
// Every instruction our decoder accepts is decoded by Zydis too: the two must
// agree on its length (Capstone 4 and our own decoder already must).
#include "tal/cert_model.hpp"
#include "tal/helper_abi.h"
#include "verifier/verifier.hpp"

#include <Zydis/Zydis.h>

#include <cstdio>
#include <cstdlib>
#include <vector>

using namespace ktal;

namespace {

struct Env {
    Decoder dec;
    ZydisDecoder zydis;
    std::vector<u8> arena = std::vector<u8>(64u << 20);
    Env() {
        if (!decoder_open(dec)) std::abort();
        ZydisDecoderInit(&zydis, ZYDIS_MACHINE_MODE_LONG_64, ZYDIS_STACK_WIDTH_64);
    }
};

Env &env() {
    static Env e;
    return e;
}

Layout layout_for(u64 text_size) {
    Layout l;
    l.helper_count = KTAL_HELPER_COUNT;
    l.text_off = kHelperSlotSize * KTAL_HELPER_COUNT;
    l.text_size = text_size;
    l.rodata_off = (l.text_off + text_size + kPageSize - 1) / kPageSize * kPageSize;
    l.rodata_size = 64;
    l.sandbox_off = l.rodata_off + kPageSize;
    l.sandbox_size = 4 * kPageSize;
    l.image_size = l.sandbox_off + l.sandbox_size;
    return l;
}

void cross_check_lengths(const u8 *text, size_t size, u64 base) {
    Env &e = env();
    for (size_t off = 0; off < size;) {
        Insn insn;
        DecodeError de;
        if (!decode(e.dec, text + off, size - off, base + off, insn, de)) {
            ++off;
            continue;
        }
        // An inline fuel point is one form of three instructions: cmp, je, call.
        static constexpr u8 kFuelParts[3] = {8, 2, 5};
        const u8 *parts = insn.fuel_inline ? kFuelParts : &insn.len;
        u8 nparts = insn.fuel_inline ? 3 : 1, at = 0;
        bool agree = true;
        ZydisDecodedInstruction zi{};
        ZyanStatus st = ZYAN_STATUS_SUCCESS;
        for (u8 k = 0; k < nparts && agree; at += parts[k++]) {
            ZydisDecoderContext ctx;
            st = ZydisDecoderDecodeInstruction(&e.zydis, &ctx, text + off + at, size - off - at,
                                               &zi);
            agree = ZYAN_SUCCESS(st) && zi.length == parts[k];
        }
        if (!agree) {
            std::fprintf(stderr, "length disagreement at +%zu: ktal %u, Zydis %s %u (%s)\n", off,
                         insn.len, ZYAN_SUCCESS(st) ? "" : "cannot decode",
                         ZYAN_SUCCESS(st) ? zi.length : 0, insn.text.c_str());
            std::abort();
        }
        off += insn.len;
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const u8 *data, size_t size) {
    if (size < 4) return 0;
    Env &e = env();
    std::vector<u8> cert;
    const u8 *text;
    size_t text_size;
    if ((data[0] & 1) == 0) {
        text = data + 3;
        text_size = size - 3;
        model::Cert m;
        m.layout = layout_for(text_size);
        for (u32 i = 0; i < KTAL_HELPER_COUNT; ++i) m.helpers.push_back(i);
        model::Function f;
        f.entry = m.layout.text_off;
        f.size = text_size;
        f.frame = (data[1] & 0x3f) * 8u;
        f.bound = f.frame + 8 + (data[2] & 1) * 64;
        for (int k = 0; k < (data[2] >> 1) % 7; ++k) f.args.push_back(Value::top());
        m.funcs.push_back(f);
        cert = model::encode(m);
    } else {
        size_t split = data[1] % (size - 2);
        text = data + 2;
        text_size = split;
        cert.assign(data + 2 + split, data + size);
    }
    if (text_size == 0) return 0;
    Layout l = layout_for(text_size);
    cross_check_lengths(text, text_size, l.text_off);
    Arena arena(e.arena.data(), e.arena.size());
    VerifyInput in;
    in.text = text;
    in.text_size = text_size;
    in.cert = cert.data();
    in.cert_size = cert.size();
    Rejection rej;
    Stats st;
    verify(in, e.dec, arena, rej, st);
    return 0;
}
