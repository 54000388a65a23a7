// qsort and bsearch against glibc: the same final order (glibc's qsort is a
// stable merge sort, and so is the runtime's), equal keys included; bsearch
// finds the same element among duplicates.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <random>
#include <vector>

#include "ktal_host.h"

namespace {

int cmp_int(const void *a, const void *b) {
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

int cmp_ll_desc(const void *a, const void *b) {
    long long x = *(const long long *)a, y = *(const long long *)b;
    return (y > x) - (y < x);
}

int cmp_byte(const void *a, const void *b) {
    return *(const unsigned char *)a - *(const unsigned char *)b;
}

// Elements of odd sizes, ordered by a small key only: many ties.
template <size_t N>
struct Rec {
    int key;
    unsigned char payload[N];
};

template <size_t N>
int cmp_rec(const void *a, const void *b) {
    int x = ((const Rec<N> *)a)->key, y = ((const Rec<N> *)b)->key;
    return (x > y) - (x < y);
}

template <typename T>
void compare_sort(std::vector<T> v, int (*cmp)(const void *, const void *), const char *what) {
    std::vector<T> g = v, k = v;
    if (v.empty()) { // glibc's qsort takes no null pointer, even for 0 elements
        ktal_qsort(nullptr, 0, sizeof(T), cmp);
        return;
    }
    qsort(g.data(), g.size(), sizeof(T), cmp);
    ktal_qsort(k.data(), k.size(), sizeof(T), cmp);
    ASSERT_EQ(0, memcmp(g.data(), k.data(), g.size() * sizeof(T))) << what << " n=" << v.size();
}

const size_t kSizes[] = {0, 1, 2, 3, 7, 8, 9, 15, 16, 17, 31, 33, 64, 100, 255, 1000, 4097, 100000};

TEST(Qsort, IntsMatchGlibc) {
    std::mt19937 rng(1);
    for (size_t n : kSizes) {
        std::vector<int> v(n);
        for (auto &x : v) x = (int)rng();
        compare_sort(v, cmp_int, "random ints");
        for (auto &x : v) x = (int)(rng() % 10);
        compare_sort(v, cmp_int, "few distinct");
        std::sort(v.begin(), v.end());
        compare_sort(v, cmp_int, "sorted");
        std::reverse(v.begin(), v.end());
        compare_sort(v, cmp_int, "reversed");
    }
}

TEST(Qsort, WideAndOddElementsAreStable) {
    std::mt19937 rng(2);
    for (size_t n : kSizes) {
        std::vector<long long> w(n);
        for (auto &x : w) x = (long long)(rng() % 1000) << 32 | rng();
        compare_sort(w, cmp_ll_desc, "long long descending");
        std::vector<unsigned char> b(n);
        for (auto &x : b) x = (unsigned char)rng();
        compare_sort(b, cmp_byte, "bytes");
        std::vector<Rec<8>> r8(n);
        std::vector<Rec<20>> r20(n);
        std::vector<Rec<97>> r97(n);
        for (size_t i = 0; i < n; i++) {
            r8[i].key = r20[i].key = r97[i].key = (int)(rng() % 16);
            memset(r8[i].payload, (int)i, sizeof r8[i].payload);
            memset(r20[i].payload, (int)(i * 7), sizeof r20[i].payload);
            memset(r97[i].payload, (int)(i * 13), sizeof r97[i].payload);
            memcpy(r97[i].payload, &i, sizeof i);
        }
        compare_sort(r8, cmp_rec<8>, "12-byte records");
        compare_sort(r20, cmp_rec<20>, "24-byte records");
        if (n <= 4097) compare_sort(r97, cmp_rec<97>, "104-byte records");
    }
}

TEST(Qsort, HeapsortWhenScratchMemoryRunsOut) {
    // Take the whole runtime heap so that qsort cannot get scratch space.
    std::vector<void *> held;
    for (size_t chunk = 1 << 20; chunk >= 16; chunk /= 2)
        for (void *p; (p = ktal_malloc(chunk));) held.push_back(p);
    std::mt19937 rng(3);
    std::vector<int> v(50000);
    for (auto &x : v) x = (int)(rng() % 1000);
    std::vector<int> want = v;
    std::sort(want.begin(), want.end());
    ktal_qsort(v.data(), v.size(), sizeof(int), cmp_int);
    EXPECT_EQ(v, want);
    for (void *p : held) ktal_free(p);
    size_t free_bytes = 0, largest = 0, chunks = 0;
    EXPECT_EQ(ktal___ktal_heap_check(&free_bytes, &largest, &chunks), 0);
    EXPECT_EQ(chunks, 1u);
}

TEST(Bsearch, FindsWhatGlibcFinds) {
    std::mt19937 rng(4);
    for (size_t n : kSizes) {
        std::vector<int> v(n);
        for (auto &x : v) x = (int)(rng() % (n / 3 + 2)); // duplicates
        std::sort(v.begin(), v.end());
        int none = 0;
        int *base = n ? v.data() : &none; // glibc's bsearch takes no null pointer
        for (int key = -1; key < (int)(n / 3 + 3); key++) {
            void *g = bsearch(&key, base, n, sizeof(int), cmp_int);
            void *k = ktal_bsearch(&key, base, n, sizeof(int), cmp_int);
            EXPECT_EQ(g, k) << "n=" << n << " key=" << key;
        }
    }
}

} // namespace
