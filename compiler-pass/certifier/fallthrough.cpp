#include "compiler-pass/certifier/fallthrough.hpp"

#include "loader/image.hpp"
#include "verifier/decode.hpp"

#include <cstdint>
#include <cstring>
#include <set>

namespace ktal::certify {

namespace {

// The recommended multi-byte NOPs (Intel SDM, "NOP"), by length.
void fill_nops(u8 *p, usize n) {
    static const u8 kNops[9][9] = {{},
                                   {0x90},
                                   {0x66, 0x90},
                                   {0x0f, 0x1f, 0x00},
                                   {0x0f, 0x1f, 0x40, 0x00},
                                   {0x0f, 0x1f, 0x44, 0x00, 0x00},
                                   {0x66, 0x0f, 0x1f, 0x44, 0x00, 0x00},
                                   {0x0f, 0x1f, 0x80, 0x00, 0x00, 0x00, 0x00},
                                   {0x0f, 0x1f, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00}};
    while (n > 0) {
        usize k = n > 8 ? 8 : n;
        std::memcpy(p, kNops[k], k);
        p += k, n -= k;
    }
}

// `j<cc> target` at `at` (image offset), in `room` bytes: the short form when
// the target is in reach, else the near one; NOPs after it. False if it does
// not fit.
bool write_jcc(u8 *p, u64 at, usize room, u8 cc, u64 target) {
    i64 short_rel = static_cast<i64>(target) - static_cast<i64>(at + 2);
    if (short_rel >= -128 && short_rel <= 127) {
        p[0] = static_cast<u8>(0x70 + cc);
        p[1] = static_cast<u8>(static_cast<i8>(short_rel));
        fill_nops(p + 2, room - 2);
        return true;
    }
    if (room < 6) return false;
    i64 rel = static_cast<i64>(target) - static_cast<i64>(at + 6);
    if (rel < INT32_MIN || rel > INT32_MAX) return false;
    i32 rel32 = static_cast<i32>(rel);
    p[0] = 0x0f;
    p[1] = static_cast<u8>(0x80 + cc);
    std::memcpy(p + 2, &rel32, 4);
    fill_nops(p + 6, room - 6);
    return true;
}

} // namespace

FallthroughRewrites rewrite_fallthrough_jumps(std::vector<u8> &elf) {
    FallthroughRewrites done;
    Image img;
    LoadError le;
    if (!image_parse(elf.data(), elf.size(), img, le, false) || !img.text.bytes) return done;
    Decoder dec;
    if (!decoder_open(dec)) return done;
    u8 *text = elf.data() + (img.text.bytes - elf.data());
    const u64 base = img.text.addr;
    std::vector<Insn> insns;
    std::set<u64> targets; // of every direct branch and call
    for (u64 off = 0; off < img.text.size;) {
        Insn in;
        DecodeError de;
        if (!decode(dec, text + off, img.text.size - off, base + off, in, de)) break;
        if (in.op == Op::Jmp || in.op == Op::Jcc || in.op == Op::Call) targets.insert(in.target);
        insns.push_back(in);
        off += in.len;
    }
    decoder_close(dec);
    for (usize i = 0; i < insns.size(); ++i) {
        const Insn &in = insns[i];
        if (in.op != Op::Jmp || targets.count(in.addr)) continue;
        u8 *at = text + (in.addr - base);
        if (in.target == in.addr + in.len) {
            fill_nops(at, in.len);
            ++done.jumps_to_next;
        } else if (i > 0 && insns[i - 1].op == Op::Jcc && insns[i - 1].target == in.addr + in.len) {
            const Insn &jcc = insns[i - 1];
            if (write_jcc(text + (jcc.addr - base), jcc.addr, jcc.len + in.len,
                          static_cast<u8>(jcc.cc ^ 1), in.target))
                ++done.jumps_over;
        }
    }
    return done;
}

} // namespace ktal::certify
