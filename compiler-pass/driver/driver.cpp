#include "compiler-pass/driver/driver.hpp"

#include "compiler-pass/certifier/certifier.hpp"
#include "compiler-pass/driver/fallthrough_asm.hpp"
#include "loader/check_image.hpp"
#include "loader/embed.hpp"
#include "loader/symbols.hpp"
#include "tal/cert_model.hpp"
#include "tools/common/report.hpp"
#include "verifier/rules.hpp"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;
namespace fs = std::filesystem;

namespace ktal::cc {

const char *usage() {
    return "usage: ktal-cc [options] FILE...\n"
           "Compiles C to a certified ktal image (or, with -c, to a ktal object).\n"
           "  -o FILE          output (default a.ktal, or NAME.o with -c)\n"
           "  -c               compile only: one ktal object per source\n"
           "  -O0 -O1 -O2 -O3 -Os\n"
           "                   optimisation of the whole program (default -O2)\n"
           "  -I DIR -D NAME[=VALUE] -U NAME -std=... -W...\n"
           "                   as for clang\n"
           "  -g               full debug info (line tables are always kept, so\n"
           "                   `ktal verify` can name the source line of a rejection)\n"
           "  -v               show every command run\n"
           "  --stack-budget N stack bytes the program may use (default 4096, as ktal.ko)\n"
           "  --heap-size N    bytes of the heap arena malloc allocates from (default\n"
           "                   8M; K, M and G suffixes; the image holds it: ktal.ko\n"
           "                   admits images of up to 64M unless loaded with\n"
           "                   max_image_bytes=)\n"
           "  --keep-temps     keep the intermediate files (their directory is printed)\n"
           "  --version, --help\n";
}

bool parse_args(int argc, char **argv, Options &o, std::string &error, bool &help, bool &version) {
    help = version = false;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto value = [&](std::string &dst) {
            if (i + 1 >= argc) return error = a + " needs a value", false;
            dst = argv[++i];
            return true;
        };
        if (a == "--help" || a == "-h")
            help = true;
        else if (a == "--version")
            version = true;
        else if (a == "-o") {
            if (!value(o.output)) return false;
        } else if (a == "-c")
            o.compile_only = true;
        else if (a == "-v")
            o.verbose = true;
        else if (a == "-g")
            o.debug = true;
        else if (a == "--keep-temps")
            o.keep_temps = true;
        else if (a.rfind("-O", 0) == 0) {
            o.opt_level = a.substr(2);
            if (o.opt_level != "0" && o.opt_level != "1" && o.opt_level != "2" &&
                o.opt_level != "3" && o.opt_level != "s")
                return error = "unknown optimisation level " + a, false;
        } else if (a == "--stack-budget") {
            std::string v;
            if (!value(v)) return false;
            char *end = nullptr;
            unsigned long n = std::strtoul(v.c_str(), &end, 0);
            if (v.empty() || *end || n == 0 || n > (1ul << 20))
                return error =
                           "--stack-budget takes a number of bytes (1 to 1048576), not '" + v + "'",
                       false;
            o.stack_budget = static_cast<unsigned>(n);
        } else if (a == "--heap-size") {
            std::string v;
            if (!value(v)) return false;
            char *end = nullptr;
            unsigned long long n = std::strtoull(v.c_str(), &end, 0);
            int shift = *end == 'K' || *end == 'k'   ? 10
                        : *end == 'M' || *end == 'm' ? 20
                        : *end == 'G' || *end == 'g' ? 30
                                                     : 0;
            if (shift) ++end;
            // (An image's data is at most 1 GiB: Policy.cpp, check_data_size.)
            bool fits = n <= (512ull << 20) >> shift;
            n <<= shift;
            if (v.empty() || *end || !fits || n < 256)
                return error = "--heap-size takes a number of bytes from 256 to 512M (K, M and "
                               "G suffixes), not '" +
                               v + "'",
                       false;
            o.heap_size = (n + 15) & ~15ull; // chunks are 16-byte aligned
        } else if (a == "-I" || a == "-D" || a == "-U") {
            std::string v;
            if (!value(v)) return false;
            o.cflags.push_back(a + v);
        } else if (a.rfind("-I", 0) == 0 || a.rfind("-D", 0) == 0 || a.rfind("-U", 0) == 0 ||
                   a.rfind("-W", 0) == 0 || a.rfind("-std=", 0) == 0 || a == "-w" ||
                   a == "-pedantic") {
            o.cflags.push_back(a);
        } else if (!a.empty() && a[0] == '-') {
            return error = "unknown option '" + a + "' (see --help)", false;
        } else {
            o.inputs.push_back(a);
        }
    }
    if (!help && !version && o.inputs.empty()) return error = "no input files", false;
    return true;
}

