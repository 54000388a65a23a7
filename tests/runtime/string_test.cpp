// The runtime's string.h against glibc's, on fixed and random inputs.
#include <gtest/gtest.h>

#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "ktal_host.h"

namespace {

int sign(long v) {
    return (v > 0) - (v < 0);
}

const std::vector<std::string> kWords = {
    "",     "a",     "b",           "ab",   "abc",      "abd",  "abcd",
    "ABC",  "hello", "hello world", "hell", "\x80\xff", "\x01", "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz",
    "same", "same",  "Same",        "sAME",
};

TEST(String, CompareFunctions) {
    for (auto &a : kWords)
        for (auto &b : kWords) {
            EXPECT_EQ(sign(ktal_strcmp(a.c_str(), b.c_str())), sign(strcmp(a.c_str(), b.c_str())))
                << a << " vs " << b;
            EXPECT_EQ(sign(ktal_strcasecmp(a.c_str(), b.c_str())),
                      sign(strcasecmp(a.c_str(), b.c_str())))
                << a << " vs " << b;
            for (size_t n = 0; n < 6; n++) {
                EXPECT_EQ(sign(ktal_strncmp(a.c_str(), b.c_str(), n)),
                          sign(strncmp(a.c_str(), b.c_str(), n)));
                EXPECT_EQ(sign(ktal_strncasecmp(a.c_str(), b.c_str(), n)),
                          sign(strncasecmp(a.c_str(), b.c_str(), n)));
            }
            size_t n = std::min(a.size(), b.size()) + 1;
            EXPECT_EQ(sign(ktal_memcmp(a.c_str(), b.c_str(), n)),
                      sign(memcmp(a.c_str(), b.c_str(), n)));
        }
    EXPECT_EQ(ktal_memcmp("abc", "abd", 0), 0);
    EXPECT_GT(ktal_memcmp("\xff", "\x01", 1), 0); // bytes compare unsigned
    EXPECT_GT(ktal_strcmp("\xff", "\x01"), 0);
}

TEST(String, LengthAndSearch) {
    for (auto &w : kWords) {
        const char *s = w.c_str();
        EXPECT_EQ(ktal_strlen(s), strlen(s));
        for (size_t n = 0; n < 8; n++) EXPECT_EQ(ktal_strnlen(s, n), strnlen(s, n));
        for (int c : {0, (int)'a', (int)'b', (int)'l', (int)'o', (int)'z', 0x80, 0xff, (int)'x',
                      0x100 + 'a'}) {
            EXPECT_EQ(ktal_strchr(s, c), strchr(s, c)) << w << " " << c;
            EXPECT_EQ(ktal_strrchr(s, c), strrchr(s, c)) << w << " " << c;
            EXPECT_EQ(ktal_strchrnul(s, c), strchrnul(s, c)) << w << " " << c;
            EXPECT_EQ(ktal_memchr(s, c, w.size()), memchr(s, c, w.size()));
            EXPECT_EQ(ktal_memrchr(s, c, w.size()), memrchr(s, c, w.size()));
        }
        for (auto &n : kWords) {
            EXPECT_EQ(ktal_strstr(s, n.c_str()), strstr(s, n.c_str())) << w << " / " << n;
            EXPECT_EQ(ktal_strspn(s, n.c_str()), strspn(s, n.c_str()));
            EXPECT_EQ(ktal_strcspn(s, n.c_str()), strcspn(s, n.c_str()));
            EXPECT_EQ(ktal_strpbrk(s, n.c_str()), strpbrk(s, n.c_str()));
        }
    }
    const char *h = "the quick brown fox jumps over the lazy dog; the end";
    for (const char *n : {"the", "the end", "dog;", "x", "", "quick brown", "thee", "end!"})
        EXPECT_EQ(ktal_strstr(h, n), strstr(h, n)) << n;
}

TEST(String, CopyAndConcatenate) {
    char g[64], k[64];
    for (auto &w : kWords) {
        memset(g, 'Q', sizeof g);
        memset(k, 'Q', sizeof k);
        EXPECT_EQ(ktal_strcpy(k, w.c_str()), k);
        strcpy(g, w.c_str());
        EXPECT_EQ(memcmp(g, k, sizeof g), 0);
        EXPECT_EQ(ktal_stpcpy(k, w.c_str()) - k, stpcpy(g, w.c_str()) - g);
        for (size_t n = 0; n < 12; n++) {
            memset(g, 'Q', sizeof g);
            memset(k, 'Q', sizeof k);
            strncpy(g, w.c_str(), n);
            EXPECT_EQ(ktal_strncpy(k, w.c_str(), n), k);
            EXPECT_EQ(memcmp(g, k, sizeof g), 0) << w << " " << n;
            strcpy(g, "pre:");
            strcpy(k, "pre:");
            strncat(g, w.c_str(), n);
            EXPECT_EQ(ktal_strncat(k, w.c_str(), n), k);
            EXPECT_EQ(memcmp(g, k, sizeof g), 0) << w << " " << n;
        }
        strcpy(g, "x");
        strcpy(k, "x");
        strcat(g, w.c_str());
        EXPECT_EQ(ktal_strcat(k, w.c_str()), k);
        EXPECT_STREQ(g, k);
    }
}

TEST(String, DupAllocatesFromTheRuntimeHeap) {
    char *d = ktal_strdup("duplicate me");
    ASSERT_NE(d, nullptr);
    EXPECT_STREQ(d, "duplicate me");
    char *e = ktal_strndup("duplicate me", 3);
    EXPECT_STREQ(e, "dup");
    char *f = ktal_strndup("ab", 10);
    EXPECT_STREQ(f, "ab");
    ktal_free(d);
    ktal_free(e);
    ktal_free(f);
}

TEST(String, Tokenizers) {
    const char *inputs[] = {"a,b,,c", ",,lead", "trail,,",    "",
                            ",,,",    "one",    " a b\tc \n", "k=v;k2=v2;;k3"};
    const char *delims[] = {",", ", ", ";=", " \t\n", ""};
    for (const char *in : inputs)
        for (const char *d : delims) {
            char g[64], k[64];
            strcpy(g, in);
            strcpy(k, in);
            std::vector<std::string> tg, tk;
            for (char *t = strtok(g, d); t; t = strtok(nullptr, d)) tg.push_back(t);
            for (char *t = ktal_strtok(k, d); t; t = ktal_strtok(nullptr, d)) tk.push_back(t);
            EXPECT_EQ(tg, tk) << in << " / " << d;
            EXPECT_EQ(memcmp(g, k, strlen(in) + 1), 0);
            strcpy(g, in);
            strcpy(k, in);
            char *sg, *sk;
            tg.clear();
            tk.clear();
            for (char *t = strtok_r(g, d, &sg); t; t = strtok_r(nullptr, d, &sg)) tg.push_back(t);
            for (char *t = ktal_strtok_r(k, d, &sk); t; t = ktal_strtok_r(nullptr, d, &sk))
                tk.push_back(t);
            EXPECT_EQ(tg, tk) << in << " / " << d;
            strcpy(g, in);
            strcpy(k, in);
            char *pg = g, *pk = k;
            tg.clear();
            tk.clear();
            for (char *t; (t = strsep(&pg, d));) tg.push_back(t);
            for (char *t; (t = ktal_strsep(&pk, d));) tk.push_back(t);
            EXPECT_EQ(tg, tk) << in << " / " << d;
        }
}

TEST(String, MemFunctionsRandomized) {
    std::mt19937 rng(7);
    std::vector<unsigned char> g(600), k(600);
    for (int iter = 0; iter < 20000; iter++) {
        for (size_t i = 0; i < g.size(); i++) g[i] = k[i] = (unsigned char)rng();
        size_t n = rng() % 200, d = rng() % 300, s = rng() % 300;
        switch (rng() % 3) {
        case 0:
            if ((d + n <= s || s + n <= d)) {
                memcpy(&g[d], &g[s], n);
                EXPECT_EQ(ktal_memcpy(&k[d], &k[s], n), &k[d]);
            }
            break;
        case 1:
            memmove(&g[d], &g[s], n);
            EXPECT_EQ(ktal_memmove(&k[d], &k[s], n), &k[d]);
            break;
        case 2: {
            int c = (int)(rng() % 512) - 128;
            memset(&g[d], c, n);
            EXPECT_EQ(ktal_memset(&k[d], c, n), &k[d]);
            break;
        }
        }
        ASSERT_EQ(g, k) << "iteration " << iter << " n=" << n << " d=" << d << " s=" << s;
    }
}

// Every length up to 24 at every distance up to 24 either way: the 8-byte
// words, and the 4-, 2- and 1-byte moves of the last bytes, forwards and (for
// a destination above an overlapping source) backwards.
TEST(String, MemFunctionsShortAndOverlapping) {
    std::vector<unsigned char> g(80), k(80);
    auto fill = [&] {
        for (size_t i = 0; i < g.size(); i++) g[i] = k[i] = static_cast<unsigned char>(i * 37 + 11);
    };
    for (size_t n = 0; n <= 24; n++)
        for (size_t d = 0; d <= 48; d += 1)
            for (size_t s = 24; s <= 48; s += 1) {
                fill();
                memmove(&g[d], &g[s], n);
                EXPECT_EQ(ktal_memmove(&k[d], &k[s], n), &k[d]);
                ASSERT_EQ(g, k) << "memmove n=" << n << " d=" << d << " s=" << s;
                if (d + n <= s || s + n <= d) {
                    fill();
                    memcpy(&g[d], &g[s], n);
                    EXPECT_EQ(ktal_memcpy(&k[d], &k[s], n), &k[d]);
                    ASSERT_EQ(g, k) << "memcpy n=" << n << " d=" << d << " s=" << s;
                }
            }
    for (size_t n = 0; n <= 24; n++)
        for (size_t d = 0; d < 8; d++) {
            fill();
            memset(&g[d], 0xa5, n);
            EXPECT_EQ(ktal_memset(&k[d], 0xa5, n), &k[d]);
            ASSERT_EQ(g, k) << "memset n=" << n << " d=" << d;
        }
    // memcmp: one differing byte at each place of a 24-byte range, and the
    // value glibc gives (the difference of the first differing bytes).
    for (size_t n = 0; n <= 24; n++)
        for (size_t at = 0; at < 24; at++)
            for (int delta : {-200, -1, 1, 200}) {
                fill();
                k[at] = static_cast<unsigned char>(k[at] + delta);
                k[at + 1] =
                    static_cast<unsigned char>(k[at + 1] - delta); // after the first: ignored
                int want = memcmp(g.data(), k.data(), n), got = ktal_memcmp(g.data(), k.data(), n);
                EXPECT_EQ(sign(got), sign(want)) << "memcmp n=" << n << " at=" << at;
                EXPECT_EQ(got, at < n ? g[at] - k[at] : 0) << "memcmp n=" << n << " at=" << at;
            }
}

TEST(String, Strerror) {
    for (int e = -3; e < 300; e++) {
        EXPECT_STREQ(ktal_strerror(e), strerror(e)) << e;
        char k[64];
        EXPECT_EQ(ktal_strerror_r(e, k, sizeof k),
                  e >= 0 && e < 134 && e != 41 && e != 58 ? 0 : 22);
        EXPECT_STREQ(k, strerror(e));
    }
    char small[8];
    EXPECT_EQ(ktal_strerror_r(2, small, sizeof small), 34); // ERANGE, truncated
    EXPECT_STREQ(small, "No such");
}

} // namespace
