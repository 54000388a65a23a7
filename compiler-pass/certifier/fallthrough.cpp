#include "compiler-pass/certifier/fallthrough.hpp"

#include "loader/image.hpp"
#include "verifier/decode.hpp"

#include <cstring>

namespace ktal::certify {

usize fallthrough_jumps_to_nops(std::vector<u8> &elf) {
    Image img;
    LoadError le;
    if (!image_parse(elf.data(), elf.size(), img, le, false) || !img.text.bytes) return 0;
    Decoder dec;
    if (!decoder_open(dec)) return 0;
    u8 *text = elf.data() + (img.text.bytes - elf.data());
    usize rewritten = 0;
    for (u64 off = 0; off < img.text.size;) {
        Insn in;
        DecodeError de;
        if (!decode(dec, text + off, img.text.size - off, img.text.addr + off, in, de)) break;
        if (in.op == Op::Jmp && in.target == in.addr + in.len) {
            static const u8 kNop2[] = {0x66, 0x90}, kNop5[] = {0x0f, 0x1f, 0x44, 0x00, 0x00};
            if (in.len == 2)
                std::memcpy(text + off, kNop2, 2), ++rewritten;
            else if (in.len == 5)
                std::memcpy(text + off, kNop5, 5), ++rewritten;
        }
        off += in.len;
    }
    decoder_close(dec);
    return rewritten;
}

} // namespace ktal::certify
