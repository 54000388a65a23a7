// The certificate's text form: printing and parsing (see cert_model.hpp).
#include "tal/cert_model.hpp"
#include "tal/helpers.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>

namespace ktal::model {
namespace {

std::string hex(u64 v) {
    char b[24];
    std::snprintf(b, sizeof b, "0x%llx", static_cast<unsigned long long>(v));
    return b;
}

std::string slot_text(i32 off, u8 width) {
    std::string s = "[" + std::to_string(off) + "]";
    if (width == 4) s += ":4";
    return s;
}

std::string loc_text(const Loc &l) {
    return l.kind == Loc::Reg ? reg_name(l.reg) : slot_text(l.off, l.width);
}

} // namespace

std::string print_value(const Value &v) {
    Text<96> t;
    describe(v, t);
    return t.c_str();
}

std::string print(const Cert &c, const Symbols *syms) {
    const Layout &l = c.layout;
    std::string o = "ktal-cert 1\n";
    o += "layout image=" + hex(l.image_size) + " helpers=" + hex(l.helpers_off) + "/" +
         std::to_string(l.helper_count) + " text=" + hex(l.text_off) + "/" + hex(l.text_size) +
         " rodata=" + hex(l.rodata_off) + "/" + hex(l.rodata_size) +
         " sandbox=" + hex(l.sandbox_off) + "/" + hex(l.sandbox_size) + "\n";
    o += "entry " + std::to_string(c.entry_function) + "\n";
    if (!c.helpers.empty()) {
        o += "helpers";
        for (u32 h : c.helpers) o += std::string(" ") + helper_info(h).name;
        o += "\n";
    }
    for (const Function &f : c.funcs) {
        std::string name = f.name;
        if (name.empty() && syms && syms->name_at) name = syms->name_at(f.entry);
        if (name.empty()) name = "f_" + hex(f.entry).substr(2);
        o += "function " + name + " entry=" + hex(f.entry) + " size=" + hex(f.size) +
             " frame=" + std::to_string(f.frame) + " bound=" + std::to_string(f.bound) +
             " order=" + std::to_string(f.order) + "\n";
        if (!f.args.empty()) {
            o += "  args";
            for (const Value &a : f.args) o += " " + print_value(a);
            o += "\n";
        }
        if (f.result) o += "  result " + print_value(*f.result) + "\n";
        for (const Block &b : f.blocks) {
            o += "  block " + hex(b.start) + ":";
            const BlockState &s = b.state;
            int self_saved = 0;
            for (auto &[r, v] : s.regs) self_saved += v.kind == Kind::Saved && v.reg == r;
            if (self_saved == 6) o += " saved";
            for (auto &[r, v] : s.regs)
                if (self_saved != 6 || !(v.kind == Kind::Saved && v.reg == r))
                    o += std::string(" ") + reg_name(r) + "=" + print_value(v);
            for (const Slot &sl : s.slots) {
                if (sl.width == 0)
                    o += " [" + std::to_string(sl.off) + "]:bytes=" + std::to_string(sl.mask);
                else
                    o += " " + slot_text(sl.off, sl.width) + "=" + print_value(sl.v);
            }
            for (const Fact &fa : s.facts) {
                o += " " + loc_text(fa.x) + "<=" + loc_text(fa.y) + (fa.c < 0 ? "" : "+") +
                     std::to_string(fa.c);
            }
            if (s.fuel) o += " fuel";
            if (s.flags) o += " flags";
            if (s.sext) o += " sext" + std::to_string(s.sext);
            o += "\n";
        }
    }
    return o;
}

namespace {

struct Parser {
    std::string_view s; // the rest of the current line
    const Symbols *syms;
    std::string err;

