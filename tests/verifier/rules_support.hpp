// Small programs for the rule tests: a test writes the certificate lines and
// the assembly of one or more functions; this header adds the common header
// (`ktal-cert 1`, `layout auto`, `helpers auto`, `entry main`), a sandbox
// object and a rodata table, builds the image with the case builder and runs
// the verifier on it.
//
//   EXPECT_ACCEPT(one("bound=0", "  xor eax, eax\n  ret"));
//   EXPECT_REJECT(one("bound=0", "  mov rax, rcx\n  ret"), rule::kUninit);
//
// one(cert, body) is a single function `main`: `cert` continues its
// `function main` line (more certificate lines may follow on new lines:
// args, result, block ...). prog(cert, assembly) takes whole certificate
// lines and whole functions, written with fn(name, body).
#pragma once

#include "loader/check_image.hpp"
#include "tests/support/case_builder.hpp"
#include "verifier/rules.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <string>

namespace ktal::test {

// What the verifier said about a program.
struct Outcome {
    bool built = false;
    std::string build_error;
    CheckResult r;

    bool accepted() const { return built && r.accepted; }
    std::string rule() const {
        if (!built) return "(not built: " + build_error + ")";
        if (r.accepted) return "accept";
        if (r.malformed) return "image.malformed: " + r.load_error;
        return r.rejection.rule ? r.rejection.rule : "(no rule)";
    }
    std::string message() const { return r.rejection.message.c_str(); }
    std::string expected() const { return r.rejection.expected.c_str(); }
    std::string found() const { return r.rejection.found.c_str(); }
    std::string disasm() const { return r.rejection.disasm.c_str(); }
    std::string describe() const {
        std::ostringstream o;
        o << "verdict: " << rule() << "\n  message: " << message() << "\n  at: 0x" << std::hex
          << r.rejection.address << " " << disasm() << "\n  expected: " << expected()
          << "\n  found: " << found();
        return o.str();
    }
};

// Every line of `lines` as a `#| ` certificate line.
inline std::string cert_lines(const std::string &lines) {
    std::istringstream in(lines);
    std::string out, l;
    while (std::getline(in, l)) out += "#| " + l + "\n";
    return out;
}

// A function definition in the text section.
inline std::string fn(const std::string &name, const std::string &body) {
    return "        .text\n        .globl " + name + "\n        .type " + name + ",@function\n" +
           name + ":\n" + body + "\n        .size " + name + ", .-" + name + "\n";
}

// Data every program may use: `obj` (64 bytes in the sandbox's .data),
// `table` (16 bytes of rodata, values 0..15), `words` (8 qwords of rodata).
inline const char *kData = R"(
        .data
        .p2align 4
        .globl obj
obj:    .zero 64
obj2:   .zero 64
        .section .rodata
        .p2align 4
table:  .byte 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15
words:  .quad 1,2,3,4,5,6,7,8
)";

// A whole program: certificate lines (functions, args, blocks) + assembly.
inline std::string prog(const std::string &cert, const std::string &assembly,
                        const std::string &entry = "main") {
    return cert_lines("ktal-cert 1\nlayout auto\nhelpers auto\nentry " + entry + "\n" + cert) +
           assembly + kData;
}

// A program of one function `main`.
inline std::string one(const std::string &fn_cert, const std::string &body) {
    return prog("function main " + fn_cert, fn("main", body));
}

// Reads one byte at index `reg` of two windows: rodata from its start (so the
// index must be >= 0) and the last 80 bytes of the sandbox (so it must be
// <= 79). Accepted exactly when the verifier knows reg lies in [0, 79].
// Uses r10 and r11.
inline std::string probe(const std::string &reg) {
    return "        lea r11, [rip + table]\n        movzx r10d, byte ptr [r11 + " + reg +
           "]\n        lea r11, [rip + __ktal_image_end - 80]\n        movzx r10d, byte ptr [r11 "
           "+ " +
           reg + "]\n";
}

// main(rdi, rsi, rdx: any integers) runs `body`, then probes `reg`, then returns.
inline std::string learns(const std::string &body, const std::string &reg) {
    return one("bound=0\n  args int int int", body + "\n" + probe(reg) + "        ret");
}

inline Outcome run(const std::string &text, u32 budget = 4096) {
    Outcome o;
    Case c = parse_case(text, "rule");
    std::vector<u8> image;
    o.built = build_case(c, image, o.build_error);
    if (o.built) o.r = check_image(image, budget);
    return o;
}

// The image of a program (for tests that run the verifier themselves).
inline std::vector<u8> image_of(const std::string &text) {
    std::vector<u8> image;
    std::string err;
    Case c = parse_case(text, "rule");
    EXPECT_TRUE(build_case(c, image, err)) << err;
    return image;
}

} // namespace ktal::test

#define EXPECT_ACCEPT(text)                                                                        \
    do {                                                                                           \
        ::ktal::test::Outcome o_ = ::ktal::test::run(text);                                        \
        EXPECT_TRUE(o_.accepted()) << o_.describe();                                               \
    } while (0)

#define EXPECT_REJECT(text, rule_name)                                                             \
    do {                                                                                           \
        ::ktal::test::Outcome o_ = ::ktal::test::run(text);                                        \
        EXPECT_TRUE(o_.built) << o_.build_error;                                                   \
        EXPECT_EQ(o_.rule(), std::string(rule_name)) << o_.describe();                             \
    } while (0)

// Rejected for `rule_name`, with a message that contains `words`.
#define EXPECT_REJECT_MSG(text, rule_name, words)                                                  \
    do {                                                                                           \
        ::ktal::test::Outcome o_ = ::ktal::test::run(text);                                        \
        EXPECT_TRUE(o_.built) << o_.build_error;                                                   \
        EXPECT_EQ(o_.rule(), std::string(rule_name)) << o_.describe();                             \
        EXPECT_NE(o_.message().find(words), std::string::npos) << o_.describe();                   \
    } while (0)

// The verifier learns that `reg` lies in [0, 79] after `body` ...
#define EXPECT_BOUNDED(body, reg) EXPECT_ACCEPT(::ktal::test::learns(body, reg))
// ... or it does not: the probe's access is out of bounds (memory.bounds), or
// the index is so wide that base + index is no pointer at all
// (memory.not-a-pointer: address() gives up beyond 2^48).
#define EXPECT_UNBOUNDED(body, reg)                                                                \
    do {                                                                                           \
        ::ktal::test::Outcome o_ = ::ktal::test::run(::ktal::test::learns(body, reg));             \
        EXPECT_TRUE(o_.built) << o_.build_error;                                                   \
        EXPECT_TRUE(o_.rule() == ::ktal::rule::kBounds || o_.rule() == ::ktal::rule::kNotPointer)  \
            << o_.describe();                                                                      \
    } while (0)

// The same for any program whose last access is the probe.
#define EXPECT_PROBE_FAILS(text)                                                                   \
    do {                                                                                           \
        ::ktal::test::Outcome o_ = ::ktal::test::run(text);                                        \
        EXPECT_TRUE(o_.built) << o_.build_error;                                                   \
        EXPECT_TRUE(o_.rule() == ::ktal::rule::kBounds || o_.rule() == ::ktal::rule::kNotPointer)  \
            << o_.describe();                                                                      \
    } while (0)
