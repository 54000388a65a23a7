// Verifying an image file in user space: parse the ELF, check the
// certificate's layout against it, run the verifier. One call for every tool
// (ktal verify, ktal-cc's self-check, ktal run --user, tests, fuzzer, bench).
#pragma once

#include "loader/image.hpp"
#include "verifier/verifier.hpp"

#include <string>
#include <vector>

namespace ktal {

struct CheckResult {
    bool accepted = false;
    bool malformed = false; // the file is not a usable image (load_error says why)
    std::string load_error;
    Rejection rejection; // when !accepted && !malformed
    Stats stats;
    Image image; // valid when !malformed
};

CheckResult check_image(const std::vector<u8> &file, u32 stack_budget = 4096);

// Verifies raw text + certificate bytes (tests and the fuzzer).
CheckResult check_parts(const u8 *text, u64 text_size, const u8 *cert, usize cert_size,
                        u32 stack_budget = 4096, const Layout *layout = nullptr);

} // namespace ktal
