// Guest program (static, runs inside qemu with ktal.ko loaded): checks
// KTAL_IOC_VERIFY end to end. Builds its inputs in code (a fresh guest has no
// Python), runs each through the kernel and through the very same verifier
// compiled for user space, and requires the same verdict and rule from both.
// Then feeds the ioctl bad arguments, which must give errors, never crashes.
// Prints one line per check; exits with the number of failures.
#include "kernel/client/device.hpp"
#include "tal/cert.hpp"
#include "verifier/verifier.hpp"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace {

using Bytes = std::vector<unsigned char>;
using ktal::device::Device;
using ktal::device::Error;
using ktal::device::Verdict;

int failures = 0;

void check(bool ok, const std::string &what, const std::string &detail = "") {
    std::printf("%s %s%s%s\n", ok ? "ok  " : "FAIL", what.c_str(), detail.empty() ? "" : ": ",
                detail.c_str());
    if (!ok) ++failures;
}

// --- certificates, encoded by hand (format: tal/cert.hpp) --------------------
void uv(Bytes &b, uint64_t v) {
    do {
        unsigned char c = v & 0x7f;
        v >>= 7;
        b.push_back(c | (v ? 0x80 : 0));
    } while (v);
}

struct Fn {
    uint64_t entry, size, frame, bound, order;
};

// A certificate for an image with no helpers, `text_size` bytes of text at
// 0x10, empty rodata at 0x1000, a one-page sandbox right after it, and the
// given functions (no arguments, no result, no blocks); the first is the entry.
Bytes cert_for(uint64_t text_size, const std::vector<Fn> &fns) {
    Bytes b = {'K', 'T', 'A', 'L', 'C', 'E', 'R', 'T', ktal::kCertVersion, 0};
    uint64_t rodata = (0x10 + text_size + 0xfff) & ~uint64_t{0xfff};
    uv(b, rodata + 0x1000); // image_size
    uv(b, 0);               // helpers_off
    uv(b, 0);               // helper_count
    uv(b, 0x10);            // text_off
    uv(b, text_size);       // text_size
    uv(b, rodata);          // rodata_off
    uv(b, 0);               // rodata_size
    uv(b, rodata);          // sandbox_off: the page after rodata ends
    uv(b, 0x1000);          // sandbox_size
    uv(b, 0);               // entry function
    uv(b, fns.size());
    for (const Fn &f : fns) {
        uv(b, f.entry);
        uv(b, f.size);
        uv(b, f.frame);
        uv(b, f.bound);
        uv(b, f.order);
        b.push_back(0); // nargs
        b.push_back(0); // has_result
        uv(b, 0);       // nblocks
    }
    return b;
}

Bytes one_function(const Bytes &text) {
    return cert_for(text.size(), {{0x10, text.size(), 0, 8, 0}});
}

// --- the user-space verdict, from the same sources ---------------------------
struct Reference {
    bool accepted = false;
    std::string rule, message, expected, found, disasm;
    unsigned long long address = 0, block = 0, cert_offset = 0;
};

Reference user_space(const Bytes &text, const Bytes &cert, unsigned budget) {
    ktal::VerifyInput in;
    in.text = text.data();
    in.text_size = text.size();
    in.cert = cert.data();
    in.cert_size = cert.size();
    in.stack_budget = budget;
    std::vector<unsigned char> mem(ktal::verify_arena_size(text.size(), cert.size()));
    ktal::Arena arena(mem.data(), mem.size());
    ktal::Decoder dec;
    Reference r;
    if (!ktal::decoder_open(dec)) {
        r.rule = "(capstone did not open)";
        return r;
    }
    static ktal::Rejection rej;
    ktal::Stats stats;
    r.accepted = ktal::verify(in, dec, arena, rej, stats);
    ktal::decoder_close(dec);
    if (!r.accepted) {
        r.rule = rej.rule ? rej.rule : "";
        r.message = rej.message.c_str();
        r.expected = rej.expected.c_str();
        r.found = rej.found.c_str();
        r.disasm = rej.disasm.c_str();
        r.address = rej.address;
        r.block = rej.block;
        r.cert_offset = rej.cert_offset;
    }
    return r;
}

