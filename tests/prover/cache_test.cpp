// The prover's proof cache (verifier/z3/cache.hpp): SHA-256 against the
// standard's test vectors; a function's key changes with every input its
// proof reads (code bytes, its blocks' states, a callee's certified type,
// the layout) and with nothing else; a second run takes complete proofs from
// the cache and reports the same obligations; refuted functions and damaged
// records are never taken from it.
#include "tests/support/case_builder.hpp"
#include "verifier/z3/cache.hpp"
#include "verifier/z3/program.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace ktal;

namespace {

std::string sha(const std::string &s) {
    return prover::Sha256().add(s).hex_digest();
}

TEST(Sha256, StandardVectors) {
    EXPECT_EQ(sha(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(sha("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(sha("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
              "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    std::string million(1000000, 'a');
    EXPECT_EQ(sha(million), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    // Pieces of any size hash as the whole.
    prover::Sha256 h;
    for (size_t i = 0; i < million.size(); i += 997)
        h.add(million.data() + i, std::min<size_t>(997, million.size() - i));
    EXPECT_EQ(h.hex_digest(), sha(million));
}

// tests/positive/006: lookup (a callee with a typed argument and result) and
// entry6, which calls it.
test::Case base_case() {
    test::Case c;
    std::string err;
    EXPECT_TRUE(test::load_case(
        std::string(KTAL_SOURCE_DIR) + "/tests/positive/006-typed-arguments.s", c, err))
        << err;
    return c;
}

std::vector<u8> build(const test::Case &c) {
    std::vector<u8> image;
    std::string err;
    EXPECT_TRUE(test::build_case(c, image, err)) << err;
    return image;
}

void replace(std::string &s, const std::string &from, const std::string &to) {
    size_t at = s.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    s.replace(at, from.size(), to);
}

struct Keys {
    std::string lookup, entry6;
};
Keys keys_of(const test::Case &c) {
    std::vector<std::string> k = prover::function_keys(build(c));
    EXPECT_EQ(k.size(), 2u);
    if (k.size() != 2) return {};
    return Keys{k[0], k[1]};
}

TEST(ProverCache, KeyFollowsEveryInput) {
    test::Case c = base_case();
    Keys k = keys_of(c);
    ASSERT_EQ(k.lookup.size(), 64u);
    EXPECT_NE(k.lookup, k.entry6);
    // The same sources give the same image and the same keys.
    Keys again = keys_of(c);
    EXPECT_EQ(again.lookup, k.lookup);
    EXPECT_EQ(again.entry6, k.entry6);

    { // a callee's certified argument type: the caller's proof reads it
        test::Case v = c;
        replace(v.cert, "args int[0,63]", "args int[0,62]");
        Keys kv = keys_of(v);
        EXPECT_NE(kv.entry6, k.entry6);
        EXPECT_NE(kv.lookup, k.lookup);
    }
    { // a callee's certified result type
        test::Case v = c;
        replace(v.cert, "result int[0,255]", "result int[0,254]");
        EXPECT_NE(keys_of(v).entry6, k.entry6);
    }
    { // a function's bound
        test::Case v = c;
        replace(v.cert, "frame=24 bound=32", "frame=24 bound=40");
        Keys kv = keys_of(v);
        EXPECT_NE(kv.entry6, k.entry6);
        EXPECT_NE(kv.lookup, k.lookup); // (every function's header is in every key)
    }
    { // one code byte of lookup (the table read becomes a word read)
        test::Case v = c;
        replace(v.assembly, "movzx   eax, byte ptr [rdi + rax]",
                "movzx   eax, word ptr [rdi + rax]");
        EXPECT_NE(keys_of(v).lookup, k.lookup);
    }
    { // the layout: more rodata
        test::Case v = c;
        v.assembly += "\n        .section .rodata\n        .zero 8192\n";
        Keys kv = keys_of(v);
        EXPECT_NE(kv.lookup, k.lookup);
        EXPECT_NE(kv.entry6, k.entry6);
    }
}

TEST(ProverCache, KeyFollowsBlockStates) {
    test::Case c;
    std::string err;
    ASSERT_TRUE(
        test::load_case(std::string(KTAL_SOURCE_DIR) + "/tests/positive/002-fuel-loop.s", c, err))
        << err;
    std::vector<std::string> k = prover::function_keys(build(c));
    ASSERT_EQ(k.size(), 1u);
    test::Case v = c;
    replace(v.cert, "rcx=int[0,99]", "rcx=int[0,98]");
    std::vector<std::string> kv = prover::function_keys(build(v));
    ASSERT_EQ(kv.size(), 1u);
    EXPECT_NE(kv[0], k[0]);
    v = c;
    replace(v.cert, "rdx=sandbox[0]", "rdx=sandbox[0] flags");
    kv = prover::function_keys(build(v));
    ASSERT_EQ(kv.size(), 1u);
    EXPECT_NE(kv[0], k[0]);
}

struct TempDir {
    std::string path;
    TempDir() {
        path = (std::filesystem::temp_directory_path() /
                ("ktal-prove-cache-test." + std::to_string(getpid()) + "." +
                 testing::UnitTest::GetInstance()->current_test_info()->name()))
                   .string();
        std::filesystem::remove_all(path);
        std::filesystem::create_directories(path);
    }
    ~TempDir() { std::filesystem::remove_all(path); }
};

TEST(ProverCache, SecondRunTakesCompleteProofs) {
    TempDir dir;
    std::vector<u8> image = build(base_case());
    prover::Options o;
    o.timeout_ms = 120000;
    o.cache_dir = dir.path;
    prover::Report first = prover::prove_image(image, o);
    ASSERT_TRUE(first.all_proved());
    EXPECT_EQ(first.cached, 0u);
    prover::Report second = prover::prove_image(image, o);
    ASSERT_TRUE(second.all_proved());
    EXPECT_EQ(second.cached, 2u);
    EXPECT_EQ(second.runs, 0u);
    ASSERT_EQ(second.obligations.size(), first.obligations.size());
    for (size_t i = 0; i < first.obligations.size(); ++i) {
        EXPECT_EQ(second.obligations[i].kind, first.obligations[i].kind);
        EXPECT_EQ(second.obligations[i].addr, first.obligations[i].addr);
        EXPECT_EQ(second.obligations[i].what, first.obligations[i].what);
        EXPECT_EQ(second.obligations[i].function_name, first.obligations[i].function_name);
    }
    // A damaged record is a miss (and the proof is recorded again).
    std::vector<std::string> keys = prover::function_keys(image);
    ASSERT_EQ(keys.size(), 2u);
    {
        std::ofstream f(dir.path + "/" + keys[0], std::ios::trunc);
        f << "ktal-prove-cache 1\n" << keys[0] << "\n3\n";
    }
    EXPECT_FALSE(prover::cache_load(dir.path, keys[0]).has_value());
    prover::Report third = prover::prove_image(image, o);
    ASSERT_TRUE(third.all_proved());
    EXPECT_EQ(third.cached, 1u);
    EXPECT_TRUE(prover::cache_load(dir.path, keys[0]).has_value());
    // A record stored under another key's name is a miss.
    std::filesystem::copy_file(dir.path + "/" + keys[1], dir.path + "/" + std::string(64, 'a'));
    EXPECT_FALSE(prover::cache_load(dir.path, std::string(64, 'a')).has_value());
}

TEST(ProverCache, RefutedFunctionsAreNeverRecorded) {
    TempDir dir;
    test::Case c = base_case();
    // entry6's certificate now promises lookup an argument of int[0,62]: the
    // callers' edges to it are refuted (0..63 reach it).
    replace(c.cert, "args int[0,63]", "args int[0,62]");
    std::vector<u8> image = build(c);
    prover::Options o;
    o.timeout_ms = 120000;
    o.cache_dir = dir.path;
    prover::Report first = prover::prove_image(image, o);
    ASSERT_TRUE(first.loaded);
    ASSERT_GT(first.refuted, 0u);
    bool entry6_refuted = false, lookup_proved = true;
    for (auto &ob : first.obligations) {
        if (ob.function_name == "entry6" && ob.result == prover::Obligation::Refuted)
            entry6_refuted = true;
        if (ob.function_name == "lookup" && ob.result != prover::Obligation::Proved)
            lookup_proved = false;
    }
    ASSERT_TRUE(entry6_refuted);
    ASSERT_TRUE(lookup_proved);
    std::vector<std::string> keys = prover::function_keys(image);
    ASSERT_EQ(keys.size(), 2u);
    EXPECT_TRUE(prover::cache_load(dir.path, keys[0]).has_value());  // lookup: proved
    EXPECT_FALSE(prover::cache_load(dir.path, keys[1]).has_value()); // entry6: refuted
    prover::Report second = prover::prove_image(image, o);
    EXPECT_EQ(second.refuted, first.refuted);
    EXPECT_EQ(second.cached, 1u);
}

} // namespace
