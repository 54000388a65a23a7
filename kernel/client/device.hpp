// User-space client of /dev/ktal: one function per ioctl, errors as text
// that names the cause and what to do about it.
#pragma once

#include <linux/ktal.h>

#include <cstdint>
#include <span>
#include <string>
#include <variant>
#include <vector>

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
    // ABI 1.2 (0 from older modules)
    unsigned long long loaded_bytes = 0, max_loaded_bytes = 0, runs = 0, max_verify_memory = 0;
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

// The outcome of KTAL_IOC_LOAD that is not an error: loaded (a handle), or
// refused: rejected by the verifier, or not an image at all (malformed; the
// rejection's rule is then "image.malformed" and its message says why).
struct Loaded {
    bool accepted = false;
    bool malformed = false;
    Rejection rejection; // when !accepted
    std::uint64_t handle = 0;
    unsigned long long image_bytes = 0, instructions = 0, functions = 0, memory = 0;
    unsigned entry_bound = 0;
};

// How a RUN ended (the program's own outcome; a fatal signal is an Error
// with errnum EINTR, and the process is about to die of it).
struct Ran {
    enum How { Returned = KTAL_RUN_RETURNED, Exited = KTAL_RUN_EXITED, Trapped = KTAL_RUN_TRAPPED };
    How how = Returned;
    long long status = 0;
    unsigned trap_code = 0;
    unsigned long long trap_value = 0, fuel = 0, nanoseconds = 0;
    unsigned long long stack_bytes = 0; // with ktal.ko's measure_stack
};

// A loaded program, as KTAL_IOC_LIST describes it.
struct Program {
    std::uint64_t handle = 0;
    bool persistent = false, mine = false;
    unsigned long long image_bytes = 0, runs = 0, instructions = 0;
    unsigned entry_bound = 0, loader_uid = 0;
    int loader_pid = 0;
    std::string name;
};

// What `trap` codes mean (tal/trap_abi.h), as the user-space runner says.
const char *trap_reason(unsigned code);

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
    // Admits a certified image (the whole file) to ring 0. persist: keep it
    // loaded after this device closes (root). A rejection is a Loaded.
    Result<Loaded> load(std::span<const unsigned char> image, const std::string &name,
                        bool persist = false, unsigned budget = 0) const;
    // Runs a loaded program with these arguments (argv[0] first).
    Result<Ran> run(std::uint64_t handle, const std::vector<std::string> &argv) const;
    Result<std::monostate> unload(std::uint64_t handle) const;
    Result<std::vector<Program>> list() const;
    int fd() const { return fd_; }

  private:
    explicit Device(int fd) : fd_(fd) {}
    int fd_ = -1;
};

} // namespace ktal::device