namespace {

bool g_verbose = false;

int spawn(const std::vector<std::string> &cmd) {
    if (g_verbose) {
        std::string line;
        for (const std::string &c : cmd) line += (line.empty() ? "" : " ") + c;
        std::fprintf(stderr, "%s\n", line.c_str());
    }
    std::vector<char *> argv;
    for (const std::string &c : cmd) argv.push_back(const_cast<char *>(c.c_str()));
    argv.push_back(nullptr);
    pid_t pid;
    if (posix_spawnp(&pid, argv[0], nullptr, nullptr, argv.data(), environ) != 0) {
        std::fprintf(stderr, "ktal-cc: error: cannot run %s: %s (run scripts/install-deps)\n",
                     argv[0], std::strerror(errno));
        return 127;
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    // A crash of clang/opt/llc is a bug in ktal (its pass) or LLVM, never in
    // the program: say so, so the user does not hunt for an error message.
    std::fprintf(
        stderr,
        "ktal-cc: internal error: %s died of signal %d (%s); please report it with the source\n",
        argv[0], WTERMSIG(status), strsignal(WTERMSIG(status)));
    return 128 + WTERMSIG(status);
}

bool is_source(const std::string &p) {
    return fs::path(p).extension() == ".c";
}

// What ktal-cc -c writes: LLVM bitcode.
bool is_object(const std::string &p) {
    char magic[4] = {};
    std::ifstream f(p, std::ios::binary);
    return f.read(magic, 4) && std::memcmp(magic, "BC\xc0\xde", 4) == 0;
}

// Every input named on the command line exists and is something ktal-cc
// reads, before any tool runs (llvm-link's own errors would be about
// bitcode, not about what the user typed).
bool check_inputs(const Options &o) {
    for (const std::string &in : o.inputs) {
        std::error_code ec;
        fs::file_status st = fs::status(in, ec);
        const char *why = nullptr;
        if (!fs::exists(st))
            why = "no such file";
        else if (fs::is_directory(st))
            why = "is a directory";
        else if (!fs::is_regular_file(st))
            why = "not a regular file";
        else if (o.compile_only && !is_source(in))
            why = "-c compiles C sources (.c)";
        else if (!is_source(in) && !is_object(in))
            why = "neither a C source (.c) nor a ktal object (from ktal-cc -c)";
        if (why) {
            std::fprintf(stderr, "ktal-cc: error: %s: %s\n", in.c_str(), why);
            return false;
        }
    }
    return true;
}

// clang-19's flags for ktal (DESIGN.md and compiler-facts: code the verifier can check).
std::vector<std::string> clang_flags(const Options &o) {
    std::vector<std::string> f = {
        "clang-19", "--target=x86_64-unknown-linux-gnu", "-O" + o.opt_level,
        // Hosted, not -ffreestanding: main is C's main
        // (reaching its end returns 0), the rest of the
        // library is ours (-fno-builtin, our headers only).
        "-fno-builtin", "-nostdlibinc", "-isystem", o.resources + "/include", "-fno-jump-tables",
        "-mgeneral-regs-only", "-mno-red-zone", "-fno-stack-protector", "-fcf-protection=none",
        "-fno-asynchronous-unwind-tables", "-fno-exceptions", "-fPIE",
        "-fno-optimize-sibling-calls", "-fno-common", "-Xclang", "-target-feature", "-Xclang",
        "-idivq-to-divl", o.debug ? "-g" : "-gline-tables-only",
        "-fpass-plugin=" + o.resources + "/ktal-pass.so", "-emit-llvm", "-c"};
    f.insert(f.end(), o.cflags.begin(), o.cflags.end());
    return f;
}

} // namespace

int run(const Options &o) {
    g_verbose = o.verbose;
    for (const char *r : {"ktal-pass.so", "libktalrt.bc", "slots.o", "ktal.ld"})
        if (!fs::exists(o.resources + "/" + r)) {
            std::fprintf(stderr, "ktal-cc: error: %s/%s is missing (build the project: make)\n",
                         o.resources.c_str(), r);
            return 1;
        }
    if (o.compile_only && !o.output.empty() && o.inputs.size() > 1) {
        std::fprintf(stderr, "ktal-cc: error: -o with -c takes one source file\n");
        return 2;
    }
    if (!check_inputs(o)) return 1;
    if (o.compile_only) {
        for (const std::string &in : o.inputs) {
            std::vector<std::string> cmd = clang_flags(o);
            cmd.insert(
                cmd.end(),
                {in, "-o", o.output.empty() ? fs::path(in).stem().string() + ".o" : o.output});
            if (int st = spawn(cmd)) return st;
        }
        return 0;
    }
    char tmpl[] = "/tmp/ktal-cc.XXXXXX";
    if (!mkdtemp(tmpl)) {
        std::fprintf(stderr, "ktal-cc: error: cannot create a temporary directory: %s\n",
                     std::strerror(errno));
        return 1;
    }
    std::string tmp = tmpl;
    struct Cleanup {
        std::string dir;
        bool keep;
        ~Cleanup() {
            if (keep)
                std::fprintf(stderr, "ktal-cc: intermediate files kept in %s\n", dir.c_str());
            else {
                std::error_code ec;
                fs::remove_all(dir, ec);
            }
        }
    } cleanup{tmp, o.keep_temps};

    // 1. Each source to bitcode, through the policy pass, and the program's
    // modules linked (two definitions of one name there are an error, as ld's).
    std::vector<std::string> link = {"llvm-link-19", "-o", tmp + "/program.bc"};
    for (size_t i = 0; i < o.inputs.size(); ++i) {
        const std::string &in = o.inputs[i];
        if (!is_source(in)) {
            link.push_back(in);
            continue;
        }
        std::string bc = tmp + "/" + std::to_string(i) + ".bc";
        std::vector<std::string> cmd = clang_flags(o);
        cmd.insert(cmd.end(), {in, "-o", bc});
        if (int st = spawn(cmd)) return st;
        link.push_back(bc);
    }
    if (int st = spawn(link)) return st;
    // 2. The whole program: the program and the runtime, whose definitions of
    // names the program defines too become its own (plugin/Shadow.cpp), and
    // whose heap arena gets the size asked for (plugin/Heap.cpp).
    if (int st = spawn({"opt-19", "-load-pass-plugin=" + o.resources + "/ktal-pass.so",
                        "-passes=ktal-shadow<user=" + tmp +
                            "/program.bc>,ktal-heap<bytes=" + std::to_string(o.heap_size) + ">",
                        o.resources + "/libktalrt.bc", "-o", tmp + "/runtime.bc"}))
        return st;
    if (int st = spawn(
            {"llvm-link-19", "-o", tmp + "/linked.bc", tmp + "/program.bc", tmp + "/runtime.bc"}))
        return st;
    // 3. Optimise as one program, then lower it for the verifier.
    std::string level = o.opt_level == "s" ? "Os" : "O" + o.opt_level;
    std::string hints = tmp + "/hints";
    // Small loops unrolled (plugin/UnrollHints.cpp) at -O2 and -O3.
    std::string unroll =
        o.opt_level == "2" || o.opt_level == "3" ? "function(ktal-unroll-hints)," : "";
    if (int st = spawn(
            {"opt-19", "-load-pass-plugin=" + o.resources + "/ktal-pass.so",
             // The entry, what the lowering pass refers to, and the libcalls codegen may emit.
             "-internalize-public-api-list=__ktal_start,__ktal_usp,__ktal_unsafe_stack,memcpy,"
             "memmove,memset,memcmp",
             // Switches become compare trees here, in IR, so that the lowering pass
             // lays out every block (the backend's bit tests would add blocks of its own).
             // Constructors and destructors become calls before anything is dropped,
             // and undef in static storage the zeros the image holds.
             // ktal-check next: the errors only the whole program shows (undefined
             // functions, recursion across files), about the functions as written.
             "-passes=ktal-constructors,ktal-static-zero,internalize,globaldce,ktal-check," +
                 unroll + "default<" + level +
                 ">,function(lower-switch),ktal-lower<hints=" + hints + ">",
             tmp + "/linked.bc", "-o", tmp + "/lowered.bc"}))
        return st;
    // 4. Machine code.
    // Blocks stay in the order the lowering pass chose (reverse post-order:
    // a backward jump is a loop's back edge, whose target has a fuel point),
    // and no tail merging (it joins trap paths with backward jumps).
    // Never llc -O0: its register allocator spills every value, and the runtime
    // alone would then outgrow the stack budget. (With -O0 the program's own
    // functions are optnone, which llc still compiles as at -O0.)
    std::string codegen = o.opt_level == "s" ? "2" : o.opt_level == "0" ? "1" : o.opt_level;
    if (int st =
            spawn({"llc-19", "-O" + codegen, "-relocation-model=pic", "-enable-tail-merge=false",
                   "-disable-block-placement", "-disable-branch-fold",
                   "-disable-lsr", // strength reduction rewrites checked offsets as p + (-base)
                   "-filetype=asm", tmp + "/lowered.bc", "-o", tmp + "/program.s"}))
        return st;
    // Without branch folding llc leaves a jmp to the next block after most
    // conditional branches: removed from its assembly (fallthrough_asm.hpp).
    {
        std::string err;
        auto text = read_file(tmp + "/program.s", err);
        if (!text) {
            std::fprintf(stderr, "ktal-cc: error: %s\n", err.c_str());
            return 1;
        }
        std::string assembly(text->begin(), text->end());
        FallthroughEdits fe = drop_fallthrough_jumps(assembly);
        if (g_verbose)
            std::fprintf(stderr,
                         "ktal-cc: %zu jumps to the next block and %zu jumps over one removed\n",
                         fe.jumps_to_next, fe.jumps_over);
        std::ofstream out(tmp + "/program.s", std::ios::binary | std::ios::trunc);
        if (!(out << assembly) || !out.flush()) {
            std::fprintf(stderr, "ktal-cc: error: cannot write %s/program.s\n", tmp.c_str());
            return 1;
        }
    }
    if (int st = spawn({"llvm-mc-19", "-triple=x86_64-unknown-linux-gnu", "-dwarf-version=5",
                        "-filetype=obj", tmp + "/program.s", "-o", tmp + "/program.o"}))
        return st;
    certify::Hints h;
    std::string err;
    if (!certify::read_hints(hints, h, err)) {
        std::fprintf(stderr, "ktal-cc: error: %s\n", err.c_str());
        return 1;
    }
    // 5. The image, laid out by loader/ktal.ld with the regions the guards assume.
    std::string elf_path = tmp + "/program.elf";
    if (int st = spawn(
            {"ld.lld-19", "-pie", "--no-dynamic-linker", "-z", "norelro", "-e", "__ktal_start",
             "--defsym", "__ktal_rodata_span=" + std::to_string(h.rodata_span), "--defsym",
             "__ktal_sandbox_span=" + std::to_string(h.sandbox_span), "--defsym",
             "__ktal_fold_slack=" + std::to_string(h.fold_slack), "-T", o.resources + "/ktal.ld",
             tmp + "/program.o", o.resources + "/slots.o", "-o", elf_path})) {
        std::fprintf(stderr, "ktal-cc: error: linking failed\n");
        return st;
    }
    auto elf = read_file(elf_path, err);
    if (!elf) {
        std::fprintf(stderr, "ktal-cc: error: %s\n", err.c_str());
        return 1;
    }
    // 6. The certificate.
    model::Cert cert;
    certify::Failure why;
    certify::Options copts;
    copts.stack_budget = o.stack_budget;
    if (g_verbose) std::fprintf(stderr, "certify %s\n", elf_path.c_str());
    if (!certify::certify(*elf, h, copts, cert, why)) {
        std::string src = report::source_line(elf_path, why.address);
        // Outgrowing the stack budget is the program's doing, not a bug.
        if (why.rule == rule::kStackBudget) {
            std::fprintf(stderr, "%s%sktal-cc: error: %s\n", src.c_str(), src.empty() ? "" : ": ",
                         why.message.c_str());
            return 1;
        }
        std::fprintf(stderr, "%s%sktal-cc: error: cannot certify '%s' at 0x%llx (%s): %s [%s]\n",
                     src.c_str(), src.empty() ? "" : ": ", why.function.c_str(),
                     static_cast<unsigned long long>(why.address), why.disasm.c_str(),
                     why.message.c_str(), why.rule.c_str());
        if (!why.expected.empty())
            std::fprintf(stderr, "  expected: %s\n  found:    %s\n", why.expected.c_str(),
                         why.found.c_str());
        if (!why.state.empty()) std::fprintf(stderr, "  state:    %s\n", why.state.c_str());
        std::fprintf(stderr, "  (a program that passes the compiler's checks should always "
                             "certify: please report this "
                             "as a ktal-cc bug with the source)\n");
        return 1;
    }
    std::vector<u8> bin = model::encode(cert);
    if (!embed_certificate(*elf, bin, err)) {
        std::fprintf(stderr, "ktal-cc: error: %s\n", err.c_str());
        return 1;
    }
    // 7. ktal-cc never writes an image that fails the verifier.
    CheckResult r = check_image(*elf, o.stack_budget);
    if (!r.accepted) {
        std::string out_tmp = tmp + "/rejected.ktal";
        std::ofstream(out_tmp, std::ios::binary)
            .write(reinterpret_cast<const char *>(elf->data()),
                   static_cast<std::streamsize>(elf->size()));
        std::fprintf(stderr,
                     "ktal-cc: error: internal error: the certificate does not verify (a certifier "
                     "bug):\n%s",
                     r.malformed
                         ? (r.load_error + "\n").c_str()
                         : report::rejection_text(r.rejection, SymbolTable::from_elf(*elf), out_tmp)
                               .c_str());
        return 1;
    }
    // Written beside the output, then renamed: a full disk or a kill leaves no
    // half-written image under the output's name. (Not over a device or a
    // pipe, which is written in place.)
    std::string out = o.output.empty() ? "a.ktal" : o.output;
    std::error_code ec;
    bool in_place = fs::exists(out, ec) && !fs::is_regular_file(out, ec);
    std::string part = in_place ? out : out + ".part";
    std::ofstream f(part, std::ios::binary | std::ios::trunc);
    f.write(reinterpret_cast<const char *>(elf->data()), static_cast<std::streamsize>(elf->size()));
    f.close();
    if (!f || (!in_place && std::rename(part.c_str(), out.c_str()) != 0)) {
        std::fprintf(stderr, "ktal-cc: error: cannot write %s: %s\n", out.c_str(),
                     std::strerror(errno));
        if (!in_place) std::remove(part.c_str());
        return 1;
    }
    if (g_verbose)
        std::fprintf(
            stderr,
            "ktal-cc: %s: %llu functions, %llu instructions verified, certificate %zu bytes\n",
            out.c_str(), static_cast<unsigned long long>(r.stats.functions),
            static_cast<unsigned long long>(r.stats.instructions), bin.size());
    return 0;
}

} // namespace ktal::cc