// Kernel and user space must agree; `want_rule` empty means accept.
void verdict_case(const Device *dev, const char *name, const Bytes &text, const Bytes &cert,
                  const std::string &want_rule, unsigned budget = 4096) {
    Reference ref = user_space(text, cert, budget);
    std::string want = want_rule.empty() ? "accept" : want_rule;
    std::string user = ref.accepted ? "accept" : ref.rule;
    if (!dev) { // --user-space: the expectations alone, on the build machine
        check(user == want, name, "user space " + user);
        return;
    }
    auto res = dev->verify(text, cert, budget);
    if (auto *e = std::get_if<Error>(&res)) {
        check(false, name, "ioctl failed: " + e->message);
        return;
    }
    const Verdict &v = std::get<Verdict>(res);
    std::string got = v.accepted ? "accept" : v.rejection.rule;
    std::string detail = "kernel " + got + ", user space " + user;
    if (!v.accepted) {
        const auto &r = v.rejection;
        detail += " [" + r.message + "; at " + std::to_string(r.address) + " `" + r.disasm +
                  "`; cert offset " + std::to_string(r.cert_offset) + "]";
    }
    // A rejection must read the same in both places, to the byte.
    bool same =
        v.accepted || (v.rejection.message == ref.message && v.rejection.expected == ref.expected &&
                       v.rejection.found == ref.found && v.rejection.disasm == ref.disasm &&
                       v.rejection.address == ref.address && v.rejection.block == ref.block &&
                       v.rejection.cert_offset == ref.cert_offset);
    if (!same) detail += " (user space: " + ref.message + "; `" + ref.disasm + "`)";
    check(got == want && user == want && same, name, detail);
}

// --- raw ioctls for the bad-argument checks -----------------------------------
int raw_ioctl(const Device &dev, void *arg) {
    return ::ioctl(dev.fd(), KTAL_IOC_VERIFY, arg) == 0 ? 0 : errno;
}

int raw_verify(const Device &dev, ktal_verify &v) {
    return raw_ioctl(dev, &v);
}

std::string err_name(int e) {
    return e ? std::strerror(e) : "success";
}

ktal_verify good_args(const Bytes &text, const Bytes &cert) {
    ktal_verify v{};
    v.size = sizeof v;
    v.text = reinterpret_cast<uintptr_t>(text.data());
    v.text_size = text.size();
    v.cert = reinterpret_cast<uintptr_t>(cert.data());
    v.cert_size = cert.size();
    return v;
}

void errno_case(const Device &dev, const char *name, ktal_verify v, int want) {
    int got = raw_verify(dev, v);
    check(got == want, name, "got " + err_name(got) + ", want " + err_name(want));
}

// Verdicts, each checked against user space (dev null: user space only).
void run_verdicts(const Device *dev) {
    const Bytes ret = {0xc3};
    const Bytes cert_ret = one_function(ret);
    verdict_case(dev, "accept: ret", ret, cert_ret, "");
    verdict_case(dev, "accept: push rbp; mov rbp, rsp; pop rbp; ret",
                 Bytes{0x55, 0x48, 0x89, 0xe5, 0x5d, 0xc3}, cert_for(6, {{0x10, 6, 8, 16, 0}}), "");
    verdict_case(dev, "reject: cli", Bytes{0xfa}, one_function(Bytes{0xfa}),
                 "encoding.forbidden-opcode");
    verdict_case(dev, "reject: swapgs", Bytes{0x0f, 0x01, 0xf8},
                 one_function(Bytes{0x0f, 0x01, 0xf8}), "encoding.forbidden-opcode");
    verdict_case(dev, "reject: wrmsr", Bytes{0x0f, 0x30}, one_function(Bytes{0x0f, 0x30}),
                 "encoding.forbidden-opcode");
    verdict_case(dev, "reject: lock nop (Capstone accepts it)", Bytes{0xf0, 0x0f, 0x1f, 0x00, 0xc3},
                 one_function(Bytes{0xf0, 0x0f, 0x1f, 0x00, 0xc3}), "encoding.forbidden-prefix");
    verdict_case(dev, "reject: jmp rax", Bytes{0xff, 0xe0}, one_function(Bytes{0xff, 0xe0}),
                 "encoding.indirect-branch");
    verdict_case(dev, "reject: nop, falls off the end", Bytes{0x90}, one_function(Bytes{0x90}),
                 "control.fall-through");
    for (size_t cut : {size_t{3}, size_t{10}, cert_ret.size() / 2, cert_ret.size() - 1}) {
        Bytes truncated(cert_ret.begin(), cert_ret.begin() + static_cast<long>(cut));
        verdict_case(dev, ("reject: certificate cut to " + std::to_string(cut) + " bytes").c_str(),
                     ret, truncated, "cert.malformed");
    }
    Bytes bad_magic = cert_ret;
    bad_magic[0] = 'X';
    verdict_case(dev, "reject: bad magic", ret, bad_magic, "cert.malformed");
    verdict_case(dev, "reject: text size differs from the certificate's", Bytes{0xc3, 0xcc},
                 cert_ret, "cert.layout");
    verdict_case(dev, "reject: stack bound above the budget", ret,
                 cert_for(1, {{0x10, 1, 0, 4096, 0}}), "stack.budget", 512);
}

} // namespace

