// `ktal cert dump` and `ktal cert asm`: the certificate's text form.
#include "loader/image.hpp"
#include "loader/symbols.hpp"
#include "tal/cert_model.hpp"
#include "tools/ktal/commands.hpp"

#include <cstdio>
#include <cstring>
#include <fstream>
#include <memory>
#include <string>

namespace ktal::cli {

static const char *kUsage =
    "usage: ktal cert dump FILE          print a certificate (FILE: an image or a raw "
    "certificate)\n"
    "       ktal cert asm TEXT -o OUT [--elf IMAGE]\n"
    "                                    assemble the text form; --elf resolves @symbols,\n"
    "                                    `layout auto` and `function NAME` from an image\n";

// The layout of an image that may not carry a certificate yet.
static std::optional<Layout> layout_of(const std::vector<u8> &file) {
    Image img;
    LoadError le;
    if (image_parse(file.data(), file.size(), img, le, false)) return img.layout;
    return std::nullopt;
}

static int dump(const std::string &path) {
    std::string err;
    auto file = read_file(path, err);
    if (!file) return std::fprintf(stderr, "ktal cert dump: %s\n", err.c_str()), 1;
    const u8 *cert = file->data();
    usize size = file->size();
    SymbolTable syms;
    if (size >= 4 && std::memcmp(cert,
                                 "\x7f"
                                 "ELF",
                                 4) == 0) {
        Image img;
        LoadError le;
        if (!image_parse(file->data(), file->size(), img, le))
            return std::fprintf(stderr, "ktal cert dump: %s: %s\n", path.c_str(),
                                le.message.c_str()),
                   1;
        cert = img.cert, size = img.cert_size;
        syms = SymbolTable::from_elf(*file);
    }
    usize arena_size = 64 * size + (1 << 20);
    std::unique_ptr<u8[]> mem(new u8[arena_size]);
    Arena arena(mem.get(), arena_size);
    Cert c;
    CertError ce;
    if (!cert_read(cert, size, arena, c, ce))
        return std::fprintf(stderr, "ktal cert dump: %s: malformed certificate at byte %llu: %s\n",
                            path.c_str(), static_cast<unsigned long long>(ce.offset),
                            ce.message.c_str()),
               1;
    model::Cert m = model::from_cert(c);
    model::Symbols s;
    s.name_at = [&syms](u64 a) { return syms.name_at(a); };
    std::fputs(model::print(m, &s).c_str(), stdout);
    return 0;
}

static int assemble(const std::string &text_path, const std::string &out_path,
                    const std::string &elf_path) {
    std::string err;
    auto text = read_file(text_path, err);
    if (!text) return std::fprintf(stderr, "ktal cert asm: %s\n", err.c_str()), 1;
    std::vector<u8> elf;
    SymbolTable syms;
    model::Symbols s;
    if (!elf_path.empty()) {
        auto f = read_file(elf_path, err);
        if (!f) return std::fprintf(stderr, "ktal cert asm: %s\n", err.c_str()), 1;
        elf = std::move(*f);
        syms = SymbolTable::from_elf(elf);
        s.lookup = [&syms](std::string_view n) { return syms.lookup(n); };
        s.name_at = [&syms](u64 a) { return syms.name_at(a); };
        s.layout = layout_of(elf);
    }
    model::Cert m;
    model::ParseError pe;
    std::string_view sv(reinterpret_cast<const char *>(text->data()), text->size());
    if (!model::parse(sv, elf_path.empty() ? nullptr : &s, m, pe))
        return std::fprintf(stderr, "%s:%d: error: %s\n", text_path.c_str(), pe.line,
                            pe.message.c_str()),
               1;
    std::vector<u8> bin = model::encode(m);
    std::ofstream out(out_path, std::ios::binary);
    out.write(reinterpret_cast<const char *>(bin.data()), static_cast<std::streamsize>(bin.size()));
    if (!out) return std::fprintf(stderr, "ktal cert asm: cannot write %s\n", out_path.c_str()), 1;
    return 0;
}

int run_cert(Args args) {
    if (args.empty() || std::string(args[0]) == "-h" || std::string(args[0]) == "--help") {
        std::fputs(kUsage, args.empty() ? stderr : stdout);
        return args.empty() ? 2 : 0;
    }
    std::string sub = args[0];
    if (sub == "dump" && args.size() == 2) return dump(args[1]);
    if (sub == "asm") {
        std::string in, out, elf;
        for (size_t i = 1; i < args.size(); ++i) {
            std::string a = args[i];
            if (a == "-o" && i + 1 < args.size())
                out = args[++i];
            else if (a == "--elf" && i + 1 < args.size())
                elf = args[++i];
            else if (in.empty() && a[0] != '-')
                in = a;
            else
                return std::fprintf(stderr, "ktal cert asm: unexpected '%s'\n%s", a.c_str(),
                                    kUsage),
                       2;
        }
        if (in.empty() || out.empty()) return std::fprintf(stderr, "%s", kUsage), 2;
        return assemble(in, out, elf);
    }
    std::fprintf(stderr, "%s", kUsage);
    return 2;
}

} // namespace ktal::cli
