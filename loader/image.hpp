// Reading a certified image: an ELF file laid out by loader/ktal.ld, carrying
// its certificate in a `.ktal.cert` section. Freestanding (ktal.ko uses this
// very code): every offset and size in the file is checked before use, and an
// image whose sections are not exactly the expected ones is refused.
#pragma once

#include "tal/cert.hpp"
#include "tal/text.hpp"

namespace ktal {

inline constexpr u64 kArgsSize = 0x10000; // .ktal.args: where the loader puts argv

struct Section {
    bool present = false;
    u64 addr = 0, size = 0;
    const u8 *bytes = nullptr; // file contents (nullptr for NOBITS)
};

struct Image {
    Section helpers, text, rodata, fuel, data, bss, args;
    Layout layout; // as the file lays it out (compared with the certificate's)
    const u8 *cert = nullptr;
    usize cert_size = 0;
    const u8 *rela = nullptr; // Elf64_Rela entries, all R_X86_64_RELATIVE
    u64 nrela = 0;
};

struct LoadError {
    Text<160> message;
};

// require_cert = false: tools reading an image that is not certified yet.
bool image_parse(const u8 *file, usize size, Image &img, LoadError &err, bool require_cert = true);
// The certificate describes this very layout.
bool image_check_layout(const Image &img, const Layout &cert_layout, LoadError &err);
// Copies sections into `mem` (layout.image_size bytes, zeroed by the caller),
// as if the image were based at address `base`, and applies the relocations.
// The helper slots are left as int3; the caller fills them.
void image_place(const Image &img, u8 *mem, u64 base);

} // namespace ktal
