// User-space client of /dev/ktal: one function per ioctl, errors as text
// that names the cause and what to do about it.
#pragma once

#include <linux/ktal.h>

#include <span>
#include <string>
#include <variant>

namespace ktal::device {

struct Error {
    int errnum = 0;      // errno from the failing call, 0 if none
    std::string message; // what failed and what to do
};

template <typename T>
using Result = std::variant<T, Error>;

struct Info {
    unsigned abi_major = 0, abi_minor = 0;
    std::string module_version;
    std::string kernel_release;
    unsigned long long max_image_bytes = 0, max_programs = 0, stack_budget = 0, programs_loaded = 0;
    unsigned cert_version = 0, flags = 0;
};

// Why the kernel's verifier rejected a program (struct ktal_rejection).
struct Rejection {
    std::string rule;    // e.g. "encoding.forbidden-opcode"
    std::string message; // the rule's explanation
    std::string expected, found;
    std::string disasm; // the instruction, as Capstone prints it
    bool in_function = false;
    unsigned long long function_entry = 0, block = 0, address = 0, cert_offset = 0;
};

// The outcome of KTAL_IOC_VERIFY that is not an error: accepted, or rejected
// with the reason.
struct Verdict {
    bool accepted = false;
    Rejection rejection; // when !accepted
    unsigned long long instructions = 0, functions = 0, memory = 0;
};

// An open /dev/ktal; closing it (destruction) frees what it loaded.
class Device {
  public:
    static Result<Device> open(const char *path = KTAL_DEVICE_PATH);
    Device(Device &&other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
    Device &operator=(Device &&other) noexcept;
    Device(const Device &) = delete;
    Device &operator=(const Device &) = delete;
    ~Device();

    Result<Info> info() const;
    // Runs the kernel's verifier over a text section and its certificate
    // (loads nothing). budget: stack bytes for the entry function, 0 = the
    // module's stack_budget. A rejection is a Verdict; an Error is anything
    // else (bad arguments, no memory, interrupted, an old module).
    Result<Verdict> verify(std::span<const unsigned char> text, std::span<const unsigned char> cert,
                           unsigned budget = 0) const;
    int fd() const { return fd_; }

  private:
    explicit Device(int fd) : fd_(fd) {}
    int fd_ = -1;
};

} // namespace ktal::device
