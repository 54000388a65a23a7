#include "loader/user/runner.hpp"

#include "loader/admit.hpp"
#include "loader/regions.hpp"
#include "loader/symbols.hpp"
#include "tal/helper_abi.h"
#include "tal/helpers.hpp"
#include "tal/trap_abi.h"
#include "tools/common/report.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace ktal::user {
namespace {

Regions g_regions; // the running program's (one per process)

long fail_fault() {
    return -EFAULT;
}

// The kernel's convention, which ktal.ko's helpers follow: -errno, not -1.
template <class... A>
long sys(long nr, A... a) {
    long r = syscall(nr, a...);
    return r == -1 ? -errno : r;
}

// The verifier does not make programs keep rsp 16-byte aligned at calls (the
// kernel does not need it); these helpers are user-space C++ that may, so
// each realigns its own frame.
#define HELPER __attribute__((force_align_arg_pointer))

// Each helper: check pointer arguments against the program's regions, then
// the system call. Results follow the kernel's convention (-errno).
#define RD(p, n) g_regions.readable(static_cast<u64>(p), static_cast<u64>(n))
#define WR(p, n) g_regions.writable(static_cast<u64>(p), static_cast<u64>(n))

[[noreturn]] HELPER long h_exit(long status) {
    std::fflush(nullptr);
    _exit(static_cast<int>(status));
}

[[noreturn]] HELPER long h_trap(long code, long what) {
    const char *why = code == KTAL_TRAP_BOUNDS   ? "a pointer outside the sandbox and rodata"
                      : code == KTAL_TRAP_DIVIDE ? "division by zero"
                      : code == KTAL_TRAP_STACK  ? "the unsafe stack overflowed"
                      : code == KTAL_TRAP_DISPATCH
                          ? "a call through a pointer that names no function"
                      : code == KTAL_TRAP_ABORT       ? "abort()"
                      : code == KTAL_TRAP_UNREACHABLE ? "unreachable code was reached"
                                                      : "an unknown trap";
    std::fprintf(stderr, "ktal: the program trapped: %s (value 0x%lx)\n", why,
                 static_cast<unsigned long>(what));
    _exit(134);
}

HELPER long h_read(long fd, long buf, long n) {
    return WR(buf, n) ? sys(SYS_read, fd, buf, n) : fail_fault();
}
HELPER long h_write(long fd, long buf, long n) {
    return RD(buf, n) ? sys(SYS_write, fd, buf, n) : fail_fault();
}
HELPER long h_openat(long dirfd, long path, long flags, long mode) {
    // The path must be NUL-terminated inside the readable window.
    for (long i = 0;; ++i) {
        if (!RD(path + i, 1)) return -EFAULT;
        if (reinterpret_cast<const char *>(path)[i] == 0) break;
    }
    return sys(SYS_openat, dirfd, path, flags, mode);
}
HELPER long h_close(long fd) {
    return sys(SYS_close, fd);
}
HELPER long h_lseek(long fd, long off, long whence) {
    return sys(SYS_lseek, fd, off, whence);
}
HELPER long h_fstat(long fd, long st) {
    return WR(st, 144) ? sys(SYS_fstat, fd, st) : fail_fault();
}
HELPER long h_getpid() {
    return sys(SYS_getpid);
}
HELPER long h_gettid() {
    return sys(SYS_gettid);
}
HELPER long h_getuid() {
    return sys(SYS_getuid);
}
HELPER long h_clock_gettime(long clk, long ts) {
    return WR(ts, 16) ? sys(SYS_clock_gettime, clk, ts) : fail_fault();
}
HELPER long h_gettimeofday(long tv, long tz) {
    if ((tv && !WR(tv, 16)) || (tz && !WR(tz, 8))) return -EFAULT;
    return sys(SYS_gettimeofday, tv, tz);
}
HELPER long h_nanosleep(long req, long rem) {
    if (!RD(req, 16) || (rem && !WR(rem, 16))) return -EFAULT;
    return sys(SYS_nanosleep, req, rem);
}
HELPER long h_getrandom(long buf, long n, long flags) {
    return WR(buf, n) ? sys(SYS_getrandom, buf, n, flags) : fail_fault();
}
HELPER long h_socket(long d, long t, long p) {
    return sys(SYS_socket, d, t, p);
}
HELPER long h_bind(long fd, long addr, long len) {
    return RD(addr, len) ? sys(SYS_bind, fd, addr, len) : fail_fault();
}
HELPER long h_listen(long fd, long backlog) {
    return sys(SYS_listen, fd, backlog);
}
HELPER long h_accept4(long fd, long addr, long lenp, long flags) {
    if (addr) {
        if (!WR(lenp, 4)) return -EFAULT;
        unsigned len = *reinterpret_cast<unsigned *>(lenp);
        if (!WR(addr, len)) return -EFAULT;
    }
    return sys(SYS_accept4, fd, addr, addr ? lenp : 0, flags);
}
HELPER long h_connect(long fd, long addr, long len) {
    return RD(addr, len) ? sys(SYS_connect, fd, addr, len) : fail_fault();
}
HELPER long h_recv(long fd, long buf, long n, long flags) {
    return WR(buf, n) ? sys(SYS_recvfrom, fd, buf, n, flags, 0, 0) : fail_fault();
}
HELPER long h_send(long fd, long buf, long n, long flags) {
    return RD(buf, n) ? sys(SYS_sendto, fd, buf, n, flags, 0, 0) : fail_fault();
}
HELPER long h_sendfile(long out, long in, long offp, long n) {
    if (offp && !WR(offp, 8)) return -EFAULT;
    return sys(SYS_sendfile, out, in, offp, n);
}
HELPER long h_shutdown(long fd, long how) {
    return sys(SYS_shutdown, fd, how);
}
HELPER long h_setsockopt(long fd, long level, long opt, long val, long len) {
    return RD(val, len) ? sys(SYS_setsockopt, fd, level, opt, val, len) : fail_fault();
}

void *helper_address(u32 id) {
    switch (id) {
    case 0: return reinterpret_cast<void *>(h_exit);
    case 1: return nullptr; // fuel: fill_slot writes the whole helper into the slot
    case 2: return reinterpret_cast<void *>(h_trap);
    case 3: return reinterpret_cast<void *>(h_read);
    case 4: return reinterpret_cast<void *>(h_write);
    case 5: return reinterpret_cast<void *>(h_openat);
    case 6: return reinterpret_cast<void *>(h_close);
    case 7: return reinterpret_cast<void *>(h_lseek);
    case 8: return reinterpret_cast<void *>(h_fstat);
    case 9: return reinterpret_cast<void *>(h_getpid);
    case 10: return reinterpret_cast<void *>(h_gettid);
    case 11: return reinterpret_cast<void *>(h_getuid);
    case 12: return reinterpret_cast<void *>(h_clock_gettime);
    case 13: return reinterpret_cast<void *>(h_gettimeofday);
    case 14: return reinterpret_cast<void *>(h_nanosleep);
    case 15: return reinterpret_cast<void *>(h_getrandom);
    case 16: return reinterpret_cast<void *>(h_socket);
    case 17: return reinterpret_cast<void *>(h_bind);
    case 18: return reinterpret_cast<void *>(h_listen);
    case 19: return reinterpret_cast<void *>(h_accept4);
    case 20: return reinterpret_cast<void *>(h_connect);
    case 21: return reinterpret_cast<void *>(h_recv);
    case 22: return reinterpret_cast<void *>(h_send);
    case 23: return reinterpret_cast<void *>(h_sendfile);
    case 24: return reinterpret_cast<void *>(h_shutdown);
    case 25: return reinterpret_cast<void *>(h_setsockopt);
    default: return nullptr;
    }
}
static_assert(KTAL_HELPER_COUNT == 26, "add the new helper to helper_address()");

u8 *alloc(void *, u64 size, u64 *base) {
    void *m = mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (m == MAP_FAILED) return nullptr;
    *base = reinterpret_cast<u64>(m);
    return static_cast<u8 *>(m);
}

// jmp [rip + 0]; .quad helper; int3 int3
// The fuel slot is a bare ret: in user mode a runaway program needs no help to
// stop (SIGINT's and SIGKILL's default actions end the process), and a fuel
// point runs on every loop iteration, so it costs only a call and a ret.
bool fill_slot(void *, u8 *slot, u64, u32 id) {
    if (helper_info(id).kind == KTAL_HELPER_FUEL) {
        std::memset(slot, 0xcc, kHelperSlotSize);
        slot[0] = 0xc3;
        return true;
    }
    void *h = helper_address(id);
    if (!h) return false;
    static const u8 jmp[6] = {0xff, 0x25, 0, 0, 0, 0};
    std::memcpy(slot, jmp, 6);
    u64 a = reinterpret_cast<u64>(h);
    std::memcpy(slot + 6, &a, 8);
    slot[14] = slot[15] = 0xcc;
    return true;
}

bool protect(void *, u8 *mem, const Layout &l, u64 text_end) {
    u64 text_pages = (text_end + kPageSize - 1) & ~static_cast<u64>(kPageSize - 1);
    u64 ro_end = has_fuel_page(l) ? fuel_word_off(l) : l.sandbox_off; // the fuel word stays RW
    return mprotect(mem, text_pages, PROT_READ | PROT_EXEC) == 0 &&
           (ro_end == l.rodata_off ||
            mprotect(mem + l.rodata_off, ro_end - l.rodata_off, PROT_READ) == 0);
}

// perf's map for JIT code: "START SIZE NAME" per line, hexadecimal.
bool write_perf_map(const SymbolTable &symbols, u64 base) {
    std::string path = "/tmp/perf-" + std::to_string(getpid()) + ".map";
    FILE *f = std::fopen(path.c_str(), "w");
    if (!f) {
        std::fprintf(stderr, "ktal run: cannot write %s: %s\n", path.c_str(), std::strerror(errno));
        return false;
    }
    for (const auto &[addr, size, name] : symbols.functions())
        std::fprintf(f, "%llx %llx %s\n", static_cast<unsigned long long>(base + addr),
                     static_cast<unsigned long long>(size), name.c_str());
    bool ok = std::fclose(f) == 0;
    if (!ok) std::fprintf(stderr, "ktal run: cannot write %s\n", path.c_str());
    return ok;
}

} // namespace

