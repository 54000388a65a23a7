#include "verifier/z3/cache.hpp"

#include <z3.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace ktal::prover {

namespace {

constexpr u32 kK[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

u32 rotr(u32 x, unsigned n) {
    return (x >> n) | (x << (32 - n));
}

const char kMagic[] = "ktal-prove-cache 1";

} // namespace

Sha256::Sha256()
    : h_{0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
         0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19},
      buf_{} {}

void Sha256::block(const u8 *p) {
    u32 w[64];
    for (int i = 0; i < 16; ++i)
        w[i] = static_cast<u32>(p[4 * i]) << 24 | static_cast<u32>(p[4 * i + 1]) << 16 |
               static_cast<u32>(p[4 * i + 2]) << 8 | static_cast<u32>(p[4 * i + 3]);
    for (int i = 16; i < 64; ++i) {
        u32 s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
        u32 s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    u32 a = h_[0], b = h_[1], c = h_[2], d = h_[3], e = h_[4], f = h_[5], g = h_[6], h = h_[7];
    for (int i = 0; i < 64; ++i) {
        u32 t1 = h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + kK[i] + w[i];
        u32 t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
        h = g, g = f, f = e, e = d + t1, d = c, c = b, b = a, a = t1 + t2;
    }
    h_[0] += a, h_[1] += b, h_[2] += c, h_[3] += d, h_[4] += e, h_[5] += f, h_[6] += g, h_[7] += h;
}

Sha256 &Sha256::add(const void *data, size_t n) {
    const u8 *p = static_cast<const u8 *>(data);
    total_ += n;
    while (n > 0) {
        size_t k = std::min(n, sizeof buf_ - used_);
        std::memcpy(buf_ + used_, p, k);
        used_ += k, p += k, n -= k;
        if (used_ == sizeof buf_) block(buf_), used_ = 0;
    }
    return *this;
}

Sha256 &Sha256::num(u64 v) {
    u8 b[8];
    for (int i = 0; i < 8; ++i) b[i] = static_cast<u8>(v >> (8 * i));
    return add(b, 8);
}

std::array<u8, 32> Sha256::digest() {
    u64 bits = total_ * 8;
    u8 pad = 0x80;
    add(&pad, 1);
    u8 zero = 0;
    while (used_ != 56) add(&zero, 1);
    u8 len[8];
    for (int i = 0; i < 8; ++i) len[i] = static_cast<u8>(bits >> (56 - 8 * i));
    add(len, 8);
    std::array<u8, 32> out{};
    for (int i = 0; i < 8; ++i)
        for (int k = 0; k < 4; ++k) out[4 * i + k] = static_cast<u8>(h_[i] >> (24 - 8 * k));
    return out;
}

std::string Sha256::hex_digest() {
    std::string s;
    char b[3];
    for (u8 x : digest()) std::snprintf(b, sizeof b, "%02x", x), s += b;
    return s;
}

const std::string &prover_identity() {
    static const std::string id = [] {
        Sha256 h;
        std::ifstream f("/proc/self/exe", std::ios::binary);
        if (!f) return std::string(); // no identity: the cache is not used
        std::vector<char> buf(1 << 16);
        while (f) {
            f.read(buf.data(), static_cast<std::streamsize>(buf.size()));
            h.add(buf.data(), static_cast<size_t>(f.gcount()));
        }
        h.add(std::string(Z3_get_full_version()));
        return h.hex_digest();
    }();
    return id;
}

std::optional<std::vector<CachedObligation>> cache_load(const std::string &dir,
                                                        const std::string &key) {
    std::ifstream f(dir + "/" + key, std::ios::binary);
    if (!f) return std::nullopt;
    std::stringstream ss;
    ss << f.rdbuf();
    std::string text = ss.str();
    // kMagic \n key \n count \n, then per obligation: block addr len(insn)
    // len(kind) len(what) \n insn kind what \n, then "end\n".
    size_t pos = 0;
    auto line = [&](std::string &out) {
        size_t nl = text.find('\n', pos);
        if (nl == std::string::npos) return false;
        out = text.substr(pos, nl - pos);
        pos = nl + 1;
        return true;
    };
    std::string l;
    if (!line(l) || l != kMagic || !line(l) || l != key || !line(l)) return std::nullopt;
    char *end = nullptr;
    unsigned long long n = std::strtoull(l.c_str(), &end, 10);
    if (l.empty() || *end || n > (1u << 24)) return std::nullopt;
    std::vector<CachedObligation> obs;
    for (unsigned long long i = 0; i < n; ++i) {
        if (!line(l)) return std::nullopt;
        unsigned long long b, a, li, lk, lw;
        int used = 0;
        if (std::sscanf(l.c_str(), "%llx %llx %llu %llu %llu%n", &b, &a, &li, &lk, &lw, &used) !=
                5 ||
            static_cast<size_t>(used) != l.size())
            return std::nullopt;
        if (li + lk + lw + 1 > text.size() - pos) return std::nullopt;
        CachedObligation o;
        o.block = b, o.addr = a;
        o.insn = text.substr(pos, li), pos += li;
        o.kind = text.substr(pos, lk), pos += lk;
        o.what = text.substr(pos, lw), pos += lw;
        if (text[pos++] != '\n') return std::nullopt;
        obs.push_back(std::move(o));
    }
    if (!line(l) || l != "end" || pos != text.size()) return std::nullopt;
    return obs;
}

bool cache_store(const std::string &dir, const std::string &key,
                 const std::vector<CachedObligation> &obs) {
    std::string out = std::string(kMagic) + "\n" + key + "\n" + std::to_string(obs.size()) + "\n";
    char b[128];
    for (const CachedObligation &o : obs) {
        std::snprintf(
            b, sizeof b, "%llx %llx %zu %zu %zu\n", static_cast<unsigned long long>(o.block),
            static_cast<unsigned long long>(o.addr), o.insn.size(), o.kind.size(), o.what.size());
        out += b + o.insn + o.kind + o.what + "\n";
    }
    out += "end\n";
    std::string tmp = dir + "/." + key + "." + std::to_string(getpid());
    {
        std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
        if (!f) return false;
        f << out;
        if (!f.flush()) return false;
    }
    return std::rename(tmp.c_str(), (dir + "/" + key).c_str()) == 0;
}

} // namespace ktal::prover
