#include "tests/support/case_builder.hpp"

#include "loader/embed.hpp"
#include "loader/image.hpp"
#include "loader/symbols.hpp"
#include "tal/cert_model.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <unistd.h>

#ifndef KTAL_SOURCE_DIR
#error "KTAL_SOURCE_DIR must be defined"
#endif
#ifndef KTAL_SLOTS_OBJECT
#error "KTAL_SLOTS_OBJECT must be defined"
#endif
#ifndef KTAL_CASE_CACHE_DIR
#error "KTAL_CASE_CACHE_DIR must be defined"
#endif

namespace fs = std::filesystem;

namespace ktal::test {

Case parse_case(std::string_view text, std::string name) {
    Case c;
    c.name = std::move(name);
    std::istringstream in{std::string(text)};
    std::string line;
    c.assembly = ".intel_syntax noprefix\n";
    while (std::getline(in, line)) {
        auto starts = [&](const char *p) { return line.rfind(p, 0) == 0; };
        if (starts("#|"))
            c.cert += line.substr(line.size() > 2 && line[2] == ' ' ? 3 : 2) + "\n";
        else if (starts("# expect:"))
            c.expect = line.substr(10);
        else if (starts("# attack:"))
            c.attack = line.substr(10);
        else if (starts("# problem:"))
            c.problem = line.substr(11);
        else if (starts("# prover:"))
            c.prover = line.substr(10);
        else if (starts("# mutate:"))
            c.mutations.push_back(line.substr(10));
        else
            c.assembly += line + "\n";
    }
    while (!c.expect.empty() && c.expect.back() == ' ') c.expect.pop_back();
    return c;
}

bool load_case(const std::string &path, Case &out, std::string &error) {
    auto bytes = read_file(path, error);
    if (!bytes) return false;
    out = parse_case(std::string_view(reinterpret_cast<const char *>(bytes->data()), bytes->size()),
                     fs::path(path).stem().string());
    return true;
}

std::vector<std::string> case_files(const std::string &dir) {
    std::vector<std::string> v;
    if (fs::is_directory(dir))
        for (auto &e : fs::directory_iterator(dir))
            if (e.path().extension() == ".s") v.push_back(e.path().string());
    std::sort(v.begin(), v.end());
    return v;
}

static bool run(const std::string &cmd, std::string &error) {
    std::string full = cmd + " 2>&1";
    FILE *p = popen(full.c_str(), "r");
    if (!p) return error = "cannot run: " + cmd, false;
    std::string out;
    char buf[512];
    while (std::fgets(buf, sizeof buf, p)) out += buf;
    int st = pclose(p);
    if (st != 0) return error = cmd + " failed:\n" + out, false;
    return true;
}

static std::vector<u8> hex_bytes(std::istringstream &in) {
    std::vector<u8> v;
    std::string h;
    while (in >> h) v.push_back(static_cast<u8>(std::strtoul(h.c_str(), nullptr, 16)));
    return v;
}

static std::optional<std::vector<u8>> link_case(const Case &c, std::string &error);
static bool certify_case(const Case &c, std::vector<u8> elf, std::vector<u8> &image,
                         std::string &error);

// The linked ELF of an assembly text, kept in KTAL_CASE_CACHE_DIR: the same
// case is built by several test binaries (the verifier's corpus test, the
// prover's differential test), and clang plus lld cost about 60 ms a case.
// A record holds its whole input (the assembly, the linker script and the
// helper slots' object), compared byte for byte before its ELF is used, so a
// changed input or a hash collision only misses.
namespace {
// The linker's inputs besides the assembly, the same for every case: read
// once per process ("" if one cannot be read: then nothing is cached).
const std::string &linker_files() {
    static const std::string files = [] {
        std::string in, error;
        for (const std::string &f :
             {std::string(KTAL_SOURCE_DIR) + "/loader/ktal.ld", std::string(KTAL_SLOTS_OBJECT)})
            if (auto b = read_file(f, error))
                in.append(b->begin(), b->end()), in += '\0';
            else
                return std::string();
        return in;
    }();
    return files;
}
std::string linked_input(const std::string &assembly) {
    if (linker_files().empty()) return {};
    return "ktal case cache 1\n" + assembly + '\0' + linker_files();
}
fs::path cache_path(const std::string &input) {
    u64 h = 1469598103934665603ull; // FNV-1a
    for (unsigned char ch : input) h = (h ^ ch) * 1099511628211ull;
    char name[40];
    std::snprintf(name, sizeof name, "%016llx.elf", static_cast<unsigned long long>(h));
    return fs::path(KTAL_CASE_CACHE_DIR) / name;
}
std::optional<std::vector<u8>> cached_elf(const std::string &input) {
    std::string error;
    auto rec = read_file(cache_path(input).string(), error);
    if (!rec || rec->size() < input.size() ||
        !std::equal(input.begin(), input.end(), rec->begin(),
                    [](char a, u8 b) { return static_cast<u8>(a) == b; }))
        return std::nullopt;
    return std::vector<u8>(rec->begin() + static_cast<std::ptrdiff_t>(input.size()), rec->end());
}
void cache_elf(const std::string &input, const std::vector<u8> &elf) {
    std::error_code ec;
    fs::create_directories(KTAL_CASE_CACHE_DIR, ec);
    fs::path to = cache_path(input), tmp = to;
    tmp += "." + std::to_string(getpid()) + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary);
        out.write(input.data(), static_cast<std::streamsize>(input.size()));
        out.write(reinterpret_cast<const char *>(elf.data()),
                  static_cast<std::streamsize>(elf.size()));
        if (!out) return fs::remove(tmp, ec), void();
    }
    fs::rename(tmp, to, ec); // whole records only: readers never see half of one
}
} // namespace

