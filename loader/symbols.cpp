#include "loader/symbols.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>

namespace ktal {

static u64 rd(const u8 *p, int n) {
    u64 v = 0;
    for (int i = 0; i < n; ++i) v |= static_cast<u64>(p[i]) << (8 * i);
    return v;
}

SymbolTable SymbolTable::from_elf(const std::vector<u8> &f) {
    SymbolTable t;
    if (f.size() < 64 ||
        std::memcmp(f.data(),
                    "\x7f"
                    "ELF",
                    4) != 0 ||
        f[4] != 2)
        return t;
    u64 shoff = rd(&f[40], 8), shnum = rd(&f[60], 2);
    if (shoff > f.size() || shnum * 64 > f.size() - shoff) return t;
    for (u64 i = 0; i < shnum; ++i) {
        const u8 *s = &f[shoff + 64 * i];
        if (rd(s + 4, 4) != 2) continue; // SHT_SYMTAB
        u64 off = rd(s + 24, 8), size = rd(s + 32, 8), link = rd(s + 40, 4);
        if (link >= shnum || off > f.size() || size > f.size() - off) return t;
        const u8 *ls = &f[shoff + 64 * link];
        u64 soff = rd(ls + 24, 8), ssize = rd(ls + 32, 8);
        if (soff > f.size() || ssize > f.size() - soff) return t;
        for (u64 k = 0; k + 24 <= size; k += 24) {
            const u8 *e = &f[off + k];
            u64 name = rd(e, 4), info = e[4], value = rd(e + 8, 8), sz = rd(e + 16, 8);
            if (name == 0 || name >= ssize) continue;
            const char *p = reinterpret_cast<const char *>(&f[soff + name]);
            std::string nm(p, strnlen(p, ssize - name));
            if (nm.empty() || (info & 0xf) == 4 /* STT_FILE */) continue;
            t.by_name_.emplace(nm, std::make_pair(value, sz));
            bool func = (info & 0xf) == 2;
            auto it = t.by_addr_.find(value);
            if (it == t.by_addr_.end() || func) t.by_addr_[value] = nm;
            if (func && sz) t.functions_[value] = {sz, nm};
        }
    }
    return t;
}

std::optional<std::pair<u64, u64>> SymbolTable::lookup(std::string_view name) const {
    auto it = by_name_.find(name);
    if (it == by_name_.end()) return std::nullopt;
    return it->second;
}

std::string SymbolTable::name_at(u64 addr) const {
    auto it = by_addr_.find(addr);
    return it == by_addr_.end() ? "" : it->second;
}

std::string SymbolTable::describe(u64 addr) const {
    auto it = by_addr_.upper_bound(addr);
    if (it == by_addr_.begin()) return "";
    --it;
    if (it->first == addr) return it->second;
    char b[32];
    std::snprintf(b, sizeof b, "+0x%llx", static_cast<unsigned long long>(addr - it->first));
    return it->second + b;
}

std::vector<std::tuple<u64, u64, std::string>> SymbolTable::functions() const {
    std::vector<std::tuple<u64, u64, std::string>> out;
    for (const auto &[addr, f] : functions_) out.emplace_back(addr, f.first, f.second);
    return out;
}

std::optional<std::vector<u8>> read_file(const std::string &path, std::string &error) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = "cannot open " + path + ": " + std::strerror(errno);
        return std::nullopt;
    }
    std::vector<u8> data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) {
        error = "cannot read " + path;
        return std::nullopt;
    }
    return data;
}

} // namespace ktal
