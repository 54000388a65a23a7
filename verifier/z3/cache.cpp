#include "verifier/z3/cache.hpp"

#include <openssl/evp.h>
#include <z3.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace ktal::prover {

namespace {

const char kMagic[] = "ktal-prove-cache 1";

} // namespace

Sha256::Sha256() : ctx_(EVP_MD_CTX_new()) {
    if (!ctx_ || !EVP_DigestInit_ex(static_cast<EVP_MD_CTX *>(ctx_), EVP_sha256(), nullptr))
        std::abort(); // only out of memory
}

Sha256::~Sha256() {
    EVP_MD_CTX_free(static_cast<EVP_MD_CTX *>(ctx_));
}

Sha256 &Sha256::add(const void *data, size_t n) {
    EVP_DigestUpdate(static_cast<EVP_MD_CTX *>(ctx_), data, n);
    return *this;
}

Sha256 &Sha256::num(u64 v) {
    u8 b[8];
    for (int i = 0; i < 8; ++i) b[i] = static_cast<u8>(v >> (8 * i));
    return add(b, 8);
}

std::array<u8, 32> Sha256::digest() {
    std::array<u8, 32> out{};
    unsigned n = 0;
    EVP_DigestFinal_ex(static_cast<EVP_MD_CTX *>(ctx_), out.data(), &n);
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
