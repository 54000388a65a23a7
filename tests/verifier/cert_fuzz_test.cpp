// Damaged certificates against real text: random byte flips, insertions,
// deletions and truncations of the certificates of accepted programs. The
// verifier must answer every one (accept, or reject for a named rule) without
// crashing or reading out of bounds (these tests run under ASan+UBSan), and
// a certificate it accepts must be accepted again after a round trip through
// the model.
#include "tests/verifier/rules_support.hpp"

#include "loader/image.hpp"
#include "tal/cert_model.hpp"

#include <cstring>
#include <memory>
#include <random>

using namespace ktal;
using namespace ktal::test;

namespace {

std::vector<std::string> programs() {
    return {
        one("bound=8\n  args int int\n  block @loop: rsp=stack[0] saved rdi=int rcx=int[0,79]",
            "  xor ecx, ecx\nloop:\n  call __ktal_helper_fuel\n" + probe("rcx") +
                "  inc rcx\n  cmp rcx, 80\n  jb loop\n  ret"),
        prog(
            "function leaf frame=16 bound=16\n  args int[0,79] sandbox[0,64]\n  result int[0,79]\n"
            "function main frame=8 bound=32\n  args int int\n"
            "  block @again: rsp=stack[-8] rbp=saved:rbp r12=saved:r12 r13=saved:r13 r14=saved:r14 "
            "r15=saved:r15 [-8]=saved:rbx rdi=int",
            fn("leaf", "  sub rsp, 16\n  mov qword ptr [rsp], rdi\n  mov dword ptr [rsp + 8], 5\n"
                       "  mov rax, qword ptr [rsp]\n  add rsp, 16\n  ret") +
                fn("main",
                   "  push rbx\nagain:\n  call __ktal_helper_fuel\n  mov rbx, rdi\n  and edi, 63\n"
                   "  lea rsi, [rip + obj]\n  call leaf\n  mov rdi, rbx\n  test rdi, rdi\n  jne "
                   "again\n"
                   "  pop rbx\n  ret")),
    };
}

struct Base {
    std::vector<u8> file;
    Image img;
};

TEST(CertFuzz, DamagedCertificatesAreAnsweredCleanly) {
    std::mt19937_64 rng(99);
    int accepted = 0, rejected = 0;
    for (const std::string &text : programs()) {
        Base b;
        b.file = image_of(text);
        LoadError le;
        ASSERT_TRUE(image_parse(b.file.data(), b.file.size(), b.img, le)) << le.message.c_str();
        const std::vector<u8> good(b.img.cert, b.img.cert + b.img.cert_size);
        CheckResult base = check_parts(b.img.text.bytes, b.img.text.size, good.data(), good.size(),
                                       4096, &b.img.layout);
        ASSERT_TRUE(base.accepted) << base.rejection.rule << ": " << base.rejection.message.c_str();
        for (int round = 0; round < 1500; ++round) {
            std::vector<u8> c = good;
            int edits = 1 + static_cast<int>(rng() % 3);
            for (int e = 0; e < edits && !c.empty(); ++e) {
                usize at = rng() % c.size();
                switch (rng() % 5) {
                case 0: c[at] ^= static_cast<u8>(1u << (rng() % 8)); break;
                case 1: c[at] = static_cast<u8>(rng()); break;
                case 2: c.resize(at); break;
                case 3: c.insert(c.begin() + static_cast<long>(at), static_cast<u8>(rng())); break;
                default: c.erase(c.begin() + static_cast<long>(at)); break;
                }
            }
            // An exact-size copy: a read past its end is an ASan error.
            std::unique_ptr<u8[]> exact(new u8[c.size() + 1]);
            std::memcpy(exact.get(), c.data(), c.size());
            CheckResult r = check_parts(b.img.text.bytes, b.img.text.size, exact.get(), c.size(),
                                        4096, &b.img.layout);
            if (r.accepted) {
                ++accepted;
                // Accepted consistently: the same certificate re-encoded from its model.
                std::vector<u8> mem(64 * c.size() + 4096);
                Arena arena(mem.data(), mem.size());
                Cert parsed;
                CertError ce;
                ASSERT_TRUE(cert_read(c.data(), c.size(), arena, parsed, ce)) << ce.message.c_str();
                std::vector<u8> again = model::encode(model::from_cert(parsed));
                CheckResult r2 = check_parts(b.img.text.bytes, b.img.text.size, again.data(),
                                             again.size(), 4096, &b.img.layout);
                ASSERT_TRUE(r2.accepted)
                    << r2.rejection.rule << ": " << r2.rejection.message.c_str();
            } else {
                ++rejected;
                ASSERT_FALSE(r.malformed) << r.load_error;
                ASSERT_NE(r.rejection.rule, nullptr);
                ASSERT_GT(std::strlen(r.rejection.rule), 0u);
            }
        }
    }
    EXPECT_GT(rejected, 0);
    std::printf("damaged certificates: %d accepted, %d rejected\n", accepted, rejected);
}

} // namespace
