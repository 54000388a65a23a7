// The runtime's allocator: a random stress of 100k operations checking
// contents, alignment and overlap, the arena's invariants throughout, and
// full reuse of the arena once everything is freed (coalescing works).
#include <gtest/gtest.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <map>
#include <random>
#include <vector>

#include "ktal_host.h"

namespace {

constexpr size_t kHeap = 8u << 20; // the runtime's default KTAL_HEAP_SIZE

struct Block {
    size_t size;
    uint32_t seed;
};

unsigned char pattern(uint32_t seed, size_t i) {
    return (unsigned char)((seed * 2654435761u + i * 40503u) >> 13);
}

void fill(void *p, size_t n, uint32_t seed) {
    auto *b = (unsigned char *)p;
    for (size_t i = 0; i < n; i++) b[i] = pattern(seed, i);
}

bool intact(const void *p, size_t n, uint32_t seed) {
    auto *b = (const unsigned char *)p;
    for (size_t i = 0; i < n; i++)
        if (b[i] != pattern(seed, i)) return false;
    return true;
}

void expect_empty_heap() {
    size_t free_bytes = 0, largest = 0, chunks = 0;
    ASSERT_EQ(ktal___ktal_heap_check(&free_bytes, &largest, &chunks), 0);
    EXPECT_EQ(chunks, 1u) << "free space is fragmented: coalescing failed";
    EXPECT_EQ(free_bytes, kHeap - 16);
    EXPECT_EQ(largest, kHeap - 16);
}

class Live {
  public:
    std::map<uintptr_t, Block> blocks;

