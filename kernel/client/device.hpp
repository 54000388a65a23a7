// User-space client of /dev/ktal: one function per ioctl, errors as text
// that names the cause and what to do about it.
#pragma once

#include <linux/ktal.h>

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
    unsigned long long max_image_bytes = 0, max_programs = 0, stack_budget = 0,
                       programs_loaded = 0;
    unsigned cert_version = 0, flags = 0;
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
    int fd() const { return fd_; }

  private:
    explicit Device(int fd) : fd_(fd) {}
    int fd_ = -1;
};

} // namespace ktal::device
