#include "tools/common/report.hpp"

#include "tools/common/json.hpp"

#include <cstdio>
#include <sys/wait.h>

namespace ktal::report {

static std::string hex(u64 v) {
    char b[24];
    std::snprintf(b, sizeof b, "0x%llx", static_cast<unsigned long long>(v));
    return b;
}

std::string source_line(const std::string &image_path, u64 addr) {
    if (image_path.empty() || image_path.find('\'') != std::string::npos) return "";
    std::string cmd = "llvm-symbolizer-19 --obj='" + image_path + "' " + hex(addr) + " 2>/dev/null";
    FILE *p = popen(cmd.c_str(), "r");
    if (!p) return "";
    char fn[512] = {}, loc[1024] = {};
    bool ok = std::fgets(fn, sizeof fn, p) && std::fgets(loc, sizeof loc, p);
    pclose(p);
    if (!ok) return "";
    std::string s = loc;
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
    if (s.rfind("??", 0) == 0) return "";
    // file:line:column -> file:line
    size_t last = s.rfind(':');
    if (last != std::string::npos && last > 0 && s.rfind(':', last - 1) != std::string::npos)
        s.resize(last);
    return s;
}

std::string rejection_text(const Rejection &r, const SymbolTable &syms,
                           const std::string &image_path) {
    std::string o;
    auto line = [&](const char *k, const std::string &v) {
        if (!v.empty())
            o += std::string("  ") + k + std::string(13 - std::string(k).size(), ' ') + v + "\n";
    };
    line("rule:", r.rule ? r.rule : "?");
    if (r.in_function) {
        std::string name = syms.name_at(r.function_entry);
        line("function:", (name.empty() ? "" : name + " ") + "(" + hex(r.function_entry) + ")");
        line("block:",
             hex(r.block) +
                 (syms.describe(r.block).empty() ? "" : " (" + syms.describe(r.block) + ")"));
        line("instruction:", hex(r.address) + "  " + r.disasm.c_str());
        line("source:", source_line(image_path, r.address));
    } else if (r.disasm.len) {
        line("instruction:", hex(r.address) + "  " + r.disasm.c_str());
    }
    line("problem:", r.message.c_str());
    line("expected:", r.expected.c_str());
    line("found:", r.found.c_str());
    if (r.rule && std::string(r.rule) == "cert.malformed")
        line("cert offset:", std::to_string(r.cert_offset));
    return o;
}

std::string rejection_json(const Rejection &r, const SymbolTable &syms,
                           const std::string &image_path) {
    json::Writer w;
    w.begin_object().field("rule", r.rule ? r.rule : "").field("message", r.message.c_str());
    w.field("expected", r.expected.c_str()).field("found", r.found.c_str());
    if (r.in_function) {
        w.field("function", syms.name_at(r.function_entry))
            .field("function_entry", r.function_entry);
        w.field("block", r.block)
            .field("address", r.address)
            .field("disassembly", r.disasm.c_str());
        w.field("source", source_line(image_path, r.address));
    }
    if (r.rule && std::string(r.rule) == "cert.malformed") w.field("cert_offset", r.cert_offset);
    w.end_object();
    return w.str();
}

} // namespace ktal::report
