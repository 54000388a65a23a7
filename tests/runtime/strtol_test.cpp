// The strtol family against glibc: bases, prefixes, signs, whitespace,
// overflow (clamping and ERANGE), endptr, invalid bases.
#include <gtest/gtest.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <random>
#include <string>

#include "ktal_host.h"

namespace {

const char *kInputs[] = {
    "0",
    "1",
    "-1",
    "+1",
    "42",
    "   42",
    "\t\n\v\f\r 42",
    "42abc",
    "abc",
    "",
    " ",
    "-",
    "+",
    "+-1",
    "-+1",
    "--1",
    "0x",
    "0X",
    "0x1f",
    "0X1F",
    "0xg",
    "-0x10",
    "+0x10",
    "0x-1",
    "010",
    "08",
    "0777",
    "0b101",
    "1e5",
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775808",
    "-9223372036854775809",
    "18446744073709551615",
    "18446744073709551616",
    "-18446744073709551615",
    "-18446744073709551616",
    "99999999999999999999999999999",
    "-99999999999999999999999999999",
    "0xffffffffffffffff",
    "0x10000000000000000",
    "0x7fffffffffffffff",
    "0x8000000000000000",
    "-0x8000000000000000",
    "-0x8000000000000001",
    "zz",
    "ZZ",
    "Zz9",
    "1010101",
    "777",
    "  -0",
    "00000000000000000000000000000000001",
    "2147483647",
    "2147483648",
    "-2147483649",
    "4294967296",
    "12 34",
    "0x 1",
    ("\xff"
     "1"),
    "1\xff",
    "  +0x",
    "-0",
    "0z",
    "0xz",
};

const int kBases[] = {0, 2, 8, 10, 16, 36, 3, 7, 35, 1, -1, 37, 100};

TEST(Strtol, MatchesGlibc) {
    for (const char *in : kInputs)
        for (int base : kBases) {
            char *eg = (char *)"unset", *ek = (char *)"unset";
            errno = 0;
            ktal_errno = 0;
            long g = strtol(in, &eg, base);
            int errg = errno;
            long k = ktal_strtol(in, &ek, base);
            EXPECT_EQ(g, k) << "strtol(\"" << in << "\", " << base << ")";
            EXPECT_EQ(errg, ktal_errno) << "strtol(\"" << in << "\", " << base << ")";
            if (base >= 0 && base != 1 && base <= 36)
                EXPECT_EQ(eg - in, ek - in) << "strtol(\"" << in << "\", " << base << ")";

            errno = 0;
            ktal_errno = 0;
            unsigned long ug = strtoul(in, &eg, base);
            errg = errno;
            unsigned long uk = ktal_strtoul(in, &ek, base);
            EXPECT_EQ(ug, uk) << "strtoul(\"" << in << "\", " << base << ")";
            EXPECT_EQ(errg, ktal_errno) << "strtoul(\"" << in << "\", " << base << ")";
            if (base >= 0 && base != 1 && base <= 36)
                EXPECT_EQ(eg - in, ek - in) << "strtoul(\"" << in << "\", " << base << ")";

            errno = 0;
            ktal_errno = 0;
            EXPECT_EQ(strtoll(in, nullptr, base), ktal_strtoll(in, nullptr, base)) << in;
            EXPECT_EQ(errno, ktal_errno) << in;
            errno = 0;
            ktal_errno = 0;
            EXPECT_EQ(strtoull(in, nullptr, base), ktal_strtoull(in, nullptr, base)) << in;
            EXPECT_EQ(errno, ktal_errno) << in;
        }
}

TEST(Strtol, EdgeCasesSpelledOut) {
    char *end;
    ktal_errno = 0;
    EXPECT_EQ(ktal_strtol("9223372036854775808", &end, 10), LONG_MAX);
    EXPECT_EQ(ktal_errno, ERANGE);
    EXPECT_EQ(*end, '\0');
    ktal_errno = 0;
    EXPECT_EQ(ktal_strtol("-9223372036854775809xyz", &end, 10), LONG_MIN);
    EXPECT_EQ(ktal_errno, ERANGE);
    EXPECT_STREQ(end, "xyz");
    ktal_errno = 0;
    EXPECT_EQ(ktal_strtol("-9223372036854775808", &end, 10), LONG_MIN);
    EXPECT_EQ(ktal_errno, 0);
    const char *s = "  0x";
    EXPECT_EQ(ktal_strtol(s, &end, 16), 0);
    EXPECT_EQ(end, s + 3); // at the 'x'
    s = "   ";
    EXPECT_EQ(ktal_strtol(s, &end, 10), 0);
    EXPECT_EQ(end, s); // no number: the start, not past the blanks
    EXPECT_EQ(ktal_strtol("0x1F", nullptr, 0), 31);
    EXPECT_EQ(ktal_strtol("017", nullptr, 0), 15);
    EXPECT_EQ(ktal_strtol("017", nullptr, 10), 17);
    EXPECT_EQ(ktal_strtoul("-1", nullptr, 10), ULONG_MAX);
    ktal_errno = 0;
    end = nullptr;
    EXPECT_EQ(ktal_strtol("12", &end, 1), 0);
    EXPECT_EQ(ktal_errno, EINVAL);
    EXPECT_EQ(ktal_atoi("  -123abc"), -123);
    EXPECT_EQ(ktal_atoi("2147483648"), atoi("2147483648"));
    EXPECT_EQ(ktal_atol("-9223372036854775808"), LONG_MIN);
    EXPECT_EQ(ktal_atoll("+77"), 77);
}

TEST(Strtol, RandomNumbersRoundTrip) {
    std::mt19937_64 rng(99);
    for (int i = 0; i < 20000; i++) {
        unsigned long long v = rng() >> (rng() % 64);
        int base = 2 + (int)(rng() % 35);
        std::string digits;
        unsigned long long t = v;
        do {
            digits.insert(digits.begin(), "0123456789abcdefghijklmnopqrstuvwxyz"[t % base]);
            t /= base;
        } while (t);
        if (rng() & 1) digits = "-" + digits;
        errno = 0;
        ktal_errno = 0;
        EXPECT_EQ(ktal_strtoull(digits.c_str(), nullptr, base),
                  strtoull(digits.c_str(), nullptr, base));
        EXPECT_EQ(ktal_strtoll(digits.c_str(), nullptr, base),
                  strtoll(digits.c_str(), nullptr, base));
        EXPECT_EQ(ktal_errno, errno) << digits << " base " << base;
    }
}

} // namespace
