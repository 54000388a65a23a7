// Guest program (static, runs inside qemu with ktal.ko loaded): ring-0 runs
// end to end — LOAD, RUN, UNLOAD, LIST through the client library and
// through the `ktal` command, against the same images run with
// `ktal run --user`. Prints one line per check; exits with the number of
// failures (capped at 100).
//
//   ktal-run-ioctl-test programs KTAL PROGRAMS_DIR [C_DIR]   the programs,
//       the CLI, signals, two processes at once, bad arguments, the getpid
//       benchmark; C programs compiled by ktal-cc
//   ktal-run-ioctl-test corpus CASES_DIR             every adversarial image:
//       LOAD rejects it with the rule `ktal verify` gives in user space
//   ktal-run-ioctl-test cycles PROGRAMS_DIR N        N load/run/unload cycles
//       leave vmalloc and slab usage where they were
//   ktal-run-ioctl-test as UID GID COMMAND...        COMMAND as another user
#include "kernel/client/device.hpp"
#include "loader/check_image.hpp"
#include "loader/symbols.hpp"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <grp.h>
#include <map>
#include <poll.h>
#include <sstream>
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
using ktal::device::Loaded;
using ktal::device::Program;
using ktal::device::Ran;
using Clock = std::chrono::steady_clock;

int failures = 0;

void check(bool ok, const std::string &what, const std::string &detail = "") {
    std::printf("%s %s%s%s\n", ok ? "ok  " : "FAIL", what.c_str(), detail.empty() ? "" : ": ",
                detail.c_str());
    std::fflush(stdout);
    if (!ok) ++failures;
}

void note(const std::string &what) {
    std::printf("note %s\n", what.c_str());
    std::fflush(stdout);
}

