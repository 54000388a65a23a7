#include "kernel/client/device.hpp"

#include <cerrno>
#include <cstdint>
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
    return info;
}

static std::string field(const char *s, size_t n) {
    return std::string(s, strnlen(s, n));
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
    if (!v.accepted) {
        const ktal_rejection &r = raw.rejection;
        Rejection &out = v.rejection;
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
    }
    return v;
}

} // namespace ktal::device