    void add(void *p, size_t n, uint32_t seed) {
        auto a = (uintptr_t)p;
        ASSERT_EQ(a % 16, 0u) << "misaligned " << p;
        auto next = blocks.lower_bound(a);
        if (next != blocks.end()) ASSERT_LE(a + n, next->first) << "overlaps the next live block";
        if (next != blocks.begin()) {
            auto prev = std::prev(next);
            ASSERT_LE(prev->first + prev->second.size, a) << "overlaps the previous live block";
        }
        ASSERT_GE(ktal_malloc_usable_size(p), n);
        blocks[a] = {n, seed};
    }
};

TEST(Malloc, RandomStress100k) {
    expect_empty_heap();
    std::mt19937 rng(12345);
    Live live;
    std::vector<uintptr_t> order; // live addresses, for picking one at random
    size_t failures = 0;
    auto pick = [&]() -> size_t { return rng() % order.size(); };
    auto random_size = [&]() -> size_t {
        switch (rng() % 10) {
        case 0: return 0;
        case 1:
        case 2:
        case 3: return rng() % 64;
        case 4:
        case 5:
        case 6: return rng() % 1024;
        case 7:
        case 8: return rng() % 16384;
        default: return rng() % (rng() % 8 == 0 ? 400000 : 65536);
        }
    };
    size_t live_bytes = 0, peak = 0;
    for (int op = 0; op < 100000; op++) {
        unsigned kind = rng() % 10;
        if (live_bytes > (5u << 20) && kind < 4)
            kind = 5; // keep the live set near 5 MiB of the 8 MiB arena: free instead
        if (order.empty() || kind < 4) {
            size_t n = random_size();
            bool zeroed = rng() % 4 == 0;
            void *p = zeroed ? ktal_calloc(1, n) : ktal_malloc(n);
            if (!p) {
                failures++;
                continue;
            }
            if (zeroed)
                for (size_t i = 0; i < n; i++)
                    ASSERT_EQ(((unsigned char *)p)[i], 0) << "calloc memory not zeroed";
            uint32_t seed = rng();
            live.add(p, n, seed);
            fill(p, n, seed);
            order.push_back((uintptr_t)p);
            live_bytes += n;
        } else if (kind < 7) {
            size_t i = pick();
            auto it = live.blocks.find(order[i]);
            ASSERT_TRUE(intact((void *)it->first, it->second.size, it->second.seed))
                << "block corrupted before free, op " << op;
            ktal_free((void *)it->first);
            live_bytes -= it->second.size;
            live.blocks.erase(it);
            order[i] = order.back();
            order.pop_back();
        } else {
            size_t i = pick();
            auto it = live.blocks.find(order[i]);
            Block b = it->second;
            size_t n = rng() % 3 == 0 ? b.size / 2
                       : rng() % 2    ? b.size + rng() % 256
                                      : random_size();
            if (n == 0) n = 1;
            void *q = ktal_realloc((void *)it->first, n);
            if (!q) {
                failures++;
                ASSERT_TRUE(intact((void *)it->first, b.size, b.seed));
                continue;
            }
            ASSERT_TRUE(intact(q, std::min(n, b.size), b.seed)) << "realloc lost data, op " << op;
            live.blocks.erase(it);
            live_bytes += n - b.size;
            uint32_t seed = rng();
            live.add(q, n, seed);
            fill(q, n, seed);
            order[i] = (uintptr_t)q;
        }
        peak = std::max(peak, live_bytes);
        if (op % 2000 == 0)
            ASSERT_EQ(ktal___ktal_heap_check(nullptr, nullptr, nullptr), 0) << "op " << op;
    }
    ASSERT_EQ(ktal___ktal_heap_check(nullptr, nullptr, nullptr), 0);
    // The live set peaks near 5 MiB of an 8 MiB arena: a request fails only
    // when fragmentation leaves no hole large enough.
    EXPECT_LT(failures, 100u) << "peak live bytes " << peak;
    EXPECT_GT(peak, 4u << 20);
    for (auto &[a, b] : live.blocks) {
        ASSERT_TRUE(intact((void *)a, b.size, b.seed));
        ktal_free((void *)a);
    }
    expect_empty_heap();
    // Everything freed: the whole arena is one chunk again and can be
    // handed out in one piece.
    void *all = ktal_malloc(kHeap - 64);
    ASSERT_NE(all, nullptr);
    memset(all, 0xab, kHeap - 64);
    ktal_free(all);
    expect_empty_heap();
}

TEST(Malloc, ManySmallThenReuse) {
    std::vector<void *> ps;
    for (void *p; (p = ktal_malloc(24));) ps.push_back(p);
    EXPECT_EQ(ps.size(), (kHeap - 16) / 32); // 24 bytes + an 8-byte head: 32-byte chunks
    EXPECT_EQ(ktal_malloc(1), nullptr);
    EXPECT_EQ(ktal_errno, ENOMEM);
    // Free every other one: no coalescing possible, nothing large fits.
    for (size_t i = 0; i < ps.size(); i += 2) ktal_free(ps[i]);
    EXPECT_EQ(ktal_malloc(100), nullptr);
    void *extra = ktal_malloc(24); // but small ones fit
    EXPECT_NE(extra, nullptr);
    for (size_t i = 1; i < ps.size(); i += 2) ktal_free(ps[i]);
    ktal_free(extra);
    expect_empty_heap();
}

TEST(Malloc, Semantics) {
    void *a = ktal_malloc(0), *b = ktal_malloc(0);
    EXPECT_NE(a, nullptr);
    EXPECT_NE(a, b);
    ktal_free(a);
    ktal_free(b);
    ktal_free(nullptr);
    ktal_errno = 0;
    EXPECT_EQ(ktal_malloc(SIZE_MAX), nullptr);
    EXPECT_EQ(ktal_errno, ENOMEM);
    EXPECT_EQ(ktal_malloc(kHeap), nullptr);
    EXPECT_EQ(ktal_calloc(SIZE_MAX / 2, 3), nullptr);
    void *r = ktal_realloc(nullptr, 10);
    ASSERT_NE(r, nullptr);
    EXPECT_EQ(ktal_realloc(r, 0), nullptr); // frees, as glibc does
    void *c = ktal_malloc(100);
    memset(c, 0x5a, 100);
    ktal_free(c);
    unsigned char *z = (unsigned char *)ktal_calloc(10, 10);
    for (int i = 0; i < 100; i++) EXPECT_EQ(z[i], 0);
    ktal_free(z);
}

TEST(Malloc, AlignedAllocation) {
    std::vector<void *> ps;
    for (size_t align = 1; align <= 65536; align *= 2)
        for (size_t n : {1, 7, 100, 5000}) {
            void *p = ktal_aligned_alloc(align, n);
            ASSERT_NE(p, nullptr);
            EXPECT_EQ((uintptr_t)p % align, 0u) << align;
            EXPECT_EQ((uintptr_t)p % 16, 0u);
            memset(p, 1, n);
            ps.push_back(p);
            void *q = nullptr;
            if (align >= sizeof(void *)) {
                ASSERT_EQ(ktal_posix_memalign(&q, align, n), 0);
                EXPECT_EQ((uintptr_t)q % align, 0u);
                memset(q, 2, n);
                ps.push_back(q);
            }
        }
    void *q = nullptr;
    EXPECT_EQ(ktal_posix_memalign(&q, 3, 10), EINVAL);
    EXPECT_EQ(ktal_posix_memalign(&q, 4, 10), EINVAL);
    EXPECT_EQ(ktal_aligned_alloc(24, 10), nullptr);
    ASSERT_EQ(ktal___ktal_heap_check(nullptr, nullptr, nullptr), 0);
    for (void *p : ps) ktal_free(p);
    ASSERT_EQ(ktal___ktal_heap_check(nullptr, nullptr, nullptr), 0);
}

TEST(MallocDeathTest, DoubleFreeTraps) {
    EXPECT_DEATH(
        {
            void *p = ktal_malloc(32);
            ktal_free(p);
            ktal_free(p);
        },
        "free\\(\\): invalid pointer");
}

TEST(MallocDeathTest, ForeignPointerTraps) {
    int local = 0;
    EXPECT_DEATH(ktal_free(&local), "free\\(\\): invalid pointer(.|\n)*ktal trap 5");
    EXPECT_DEATH(ktal_realloc((char *)ktal_malloc(64) + 16, 8), "realloc\\(\\): invalid pointer");
}

} // namespace