int run(const std::vector<u8> &image, const std::string &path, const std::vector<std::string> &args,
        const RunOptions &opts) {
    Decoder dec;
    if (!decoder_open(dec)) {
        std::fprintf(stderr, "ktal run: cannot open the Capstone disassembler\n");
        return 1;
    }
    usize arena_size = verify_arena_size(image.size(), image.size());
    std::unique_ptr<u8[]> arena(new u8[arena_size]);
    AdmitEnv env;
    env.alloc = alloc;
    env.fill_slot = fill_slot;
    env.protect = protect;
    env.decoder = &dec;
    env.arena = arena.get();
    env.arena_size = arena_size;
    env.stack_budget = opts.stack_budget;
    Admitted a;
    Rejection rej;
    LoadError err;
    AdmitResult r = admit(image.data(), image.size(), env, a, rej, err);
    decoder_close(dec);
    arena.reset();
    if (r == AdmitResult::Malformed) {
        std::fprintf(stderr, "ktal run: %s: not a usable image: %s\n", path.c_str(),
                     err.message.c_str());
        return 1;
    }
    if (r == AdmitResult::Rejected) {
        std::fprintf(stderr, "ktal run: %s was REJECTED by the verifier\n%s", path.c_str(),
                     report::rejection_text(rej, SymbolTable::from_elf(image), path).c_str());
        return 1;
    }
    if (r != AdmitResult::Ok) {
        std::fprintf(stderr, "ktal run: cannot map the image: %s\n", std::strerror(errno));
        return 1;
    }
    if (opts.perf_map && !write_perf_map(SymbolTable::from_elf(image), a.base)) return 1;
    g_regions.base = a.base;
    g_regions.layout = a.layout;
    std::string strings;
    for (const std::string &s : args) strings += s + '\0';
    u64 argv = place_args(a.mem + (a.args - a.base), a.args, kArgsSize, strings.data(),
                          strings.size(), static_cast<u32>(args.size()));
    if (!argv) {
        std::fprintf(stderr, "ktal run: the arguments do not fit in %llu bytes\n",
                     static_cast<unsigned long long>(kArgsSize));
        return 1;
    }
    std::fflush(nullptr);
    auto entry = reinterpret_cast<long (*)(long, long)>(a.entry);
    long status = entry(static_cast<long>(args.size()), static_cast<long>(argv));
    // __ktal_start exits through the exit helper; an entry that returns gives
    // its rax only if it certifies a result (as ktal.ko does).
    return a.stats.entry_result ? static_cast<int>(status) : 0;
}

} // namespace ktal::user
