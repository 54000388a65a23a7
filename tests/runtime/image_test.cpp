// Properties of the runtime as ktal images get it (libktal_runtime.a, built
// with the target flags), read back from its machine code:
//  - the call graph is acyclic (the verifier rejects call cycles), and its
//    deepest path fits the safe-stack budget;
//  - no floating-point or SSE registers, no indirect jumps, no system-call,
//    privileged or string-repeat instructions; indirect calls only where the
//    standard API takes a function pointer (qsort, bsearch);
//  - the helper slots: section .ktal.helpers, one 16-byte int3 slot per
//    helper at id * 16, named as tal/helper_abi.h names them;
//  - __ktal_start in .text.ktal_start; the unsafe stack and __ktal_usp;
//  - nothing undefined but main and the helpers.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "tal/helper_abi.h"

namespace {

std::string run(const std::string &cmd) {
    std::string out;
    FILE *p = popen(cmd.c_str(), "r");
    if (!p) return out;
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
    int st = pclose(p);
    EXPECT_EQ(st, 0) << cmd;
    return out;
}

std::vector<std::string> lines(const std::string &s) {
    std::vector<std::string> v;
    std::istringstream in(s);
    for (std::string l; std::getline(in, l);) v.push_back(l);
    return v;
}

struct Insn {
    std::string mnemonic, operands;
};

struct Function {
    std::string member, name;
    std::vector<Insn> insns;
    std::vector<std::string> callees; // resolved keys
    bool indirect_call = false;
    long frame = 8; // return address + pushes + sub rsp
};

// The archive's disassembly, function by function. Keys are member:name so
// that static functions of the same name in different files stay apart.
struct Image {
    std::map<std::string, Function> funcs;
    std::map<std::string, std::string> global; // name -> key (first definition)

