#include "compiler-pass/driver/fallthrough_asm.hpp"

#include <string_view>
#include <vector>

namespace ktal::cc {

namespace {

// llc's mnemonics for the sixteen conditions, each beside its inverse.
constexpr std::string_view kInverse[][2] = {
    {"jo", "jno"}, {"jb", "jae"}, {"je", "jne"}, {"jbe", "ja"},
    {"js", "jns"}, {"jp", "jnp"}, {"jl", "jge"}, {"jle", "jg"},
};

std::string_view inverse(std::string_view jcc) {
    for (const auto &pair : kInverse) {
        if (pair[0] == jcc) return pair[1];
        if (pair[1] == jcc) return pair[0];
    }
    return {};
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

// One line of llc's output, classified.
struct Line {
    enum Kind { NoBytes, BlockStart, Label, Insn, Other } kind = Other;
    std::string_view label;    // Label, BlockStart: its name
    std::string_view mnemonic; // Insn
    std::string_view operand;  // Insn: the first operand
};

Line classify(std::string_view raw) {
    Line l;
    usize hash = raw.find('#');
    std::string_view s = trim(raw.substr(0, hash));
    if (s.empty()) {
        // `# %bb.N:` marks a block that no branch names.
        bool bb = hash != raw.npos && trim(raw.substr(hash)).starts_with("# %bb.");
        l.kind = bb ? Line::BlockStart : Line::NoBytes;
        return l;
    }
    if (s.back() == ':') {
        l.label = s.substr(0, s.size() - 1);
        // Debug info's labels (.Ltmp) sit inside blocks; any other one starts a
        // block or a function.
        l.kind = l.label.starts_with(".Ltmp") ? Line::Label : Line::BlockStart;
        return l;
    }
    if (s.starts_with(".loc") || s.starts_with(".cfi_")) {
        l.kind = Line::NoBytes;
        return l;
    }
    if (s.front() == '.') return l; // a directive that may emit bytes
    usize space = s.find_first_of(" \t");
    l.kind = Line::Insn;
    l.mnemonic = s.substr(0, space);
    if (space != s.npos) {
        std::string_view ops = trim(s.substr(space));
        l.operand = ops.substr(0, ops.find(','));
    }
    return l;
}

bool no_bytes(const Line &l) {
    return l.kind == Line::NoBytes || l.kind == Line::Label;
}

} // namespace

FallthroughEdits drop_fallthrough_jumps(std::string &assembly) {
    std::vector<std::string_view> raw;
    for (usize at = 0; at < assembly.size();) {
        usize end = assembly.find('\n', at);
        if (end == assembly.npos) end = assembly.size();
        raw.push_back(std::string_view(assembly).substr(at, end - at));
        at = end + 1;
    }
    std::vector<Line> lines;
    lines.reserve(raw.size());
    for (std::string_view r : raw) lines.push_back(classify(r));

    // Whether local label `name` is reached from line i on, past lines with no
    // bytes. Only local labels (.L): a jump to another function stays.
    auto falls_into = [&](usize i, std::string_view name) {
        if (!name.starts_with(".L")) return false;
        for (; i < lines.size(); ++i) {
            const Line &l = lines[i];
            if ((l.kind == Line::BlockStart || l.kind == Line::Label) && l.label == name)
                return true;
            if (!no_bytes(l) && l.kind != Line::BlockStart) return false;
        }
        return false;
    };
    // The instruction before line i in its block, if any.
    auto previous_insn = [&](usize i) -> long {
        while (i-- > 0) {
            if (lines[i].kind == Line::Insn) return static_cast<long>(i);
            if (!no_bytes(lines[i])) return -1;
        }
        return -1;
    };

    FallthroughEdits done;
    std::vector<bool> drop(lines.size(), false);
    std::vector<std::string> replaced(lines.size());
    for (usize i = 0; i < lines.size(); ++i) {
        const Line &l = lines[i];
        if (l.kind != Line::Insn || l.mnemonic != "jmp" || l.operand.empty() ||
            l.operand.front() == '*')
            continue;
        long prev = previous_insn(i);
        if (prev < 0) continue; // the block's only instruction: kept
        if (falls_into(i + 1, l.operand)) {
            drop[i] = true;
            ++done.jumps_to_next;
            continue;
        }
        const Line &jcc = lines[static_cast<usize>(prev)];
        std::string_view inv = inverse(jcc.mnemonic);
        if (inv.empty() || !falls_into(i + 1, jcc.operand)) continue;
        replaced[static_cast<usize>(prev)] =
            "\t" + std::string(inv) + "\t" + std::string(l.operand);
        drop[i] = true;
        ++done.jumps_over;
    }

    std::string out;
    out.reserve(assembly.size());
    for (usize i = 0; i < raw.size(); ++i) {
        if (drop[i]) continue;
        out += replaced[i].empty() ? std::string(raw[i]) : replaced[i];
        out += '\n';
    }
    assembly = std::move(out);
    return done;
}

} // namespace ktal::cc
