#include "loader/embed.hpp"

#include <cstring>

namespace ktal {

static u64 rd(const u8 *p, int n) {
    u64 v = 0;
    for (int i = 0; i < n; ++i) v |= static_cast<u64>(p[i]) << (8 * i);
    return v;
}
static void wr(u8 *p, u64 v, int n) {
    for (int i = 0; i < n; ++i) p[i] = static_cast<u8>(v >> (8 * i));
}

bool embed_certificate(std::vector<u8> &f, const std::vector<u8> &cert, std::string &error) {
    if (f.size() < 64 ||
        std::memcmp(f.data(),
                    "\x7f"
                    "ELF",
                    4) != 0 ||
        f[4] != 2)
        return error = "not a 64-bit ELF file", false;
    u64 shoff = rd(&f[40], 8), shnum = rd(&f[60], 2), shstrndx = rd(&f[62], 2);
    if (shoff > f.size() || shnum * 64 > f.size() - shoff || shstrndx >= shnum || shnum >= 0xff00)
        return error = "bad section header table", false;
    std::vector<u8> headers(f.begin() + static_cast<long>(shoff),
                            f.begin() + static_cast<long>(shoff + shnum * 64));
    u8 *strhdr = &headers[64 * shstrndx];
    u64 str_off = rd(strhdr + 24, 8), str_size = rd(strhdr + 32, 8);
    if (str_off > f.size() || str_size > f.size() - str_off)
        return error = "bad section name table", false;
    std::vector<u8> names(f.begin() + static_cast<long>(str_off),
                          f.begin() + static_cast<long>(str_off + str_size));
    const char kName[] = ".ktal.cert";
    for (u64 i = 0; i < shnum; ++i) {
        u64 n = rd(&headers[64 * i], 4);
        if (n < names.size() &&
            std::strncmp(reinterpret_cast<const char *>(&names[n]), kName, names.size() - n) == 0)
            return error = "the image already has a certificate", false;
    }
    u64 name_at = names.size();
    names.insert(names.end(), kName, kName + sizeof kName);
    auto align8 = [&] { f.resize((f.size() + 7) & ~static_cast<size_t>(7), 0); };
    align8();
    u64 cert_off = f.size();
    f.insert(f.end(), cert.begin(), cert.end());
    u64 names_off = f.size();
    f.insert(f.end(), names.begin(), names.end());
    align8();
    u64 new_shoff = f.size();
    wr(strhdr + 24, names_off, 8);
    wr(strhdr + 32, names.size(), 8);
    u8 sec[64] = {};
    wr(sec, name_at, 4);
    wr(sec + 4, 1, 4); // SHT_PROGBITS, no flags: not loaded
    wr(sec + 24, cert_off, 8);
    wr(sec + 32, cert.size(), 8);
    wr(sec + 48, 1, 8);
    headers.insert(headers.end(), sec, sec + 64);
    f.insert(f.end(), headers.begin(), headers.end());
    wr(&f[40], new_shoff, 8);
    wr(&f[60], shnum + 1, 2);
    return true;
}

} // namespace ktal