int main(int argc, char **argv) {
    if (argc > 1 && std::strcmp(argv[1], "--user-space") == 0) {
        run_verdicts(nullptr); // on the build machine: the expectations alone
        std::printf("verify_ioctl (user space only): %d failure(s)\n", failures);
        return failures ? 1 : 0;
    }
    auto opened = Device::open();
    if (auto *e = std::get_if<Error>(&opened)) {
        std::printf("FAIL open: %s\n", e->message.c_str());
        return 1;
    }
    const Device &dev = std::get<Device>(opened);

    auto info = dev.info();
    if (auto *e = std::get_if<Error>(&info)) {
        std::printf("FAIL info: %s\n", e->message.c_str());
        return 1;
    }
    const auto &in = std::get<ktal::device::Info>(info);
    check(in.abi_major == KTAL_ABI_MAJOR && in.abi_minor >= 1, "info: ABI 1.1 or later",
          std::to_string(in.abi_major) + "." + std::to_string(in.abi_minor));
    check(in.flags & KTAL_INFO_VERIFIER, "info: KTAL_INFO_VERIFIER set");
    check(in.cert_version == ktal::kCertVersion, "info: cert_version",
          std::to_string(in.cert_version));

    run_verdicts(&dev);

    const Bytes ret = {0xc3};
    const Bytes cert_ret = one_function(ret);
    // The rejection record in detail.
    {
        auto res = dev.verify(Bytes{0xfa}, one_function(Bytes{0xfa}));
        const Verdict *v = std::get_if<Verdict>(&res);
        check(v && !v->accepted && v->rejection.in_function &&
                  v->rejection.function_entry == 0x10 && v->rejection.address == 0x10 &&
                  v->rejection.block == 0x10 && v->rejection.disasm == "cli" &&
                  !v->rejection.message.empty(),
              "rejection record: cli at 0x10, disassembled",
              v ? "disasm `" + v->rejection.disasm + "`, address " +
                      std::to_string(v->rejection.address) + ", message `" + v->rejection.message +
                      "`"
                : "no verdict");
        auto bad = dev.verify(ret, Bytes(cert_ret.begin(), cert_ret.begin() + 10));
        const Verdict *b = std::get_if<Verdict>(&bad);
        check(b && !b->accepted && b->rejection.rule == "cert.malformed" &&
                  b->rejection.cert_offset == 10 && !b->rejection.in_function,
              "rejection record: malformed certificate names its offset",
              b ? "offset " + std::to_string(b->rejection.cert_offset) : "no verdict");
    }

    // Bad arguments: errors, never crashes.
    errno_case(dev, "args: good ones accepted", good_args(ret, cert_ret), 0);
    {
        ktal_verify v = good_args(ret, cert_ret);
        v.text = 0;
        errno_case(dev, "args: NULL text", v, EFAULT);
        v = good_args(ret, cert_ret);
        v.cert = 0;
        errno_case(dev, "args: NULL certificate", v, EFAULT);
        v = good_args(ret, cert_ret);
        v.text = 0xdead000;
        errno_case(dev, "args: unmapped text", v, EFAULT);
        // A certificate that ends a page followed by a hole, claimed a page longer.
        long page = sysconf(_SC_PAGESIZE);
        char *m = static_cast<char *>(
            mmap(nullptr, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
        munmap(m + page, page);
        std::memcpy(m + page - cert_ret.size(), cert_ret.data(), cert_ret.size());
        v = good_args(ret, cert_ret);
        v.cert = reinterpret_cast<uintptr_t>(m + page - cert_ret.size());
        errno_case(dev, "args: certificate at the end of a mapping", v, 0);
        v.cert_size += page;
        errno_case(dev, "args: certificate runs off its mapping", v, EFAULT);
        munmap(m, page);
        v = good_args(ret, cert_ret);
        v.text_size = 0;
        errno_case(dev, "args: empty text", v, EINVAL);
        v = good_args(ret, cert_ret);
        v.cert_size = 0;
        errno_case(dev, "args: empty certificate", v, EINVAL);
        v = good_args(ret, cert_ret);
        v.text_size = in.max_image_bytes + 1;
        errno_case(dev, "args: text above max_image_bytes", v, E2BIG);
        v = good_args(ret, cert_ret);
        v.cert_size = ~0ull;
        errno_case(dev, "args: certificate of 2^64-1 bytes", v, E2BIG);
        v = good_args(ret, cert_ret);
        v.text_size = 1ull << 62;
        errno_case(dev, "args: text of 2^62 bytes", v, E2BIG);
        v = good_args(ret, cert_ret);
        v.flags = 1;
        errno_case(dev, "args: unknown flag", v, EINVAL);
        v = good_args(ret, cert_ret);
        v.stack_budget = static_cast<uint32_t>(in.stack_budget + 1);
        errno_case(dev, "args: stack budget above the module's", v, EINVAL);
        v = good_args(ret, cert_ret);
        v.size = 4;
        errno_case(dev, "args: struct size 4", v, EINVAL);
        v = good_args(ret, cert_ret);
        v.size = 0;
        errno_case(dev, "args: struct size 0", v, EINVAL);
        int e = raw_ioctl(dev, nullptr);
        check(e == EFAULT, "args: NULL struct pointer", err_name(e));
    }
    {
        // A newer caller's larger struct: zero tail is fine, non-zero is E2BIG.
        struct {
            ktal_verify v;
            uint64_t extra;
        } big{};
        big.v = good_args(ret, cert_ret);
        big.v.size = sizeof big;
        int e = raw_ioctl(dev, &big);
        check(e == 0 && big.v.size == sizeof(ktal_verify), "args: larger struct, zero tail",
              err_name(e) + ", size written back " + std::to_string(big.v.size));
        big.v.size = sizeof big; // the kernel wrote back the size it knows
        big.extra = 1;
        e = raw_ioctl(dev, &big);
        check(e == E2BIG, "args: larger struct, unknown field set", err_name(e));
        // A struct that straddles the end of a mapping.
        long page = sysconf(_SC_PAGESIZE);
        void *m =
            mmap(nullptr, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        munmap(static_cast<char *>(m) + page, page);
        auto *edge = reinterpret_cast<ktal_verify *>(static_cast<char *>(m) + page - 8);
        uint32_t sz = sizeof(ktal_verify);
        std::memcpy(edge, &sz, sizeof sz);
        e = raw_ioctl(dev, edge);
        check(e == EFAULT, "args: struct runs off its mapping", err_name(e));
        munmap(m, page);
    }

    // A 1,048,576-instruction image verifies without holding the CPU (the
    // harness fails the run on a soft-lockup report), and a fatal signal stops
    // it (the Yield callback).
    {
        Bytes nops(1 << 20, 0x90);
        nops.back() = 0xc3;
        Bytes cert = one_function(nops);
        auto t0 = std::chrono::steady_clock::now();
        auto full = dev.verify(nops, cert);
        double full_s =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        const Verdict *fv = std::get_if<Verdict>(&full);
        check(fv && fv->accepted && fv->instructions == nops.size(),
              "accept: 2^20 - 1 nops and ret", "took " + std::to_string(full_s) + " s");
        pid_t child = fork();
        if (child == 0) {
            auto r = dev.verify(nops, cert);
            _exit(std::holds_alternative<Verdict>(r) ? 0 : 3);
        }
        usleep(static_cast<useconds_t>(full_s * 1e6 / 5));
        auto k0 = std::chrono::steady_clock::now();
        kill(child, SIGKILL);
        int status = 0;
        waitpid(child, &status, 0);
        double kill_s =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - k0).count();
        check(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL && kill_s < full_s / 2,
              "SIGKILL stops a verification",
              "gone " + std::to_string(kill_s) + " s after the signal");
    }

    std::printf("verify_ioctl: %d failure(s)\n", failures);
    return failures > 100 ? 100 : failures;
}