    Image() {
        std::string text =
            run(std::string(KTAL_OBJDUMP) + " -d -r --no-show-raw-insn " + KTAL_RUNTIME_ARCHIVE);
        std::regex member_re(R"(\(([^()]+\.o)\):\s+file format)");
        std::regex func_re(R"(^[0-9a-f]+ <([^>]+)>:$)");
        std::regex insn_re(R"(^\s+[0-9a-f]+:\s+(\S+)\s*(.*)$)");
        std::regex reloc_re(R"(^\s+[0-9a-f]+:\s+R_X86_64_\S+\s+(\S+?)(?:[-+]0x[0-9a-f]+)?$)");
        std::string member;
        Function *cur = nullptr;
        std::vector<std::pair<Function *, std::string>> raw_calls; // callee names
        bool pending_call = false;
        std::string pending_target;
        auto flush_pending = [&](const std::string &reloc_sym) {
            if (!pending_call) return;
            raw_calls.push_back({cur, reloc_sym.empty() ? pending_target : reloc_sym});
            pending_call = false;
        };
        for (auto &l : lines(text)) {
            std::smatch m;
            if (std::regex_search(l, m, member_re)) {
                flush_pending("");
                member = m[1];
                cur = nullptr;
            } else if (std::regex_match(l, m, func_re)) {
                flush_pending("");
                std::string key = member + ":" + m[1].str();
                cur = &funcs[key];
                cur->member = member;
                cur->name = m[1];
            } else if (std::regex_match(l, m, reloc_re)) {
                flush_pending(m[1]);
            } else if (cur && std::regex_match(l, m, insn_re)) {
                flush_pending("");
                Insn in{m[1], m[2]};
                cur->insns.push_back(in);
                if (in.mnemonic.rfind("call", 0) == 0) {
                    if (in.operands.find('*') != std::string::npos) {
                        cur->indirect_call = true;
                    } else {
                        std::smatch t;
                        std::regex target_re(R"(<([^>+]+)(\+0x[0-9a-f]+)?>)");
                        pending_call = true;
                        pending_target =
                            std::regex_search(in.operands, t, target_re) ? t[1].str() : "";
                    }
                }
            }
        }
        flush_pending("");
        for (auto &[key, f] : funcs)
            if (!global.count(f.name)) global[f.name] = key;
        for (auto &[f, callee] : raw_calls) {
            std::string local = f->member + ":" + callee;
            if (funcs.count(local))
                f->callees.push_back(local);
            else if (global.count(callee))
                f->callees.push_back(global[callee]);
            else
                f->callees.push_back("?" + callee); // a helper or main
        }
        // Frames from the prologue: pushes and the first sub of rsp.
        std::regex sub_re(R"(^\$0x([0-9a-f]+), %rsp$)");
        for (auto &[key, f] : funcs) {
            for (auto &in : f.insns) {
                std::smatch m;
                if (in.mnemonic == "pushq")
                    f.frame += 8;
                else if (in.mnemonic == "subq" && std::regex_match(in.operands, m, sub_re)) {
                    f.frame += std::stol(m[1], nullptr, 16);
                    break;
                } else if (in.mnemonic != "movq" && in.mnemonic != "movl" && in.mnemonic != "leaq")
                    break;
            }
        }
    }
};

const Image &image() {
    static Image img;
    return img;
}

TEST(RuntimeImage, CallGraphIsAcyclic) {
    const Image &img = image();
    ASSERT_GT(img.funcs.size(), 100u);
    // Iterative depth-first search with colours; report a cycle if found.
    std::map<std::string, int> colour;
    std::map<std::string, std::string> parent;
    for (auto &[root, rf] : img.funcs) {
        if (colour[root]) continue;
        std::vector<std::pair<std::string, size_t>> stack{{root, 0}};
        colour[root] = 1;
        while (!stack.empty()) {
            auto &[key, next] = stack.back();
            const Function &f = img.funcs.at(key);
            if (next == f.callees.size()) {
                colour[key] = 2;
                stack.pop_back();
                continue;
            }
            const std::string &c = f.callees[next++];
            if (c[0] == '?') continue;
            if (colour[c] == 1) {
                std::string cycle = c;
                for (auto it = stack.rbegin(); it != stack.rend() && it->first != c; ++it)
                    cycle = it->first + " -> " + cycle;
                FAIL() << "call cycle: " << c << " -> ... " << cycle;
            }
            if (colour[c] == 0) {
                colour[c] = 1;
                stack.push_back({c, 0});
            }
        }
    }
}

TEST(RuntimeImage, DeepestCallPathFitsTheSafeStack) {
    const Image &img = image();
    // Worst-case stack from each function down (the graph is acyclic, so
    // a memo over a post-order is exact; indirect calls count as leaves).
    std::map<std::string, long> worst;
    std::map<std::string, std::string> via;
    for (auto &[root, rf] : img.funcs) {
        std::vector<std::pair<std::string, size_t>> stack{{root, 0}};
        while (!stack.empty()) {
            auto &[key, next] = stack.back();
            if (worst.count(key)) {
                stack.pop_back();
                continue;
            }
            const Function &f = img.funcs.at(key);
            if (next < f.callees.size()) {
                const std::string &c = f.callees[next++];
                if (c[0] != '?' && !worst.count(c)) stack.push_back({c, 0});
                continue;
            }
            long deepest = 0;
            for (auto &c : f.callees)
                if (c[0] != '?' && worst[c] > deepest) {
                    deepest = worst[c];
                    via[key] = c;
                }
            worst[key] = f.frame + deepest;
            stack.pop_back();
        }
    }
    std::string top;
    for (auto &[k, w] : worst)
        if (top.empty() || w > worst[top]) top = k;
    std::string path = top;
    for (std::string k = top; via.count(k); k = via[k])
        path += " -> " + via[k] + " (" + std::to_string(img.funcs.at(via[k]).frame) + ")";
    RecordProperty("deepest_stack", (int)worst[top]);
    std::printf("deepest runtime call path: %ld bytes: %s\n", worst[top], path.c_str());
    // Before the pass moves escaping locals to the unsafe stack; the whole
    // program gets 4 KiB, so the runtime must leave most of it to main.
    EXPECT_LE(worst[top], 1536) << path;
}

TEST(RuntimeImage, OnlyAllowedInstructions) {
    const Image &img = image();
    std::set<std::string> denied = {
        "syscall", "sysenter", "sysexit", "sysret", "int",   "into",  "hlt",   "cli",   "sti",
        "in",      "out",      "inb",     "outb",   "lgdt",  "lidt",  "wrmsr", "rdmsr", "iretq",
        "cpuid",   "rdtsc",    "ud2",     "pushfq", "popfq", "xchgq", "lock"};
    for (auto &[key, f] : img.funcs) {
        if (f.member == "helpers.S.o") continue; // int3 slots, checked below
        for (auto &in : f.insns) {
            EXPECT_FALSE(denied.count(in.mnemonic)) << key << ": " << in.mnemonic;
            EXPECT_EQ(in.mnemonic.find("rep"), std::string::npos) << key << ": " << in.mnemonic;
            EXPECT_NE(in.mnemonic, "int3") << key;
            for (const char *reg : {"%xmm", "%ymm", "%zmm", "%st", "%mm"})
                EXPECT_EQ(in.operands.find(reg), std::string::npos)
                    << key << ": " << in.mnemonic << " " << in.operands;
            if (in.mnemonic.rfind("jmp", 0) == 0)
                EXPECT_EQ(in.operands.find('*'), std::string::npos) << key << ": indirect jump";
        }
        if (f.indirect_call) EXPECT_EQ(f.member, "qsort.c.o") << key << " calls through a pointer";
    }
}

TEST(RuntimeImage, HelperSlots) {
    std::string syms = run(std::string(KTAL_NM) + " --defined-only " + KTAL_RUNTIME_ARCHIVE);
    std::map<std::string, unsigned long> addr;
    std::regex sym_re(R"(^([0-9a-f]+) T (__ktal_helper_\S+)$)");
    for (auto &l : lines(syms)) {
        std::smatch m;
        if (std::regex_match(l, m, sym_re)) addr[m[2]] = std::stoul(m[1], nullptr, 16);
    }
    struct H {
        int id;
        const char *name;
    };
    const H table[] = {
#define X(id, name, n, kind) {id, "__ktal_helper_" #name},
        KTAL_HELPERS(X)
#undef X
    };
    ASSERT_EQ(sizeof table / sizeof table[0], (size_t)KTAL_HELPER_COUNT);
    EXPECT_EQ(addr.size(), (size_t)KTAL_HELPER_COUNT);
    for (auto &h : table) {
        ASSERT_TRUE(addr.count(h.name)) << h.name;
        EXPECT_EQ(addr[h.name], (unsigned long)h.id * 16) << h.name;
    }
    std::string sections = run(std::string(KTAL_READELF) + " -S -W " + KTAL_RUNTIME_ARCHIVE);
    std::regex sec_re(
        R"(\.ktal\.helpers\s+PROGBITS\s+[0-9a-f]+\s+[0-9a-f]+\s+([0-9a-f]+)\s+\S+\s+AX\s)");
    std::smatch m;
    ASSERT_TRUE(std::regex_search(sections, m, sec_re)) << sections;
    EXPECT_EQ(std::stoul(m[1], nullptr, 16), (unsigned long)KTAL_HELPER_COUNT * 16);
    // Every slot byte is int3 until the loader fills it.
    const Image &img = image();
    size_t int3 = 0;
    for (auto &[key, f] : img.funcs)
        if (f.member == "helpers.S.o")
            for (auto &in : f.insns) int3 += in.mnemonic == "int3";
    EXPECT_EQ(int3, (size_t)KTAL_HELPER_COUNT * 16);
}

TEST(RuntimeImage, EntryPointAndRuntimeSymbols) {
    std::string t = run(std::string(KTAL_OBJDUMP) + " -t " + KTAL_RUNTIME_ARCHIVE);
    EXPECT_TRUE(
        std::regex_search(t, std::regex(R"(g\s+F \.text\.ktal_start\s+[0-9a-f]+ __ktal_start\n)")))
        << "__ktal_start must be global, in .text.ktal_start";
    EXPECT_TRUE(std::regex_search(t, std::regex(R"(g\s+O \.bss\s+0*40000 __ktal_unsafe_stack\n)")))
        << "__ktal_unsafe_stack: 256 KiB in .bss";
    EXPECT_TRUE(std::regex_search(t, std::regex(R"(g\s+O \.data\s+0*8 __ktal_usp\n)")));
    EXPECT_TRUE(std::regex_search(t, std::regex(R"(w\s+O \.bss\s+0*800000 __ktal_heap\n)")))
        << "the heap arena: 8 MiB, weak (ktal-cc --heap-size sizes it per program)";
    EXPECT_TRUE(std::regex_search(t, std::regex(R"(g\s+O \.bss\s+[0-9a-f]+ errno\n)")));
}

TEST(RuntimeImage, OnlyWhatEachProgramDefinesIsUndefined) {
    std::string tmp = std::string(::testing::TempDir()) + "/ktal_runtime_whole.o";
    run(std::string(KTAL_LD) + " -r --whole-archive " + KTAL_RUNTIME_ARCHIVE + " -o " + tmp);
    std::string undef = run(std::string(KTAL_NM) + " -u " + tmp);
    // (and what ktal-cc defines from the program's constructors and destructors)
    for (auto &l : lines(undef)) {
        std::string name = l.substr(l.find_last_of(' ') + 1);
        EXPECT_TRUE(name == "main" || name == "__ktal_constructors" || name == "__ktal_destructors")
            << "the runtime refers to " << name;
    }
    // Data relocations: only __ktal_usp's (initialised with an address).
    std::string rel = run(std::string(KTAL_READELF) + " -r -W " + tmp);
    std::regex abs_re(R"(R_X86_64_64\s+[0-9a-f]+\s+(\S+))");
    std::vector<std::string> abs;
    for (auto it = std::sregex_iterator(rel.begin(), rel.end(), abs_re);
         it != std::sregex_iterator(); ++it)
        abs.push_back((*it)[1]);
    EXPECT_EQ(abs, std::vector<std::string>{"__ktal_unsafe_stack"});
    std::remove(tmp.c_str());
}

} // namespace
