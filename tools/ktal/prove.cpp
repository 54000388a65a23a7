// `ktal prove IMAGE` and `ktal prove --rules`: the offline second opinion
// (verifier/z3/). Z3 is a shared library while `ktal` is linked statically
// (it also runs in the qemu guests), so this file is built twice: into
// `ktal` as a shim (KTAL_PROVE_SHIM) that runs the `ktal-prove` next to it,
// and as `ktal-prove` itself (KTAL_PROVE_MAIN), linked with Z3.
#include "tools/ktal/commands.hpp"

#include <cstdio>
#include <string>

#ifdef KTAL_PROVE_SHIM

#include <cerrno>
#include <cstring>
#include <unistd.h>
#include <vector>

namespace ktal::cli {

int run_prove(Args args) {
    std::string self(4096, '\0');
    ssize_t n = readlink("/proc/self/exe", self.data(), self.size() - 1);
    std::string dir = n > 0 ? self.substr(0, static_cast<size_t>(n)) : std::string();
    dir = dir.substr(0, dir.find_last_of('/') + 1);
    std::vector<char *> argv;
    std::string prog = dir + "ktal-prove";
    argv.push_back(prog.data());
    for (char *a : args) argv.push_back(a);
    argv.push_back(nullptr);
    execv(prog.c_str(), argv.data());
    execvp("ktal-prove", argv.data()); // not next to ktal: anywhere on PATH
    std::fprintf(stderr, "ktal prove: cannot run ktal-prove (the prover, built with Z3): %s\n",
                 std::strerror(errno));
    return 2;
}

} // namespace ktal::cli

#else

#include "loader/symbols.hpp"
#include "tools/common/json.hpp"
#include "verifier/z3/program.hpp"
#include "verifier/z3/rules.hpp"

#include <cstdlib>
#include <filesystem>

