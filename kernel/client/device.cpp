#include "kernel/client/device.hpp"

#include "tal/trap_abi.h"

#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <unistd.h>

namespace ktal::device {

static Error os_error(const std::string &what) {
    int e = errno;
    return Error{e, what + ": " + std::strerror(e)};
}

Result<Device> Device::open(const char *path) {
    int fd = ::open(path, O_RDWR | O_CLOEXEC);
    if (fd < 0) {
        int e = errno;
        std::string hint;
        if (e == ENOENT)
            hint = " (is ktal.ko loaded? `insmod ktal.ko`)";
        else if (e == EACCES || e == EPERM)
            hint = " (root only by default; see the module parameter `group`)";
        return Error{e, std::string("cannot open ") + path + ": " + std::strerror(e) + hint};
    }
    return Device(fd);
}

Device &Device::operator=(Device &&other) noexcept {
    if (this != &other) {
        if (fd_ >= 0) ::close(fd_);
        fd_ = other.fd_;
        other.fd_ = -1;
    }
    return *this;
}

Device::~Device() {
    if (fd_ >= 0) ::close(fd_);
}

Result<Info> Device::info() const {
    ktal_info raw{};
    raw.size = sizeof raw;
    if (::ioctl(fd_, KTAL_IOC_INFO, &raw) != 0) return os_error("KTAL_IOC_INFO");
    if ((raw.abi_version >> 16) != KTAL_ABI_MAJOR) {
        return Error{EPROTO, "ktal.ko speaks ABI " + std::to_string(raw.abi_version >> 16) +
                                 ".x, this tool " + std::to_string(KTAL_ABI_MAJOR) +
                                 ".x: rebuild one to match the other"};
    }
    Info info;
    info.abi_major = raw.abi_version >> 16;
    info.abi_minor = raw.abi_version & 0xffff;
    info.module_version.assign(raw.module_version,
                               strnlen(raw.module_version, sizeof raw.module_version));
    info.kernel_release.assign(raw.kernel_release,
                               strnlen(raw.kernel_release, sizeof raw.kernel_release));
    info.max_image_bytes = raw.max_image_bytes;
    info.max_programs = raw.max_programs;
    info.stack_budget = raw.stack_budget;
    info.programs_loaded = raw.programs_loaded;
    info.cert_version = raw.cert_version;
    info.flags = raw.flags;
    if (raw.size >= offsetof(ktal_info, max_verify_memory) + sizeof raw.max_verify_memory) {
        info.loaded_bytes = raw.loaded_bytes;
        info.max_loaded_bytes = raw.max_loaded_bytes;
        info.runs = raw.runs;
        info.max_verify_memory = raw.max_verify_memory;
    }
    return info;
}

static std::string field(const char *s, size_t n) {
    return std::string(s, strnlen(s, n));
}

static Rejection rejection_of(const ktal_rejection &r) {
    Rejection out;
    out.rule = field(r.rule, sizeof r.rule);
    out.message = field(r.message, sizeof r.message);
    out.expected = field(r.expected, sizeof r.expected);
    out.found = field(r.found, sizeof r.found);
    out.disasm = field(r.disasm, sizeof r.disasm);
    out.in_function = r.flags & KTAL_REJ_IN_FUNCTION;
    out.function_entry = r.function_entry;
    out.block = r.block;
    out.address = r.address;
    out.cert_offset = r.cert_offset;
    return out;
}

// An old module answers a new command with ENOTTY.
static std::string old_module(int e) {
    return e == ENOTTY ? " (this ktal.ko predates LOAD/RUN, ABI 1.2: load a newer one)" : "";
}

const char *trap_reason(unsigned code) {
    switch (code) {
    case KTAL_TRAP_BOUNDS: return "a pointer outside the sandbox and rodata";
    case KTAL_TRAP_DIVIDE: return "division by zero";
    case KTAL_TRAP_STACK: return "the unsafe stack overflowed";
    case KTAL_TRAP_DISPATCH: return "a call through a pointer that names no function";
    case KTAL_TRAP_ABORT: return "abort()";
#ifdef KTAL_TRAP_UNREACHABLE
    case KTAL_TRAP_UNREACHABLE: return "unreachable code was reached";
#endif
    default: return "an unknown trap";
    }
}

Result<Verdict> Device::verify(std::span<const unsigned char> text,
                               std::span<const unsigned char> cert, unsigned budget) const {
    ktal_verify raw{};
    raw.size = sizeof raw;
    raw.stack_budget = budget;
    raw.text = reinterpret_cast<uintptr_t>(text.data());
    raw.text_size = text.size();
    raw.cert = reinterpret_cast<uintptr_t>(cert.data());
    raw.cert_size = cert.size();
    Verdict v;
    if (::ioctl(fd_, KTAL_IOC_VERIFY, &raw) == 0) {
        v.accepted = true;
    } else if (errno != EACCES) {
        int e = errno;
        std::string hint;
        if (e == ENOTTY)
            hint = " (this ktal.ko predates VERIFY, ABI 1.1: load a newer one)";
        else if (e == E2BIG)
            hint = " (larger than the module's max_image_bytes; see `ktal info`)";
        else if (e == EINVAL)
            hint = " (empty text or certificate, or a stack budget above the module's)";
        else if (e == ENOMEM)
            hint = " (see the module parameter max_verify_memory)";
        return Error{e, std::string("KTAL_IOC_VERIFY: ") + std::strerror(e) + hint};
    }
    v.instructions = raw.instructions;
    v.functions = raw.functions;
    v.memory = raw.memory;
    if (!v.accepted) v.rejection = rejection_of(raw.rejection);
    return v;
}

Result<Loaded> Device::load(std::span<const unsigned char> image, const std::string &name,
                            bool persist, unsigned budget) const {
    ktal_load raw{};
    raw.size = sizeof raw;
    raw.stack_budget = budget;
    raw.image = reinterpret_cast<uintptr_t>(image.data());
    raw.image_size = image.size();
    raw.flags = persist ? KTAL_LOAD_PERSIST : 0;
    std::snprintf(raw.name, sizeof raw.name, "%s", name.c_str());
    Loaded l;
    if (::ioctl(fd_, KTAL_IOC_LOAD, &raw) == 0) {
        l.accepted = true;
        l.handle = raw.handle;
        l.image_bytes = raw.image_bytes;
        l.entry_bound = raw.entry_bound;
    } else if (errno == EACCES || errno == ENOEXEC) {
        l.malformed = errno == ENOEXEC;
        l.rejection = rejection_of(raw.rejection);
    } else {
        int e = errno;
        std::string hint = old_module(e);
        if (e == E2BIG)
            hint = " (larger than the module's max_image_bytes; see `ktal info`)";
        else if (e == ENOSPC)
            hint = " (the module's max_programs or max_loaded_bytes is reached; see `ktal info`, "
                   "`ktal list`)";
        else if (e == EPERM)
            hint = " (a persistent load needs root)";
        else if (e == EINVAL)
            hint = " (an empty image, or a stack budget above the module's)";
        else if (e == ENOMEM)
            hint = " (see the module parameter max_verify_memory)";
        return Error{e, std::string("KTAL_IOC_LOAD: ") + std::strerror(e) + hint};
    }
    l.instructions = raw.instructions;
    l.functions = raw.functions;
    l.memory = raw.memory;
    return l;
}

Result<Ran> Device::run(std::uint64_t handle, const std::vector<std::string> &argv) const {
    std::string strings;
    for (const std::string &a : argv) {
        strings += a;
        strings += '\0';
    }
    ktal_run raw{};
    raw.size = sizeof raw;
    raw.argc = static_cast<__u32>(argv.size());
    raw.handle = handle;
    raw.argv = reinterpret_cast<uintptr_t>(strings.data());
    raw.argv_size = strings.size();
    if (::ioctl(fd_, KTAL_IOC_RUN, &raw) != 0) {
        int e = errno;
        std::string hint = old_module(e);
        if (e == ENOENT)
            hint = " (no program " + std::to_string(handle) + " here; see `ktal list`)";
        else if (e == E2BIG)
            hint = " (the arguments do not fit the program's 64 KiB argument area)";
        else if (e == EINTR)
            hint = " (stopped by a fatal signal)";
        return Error{e, std::string("KTAL_IOC_RUN: ") + std::strerror(e) + hint};
    }
    Ran r;
    r.how = static_cast<Ran::How>(raw.how);
    r.status = raw.status;
    r.trap_code = raw.trap_code;
    r.trap_value = raw.trap_value;
    r.fuel = raw.fuel;
    r.nanoseconds = raw.nanoseconds;
    r.stack_bytes = raw.stack_bytes;
    return r;
}

Result<std::monostate> Device::unload(std::uint64_t handle) const {
    ktal_unload raw{};
    raw.size = sizeof raw;
    raw.handle = handle;
    if (::ioctl(fd_, KTAL_IOC_UNLOAD, &raw) != 0) {
        int e = errno;
        std::string hint = old_module(e);
        if (e == ENOENT)
            hint = " (no program " + std::to_string(handle) + " here; see `ktal list`)";
        else if (e == EPERM)
            hint = " (a persistent program can be unloaded by root only)";
        return Error{e, std::string("KTAL_IOC_UNLOAD: ") + std::strerror(e) + hint};
    }
    return std::monostate{};
}

Result<std::vector<Program>> Device::list() const {
    std::vector<ktal_program> raw_entries(16);
    for (;;) {
        ktal_list raw{};
        raw.size = sizeof raw;
        raw.entry_size = sizeof(ktal_program);
        raw.entries = reinterpret_cast<uintptr_t>(raw_entries.data());
        raw.capacity = raw_entries.size();
        if (::ioctl(fd_, KTAL_IOC_LIST, &raw) != 0) {
            int e = errno;
            return Error{e, std::string("KTAL_IOC_LIST: ") + std::strerror(e) + old_module(e)};
        }
        if (raw.count > raw_entries.size()) { // more appeared: ask again, larger
            raw_entries.resize(raw.count + 16);
            continue;
        }
        std::vector<Program> out;
        for (size_t i = 0; i < raw.count; ++i) {
            const ktal_program &p = raw_entries[i];
            Program q;
            q.handle = p.handle;
            q.persistent = p.flags & KTAL_PROG_PERSISTENT;
            q.mine = p.flags & KTAL_PROG_MINE;
            q.image_bytes = p.image_bytes;
            q.runs = p.runs;
            q.instructions = p.instructions;
            q.entry_bound = p.entry_bound;
            q.loader_uid = p.loader_uid;
            q.loader_pid = p.loader_pid;
            q.name = field(p.name, sizeof p.name);
            out.push_back(std::move(q));
        }
        return out;
    }
}

} // namespace ktal::device