    bool fail(std::string m) {
        if (err.empty()) err = std::move(m);
        return false;
    }
    void ws() {
        while (!s.empty() && (s[0] == ' ' || s[0] == '\t')) s.remove_prefix(1);
    }
    bool eat(std::string_view t) {
        ws();
        if (s.substr(0, t.size()) != t) return false;
        s.remove_prefix(t.size());
        return true;
    }
    std::string_view word() {
        ws();
        size_t n = 0;
        while (n < s.size() && s[n] != ' ' && s[n] != '\t' && s[n] != '=' && s[n] != ':' &&
               s[n] != '[' && s[n] != ']' && s[n] != ',' && s[n] != '<' && s[n] != '/' &&
               s[n] != '+' &&
               !(n > 0 && s[n] == '-' && n + 1 < s.size() && s[n + 1] >= '0' && s[n + 1] <= '9'))
            ++n;
        std::string_view w = s.substr(0, n);
        s.remove_prefix(n);
        return w;
    }
    bool num(i64 &out) {
        ws();
        bool neg = eat("-");
        int base = 10;
        if (s.substr(0, 2) == "0x" || s.substr(0, 2) == "0X") base = 16, s.remove_prefix(2);
        u64 v = 0;
        auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v, base);
        if (ec != std::errc() || p == s.data()) return fail("expected a number");
        s.remove_prefix(static_cast<size_t>(p - s.data()));
        out = neg ? static_cast<i64>(0 - v) : static_cast<i64>(v);
        return true;
    }
    bool unum(u64 &out) {
        i64 v;
        if (!num(v)) return false;
        out = static_cast<u64>(v);
        return true;
    }
    // A number or @symbol[+N].
    bool addr(u64 &out) {
        ws();
        if (!eat("@")) return unum(out);
        std::string_view name = word();
        if (!syms || !syms->lookup)
            return fail("@" + std::string(name) + " needs the image's symbols (--elf)");
        auto hit = syms->lookup(name);
        if (!hit) return fail("unknown symbol @" + std::string(name));
        out = hit->first;
        if (eat("+")) {
            u64 k;
            if (!unum(k)) return false;
            out += k;
        }
        return true;
    }
    bool reg(std::string_view w, u8 &r) {
        for (u8 i = 0; i < kNumRegs; ++i)
            if (w == reg_name(i)) return r = i, true;
        return fail("unknown register '" + std::string(w) + "'");
    }
    bool pair(i64 &lo, i64 &hi) {
        if (!eat("[") || !num(lo)) return fail("expected [LO,HI]");
        hi = lo;
        if (eat(",") && !num(hi)) return false;
        return eat("]") || fail("expected ]");
    }
    bool value(Value &v) {
        std::string_view w = word();
        i64 lo, hi;
        if (w == "int" || w == "u") {
            v = Value::top();
            if (w == "int" && s.substr(0, 1) == "[") {
                if (!pair(lo, hi)) return false;
                v.smin = lo, v.smax = hi;
                if (s.substr(0, 1) == "u") s.remove_prefix(1), w = "u";
            }
            if (w == "u") {
                if (!pair(lo, hi)) return false;
                v.umin = static_cast<u64>(lo), v.umax = static_cast<u64>(hi);
            }
            if (!normalize(v)) return fail("empty int bounds");
            return true;
        }
        if (w == "uninit") {
            v = Value::uninit();
            if (eat(":")) {
                i64 n;
                if (!num(n) || n < 0 || n > 7) return fail("uninit:N takes 1 to 7");
                v.low = static_cast<u8>(n);
            }
            return true;
        }
        if (w == "retaddr") return v = Value::retaddr(), true;
        if (w == "saved") {
            u8 r;
            if (!eat(":") || !reg(word(), r)) return fail("expected saved:REG");
            if (!is_callee_saved(r)) return fail("saved: takes a callee-saved register");
            return v = Value::saved(r), true;
        }
        Region r = w == "stack"     ? Region::Stack
                   : w == "sandbox" ? Region::Sandbox
                   : w == "rodata"  ? Region::Rodata
                                    : Region::None;
        if (r == Region::None) return fail("unknown value '" + std::string(w) + "'");
        if (!pair(lo, hi)) return false;
        v = Value::ptr(r, lo, hi);
        return true;
    }
    bool slot(Loc &l) {
        i64 off;
        if (!eat("[") || !num(off) || !eat("]")) return fail("expected [OFFSET]");
        l = Loc::slot(static_cast<i32>(off), 8);
        if (s.substr(0, 2) == ":4") s.remove_prefix(2), l.width = 4;
        return true;
    }
    bool loc(Loc &l) {
        ws();
        if (s.substr(0, 1) == "[") return slot(l);
        u8 r;
        if (!reg(word(), r)) return false;
        l = Loc::r(r);
        return true;
    }
};

bool parse_item(Parser &p, BlockState &st) {
    p.ws();
    Loc l;
    if (p.s.substr(0, 1) == "[") {
        if (!p.slot(l)) return false;
        if (p.eat(":bytes=")) {
            i64 m;
            if (!p.num(m) || m < 1 || m > 15) return p.fail("bytes mask must be 1..15");
            st.slots.push_back(Slot{l.off, 0, static_cast<u8>(m), Value{}});
            return true;
        }
    } else {
        std::string_view w = p.word();
        if (w == "fuel") return st.fuel = true, true;
        if (w == "flags") return st.flags = true, true;
        if (w == "saved") { // every callee-saved register still holds the caller's value
            for (u8 r = 0; r < kNumRegs; ++r)
                if (is_callee_saved(r)) st.regs.emplace_back(r, Value::saved(r));
            return true;
        }
        if (w == "sext4") return st.sext = 4, true;
        if (w == "sext8") return st.sext = 8, true;
        u8 r;
        if (!p.reg(w, r)) return false;
        l = Loc::r(r);
    }
    if (p.eat("<=")) { // a fact: X<=Y+C
        Fact f;
        f.x = l;
        if (!p.loc(f.y)) return false;
        p.ws();
        if (p.eat("+") && !p.num(f.c)) return false;
        if (!p.s.empty() && p.s[0] == '-' && !p.num(f.c)) return false;
        st.facts.push_back(f);
        return true;
    }
    if (!p.eat("=")) return p.fail("expected LOCATION=VALUE");
    Value v;
    if (!p.value(v)) return false;
    if (l.kind == Loc::Reg)
        st.regs.emplace_back(l.reg, v);
    else
        st.slots.push_back(Slot{l.off, l.width, 0, v});
    return true;
}

} // namespace