double since(Clock::time_point t0) {
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

Bytes read_bytes(const std::string &path) {
    std::ifstream in(path, std::ios::binary);
    return Bytes(std::istreambuf_iterator<char>(in), {});
}

std::string str(const Bytes &b) {
    return std::string(b.begin(), b.end());
}

std::string err_name(int e) {
    return e ? std::strerror(e) : "success";
}

std::string printable(const std::string &s) {
    std::string o;
    for (unsigned char c : s) {
        if (c == '\n')
            o += "\\n";
        else if (c >= 32 && c < 127)
            o += static_cast<char>(c);
        else {
            char b[8];
            std::snprintf(b, sizeof b, "\\x%02x", c);
            o += b;
        }
    }
    return o;
}

std::vector<long long> words(const std::string &s) {
    std::vector<long long> v(s.size() / 8);
    std::memcpy(v.data(), s.data(), v.size() * 8);
    return v;
}

std::string join(const std::vector<long long> &v) {
    std::string o;
    for (long long x : v) o += (o.empty() ? "" : " ") + std::to_string(x);
    return o;
}

// --- child processes ----------------------------------------------------------

struct Outcome {
    int status = 0; // waitpid status
    std::string out, err;
    double seconds = 0;
    int exit_code() const {
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
};

Outcome run_cmd(const std::vector<std::string> &argv) {
    char out_t[] = "/tmp/ktal-out.XXXXXX", err_t[] = "/tmp/ktal-err.XXXXXX";
    int of = mkstemp(out_t), ef = mkstemp(err_t);
    auto t0 = Clock::now();
    pid_t pid = fork();
    if (pid == 0) {
        dup2(of, 1);
        dup2(ef, 2);
        std::vector<char *> a;
        for (const auto &s : argv) a.push_back(const_cast<char *>(s.c_str()));
        a.push_back(nullptr);
        execv(a[0], a.data());
        _exit(127);
    }
    Outcome o;
    waitpid(pid, &o.status, 0);
    o.seconds = since(t0);
    o.out = str(read_bytes(out_t));
    o.err = str(read_bytes(err_t));
    close(of);
    close(ef);
    unlink(out_t);
    unlink(err_t);
    return o;
}

// Runs fn with this process's stdout going to a file; returns what it wrote.
template <typename F>
std::string capture_stdout(F fn) {
    std::fflush(stdout);
    char t[] = "/tmp/ktal-cap.XXXXXX";
    int f = mkstemp(t);
    int saved = dup(1);
    dup2(f, 1);
    fn();
    dup2(saved, 1);
    close(saved);
    close(f);
    std::string s = str(read_bytes(t));
    unlink(t);
    return s;
}

// --- the programs -------------------------------------------------------------

struct Env {
    std::string ktal, dir;
    std::string image(const std::string &name) const { return dir + "/" + name + ".ktal"; }
};

std::variant<Loaded, Error> load(const Device &dev, const Env &env, const std::string &name,
                                 bool persist = false) {
    return dev.load(read_bytes(env.image(name)), name, persist);
}

std::uint64_t load_ok(const Device &dev, const Env &env, const std::string &name,
                      bool persist = false) {
    auto r = load(dev, env, name, persist);
    if (auto *e = std::get_if<Error>(&r)) {
        check(false, "load " + name, e->message);
        return 0;
    }
    const Loaded &l = std::get<Loaded>(r);
    if (!l.accepted) {
        check(false, "load " + name, "refused: " + l.rejection.rule + ": " + l.rejection.message);
        return 0;
    }
    return l.handle;
}

// The same image in ring 0 and in user mode: same output, same status.
void same_both_ways(const Env &env, const std::string &name, const std::vector<std::string> &args,
                    const std::string *want_out = nullptr, int want_status = 0) {
    std::vector<std::string> ring0 = {env.ktal, "run", env.image(name)};
    std::vector<std::string> user = {env.ktal, "run", "--user", env.image(name)};
    ring0.insert(ring0.end(), args.begin(), args.end());
    user.insert(user.end(), args.begin(), args.end());
    Outcome k = run_cmd(ring0), u = run_cmd(user);
    bool banner =
        k.err.find("ktal: running in ring 0 (ktal.ko " KTAL_VERSION ")") != std::string::npos;
    check(banner && k.exit_code() == want_status && (!want_out || k.out == *want_out),
          name + ": ring 0 output and status",
          "status " + std::to_string(k.exit_code()) + ", out \"" + printable(k.out) + "\"" +
              (banner ? "" : ", stderr \"" + printable(k.err) + "\""));
    check(u.out == k.out && u.exit_code() == k.exit_code(),
          name + ": ktal run --user gives byte-identical output",
          "user status " + std::to_string(u.exit_code()) + ", out \"" + printable(u.out) + "\"");
}

void test_programs_cli(const Env &env) {
    const std::string hello = "hello\n";
    same_both_ways(env, "hello", {"a", "b"}, &hello, 43);
    const std::string echoed = "a\nb c\nddd\n";
    same_both_ways(env, "echo", {"a", "b c", "ddd"}, &echoed, 0);
    const std::string counter = "B\n";
    same_both_ways(env, "counter", {}, &counter, 0);
    std::string file = "file contents\n";
    std::string files = file + file;
    long long size = static_cast<long long>(file.size());
    files.append(reinterpret_cast<const char *>(&size), 8);
    same_both_ways(env, "files", {}, &files, 0);
    std::string sockets = "ping\n";
    for (long long v : {0LL, 16LL, 2LL}) sockets.append(reinterpret_cast<const char *>(&v), 8);
    same_both_ways(env, "sockets", {}, &sockets, 0);
    std::string misc;
    for (long long v : {0LL, 0LL, 0LL, 0LL, 16LL, 0LL, -14LL, -14LL})
        misc.append(reinterpret_cast<const char *>(&v), 8);
    same_both_ways(env, "misc", {}, &misc, 0);
    same_both_ways(env, "returns", {}, nullptr, 5);
    // An entry without a certified result exits 0, whatever it left in rax
    // (here its return address, a kernel address in ring 0).
    same_both_ways(env, "returns-unset", {}, nullptr, 0);
    const std::string deep = "deep\n";
    same_both_ways(env, "deep", {}, &deep, 0); // the whole stack budget, then a helper

    // Helpers that fail return -errno in ring 0.
    Outcome k = run_cmd({env.ktal, "run", env.image("errors")});
    std::vector<long long> want = {-EBADF,  -ENOENT, -EFAULT, -EINVAL,   -EBADF,  -EAFNOSUPPORT,
                                   -EINVAL, -EINVAL, -EINVAL, -ENOTSOCK, -EINVAL, -EFAULT};
    check(words(k.out) == want && k.exit_code() == 0, "errors: ring 0 helpers fail with -errno",
          "got " + join(words(k.out)) + ", want " + join(want));
    Outcome u = run_cmd({env.ktal, "run", "--user", env.image("errors")});
    check(words(u.out) == want && u.exit_code() == 0,
          "errors: user-mode helpers fail with the same -errno",
          "got " + join(words(u.out)) + ", want " + join(want));

    // A trap: the same report and status both ways.
    k = run_cmd({env.ktal, "run", env.image("trap")});
    u = run_cmd({env.ktal, "run", "--user", env.image("trap")});
    const std::string trap_line =
        "ktal: the program trapped: a pointer outside the sandbox and rodata (value 0x1234)";
    check(k.exit_code() == 134 && k.err.find(trap_line) != std::string::npos,
          "trap: ring 0 reports it, status 134",
          "status " + std::to_string(k.exit_code()) + ", stderr \"" + printable(k.err) + "\"");
    check(u.exit_code() == 134 && u.err.find(trap_line) != std::string::npos,
          "trap: user mode reports it the same way", "status " + std::to_string(u.exit_code()));

    // A rejection prints as `ktal verify` prints it.
    Outcome v = run_cmd({env.ktal, "verify", env.image("cli")});
    Outcome r = run_cmd({env.ktal, "run", env.image("cli")});
    std::string body = v.out.substr(v.out.find('\n') + 1);
    check(v.exit_code() == 1 && r.exit_code() == 1 && !body.empty() &&
              r.err.find(body) != std::string::npos &&
              r.err.find("REJECTED by the verifier in ktal.ko") != std::string::npos,
          "rejection: ktal run prints the kernel's verdict as ktal verify does",
          "\"" + printable(r.err) + "\" vs \"" + printable(body) + "\"");

    // Persistent programs across processes, through the command.
    Outcome ld = run_cmd({env.ktal, "load", env.image("hello")});
    std::string handle = ld.out.substr(0, ld.out.find('\n'));
    check(ld.exit_code() == 0 && !handle.empty(), "ktal load prints a handle", handle);
    Outcome ls = run_cmd({env.ktal, "list", "--json"});
    check(ls.out.find("\"handle\":" + handle + ",\"name\":\"hello.ktal\",\"persistent\":true") !=
              std::string::npos,
          "ktal list --json shows it", printable(ls.out));
    Outcome rh = run_cmd({env.ktal, "run", "--handle", handle, "x", "y", "z"});
    check(rh.exit_code() == 44 && rh.out == hello, "ktal run --handle runs it from another process",
          "status " + std::to_string(rh.exit_code()));
    rh = run_cmd({env.ktal, "run", "--handle", handle});
    ls = run_cmd({env.ktal, "list", "--json"});
    check(ls.out.find("\"runs\":2") != std::string::npos, "ktal list counts its runs",
          printable(ls.out));
    Outcome ul = run_cmd({env.ktal, "unload", handle});
    Outcome gone = run_cmd({env.ktal, "run", "--handle", handle});
    check(ul.exit_code() == 0 && gone.exit_code() == 1 &&
              gone.err.find("No such file") != std::string::npos,
          "ktal unload unloads it", printable(gone.err));
    Outcome ul2 = run_cmd({env.ktal, "unload", handle});
    check(ul2.exit_code() == 1, "ktal unload of a gone handle fails", printable(ul2.err));
}

void test_programs_api(const Device &dev, const Env &env) {
    // Every run starts from the pristine data.
    std::uint64_t h = load_ok(dev, env, "counter");
    if (h) {
        std::string out = capture_stdout([&] {
            for (int i = 0; i < 3; ++i) (void)dev.run(h, {"counter"});
        });
        check(out == "B\nB\nB\n", "counter: three runs of one load start from pristine data",
              printable(out));
        (void)dev.unload(h);
    }
    // How a run ends.
    struct Case {
        const char *name;
        Ran::How how;
        long long status;
    } cases[] = {
        {"returns", Ran::Returned, 5}, {"trap", Ran::Trapped, 134}, {"hello", Ran::Exited, 41}};
    for (const Case &c : cases) {
        h = load_ok(dev, env, c.name);
        if (!h) continue;
        std::variant<Ran, Error> r;
        capture_stdout([&] { r = dev.run(h, {c.name}); });
        const Ran *ran = std::get_if<Ran>(&r);
        bool ok = ran && ran->how == c.how && ran->status == c.status;
        if (ok && c.how == Ran::Trapped) ok = ran->trap_code == 1 && ran->trap_value == 0x1234;
        check(ok, std::string("run ") + c.name + ": how and status",
              ran ? "how " + std::to_string(ran->how) + ", status " + std::to_string(ran->status)
                  : std::get<Error>(r).message);
        (void)dev.unload(h);
    }
    // The helpers act on the calling process.
    h = load_ok(dev, env, "pid");
    if (h) {
        auto r = dev.run(h, {"pid"});
        const Ran *ran = std::get_if<Ran>(&r);
        check(ran && ran->status == getpid(), "pid: getpid in ring 0 is the caller's",
              ran ? std::to_string(ran->status) + " vs " + std::to_string(getpid()) : "run failed");
        (void)dev.unload(h);
    }
    // Stack depth (measure_stack=1): the deepest use of the 16 KiB kernel stack.
    for (const char *name :
         {"hello", "echo", "files", "sockets", "misc", "errors", "sleeper", "bench", "deep"}) {
        h = load_ok(dev, env, name);
        if (!h) continue;
        std::variant<Ran, Error> r;
        capture_stdout([&] { r = dev.run(h, {name, "arg"}); });
        const Ran *ran = std::get_if<Ran>(&r);
        if (ran && ran->stack_bytes)
            check(ran->stack_bytes < 12288,
                  std::string("stack: ") + name + " uses " + std::to_string(ran->stack_bytes) +
                      " of 16384 bytes of kernel stack (program, helpers, interrupts)");
        (void)dev.unload(h);
    }
}

// (d) A runaway program dies within 1 s of SIGINT or SIGKILL. The first
// spins 22 s first: past the soft-lockup (20 s) and RCU-stall (21 s)
// detectors, which the harness would see in the kernel log if fuel points
// did not yield the CPU. spin-inline's fuel point is the inline form
// ktal-cc emits (the helper runs only when the fuel word runs out), spin's
// a plain call of the helper.
void test_signals(const Env &env) {
    bool first = true;
    for (const char *prog : {"spin-inline", "spin", "sleeplong"}) {
        for (int sig : {SIGINT, SIGKILL}) {
            double hold = first ? 22.0 : 0.5;
            first = false;
            int errp[2];
            if (pipe(errp)) return;
            pid_t pid = fork();
            if (pid == 0) {
                dup2(errp[1], 2);
                int null = open("/dev/null", O_WRONLY);
                dup2(null, 1);
                execl(env.ktal.c_str(), env.ktal.c_str(), "run", env.image(prog).c_str(), nullptr);
                _exit(127);
            }
            close(errp[1]);
            // Wait for the banner: the program is (about to be) in ring 0.
            std::string err;
            char buf[256];
            pollfd pfd{errp[0], POLLIN, 0};
            auto t0 = Clock::now();
            while (err.find("running in ring 0") == std::string::npos && since(t0) < 20 &&
                   poll(&pfd, 1, 1000) >= 0) {
                ssize_t n = read(errp[0], buf, sizeof buf);
                if (n <= 0) break;
                err.append(buf, static_cast<size_t>(n));
            }
            usleep(static_cast<useconds_t>(hold * 1e6)); // well inside the program by now
            int st = 0;
            bool alive = waitpid(pid, &st, WNOHANG) == 0;
            auto k0 = Clock::now();
            kill(pid, sig);
            waitpid(pid, &st, 0);
            double dt = since(k0);
            close(errp[0]);
            check(alive && WIFSIGNALED(st) && WTERMSIG(st) == sig && dt < 1.0,
                  std::string(prog) + ": " + (sig == SIGINT ? "SIGINT" : "SIGKILL") + " after " +
                      std::to_string(static_cast<int>(hold * 1000)) +
                      " ms in ring 0 ends it within 1 s",
                  std::string(alive ? "" : "it was not running; ") + "gone " +
                      std::to_string(dt * 1000) + " ms after the signal, " +
                      (WIFSIGNALED(st) ? "killed by signal " + std::to_string(WTERMSIG(st))
                                       : "exit " + std::to_string(WEXITSTATUS(st))));
        }
    }
}

// (f) Two processes in ring 0 at once. Each child notes when its RUN
// returned and how long the program was in ring 0 (the kernel's count, which
// leaves out waiting for the program's run lock): the two ring-0 intervals
// overlap when the programs ran at the same time.
struct Interval {
    double start, end;
};

double mono_now() {
    timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<double>(ts.tv_sec) + ts.tv_nsec / 1e9;
}

void test_parallel(const Env &env) {
    auto *shared = static_cast<Interval *>(
        mmap(nullptr, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0));
    auto child = [&](const std::string &prog, std::uint64_t handle, Interval *slot) -> pid_t {
        pid_t pid = fork();
        if (pid == 0) {
            auto opened = Device::open();
            if (!std::holds_alternative<Device>(opened)) _exit(90);
            const Device &dev = std::get<Device>(opened);
            std::uint64_t h = handle;
            if (!h) {
                auto l = dev.load(read_bytes(env.image(prog)), prog);
                if (!std::holds_alternative<Loaded>(l) || !std::get<Loaded>(l).accepted) _exit(91);
                h = std::get<Loaded>(l).handle;
            }
            auto r = dev.run(h, {prog});
            double end = mono_now();
            if (!std::holds_alternative<Ran>(r)) _exit(92);
            const Ran &ran = std::get<Ran>(r);
            *slot = {end - ran.nanoseconds / 1e9, end};
            if (prog == "pid") _exit(ran.status == getpid() ? 0 : 93);
            _exit(ran.status == 0 ? 0 : 94);
        }
        return pid;
    };
    // Returns the overlap of the two ring-0 intervals, in seconds.
    auto both = [&](const std::string &prog, std::uint64_t handle, int *s1, int *s2) {
        pid_t a = child(prog, handle, &shared[0]), b = child(prog, handle, &shared[1]);
        waitpid(a, s1, 0);
        waitpid(b, s2, 0);
        return std::min(shared[0].end, shared[1].end) - std::max(shared[0].start, shared[1].start);
    };
    auto exited0 = [](int st) { return WIFEXITED(st) && WEXITSTATUS(st) == 0; };
    int s1 = 0, s2 = 0;
    double overlap = both("sleeper", 0, &s1, &s2);
    check(exited0(s1) && exited0(s2) && overlap > 0.15,
          "two processes: two programs sleep 300 ms in ring 0 at the same time",
          "their ring-0 intervals overlap by " + std::to_string(overlap * 1000) + " ms");
    both("pid", 0, &s1, &s2);
    check(exited0(s1) && exited0(s2), "two processes: each program's getpid is its own process's",
          std::to_string(WEXITSTATUS(s1)) + ", " + std::to_string(WEXITSTATUS(s2)));
    // One persistent program from two processes: its runs take turns.
    auto opened = Device::open();
    if (!std::holds_alternative<Device>(opened)) return;
    const Device &dev = std::get<Device>(opened);
    std::uint64_t h = load_ok(dev, env, "sleeper", true);
    if (!h) return;
    overlap = both("sleeper", h, &s1, &s2);
    check(exited0(s1) && exited0(s2) && overlap < 0.05,
          "two processes: runs of one persistent program take turns",
          "their ring-0 intervals overlap by " + std::to_string(overlap * 1000) + " ms");
    (void)dev.unload(h);
    munmap(shared, 4096);
}

// (g) Bad arguments get errors.
int raw(const Device &dev, unsigned long cmd, void *arg) {
    return ::ioctl(dev.fd(), cmd, arg) == 0 ? 0 : errno;
}

void expect_errno(const std::string &what, int got, int want) {
    check(got == want, "args: " + what, "got " + err_name(got) + ", want " + err_name(want));
}

void test_bad_args(const Device &dev, const Env &env) {
    Bytes image = read_bytes(env.image("hello"));
    auto load_args = [&](const Bytes &img) {
        ktal_load l{};
        l.size = sizeof l;
        l.image = reinterpret_cast<uintptr_t>(img.data());
        l.image_size = img.size();
        return l;
    };
    ktal_load l = load_args(image);
    expect_errno("LOAD: NULL struct", raw(dev, KTAL_IOC_LOAD, nullptr), EFAULT);
    l.size = 0;
    expect_errno("LOAD: struct size 0", raw(dev, KTAL_IOC_LOAD, &l), EINVAL);
    l = load_args(image);
    l.image = 0;
    expect_errno("LOAD: NULL image", raw(dev, KTAL_IOC_LOAD, &l), EFAULT);
    l = load_args(image);
    l.image = 0xdead000;
    expect_errno("LOAD: unmapped image", raw(dev, KTAL_IOC_LOAD, &l), EFAULT);
    l = load_args(image);
    l.image_size = 0;
    expect_errno("LOAD: empty image", raw(dev, KTAL_IOC_LOAD, &l), EINVAL);
    l = load_args(image);
    l.image_size = ~0ull;
    expect_errno("LOAD: image of 2^64-1 bytes", raw(dev, KTAL_IOC_LOAD, &l), E2BIG);
    l = load_args(image);
    l.image_size = 1ull << 40;
    expect_errno("LOAD: image of 2^40 bytes", raw(dev, KTAL_IOC_LOAD, &l), E2BIG);
    {
        // The image ends a mapping that a hole follows; claimed a page longer.
        long page = sysconf(_SC_PAGESIZE);
        size_t span = (image.size() + page - 1) / page * page;
        char *m = static_cast<char *>(
            mmap(nullptr, span + page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
        munmap(m + span, page);
        std::memcpy(m + span - image.size(), image.data(), image.size());
        l = load_args(image);
        l.image = reinterpret_cast<uintptr_t>(m + span - image.size());
        l.image_size = image.size() + page;
        expect_errno("LOAD: image runs off its mapping", raw(dev, KTAL_IOC_LOAD, &l), EFAULT);
        munmap(m, span);
    }
    l = load_args(image);
    l.flags = 2;
    expect_errno("LOAD: unknown flag", raw(dev, KTAL_IOC_LOAD, &l), EINVAL);
    l = load_args(image);
    l.stack_budget = 1u << 20;
    expect_errno("LOAD: stack budget above the module's", raw(dev, KTAL_IOC_LOAD, &l), EINVAL);
    for (size_t cut : {size_t{16}, size_t{64}, size_t{1000}, image.size() / 2, image.size() - 1}) {
        Bytes t(image.begin(), image.begin() + static_cast<long>(std::min(cut, image.size())));
        l = load_args(t);
        int e = raw(dev, KTAL_IOC_LOAD, &l);
        check(e == ENOEXEC && std::string(l.rejection.rule) == "image.malformed",
              "args: LOAD of the image cut to " + std::to_string(t.size()) + " bytes",
              err_name(e) + ", rule " + l.rejection.rule + ": " + l.rejection.message);
    }
    Bytes junk(5000, 0x5a);
    l = load_args(junk);
    expect_errno("LOAD: 5000 bytes of junk", raw(dev, KTAL_IOC_LOAD, &l), ENOEXEC);

    l = load_args(image);
    int e = raw(dev, KTAL_IOC_LOAD, &l);
    check(e == 0 && l.handle, "args: LOAD of the good image", err_name(e));
    std::uint64_t h = l.handle;
    std::string strings = std::string("hello") + '\0';
    auto run_args = [&] {
        ktal_run r{};
        r.size = sizeof r;
        r.handle = h;
        r.argc = 1;
        r.argv = reinterpret_cast<uintptr_t>(strings.data());
        r.argv_size = strings.size();
        return r;
    };
    ktal_run r = run_args();
    expect_errno("RUN: NULL struct", raw(dev, KTAL_IOC_RUN, nullptr), EFAULT);
    r.size = 8;
    expect_errno("RUN: struct size 8", raw(dev, KTAL_IOC_RUN, &r), EINVAL);
    for (std::uint64_t bad :
         {std::uint64_t{0}, std::uint64_t{999999}, std::uint64_t{1} << 40, ~std::uint64_t{0}}) {
        r = run_args();
        r.handle = bad;
        expect_errno("RUN: handle " + std::to_string(bad), raw(dev, KTAL_IOC_RUN, &r), ENOENT);
    }
    r = run_args();
    r.argc = 2;
    expect_errno("RUN: argc says 2, argv holds 1", raw(dev, KTAL_IOC_RUN, &r), EINVAL);
    r = run_args();
    r.argv_size = 3; // "hel": no NUL
    expect_errno("RUN: argv without its NUL", raw(dev, KTAL_IOC_RUN, &r), EINVAL);
    r = run_args();
    r.argv = 0;
    expect_errno("RUN: NULL argv", raw(dev, KTAL_IOC_RUN, &r), EFAULT);
    r = run_args();
    r.argv_size = 1ull << 30;
    expect_errno("RUN: 1 GiB of argv", raw(dev, KTAL_IOC_RUN, &r), E2BIG);
    r = run_args();
    r.argc = 1u << 30;
    expect_errno("RUN: 2^30 arguments", raw(dev, KTAL_IOC_RUN, &r), E2BIG);
    std::string big;
    for (int i = 0; i < 8000; ++i) big += std::string("123456") + '\0';
    r = run_args();
    r.argc = 8000;
    r.argv = reinterpret_cast<uintptr_t>(big.data());
    r.argv_size = big.size(); // 56000 bytes + a 64008-byte table: too much for 64 KiB
    expect_errno("RUN: argv that fits the size limit but not the table", raw(dev, KTAL_IOC_RUN, &r),
                 E2BIG);
    r = run_args();
    r.flags = 1;
    expect_errno("RUN: unknown flag", raw(dev, KTAL_IOC_RUN, &r), EINVAL);
    // A handle of another open file is not visible here.
    {
        auto other = Device::open();
        if (auto *d2 = std::get_if<Device>(&other)) {
            std::uint64_t h2 = load_ok(*d2, env, "returns");
            r = run_args();
            r.handle = h2;
            expect_errno("RUN: another open file's handle", raw(dev, KTAL_IOC_RUN, &r), ENOENT);
            ktal_unload u{sizeof(ktal_unload), 0, h2, 0};
            expect_errno("UNLOAD: another open file's handle", raw(dev, KTAL_IOC_UNLOAD, &u),
                         ENOENT);
        }
    }
    r = run_args();
    std::string out = capture_stdout([&] { e = raw(dev, KTAL_IOC_RUN, &r); });
    check(e == 0 && r.how == KTAL_RUN_EXITED && r.status == 41 && out == "hello\n",
          "args: RUN of the good handle", err_name(e) + ", status " + std::to_string(r.status));

    ktal_unload u{sizeof(ktal_unload), 0, h, 0};
    expect_errno("UNLOAD: NULL struct", raw(dev, KTAL_IOC_UNLOAD, nullptr), EFAULT);
    u.flags = 1;
    expect_errno("UNLOAD: unknown flag", raw(dev, KTAL_IOC_UNLOAD, &u), EINVAL);
    u = {sizeof(ktal_unload), 0, 0, 0};
    expect_errno("UNLOAD: handle 0", raw(dev, KTAL_IOC_UNLOAD, &u), ENOENT);
    u = {sizeof(ktal_unload), 0, h, 0};
    expect_errno("UNLOAD: the good handle", raw(dev, KTAL_IOC_UNLOAD, &u), 0);
    expect_errno("UNLOAD: the same handle again", raw(dev, KTAL_IOC_UNLOAD, &u), ENOENT);
    r = run_args();
    expect_errno("RUN: an unloaded handle", raw(dev, KTAL_IOC_RUN, &r), ENOENT);

    ktal_list li{};
    li.size = sizeof li;
    li.entry_size = 4;
    expect_errno("LIST: entry size 4", raw(dev, KTAL_IOC_LIST, &li), EINVAL);
    std::uint64_t h3 = load_ok(dev, env, "returns");
    li = {};
    li.size = sizeof li;
    li.entry_size = sizeof(ktal_program);
    li.capacity = 4;
    li.entries = 0;
    expect_errno("LIST: NULL entries", raw(dev, KTAL_IOC_LIST, &li), EFAULT);
    li.capacity = 0;
    e = raw(dev, KTAL_IOC_LIST, &li);
    check(e == 0 && li.count == 1, "LIST: capacity 0 counts",
          err_name(e) + ", count " + std::to_string(li.count));
    (void)dev.unload(h3);
    expect_errno("unknown ioctl", raw(dev, _IO(KTAL_IOC_MAGIC, 0x7f), nullptr), ENOTTY);

    // Closing the device unloads its programs; max_programs holds.
    auto info0 = std::get<ktal::device::Info>(dev.info());
    {
        auto other = Device::open();
        if (auto *d2 = std::get_if<Device>(&other)) {
            unsigned n = 0;
            int last = 0;
            for (;;) {
                Bytes img = read_bytes(env.image("returns"));
                ktal_load x = load_args(img);
                last = raw(*d2, KTAL_IOC_LOAD, &x);
                if (last) break;
                if (++n > 10000) break;
            }
            check(last == ENOSPC && n + info0.programs_loaded == info0.max_programs,
                  "max_programs: the load past it gets ENOSPC",
                  std::to_string(n) + " loaded, then " + err_name(last));
        }
    }
    auto info1 = std::get<ktal::device::Info>(dev.info());
    check(info1.programs_loaded == info0.programs_loaded &&
              info1.loaded_bytes == info0.loaded_bytes,
          "closing /dev/ktal unloads what it loaded",
          std::to_string(info1.programs_loaded) + " programs, " +
              std::to_string(info1.loaded_bytes) + " bytes");
}

// (h) getpid: ring 0 vs user mode, timed inside the program. The two modes
// alternate, five runs each, and the best of each counts: the guest shares
// the host with other work, and the best run is the least disturbed.
void test_bench(const Env &env) {
    const double calls = 200000;
    auto once = [&](bool user) {
        std::vector<std::string> argv = {env.ktal, "run"};
        if (user) argv.push_back("--user");
        argv.push_back(env.image("bench"));
        Outcome o = run_cmd(argv);
        auto w = words(o.out);
        if (o.exit_code() != 0 || w.size() != 4) return -1.0;
        return static_cast<double>((w[2] - w[0]) * 1000000000LL + (w[3] - w[1])) / calls;
    };
    double k = 1e30, u = 1e30;
    for (int i = 0; i < 5; ++i) {
        k = std::min(k, once(false));
        u = std::min(u, once(true));
    }
    check(k > 0 && u > 0, "bench: getpid timed inside the program both ways");
    if (k > 0 && u > 0) {
        std::printf("getpid: %.1f ns in ring 0 (helper call), %.1f ns in user mode (system call): "
                    "%.1fx faster in ring 0\n",
                    k, u, u / k);
        std::fflush(stdout);
    }
}

// C programs through ktal-cc: the same output in ring 0 and user mode, and
// the getpid benchmark as a C program (timed with clock_gettime inside).
void test_c(const Env &c) {
    std::ifstream manifest(c.dir + "/manifest");
    std::string line;
    std::map<std::string, bool> built;
    while (std::getline(manifest, line)) {
        std::string name = line.substr(0, line.find('\t'));
        built[name] = line.substr(line.find('\t') + 1) == "built";
        check(built[name], "C: ktal-cc compiled " + name + ".c");
    }
    if (built["greet"]) {
        const std::string want =
            "hello from ktal with 2 argument(s)\n  argv[1] = \"a b\" (3 bytes)\n"
            "  argv[2] = \"c\" (1 bytes)\nuid 0\nread 14 bytes: file contents\n";
        same_both_ways(c, "greet", {"a b", "c"}, &want, 13);
        // An argument that reaches the argument area's last page: loads may
        // read all of it (the guards' window once stopped a page short of
        // the image's end, and strlen of this argument trapped).
        const std::string big(65000, 'x');
        const std::string want_big = "hello from ktal with 1 argument(s)\n  argv[1] = \"" + big +
                                     "\" (65000 bytes)\nuid 0\nread 14 bytes: file contents\n";
        same_both_ways(c, "greet", {big}, &want_big, 12);
    }
    if (built["getpid_bench"]) {
        auto once = [&](bool user) {
            std::vector<std::string> argv = {c.ktal, "run"};
            if (user) argv.push_back("--user");
            argv.push_back(c.image("getpid_bench"));
            argv.push_back("200000");
            Outcome o = run_cmd(argv);
            size_t at = o.out.find(" ns per call");
            if (o.exit_code() != 0 || at == std::string::npos)
                return std::make_pair(-1L, o.out + o.err);
            size_t from = o.out.rfind(' ', at - 1);
            return std::make_pair(std::atol(o.out.substr(from + 1, at - from - 1).c_str()), o.out);
        };
        std::pair<long, std::string> k{-1, ""}, u{-1, ""};
        for (int i = 0; i < 5; ++i) { // alternating, best of five each (as test_bench)
            auto a = once(false), b = once(true);
            if (a.first > 0 && (k.first < 0 || a.first < k.first)) k = a;
            if (b.first > 0 && (u.first < 0 || b.first < u.first)) u = b;
        }
        check(k.first > 0 && u.first > 0, "C: getpid_bench runs both ways",
              printable(k.second) + " / " + printable(u.second));
        if (k.first > 0 && u.first > 0) {
            std::printf("getpid (C, ktal-cc): ring 0: %s", k.second.c_str());
            std::printf("getpid (C, ktal-cc): user:   %s", u.second.c_str());
            std::printf("getpid (C, ktal-cc): %.1fx faster in ring 0\n",
                        static_cast<double>(u.first) / static_cast<double>(k.first));
            std::fflush(stdout);
        }
    }
}

int programs(const std::string &ktal, const std::string &dir, const std::string &cdir) {
    Env env{ktal, dir};
    auto opened = Device::open();
    if (auto *e = std::get_if<Error>(&opened)) {
        check(false, "open /dev/ktal", e->message);
        return 1;
    }
    const Device &dev = std::get<Device>(opened);
    auto info = dev.info();
    const auto *in = std::get_if<ktal::device::Info>(&info);
    check(in && (in->flags & KTAL_INFO_RUN) && in->abi_minor >= 2,
          "info: ABI 1.2 with KTAL_INFO_RUN");
    test_programs_cli(env);
    test_programs_api(dev, env);
    test_signals(env);
    test_parallel(env);
    test_bad_args(dev, env);
    test_bench(env);
    if (!cdir.empty()) test_c(Env{ktal, cdir});
    return 0;
}

// (c) The adversarial corpus: the kernel refuses every image, for the rule
// user space names.
int corpus(const std::string &dir) {
    auto opened = Device::open();
    if (auto *e = std::get_if<Error>(&opened)) {
        check(false, "open /dev/ktal", e->message);
        return 1;
    }
    const Device &dev = std::get<Device>(opened);
    std::ifstream manifest(dir + "/manifest");
    std::string line;
    int cases = 0, agree = 0, unexpected = 0;
    while (std::getline(manifest, line)) {
        std::string name = line.substr(0, line.find('\t')),
                    expect = line.substr(line.find('\t') + 1);
        ++cases;
        if (expect == "unbuilt") {
            check(false, name, "the case does not build (see the build log)");
            continue;
        }
        Bytes image = read_bytes(dir + "/" + name + ".ktal");
        ktal::CheckResult u = ktal::check_image(image, 4096);
        std::string user = u.accepted    ? "accept"
                           : u.malformed ? "image.malformed"
                                         : u.rejection.rule;
        auto k = dev.load(image, name);
        std::string kernel;
        if (auto *e = std::get_if<Error>(&k))
            kernel = "error: " + e->message;
        else {
            const Loaded &l = std::get<Loaded>(k);
            kernel = l.accepted ? "accept" : l.rejection.rule;
            if (l.accepted) (void)dev.unload(l.handle);
        }
        bool ok = kernel == user && kernel != "accept";
        agree += ok;
        if (user != expect) {
            ++unexpected;
            note(name + ": expects " + expect + ", the verifier says " + user +
                 " (a verifier matter, not ktal.ko's)");
        }
        if (!ok || std::getenv("KTAL_VERBOSE"))
            check(ok, name, "kernel " + kernel + ", user space " + user);
    }
    check(cases > 0 && agree == cases,
          "corpus: LOAD refuses every adversarial image with the user-space rule",
          std::to_string(agree) + " of " + std::to_string(cases) + " agree; " +
              std::to_string(unexpected) + " differ from their `# expect`");
    return 0;
}

// (e) Load/run/unload cycles leave memory where it was.
std::map<std::string, long long> meminfo() {
    std::map<std::string, long long> m;
    std::ifstream in("/proc/meminfo");
    std::string k;
    long long v;
    std::string unit;
    while (in >> k >> v) {
        std::getline(in, unit);
        m[k.substr(0, k.size() - 1)] = v;
    }
    return m;
}

// Bytes in use in slab objects: the sum of active_objs * objsize.
long long slab_active_bytes() {
    std::ifstream in("/proc/slabinfo");
    std::string line;
    long long total = 0;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#' || line.rfind("slabinfo", 0) == 0) continue;
        std::istringstream s(line);
        std::string name;
        long long active, num, objsize;
        if (s >> name >> active >> num >> objsize) total += active * objsize;
    }
    return total;
}

int cycles(const std::string &dir, int n) {
    Env env{"", dir};
    auto opened = Device::open();
    if (auto *e = std::get_if<Error>(&opened)) {
        check(false, "open /dev/ktal", e->message);
        return 1;
    }
    const Device &dev = std::get<Device>(opened);
    Bytes image = read_bytes(env.image("counter"));
    int bad = 0;
    auto cycle = [&] {
        auto l = dev.load(image, "counter");
        if (!std::holds_alternative<Loaded>(l) || !std::get<Loaded>(l).accepted)
            return ++bad, void();
        std::uint64_t h = std::get<Loaded>(l).handle;
        if (!std::holds_alternative<Ran>(dev.run(h, {"counter"}))) ++bad;
        if (!std::holds_alternative<std::monostate>(dev.unload(h))) ++bad;
    };
    int null = open("/dev/null", O_WRONLY), saved = dup(1);
    dup2(null, 1);                        // the program's output
    for (int i = 0; i < 50; ++i) cycle(); // warm the caches
    sync();
    usleep(200000);
    auto m0 = meminfo();
    long long s0 = slab_active_bytes();
    auto t0 = Clock::now();
    for (int i = 0; i < n; ++i) cycle();
    double secs = since(t0);
    usleep(200000);
    auto m1 = meminfo();
    long long s1 = slab_active_bytes();
    dup2(saved, 1);
    long long dv = (m1["VmallocUsed"] - m0["VmallocUsed"]) * 1024,
              ds = (m1["Slab"] - m0["Slab"]) * 1024, da = s1 - s0;
    std::printf("cycles: %d load/run/unload cycles in %.1f s; VmallocUsed %lld kB %+lld bytes, "
                "Slab %lld kB %+lld "
                "bytes, slab objects in use %lld bytes %+lld bytes\n",
                n, secs, m0["VmallocUsed"], dv, m0["Slab"], ds, s0, da);
    check(s0 > 0 && m0["Slab"] > 0, "cycles: /proc/slabinfo and /proc/meminfo read");
    check(bad == 0, "cycles: every load, run and unload succeeded",
          std::to_string(bad) + " failed");
    // One cycle holds a 72 KiB image (vmalloc) and about 1.5 KiB of slab
    // objects (program, load arguments, admission result, argv). A leak of
    // any of them over the cycles would show as at least n times that; the
    // tolerances are a fraction of one cycle's worth per 100 cycles, above
    // the noise of an idle guest.
    check(dv <= 64 * 1024,
          "cycles: vmalloc usage back at baseline (tolerance 64 KiB, less than one image)",
          std::to_string(dv) + " bytes");
    check(da <= 64 * 1024,
          "cycles: slab objects in use back at baseline (tolerance 64 KiB, 64 bytes a cycle)",
          std::to_string(da) + " bytes");
    check(ds <= 256 * 1024,
          "cycles: Slab back at baseline (tolerance 256 KiB: partly empty slabs are kept)",
          std::to_string(ds) + " bytes");
    auto info = dev.info();
    const auto *in = std::get_if<ktal::device::Info>(&info);
    check(in && in->programs_loaded == 0 && in->loaded_bytes == 0,
          "cycles: the module holds nothing afterwards");
    return 0;
}

} // namespace

int main(int argc, char **argv) {
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    std::string mode = argc > 1 ? argv[1] : "";
    if (mode == "as" &&
        argc > 4) { // as UID GID COMMAND...: run COMMAND as that user, in that group only
        gid_t g = static_cast<gid_t>(std::atoi(argv[3]));
        if (setgroups(1, &g) || setgid(g) || setuid(static_cast<uid_t>(std::atoi(argv[2])))) {
            std::perror("ktal-run-ioctl-test as");
            return 127;
        }
        execv(argv[4], argv + 4);
        std::perror("execv");
        return 127;
    }
    if (mode == "programs" && (argc == 4 || argc == 5))
        programs(argv[2], argv[3], argc == 5 ? argv[4] : "");
    else if (mode == "corpus" && argc == 3)
        corpus(argv[2]);
    else if (mode == "cycles" && argc == 4)
        cycles(argv[2], std::atoi(argv[3]));
    else {
        std::fprintf(stderr, "usage: ktal-run-ioctl-test programs KTAL DIR [CDIR] | corpus DIR | "
                             "cycles DIR N | as UID GID CMD...\n");
        return 2;
    }
    std::printf("run_ioctl %s: %d failure(s)\n", mode.c_str(), failures);
    return failures > 100 ? 100 : failures;
}