bool build_case(const Case &c, std::vector<u8> &image, std::string &error) {
    std::string input = linked_input(c.assembly);
    std::optional<std::vector<u8>> elf = input.empty() ? std::nullopt : cached_elf(input);
    if (!elf) {
        elf = link_case(c, error);
        if (!elf) return false;
        if (!input.empty()) cache_elf(input, *elf);
    }
    return certify_case(c, std::move(*elf), image, error);
}

// The case's assembly assembled by clang-19 and linked by ld.lld-19.
static std::optional<std::vector<u8>> link_case(const Case &c, std::string &error) {
    char tmpl[] = "/tmp/ktal-case.XXXXXX";
    if (!mkdtemp(tmpl)) return error = "mkdtemp failed", std::nullopt;
    fs::path dir = tmpl;
    struct Cleanup {
        fs::path d;
        ~Cleanup() {
            std::error_code ec;
            fs::remove_all(d, ec);
        }
    } cleanup{dir};
    {
        std::ofstream(dir / "t.s") << c.assembly;
    }
    std::string src = KTAL_SOURCE_DIR;
    if (!run("clang-19 -c -o " + (dir / "t.o").string() + " " + (dir / "t.s").string(), error))
        return std::nullopt;
    if (!run("ld.lld-19 -pie --no-dynamic-linker -z norelro -e 0 -T " + src + "/loader/ktal.ld " +
                 (dir / "t.o").string() + " " + KTAL_SLOTS_OBJECT + " -o " +
                 (dir / "t.elf").string(),
             error))
        return std::nullopt;
    return read_file((dir / "t.elf").string(), error);
}

// The case's certificate (its `#|` lines) put into the linked ELF, and then
// its mutations.
static bool certify_case(const Case &c, std::vector<u8> elf, std::vector<u8> &image,
                         std::string &error) {
    SymbolTable syms = SymbolTable::from_elf(elf);
    model::Symbols s;
    s.lookup = [&](std::string_view n) { return syms.lookup(n); };
    s.name_at = [&](u64 a) { return syms.name_at(a); };
    Image img;
    LoadError le;
    if (image_parse(elf.data(), elf.size(), img, le, false)) s.layout = img.layout;
    model::Cert m;
    model::ParseError pe;
    if (!model::parse(c.cert, &s, m, pe))
        return error = "certificate line " + std::to_string(pe.line) + ": " + pe.message, false;
    std::vector<u8> cert = model::encode(m);
    std::vector<std::string> image_mutations;
    for (const std::string &mu : c.mutations) {
        std::istringstream in(mu);
        std::string op;
        in >> op;
        long a = 0, b = 0;
        if (op == "cert-truncate") {
            in >> a;
            size_t keep = a < 0 ? cert.size() - static_cast<size_t>(-a) : static_cast<size_t>(a);
            cert.resize(std::min(keep, cert.size()));
        } else if (op == "cert-byte") {
            std::string sa, sb;
            in >> sa >> sb; // decimal or 0x hex
            a = std::strtol(sa.c_str(), nullptr, 0);
            b = std::strtol(sb.c_str(), nullptr, 0);
            if (a < 0) a += static_cast<long>(cert.size());
            if (a < 0 || static_cast<size_t>(a) >= cert.size())
                return error = "cert-byte out of range", false;
            cert[static_cast<size_t>(a)] = static_cast<u8>(b);
        } else if (op == "cert-append") {
            auto more = hex_bytes(in);
            cert.insert(cert.end(), more.begin(), more.end());
        } else if (op == "cert-replace") {
            cert = hex_bytes(in);
        } else {
            image_mutations.push_back(mu);
        }
    }
    if (!embed_certificate(elf, cert, error)) return false;
    for (const std::string &mu : image_mutations) {
        std::istringstream in(mu);
        std::string op;
        long a = 0, b = 0;
        in >> op >> a;
        if (op == "image-truncate") {
            size_t keep = a < 0 ? elf.size() - static_cast<size_t>(-a) : static_cast<size_t>(a);
            elf.resize(std::min(keep, elf.size()));
        } else if (op == "text-byte") {
            in >> b;
            // text offset -> file offset through the section headers
            Image im;
            if (!image_parse(elf.data(), elf.size(), im, le))
                return error = "text-byte: " + std::string(le.message.c_str()), false;
            size_t at = static_cast<size_t>(im.text.bytes - elf.data()) + static_cast<size_t>(a);
            elf[at] = static_cast<u8>(b);
        } else {
            return error = "unknown mutation '" + mu + "'", false;
        }
    }
    image = std::move(elf);
    return true;
}

} // namespace ktal::test