bool parse(std::string_view text, const Symbols *syms, Cert &out, ParseError &err) {
    out = Cert{};
    int lineno = 0;
    bool header = false;
    std::string entry_name;
    std::vector<std::string> names;
    while (!text.empty()) {
        size_t nl = text.find('\n');
        std::string_view line = text.substr(0, nl);
        text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
        ++lineno;
        if (size_t h = line.find('#'); h != std::string_view::npos) line = line.substr(0, h);
        Parser p{line, syms, {}};
        p.ws();
        if (p.s.empty()) continue;
        auto bad = [&](const std::string &m) {
            err.line = lineno;
            err.message = p.err.empty() ? m : p.err;
            return false;
        };
        std::string_view key = p.word();
        if (!header) {
            i64 v;
            if (key != "ktal-cert" || !p.num(v) || v != 1)
                return bad("the first line must be `ktal-cert 1`");
            header = true;
            continue;
        }
        if (key == "layout") {
            if (p.eat("auto")) {
                if (!syms || !syms->layout) return bad("`layout auto` needs an image (--elf)");
                out.layout = *syms->layout;
                continue;
            }
            Layout &l = out.layout;
            struct {
                const char *k;
                u64 *a, *b;
            } fields[] = {{"image", &l.image_size, nullptr},
                          {"helpers", &l.helpers_off, &l.helper_count},
                          {"text", &l.text_off, &l.text_size},
                          {"rodata", &l.rodata_off, &l.rodata_size},
                          {"sandbox", &l.sandbox_off, &l.sandbox_size}};
            for (auto &f : fields) {
                if (!p.eat(f.k) || !p.eat("=") || !p.unum(*f.a))
                    return bad(std::string("layout needs ") + f.k + "=");
                if (f.b && (!p.eat("/") || !p.unum(*f.b)))
                    return bad(std::string("layout needs ") + f.k + "=OFF/SIZE");
            }
        } else if (key == "entry") {
            entry_name = std::string(p.word());
        } else if (key == "helpers") {
            if (p.eat("auto")) {
                for (u32 i = 0; i < KTAL_HELPER_COUNT; ++i) out.helpers.push_back(i);
                continue;
            }
            for (std::string_view w = p.word(); !w.empty(); w = p.word()) {
                u32 id = 0;
                while (id < KTAL_HELPER_COUNT && w != helper_info(id).name) ++id;
                if (id == KTAL_HELPER_COUNT) return bad("unknown helper '" + std::string(w) + "'");
                out.helpers.push_back(id);
            }
        } else if (key == "function") {
            Function f;
            f.name = std::string(p.word());
            f.order = static_cast<u32>(out.funcs.size());
            bool have_entry = false, have_size = false;
            for (std::string_view k = p.word(); !k.empty(); k = p.word()) {
                if (!p.eat("=")) return bad("expected KEY=VALUE");
                u64 v;
                if (k == "entry") {
                    if (!p.addr(v)) return bad("");
                    f.entry = v, have_entry = true;
                    continue;
                }
                if (!p.unum(v)) return bad("");
                if (k == "size")
                    f.size = v, have_size = true;
                else if (k == "frame")
                    f.frame = static_cast<u32>(v);
                else if (k == "bound")
                    f.bound = static_cast<u32>(v);
                else if (k == "order")
                    f.order = static_cast<u32>(v);
                else
                    return bad("unknown function key '" + std::string(k) + "'");
            }
            if (!have_entry || !have_size) {
                auto hit = syms && syms->lookup ? syms->lookup(f.name) : std::nullopt;
                if (!hit)
                    return bad("function " + f.name +
                               " needs entry= and size= (or an image with that symbol)");
                if (!have_entry) f.entry = hit->first;
                if (!have_size) f.size = hit->second;
            }
            names.push_back(f.name);
            out.funcs.push_back(std::move(f));
        } else if (key == "args" || key == "result" || key == "block") {
            if (out.funcs.empty()) return bad(std::string(key) + " outside a function");
            Function &f = out.funcs.back();
            if (key == "args") {
                while (p.ws(), !p.s.empty()) {
                    Value v;
                    if (!p.value(v)) return bad("");
                    f.args.push_back(v);
                }
            } else if (key == "result") {
                Value v;
                if (!p.value(v)) return bad("");
                f.result = v;
            } else {
                Block b;
                if (!p.addr(b.start) || !p.eat(":")) return bad("expected `block ADDR:`");
                while (p.ws(), !p.s.empty())
                    if (!parse_item(p, b.state)) return bad("");
                f.blocks.push_back(std::move(b));
            }
        } else {
            return bad("unknown directive '" + std::string(key) + "'");
        }
        p.ws();
        if (!p.s.empty()) return bad("unexpected text: '" + std::string(p.s) + "'");
    }
    if (!header) return err.line = 1, err.message = "empty certificate", false;
    out.layout.helper_count =
        out.helpers.size() > out.layout.helper_count ? out.helpers.size() : out.layout.helper_count;
    if (!entry_name.empty()) {
        size_t i = 0;
        while (i < names.size() && names[i] != entry_name) ++i;
        i64 idx;
        std::string_view en = entry_name;
        if (i == names.size() &&
            std::from_chars(en.data(), en.data() + en.size(), idx).ec == std::errc())
            i = static_cast<size_t>(idx);
        if (i >= out.funcs.size())
            return err.line = 0, err.message = "entry names no function", false;
        out.entry_function = static_cast<u32>(i);
    }
    // The binary lists functions by address; `order` keeps the call order.
    std::vector<size_t> idx(out.funcs.size());
    for (size_t i = 0; i < idx.size(); ++i) idx[i] = i;
    std::sort(idx.begin(), idx.end(), [&](size_t a, size_t b) {
        return out.funcs[a].entry != out.funcs[b].entry ? out.funcs[a].entry < out.funcs[b].entry
                                                        : a < b;
    });
    std::vector<Function> sorted;
    for (size_t i : idx) {
        if (i == out.entry_function) out.entry_function = static_cast<u32>(sorted.size());
        sorted.push_back(std::move(out.funcs[i]));
    }
    out.funcs = std::move(sorted);
    return true;
}

} // namespace ktal::model
