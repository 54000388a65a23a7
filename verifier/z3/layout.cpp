#include "verifier/z3/layout.hpp"

#include <cstdio>
#include <string>

namespace ktal::prover {

namespace {

void add(Report &rep, bool ok, u64 function, const std::string &name, u64 addr,
         const std::string &insn, const char *kind, const std::string &what,
         const std::string &detail = "") {
    Obligation o;
    o.function = o.block = function, o.function_name = name;
    o.addr = addr, o.insn = insn, o.kind = kind, o.what = what;
    o.result = ok ? Obligation::Proved : Obligation::Refuted;
    if (!ok) o.detail = detail;
    rep.obligations.push_back(o);
    ++(ok ? rep.proved : rep.refuted);
}

// [from, to) of the text (image offsets) lies outside every function: it
// must decode as int3 and nop only. One obligation per gap.
void gap(const u8 *text, u64 from, u64 to, Decoder &dec, Report &rep) {
    if (from >= to) return;
    for (u64 pc = from; pc < to;) {
        Insn in;
        DecodeError de;
        bool ok = decode(dec, text + pc, to - pc, pc, in, de);
        if (!ok || (in.op != Op::Int3 && in.op != Op::Nop)) {
            add(rep, false, 0, "(between functions)", pc, ok ? in.text.c_str() : "", "layout",
                "the text between functions " + hex(from) + ".." + hex(to) +
                    " is padding (int3 or nop): no code outside a certified function",
                ok ? std::string("an instruction outside every function")
                   : std::string("bytes that do not decode: ") + de.message.c_str());
            return;
        }
        pc += in.len;
    }
    add(rep, true, 0, "(between functions)", from, "", "layout",
        "the text between functions " + hex(from) + ".." + hex(to) + " is padding (int3 or nop)");
}

} // namespace

void prove_layout(const Image &img, const Cert &cert, Decoder &dec, const Options &opt,
                  const std::string &entry_name, Report &rep) {
    const Layout &l = cert.layout;
    const u8 *text = img.text.bytes - l.text_off;
    u64 at = l.text_off;
    for (u32 i = 0; i < cert.nfuncs; ++i) {
        gap(text, at, cert.funcs[i].entry, dec, rep);
        at = cert.funcs[i].entry + cert.funcs[i].size;
    }
    gap(text, at, l.text_off + l.text_size, dec, rep);
    const Function &entry = cert.funcs[cert.entry_function];
    add(rep, entry.bound <= opt.stack_budget, entry.entry, entry_name, entry.entry, "",
        "stack.budget",
        "the entry function's certified stack bound (" + std::to_string(entry.bound) +
            " bytes, the sum along its call trees) fits the stack the loader gives (" +
            std::to_string(opt.stack_budget) + " bytes)",
        "the bound is larger than the budget");
}

} // namespace ktal::prover