namespace ktal::cli {
namespace {

const char *kUsage =
    "usage: ktal prove IMAGE [--json] [--timeout-ms N] [--budget-ms N] [--cache DIR]\n"
    "       ktal prove --rules [--json] [--timeout-ms N] [--filter TEXT] [--shard I/N] [--list]\n"
    "An offline second opinion with Z3 (never in the kernel).\n"
    "IMAGE: every obligation of every function (memory accesses inside their\n"
    "  regions, divisions that cannot fault, edges into certified blocks in\n"
    "  states that satisfy them, frames, calls, returns, control flow, fuel),\n"
    "  each proved, refuted with a counterexample, or unknown (out of time).\n"
    "  On a terminal, stderr shows which function is being proved.\n"
    "--rules: the verifier's typing rules and branch refinements proved sound\n"
    "  for all 64-bit inputs (the verifier's own interval code on Z3 terms).\n"
    "Exit status: 0 all proved, 1 anything refuted or unknown, 2 usage.\n"
    "  --timeout-ms N  per query (default 10000 for images, 60000 per rule)\n"
    "  --budget-ms N   per image: once spent, the obligations left are unknown\n"
    "  --cache DIR     a function proved before (same code, certificate, layout,\n"
    "                  callee types and prover: the SHA-256 of all of them) is not\n"
    "                  asked again; complete proofs are recorded in DIR\n"
    "  --filter TEXT   only rules whose name contains TEXT\n"
    "  --shard I/N     only rules I, I+N, I+2N, ... (to split a run)\n"
    "  --list          print the rules' names";

std::string hex(u64 v) {
    char b[24];
    std::snprintf(b, sizeof b, "0x%llx", static_cast<unsigned long long>(v));
    return b;
}

int prove_rules_cmd(bool json, unsigned timeout, const std::string &filter, unsigned shard,
                    unsigned shards, bool list) {
    if (list) {
        for (auto &n : rules::rule_names()) std::puts(n.c_str());
        return 0;
    }
    rules::Options opt;
    opt.timeout_ms = timeout ? timeout : 60000;
    opt.filter = filter;
    opt.shard = shard, opt.shards = shards;
    auto line = [](const rules::Outcome &o) {
        std::printf("%-44s %-8s %10.1f\n", o.rule.c_str(), rules::status_name(o.status), o.ms);
        if (o.status == rules::Status::Proved) return;
        std::printf("    claim: %s\n", o.claim.c_str());
        if (!o.detail.empty()) std::printf("    %s\n", o.detail.c_str());
        for (auto &c : o.counterexample)
            std::printf("      %-24s = %s\n", c.first.c_str(), c.second.c_str());
    };
    if (!json) {
        std::printf("%-44s %-8s %10s\n", "rule", "status", "ms");
        std::fflush(stdout);
        opt.progress = [&](const rules::Outcome &o) {
            line(o);
            std::fflush(stdout);
        };
    }
    rules::Report rep = rules::prove_rules(opt);
    if (json) {
        json::Writer w;
        w.begin_object()
            .field("proved", static_cast<u64>(rep.proved))
            .field("refuted", static_cast<u64>(rep.refuted));
        w.field("unknown", static_cast<u64>(rep.unknown))
            .field("milliseconds", rep.ms)
            .key("rules")
            .begin_array();
        for (auto &o : rep.rules) {
            w.begin_object()
                .field("rule", o.rule)
                .field("status", rules::status_name(o.status))
                .field("milliseconds", o.ms);
            w.field("claim", o.claim);
            if (!o.detail.empty()) w.field("detail", o.detail);
            if (!o.counterexample.empty()) {
                w.key("counterexample").begin_object();
                for (auto &c : o.counterexample) w.field(c.first, c.second);
                w.end_object();
            }
            w.end_object();
        }
        w.end_array().end_object();
        std::puts(w.str().c_str());
    } else {
        std::printf(
            "ktal prove --rules: %llu rules: %llu proved, %llu refuted, %llu unknown (%.1f s)\n",
            static_cast<unsigned long long>(rep.rules.size()),
            static_cast<unsigned long long>(rep.proved),
            static_cast<unsigned long long>(rep.refuted),
            static_cast<unsigned long long>(rep.unknown), rep.ms / 1000);
    }
    return rep.refuted == 0 && rep.unknown == 0 ? 0 : 1;
}

int prove_image_cmd(const std::string &path, bool json, unsigned timeout, unsigned budget,
                    const std::string &cache) {
    std::string err;
    auto file = read_file(path, err);
    if (!file) {
        std::fprintf(stderr, "ktal prove: %s\n", err.c_str());
        return 1;
    }
    prover::Options opt;
    if (timeout) opt.timeout_ms = timeout;
    opt.budget_ms = budget;
    opt.cache_dir = cache;
    // Progress on a terminal (a corpus image takes 10-60 s): one line,
    // rewritten as each function starts and erased at the end.
    bool progress = isatty(STDERR_FILENO);
    if (progress)
        opt.on_function = [](u32 i, u32 n, const std::string &name) {
            std::fprintf(stderr, "\r\033[Kktal prove: function %u of %u: %s", i + 1, n,
                         name.c_str());
        };
    prover::Report rep = prover::prove_image(*file, opt);
    if (progress) std::fputs("\r\033[K", stderr);
    if (json) {
        json::Writer w;
        w.begin_object().field("image", path).field("proved", rep.all_proved());
        if (!rep.loaded) w.field("error", rep.error);
        w.field("obligations", static_cast<u64>(rep.obligations.size()))
            .field("proved_count", rep.proved);
        w.field("refuted", rep.refuted)
            .field("unknown", rep.unknown)
            .field("functions", rep.functions)
            .field("cached_functions", rep.cached);
        w.field("runs", rep.runs).field("milliseconds", rep.ms).key("results").begin_array();
        for (auto &o : rep.obligations) {
            w.begin_object().field("function", o.function_name).field("function_entry", o.function);
            w.field("block", o.block)
                .field("address", o.addr)
                .field("instruction", o.insn)
                .field("kind", o.kind);
            w.field("what", o.what)
                .field("result", prover::result_name(o.result))
                .field("milliseconds", o.ms);
            if (!o.detail.empty()) w.field("detail", o.detail);
            if (!o.counterexample.empty()) {
                w.key("counterexample").begin_object();
                for (auto &c : o.counterexample) w.field(c.first, c.second);
                w.end_object();
            }
            w.end_object();
        }
        w.end_array().end_object();
        std::puts(w.str().c_str());
        return rep.all_proved() ? 0 : 1;
    }
    if (!rep.loaded) {
        std::fprintf(stderr, "ktal prove: %s: %s\n", path.c_str(), rep.error.c_str());
        return 1;
    }
    std::printf("%-16s %-8s %-8s %-20s %-8s %8s  %s\n", "function", "block", "address", "kind",
                "result", "ms", "instruction");
    for (auto &o : rep.obligations)
        std::printf("%-16s %-8s %-8s %-20s %-8s %8.1f  %s\n", o.function_name.c_str(),
                    hex(o.block).c_str(), hex(o.addr).c_str(), o.kind.c_str(),
                    prover::result_name(o.result), o.ms, o.insn.c_str());
    for (auto &o : rep.obligations) {
        if (o.result == prover::Obligation::Proved) continue;
        std::printf("\n%s: %s at %s <%s> in %s (run from %s)\n  %s\n",
                    prover::result_name(o.result), o.kind.c_str(), hex(o.addr).c_str(),
                    o.insn.c_str(), o.function_name.c_str(), hex(o.block).c_str(), o.what.c_str());
        if (!o.detail.empty()) std::printf("  %s\n", o.detail.c_str());
        if (!o.counterexample.empty()) std::printf("  counterexample:\n");
        for (auto &c : o.counterexample)
            std::printf("    %-24s = %s\n", c.first.c_str(), c.second.c_str());
    }
    std::printf(
        "ktal prove: %s %s: %llu obligations: %llu proved, %llu refuted, %llu unknown "
        "(%llu functions, %llu from the cache, %llu runs, %.1f ms)\n",
        rep.all_proved() ? "OK" : "FAILED", path.c_str(),
        static_cast<unsigned long long>(rep.obligations.size()),
        static_cast<unsigned long long>(rep.proved), static_cast<unsigned long long>(rep.refuted),
        static_cast<unsigned long long>(rep.unknown),
        static_cast<unsigned long long>(rep.functions), static_cast<unsigned long long>(rep.cached),
        static_cast<unsigned long long>(rep.runs), rep.ms);
    return rep.all_proved() ? 0 : 1;
}

// A decimal number, all of it, below 2^32.
bool number(const std::string &s, unsigned &out) {
    if (s.empty() || s.size() > 10 || s.find_first_not_of("0123456789") != std::string::npos)
        return false;
    unsigned long long v = std::strtoull(s.c_str(), nullptr, 10);
    if (v > 0xffffffffull) return false;
    out = static_cast<unsigned>(v);
    return true;
}

} // namespace

int run_prove(Args args) {
    bool json = false, rules_mode = false, list = false;
    unsigned timeout = 0, budget = 0, shard = 0, shards = 1;
    std::string path, filter, cache;
    for (size_t i = 0; i < args.size(); ++i) {
        std::string a = args[i];
        if (a == "--json")
            json = true;
        else if (a == "--rules")
            rules_mode = true;
        else if (a == "--list")
            list = true;
        else if ((a == "--timeout-ms" || a == "--budget-ms" || a == "--filter" || a == "--shard" ||
                  a == "--cache") &&
                 i + 1 >= args.size()) {
            std::fprintf(stderr, "ktal prove: %s wants a value (see --help)\n", a.c_str());
            return 2;
        } else if (a == "--timeout-ms") {
            if (!number(args[++i], timeout) || timeout == 0) {
                std::fprintf(stderr,
                             "ktal prove: --timeout-ms wants a number of milliseconds above 0\n");
                return 2;
            }
        } else if (a == "--budget-ms") {
            if (!number(args[++i], budget) || budget == 0) {
                std::fprintf(stderr,
                             "ktal prove: --budget-ms wants a number of milliseconds above 0\n");
                return 2;
            }
        } else if (a == "--cache") {
            cache = args[++i];
            std::error_code ec;
            std::filesystem::create_directories(cache, ec);
            if (cache.empty() || ec || !std::filesystem::is_directory(cache)) {
                std::fprintf(stderr, "ktal prove: --cache: cannot use '%s' as a directory\n",
                             cache.c_str());
                return 2;
            }
        } else if (a == "--filter") {
            filter = args[++i];
        } else if (a == "--shard") {
            std::string s = args[++i];
            size_t slash = s.find('/');
            if (slash == std::string::npos || !number(s.substr(0, slash), shard) ||
                !number(s.substr(slash + 1), shards) || shards == 0 || shard >= shards) {
                std::fprintf(stderr, "ktal prove: --shard wants I/N with I < N\n");
                return 2;
            }
        } else if (a == "-h" || a == "--help") {
            std::puts(kUsage);
            return 0;
        } else if (!a.empty() && a[0] == '-') {
            std::fprintf(stderr, "ktal prove: unknown option '%s' (see --help)\n", a.c_str());
            return 2;
        } else if (path.empty())
            path = a;
        else {
            std::fprintf(stderr, "ktal prove: one image at a time\n");
            return 2;
        }
    }
    if ((budget || !cache.empty()) && rules_mode) {
        std::fprintf(stderr, "ktal prove: --budget-ms and --cache go with an image\n");
        return 2;
    }
    if (rules_mode) {
        if (!path.empty()) {
            std::fprintf(stderr, "ktal prove: --rules takes no image\n");
            return 2;
        }
        return prove_rules_cmd(json, timeout, filter, shard, shards, list);
    }
    if (path.empty()) {
        std::fprintf(stderr, "%s\n", kUsage);
        return 2;
    }
    if (!filter.empty() || shards != 1 || list) {
        std::fprintf(stderr, "ktal prove: --filter, --shard and --list go with --rules\n");
        return 2;
    }
    return prove_image_cmd(path, json, timeout, budget, cache);
}

} // namespace ktal::cli

#ifdef KTAL_PROVE_MAIN
int main(int argc, char **argv) {
    return ktal::cli::run_prove(ktal::cli::Args(argv + 1, static_cast<size_t>(argc - 1)));
}
#endif

#endif
