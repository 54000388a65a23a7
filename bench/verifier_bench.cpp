// Verifier throughput and memory on generated programs of 10^4 to 10^6
// instructions, beside Capstone's bare decoding speed on the same bytes (the
// ceiling: the verifier decodes every instruction with details on).
//
// The programs are what ktal-cc emits in bulk: guarded stores through loaded
// pointers, arithmetic, forward branches (whose states the checker joins),
// loads from the sandbox. Two shapes: many 1,000-instruction functions (memory
// must stay flat: it is bounded by the largest function) and one function of
// the whole size (time must stay linear).
#include "loader/check_image.hpp"
#include "loader/embed.hpp"
#include "loader/symbols.hpp"
#include "tal/cert_model.hpp"

#include <benchmark/benchmark.h>
#include <capstone/capstone.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace fs = std::filesystem;
using namespace ktal;

namespace {

constexpr int kChunk = 14; // instructions per generated chunk

std::string chunk(long f, long k) {
    std::ostringstream o;
    o << "  mov rax, rdi\n  sub rax, rcx\n  cmp rax, 65532\n  ja .Ltrap" << f << "\n"
      << "  mov dword ptr [rcx + rax], esi\n  add rdi, 4\n  imul esi, esi, 13\n  xor edx, edx\n"
      << "  lea r8, [rsi + 2*rdx + 7]\n  test r8, r8\n  je .Lskip" << f << "_" << k
      << "\n  add rsi, r8\n.Lskip" << f << "_" << k << ":\n"
      << "  movzx r9d, byte ptr [rcx + 16]\n  add esi, r9d\n";
    return o.str();
}

struct Program {
    std::vector<u8> image;
    u64 instructions = 0;
};

// Builds (and caches) a program of `n` instructions in functions of `per_fn`.
const Program &program(long n, long per_fn) {
    static std::map<std::pair<long, long>, Program> cache;
    auto key = std::make_pair(n, per_fn);
    if (auto it = cache.find(key); it != cache.end()) return it->second;
    fs::path dir = fs::temp_directory_path() /
                   ("ktal-bench-" + std::to_string(n) + "-" + std::to_string(per_fn));
    fs::create_directories(dir);
    std::ofstream s(dir / "p.s");
    s << ".intel_syntax noprefix\n.text\n";
    long chunks_per_fn = std::max(1L, per_fn / kChunk),
         fns = std::max(1L, n / (chunks_per_fn * kChunk));
    std::string cert = "ktal-cert 1\nlayout auto\nhelpers auto\nentry main\n";
    Program p;
    for (long f = 0; f < fns; ++f) {
        s << ".globl f" << f << "\n.type f" << f << ",@function\nf" << f
          << ":\n  lea rcx, [rip + __ktal_sandbox_start]\n";
        for (long c = 0; c < chunks_per_fn; ++c) s << chunk(f, c);
        s << "  ret\n.Ltrap" << f
          << ":\n  mov edi, 1\n  mov rsi, rax\n  call __ktal_helper_trap\n.size f" << f << ", .-f"
          << f << "\n";
        cert += "function f" + std::to_string(f) + " bound=8 order=" + std::to_string(f) +
                "\n  args int int\n";
        p.instructions += static_cast<u64>(chunks_per_fn * kChunk + 5);
    }
    s << ".globl main\n.type main,@function\nmain:\n  ret\n.size main, .-main\n";
    cert += "function main bound=0 order=" + std::to_string(fns) + "\n";
    s << ".bss\n.zero 65536\n";
    s.close();
    std::string src = KTAL_SOURCE_DIR;
    std::string cmd = "clang-19 -c -o " + (dir / "p.o").string() + " " + (dir / "p.s").string() +
                      " && ld.lld-19 -pie --no-dynamic-linker -z norelro -e 0 -T " + src +
                      "/loader/ktal.ld " + (dir / "p.o").string() + " " + KTAL_SLOTS_OBJECT +
                      " -o " + (dir / "p.elf").string();
    if (std::system(cmd.c_str()) != 0) {
        std::fprintf(stderr, "cannot build the benchmark program\n");
        std::exit(1);
    }
    std::string err;
    auto elf = read_file((dir / "p.elf").string(), err);
    SymbolTable syms = SymbolTable::from_elf(*elf);
    model::Symbols sy;
    sy.lookup = [&](std::string_view name) { return syms.lookup(name); };
    Image img;
    LoadError le;
    image_parse(elf->data(), elf->size(), img, le, false);
    sy.layout = img.layout;
    model::Cert m;
    model::ParseError pe;
    if (!model::parse(cert, &sy, m, pe) || !embed_certificate(*elf, model::encode(m), err)) {
        std::fprintf(stderr, "cannot certify the benchmark program: %s %s\n", pe.message.c_str(),
                     err.c_str());
        std::exit(1);
    }
    p.image = std::move(*elf);
    CheckResult r = check_image(p.image);
    if (!r.accepted) {
        std::fprintf(stderr, "benchmark program rejected: %s: %s\n", r.rejection.rule,
                     r.rejection.message.c_str());
        std::exit(1);
    }
    return cache[key] = std::move(p);
}

void verify(benchmark::State &st, long per_fn) {
    const Program &p = program(st.range(0), per_fn ? per_fn : st.range(0));
    CheckResult r;
    for (auto _ : st) {
        r = check_image(p.image);
        benchmark::DoNotOptimize(r.accepted);
    }
    st.SetItemsProcessed(static_cast<int64_t>(st.iterations() * p.instructions));
    st.counters["instructions"] = static_cast<double>(p.instructions);
    st.counters["arena_peak_KiB"] = static_cast<double>(r.stats.memory) / 1024.0;
    // The peak is the certificate as read (it grows with the program) plus
    // the largest function's walk (flat for the many-function shape).
    st.counters["cert_KiB"] = static_cast<double>(r.stats.cert_memory) / 1024.0;
    st.counters["walk_KiB"] = static_cast<double>(r.stats.memory - r.stats.cert_memory) / 1024.0;
}

void BM_VerifyManyFunctions(benchmark::State &st) {
    verify(st, 1000);
}
void BM_VerifyOneFunction(benchmark::State &st) {
    verify(st, 0);
}

// Capstone alone, details on, one reused cs_insn: the ceiling.
void BM_CapstoneDecode(benchmark::State &st) {
    const Program &p = program(st.range(0), 1000);
    Image img;
    LoadError le;
    image_parse(p.image.data(), p.image.size(), img, le);
    csh h;
    cs_open(CS_ARCH_X86, CS_MODE_64, &h);
    cs_option(h, CS_OPT_DETAIL, CS_OPT_ON);
    cs_insn *insn = cs_malloc(h);
    u64 n = 0;
    for (auto _ : st) {
        const u8 *code = img.text.bytes;
        size_t size = img.text.size;
        u64 addr = img.text.addr;
        while (size) {
            if (!cs_disasm_iter(h, &code, &size, &addr, insn)) ++code, --size, ++addr;
            ++n;
        }
    }
    cs_free(insn, 1);
    cs_close(&h);
    st.SetItemsProcessed(static_cast<int64_t>(n));
}

} // namespace

BENCHMARK(BM_CapstoneDecode)->Arg(10000)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_VerifyManyFunctions)
    ->Arg(10000)
    ->Arg(100000)
    ->Arg(1000000)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_VerifyOneFunction)
    ->Arg(10000)
    ->Arg(100000)
    ->Arg(1000000)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
