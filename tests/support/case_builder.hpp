// Building test images from one text file: x86-64 assembly (Intel syntax)
// plus, in `#|` comment lines, the certificate's text form, plus what the
// verifier must say (`# expect: RULE` or `# expect: accept`) and optional
// byte-level mutations for attacks the text form cannot express.
//
//   # attack: what the case tries
//   # expect: memory.bounds
//   # prover: safe: WHY   (the verifier's rule is stricter than safety here:
//                          `ktal prove` must prove every obligation)
//   # mutate: cert-truncate -3 | cert-byte OFF VAL | cert-append HEX... |
//   #         image-truncate N | text-byte OFF VAL
//   #| ktal-cert 1
//   #| layout auto
//   main: ...
//
// The image is assembled with clang-19, linked by ld.lld-19 with
// loader/ktal.ld and the helper slots, and certified from the `#|` lines.
#pragma once

#include "tal/types.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace ktal::test {

struct Case {
    std::string name;
    std::string attack;
    std::string expect;  // a rule name, or "accept"
    std::string problem; // optional: words the rejection's message must contain
    std::string prover;  // optional: "safe: why" when the rejection is stricter than safety
    std::string assembly;
    std::string cert;
    std::vector<std::string> mutations;
};

Case parse_case(std::string_view text, std::string name = "");
bool load_case(const std::string &path, Case &out, std::string &error);
// Builds the image; false with `error` (assembler, linker or certificate text).
bool build_case(const Case &c, std::vector<u8> &image, std::string &error);
// Every *.s file in a directory, sorted.
std::vector<std::string> case_files(const std::string &dir);

} // namespace ktal::test
