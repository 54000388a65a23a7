// The certificate itself (malformed, describing another layout, an entry
// function that cannot take the loader's arguments) and the verifier's own
// limits (memory, interruption).
#include "tests/verifier/rules_support.hpp"

#include "loader/image.hpp"

#include <memory>

using namespace ktal;
using namespace ktal::test;

namespace {

const std::string kSmall =
    one("bound=8\n  args int int\n  block @loop: rsp=stack[0] saved rdi=int",
        "  xor eax, eax\nloop:\n  call __ktal_helper_fuel\n  test rdi, rdi\n  jne loop\n  ret");

std::string mutated(const std::string &mutation, const std::string &text = kSmall) {
    return "# mutate: " + mutation + "\n" + text;
}

TEST(Cert, Malformed) {
    EXPECT_ACCEPT(kSmall);
    EXPECT_REJECT_MSG(mutated("cert-truncate -1"), rule::kCertMalformed, "truncated");
    EXPECT_REJECT_MSG(mutated("cert-truncate 4"), rule::kCertMalformed, "truncated");
    EXPECT_REJECT_MSG(mutated("cert-byte 0 0x58"), rule::kCertMalformed, "bad magic");
    EXPECT_REJECT_MSG(mutated("cert-byte 8 4"), rule::kCertMalformed, "version");
    EXPECT_REJECT_MSG(mutated("cert-byte 9 1"), rule::kCertMalformed, "reserved");
    EXPECT_REJECT_MSG(mutated("cert-append 00"), rule::kCertMalformed, "trailing");
    EXPECT_REJECT(mutated("cert-replace 4b 54 41 4c"), rule::kCertMalformed);
}

TEST(Cert, MalformedReportsWhereReadingStopped) {
    Outcome o = run(mutated("cert-truncate 12"));
    EXPECT_EQ(o.rule(), rule::kCertMalformed) << o.describe();
    EXPECT_EQ(o.r.rejection.cert_offset, 12u);
}

TEST(Cert, HelperSlotsInTheirFixedOrder) {
    // Slot i is filled with helper i: a table that renames slots would type
    // calls by the wrong helper's signature.
    std::string text = prog("helpers write\nfunction main bound=0", fn("main", "  ret"));
    text.erase(text.find("#| helpers auto\n"), std::string("#| helpers auto\n").size());
    EXPECT_REJECT_MSG(text, rule::kCertMalformed, "helper");
}

TEST(Cert, StatesAreValidated) {
    // rsp outside the frame, a slot over the return address, uninit slots.
    EXPECT_REJECT_MSG(one("bound=8\n  block @b: rsp=stack[-8] saved", "b:\n  ret"),
                      rule::kCertMalformed, "rsp");
    EXPECT_REJECT_MSG(one("bound=8\n  block @b: saved", "b:\n  ret"), rule::kCertMalformed, "rsp");
    EXPECT_REJECT_MSG(one("frame=8 bound=8\n  block @b: rsp=stack[0] [0]=int", "b:\n  ret"),
                      rule::kCertMalformed, "stack slots");
    EXPECT_REJECT(one("frame=8 bound=8\n  block @b: rsp=stack[0] [-8]:4=int", "b:\n  ret"),
                  rule::kCertMalformed);
    EXPECT_REJECT(one("frame=8 bound=8\n  block @b: rsp=stack[0] [-8]=uninit", "b:\n  ret"),
                  rule::kCertMalformed);
    EXPECT_REJECT(one("frame=8 bound=8\n  block @b: rsp=stack[-8] saved [-8]:4=int[0,5]",
                      "  sub rsp, 8\n  mov dword ptr [rsp], 6\nb:\n  mov eax, dword ptr [rsp]\n  "
                      "add rsp, 8\n  ret"),
                  rule::kEdge);
    EXPECT_ACCEPT(one("frame=8 bound=8\n  block @b: rsp=stack[-8] saved [-8]:4=int[0,5]",
                      "  sub rsp, 8\n  mov dword ptr [rsp], 5\nb:\n  mov eax, dword ptr [rsp]\n  "
                      "add rsp, 8\n  ret"));
}

TEST(Cert, ArgumentsAndResultsAreData) {
    EXPECT_REJECT_MSG(prog("function leaf bound=0\n  args stack[0]\nfunction main bound=8",
                           fn("leaf", "  ret") + fn("main", "  ret")),
                      rule::kCertMalformed, "argument");
    EXPECT_REJECT_MSG(prog("function leaf bound=0\n  result retaddr\nfunction main bound=8",
                           fn("leaf", "  ret") + fn("main", "  ret")),
                      rule::kCertMalformed, "result");
}

TEST(Cert, LayoutOfAnotherImage) {
    // The first layout field (image size, a multiple of the page: its first
    // LEB128 byte is 0x80) made one byte larger.
    EXPECT_REJECT_MSG(mutated("cert-byte 10 0x81"), rule::kCertLayout, "different layout");
}

TEST(Cert, TextOfAnotherSize) {
    std::vector<u8> file = image_of(kSmall);
    Image img;
    LoadError le;
    ASSERT_TRUE(image_parse(file.data(), file.size(), img, le)) << le.message.c_str();
    CheckResult r = check_parts(img.text.bytes, img.text.size - 1, img.cert, img.cert_size);
    EXPECT_FALSE(r.accepted);
    EXPECT_STREQ(r.rejection.rule, rule::kCertLayout);
    EXPECT_NE(std::string(r.rejection.message.c_str()).find("text size"), std::string::npos);
    r = check_parts(img.text.bytes, img.text.size, img.cert, img.cert_size);
    EXPECT_TRUE(r.accepted) << r.rejection.rule;
}

TEST(Cert, EntryFunctionTakesAnyIntegers) {
    EXPECT_ACCEPT(one("bound=0\n  args int int", "  ret"));
    EXPECT_REJECT_MSG(one("bound=0\n  args int[0,5]", "  ret"), rule::kEntry, "entry function");
    EXPECT_REJECT(one("bound=0\n  args int sandbox[0,0]", "  ret"), rule::kEntry);
    // Only the entry: other functions may narrow their arguments.
    EXPECT_ACCEPT(
        prog("function leaf bound=0\n  args int[0,5]\nfunction main bound=8",
             fn("leaf", "  ret") +
                 fn("main", "  call __ktal_helper_fuel\n  mov edi, 5\n  call leaf\n  ret")));
}

// --- the verifier's own limits ---

struct Parts {
    std::vector<u8> file;
    Image img;
};

Parts parts(const std::string &text) {
    Parts p;
    p.file = image_of(text);
    LoadError le;
    EXPECT_TRUE(image_parse(p.file.data(), p.file.size(), p.img, le)) << le.message.c_str();
    return p;
}

bool verify_with(const Parts &p, usize arena_size, Rejection &rej, const Yield *y = nullptr) {
    Decoder dec;
    EXPECT_TRUE(decoder_open(dec));
    std::unique_ptr<u8[]> mem(new u8[arena_size ? arena_size : 1]);
    Arena arena(mem.get(), arena_size);
    VerifyInput in;
    in.text = p.img.text.bytes;
    in.text_size = p.img.text.size;
    in.cert = p.img.cert;
    in.cert_size = p.img.cert_size;
    in.layout = &p.img.layout;
    Stats st;
    bool ok = verify(in, dec, arena, rej, st, y);
    decoder_close(dec);
    return ok;
}

TEST(Limits, OutOfVerifierMemory) {
    // A function with a large frame: its states need the most memory.
    Parts p = parts(one("frame=4000 bound=4008\n  block @loop: rsp=stack[-4000] saved",
                        "  sub rsp, 4000\nloop:\n  call __ktal_helper_fuel\n  jmp loop"));
    Rejection rej;
    usize big = verify_arena_size(p.img.text.size, p.img.cert_size);
    EXPECT_TRUE(verify_with(p, big, rej)) << rej.rule << ": " << rej.message.c_str();
    bool saw_resource = false;
    for (usize size = 64; size < big; size *= 2) {
        Rejection r;
        if (verify_with(p, size, r)) continue;
        std::string rule = r.rule ? r.rule : "";
        // Too little memory is reported, as the certificate's (while reading
        // it) or the verifier's own, never as a fault of the program.
        EXPECT_TRUE(rule == rule::kResource || rule == rule::kCertMalformed)
            << size << ": " << rule;
        if (rule == rule::kCertMalformed)
            EXPECT_NE(std::string(r.message.c_str()).find("memory"), std::string::npos)
                << r.message.c_str();
        saw_resource |= rule == rule::kResource;
    }
    EXPECT_TRUE(saw_resource);
}

TEST(Limits, Interrupted) {
    Parts p = parts(kSmall);
    struct Count {
        int calls = 0;
    } count;
    Yield stop;
    stop.fn = [](void *ctx) {
        ++static_cast<Count *>(ctx)->calls;
        return false;
    };
    stop.ctx = &count;
    stop.every = 1;
    Rejection rej;
    EXPECT_FALSE(verify_with(p, verify_arena_size(p.img.text.size, p.img.cert_size), rej, &stop));
    EXPECT_STREQ(rej.rule, rule::kInterrupted);
    EXPECT_EQ(count.calls, 1);

    Yield go = stop;
    go.fn = [](void *ctx) {
        ++static_cast<Count *>(ctx)->calls;
        return true;
    };
    count.calls = 0;
    EXPECT_TRUE(verify_with(p, verify_arena_size(p.img.text.size, p.img.cert_size), rej, &go));
    EXPECT_GT(count.calls, 1);
}

} // namespace
