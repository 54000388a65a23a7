// ctype, rand, inet, the system call wrappers, and the constants and struct
// layouts of the runtime's headers, all against glibc.
#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <inttypes.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/random.h>
#include <sys/sendfile.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <climits>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "ktal_host.h"

extern "C" {
struct layout_entry {
    const char *name;
    long long value;
};
extern const layout_entry ktal_layout_table[];
extern const int ktal_layout_count;
}

namespace {

TEST(Layout, ConstantsAndStructsMatchGlibc) {
#define K(x) {#x, (long long)(x)},
#define SZ(t) {"sizeof(" #t ")", (long long)sizeof(t)},
#define OFF(t, f) {"offsetof(" #t ", " #f ")", (long long)offsetof(t, f)},
    const layout_entry glibc[] = {
#include "layout_list.h"
    };
#undef K
#undef SZ
#undef OFF
    const int n = (int)(sizeof glibc / sizeof glibc[0]);
    ASSERT_EQ(n, ktal_layout_count);
    for (int i = 0; i < n; i++) {
        EXPECT_STREQ(glibc[i].name, ktal_layout_table[i].name);
        EXPECT_EQ(glibc[i].value, ktal_layout_table[i].value) << glibc[i].name;
    }
}

TEST(Ctype, MatchesGlibcCLocale) {
    for (int c = -1; c < 256; c++) {
        EXPECT_EQ(!!ktal_isalnum(c), !!isalnum(c)) << c;
        EXPECT_EQ(!!ktal_isalpha(c), !!isalpha(c)) << c;
        EXPECT_EQ(!!ktal_isascii(c), !!isascii(c)) << c;
        EXPECT_EQ(!!ktal_isblank(c), !!isblank(c)) << c;
        EXPECT_EQ(!!ktal_iscntrl(c), !!iscntrl(c)) << c;
        EXPECT_EQ(!!ktal_isdigit(c), !!isdigit(c)) << c;
        EXPECT_EQ(!!ktal_isgraph(c), !!isgraph(c)) << c;
        EXPECT_EQ(!!ktal_islower(c), !!islower(c)) << c;
        EXPECT_EQ(!!ktal_isprint(c), !!isprint(c)) << c;
        EXPECT_EQ(!!ktal_ispunct(c), !!ispunct(c)) << c;
        EXPECT_EQ(!!ktal_isspace(c), !!isspace(c)) << c;
        EXPECT_EQ(!!ktal_isupper(c), !!isupper(c)) << c;
        EXPECT_EQ(!!ktal_isxdigit(c), !!isxdigit(c)) << c;
        EXPECT_EQ(ktal_tolower(c), tolower(c)) << c;
        EXPECT_EQ(ktal_toupper(c), toupper(c)) << c;
    }
}

TEST(Rand, SameSequenceAsGlibc) {
    // Unseeded first (both start as if srand(1)), then several seeds.
    for (int i = 0; i < 1000; i++) ASSERT_EQ(ktal_rand(), rand()) << i;
    for (unsigned seed : {0u, 1u, 2u, 42u, 12345u, 0x7fffffffu, 0x80000000u, 0xffffffffu}) {
        srand(seed);
        ktal_srand(seed);
        for (int i = 0; i < 2000; i++)
            ASSERT_EQ(ktal_rand(), rand()) << "seed " << seed << " draw " << i;
    }
    unsigned sg = 77, sk = 77;
    for (int i = 0; i < 1000; i++) ASSERT_EQ(ktal_rand_r(&sk), rand_r(&sg));
}

TEST(Stdlib, SmallFunctions) {
    EXPECT_EQ(ktal_getenv("PATH"), nullptr);
    EXPECT_EQ(ktal_abs(-5), 5);
    EXPECT_EQ(ktal_labs(LONG_MIN + 1), LONG_MAX);
    EXPECT_EQ(ktal_llabs(-7), 7);
}

TEST(Inet, ByteOrderAndAddresses) {
    EXPECT_EQ(ktal_htons(0x1234), htons(0x1234));
    EXPECT_EQ(ktal_ntohs(0x1234), ntohs(0x1234));
    EXPECT_EQ(ktal_htonl(0x12345678), htonl(0x12345678));
    EXPECT_EQ(ktal_ntohl(0x12345678), ntohl(0x12345678));
    for (const char *s : {"127.0.0.1", "0.0.0.0", "255.255.255.255", "1.2.3", "1.2", "16909060",
                          "0x7f.1", "010.0.0.1", "1.2.3.4.5", "256.1.1.1", "", "a.b.c.d",
                          "1.2.3.4 ", "1..2", "0x100.0.0.1", "09.1.1.1", "1.2.3.04"}) {
        EXPECT_EQ(ktal_inet_addr(s), inet_addr(s)) << s;
        in_addr g{}, k{};
        EXPECT_EQ(ktal_inet_aton(s, &k), inet_aton(s, &g)) << s;
        EXPECT_EQ(k.s_addr, g.s_addr) << s;
        unsigned char pg[4] = {}, pk[4] = {};
        EXPECT_EQ(ktal_inet_pton(AF_INET, s, pk), inet_pton(AF_INET, s, pg)) << s;
        EXPECT_EQ(memcmp(pg, pk, 4), 0) << s;
    }
    for (uint32_t a : {0u, 0x7f000001u, 0xffffffffu, 0x0a00020fu, 0xc0a80164u}) {
        in_addr in{htonl(a)};
        char g[INET_ADDRSTRLEN], k[INET_ADDRSTRLEN];
        ASSERT_NE(inet_ntop(AF_INET, &in, g, sizeof g), nullptr);
        ASSERT_EQ(ktal_inet_ntop(AF_INET, &in, k, sizeof k), k);
        EXPECT_STREQ(g, k);
    }
    char tiny[4];
    in_addr in{htonl(0x7f000001u)};
    EXPECT_EQ(ktal_inet_ntop(AF_INET, &in, tiny, sizeof tiny), nullptr);
    EXPECT_EQ(ktal_errno, ENOSPC);
}

TEST(Syscalls, FilesThroughTheHelpers) {
    char path[] = "/tmp/ktal_sys_XXXXXX";
    int tmp = mkstemp(path);
    ASSERT_GE(tmp, 0);
    close(tmp);
    int fd = ktal_open(path, O_WRONLY | O_TRUNC);
    ASSERT_GE(fd, 0);
    EXPECT_EQ(ktal_write(fd, "hello world", 11), 11);
    EXPECT_EQ(ktal_lseek(fd, 0, SEEK_CUR), 11);
    EXPECT_EQ(ktal_close(fd), 0);
    fd = ktal_openat(AT_FDCWD, path, O_RDONLY);
    ASSERT_GE(fd, 0);
    char buf[32] = {};
    EXPECT_EQ(ktal_read(fd, buf, sizeof buf), 11);
    EXPECT_STREQ(buf, "hello world");
    struct stat k, g;
    memset(&k, 0x55, sizeof k);
    ASSERT_EQ(ktal_fstat(fd, &k), 0); // glibc's struct stat: the layouts agree
    ASSERT_EQ(fstat(fd, &g), 0);
    EXPECT_EQ(k.st_size, 11);
    EXPECT_EQ(k.st_ino, g.st_ino);
    EXPECT_EQ(k.st_dev, g.st_dev);
    EXPECT_EQ(k.st_mode, g.st_mode);
    EXPECT_EQ(k.st_nlink, g.st_nlink);
    EXPECT_EQ(k.st_uid, g.st_uid);
    EXPECT_EQ(k.st_mtim.tv_sec, g.st_mtim.tv_sec);
    EXPECT_EQ(k.st_mtim.tv_nsec, g.st_mtim.tv_nsec);
    EXPECT_EQ(ktal_close(fd), 0);
    int created =
        ktal_open((std::string(path) + ".new").c_str(), O_CREAT | O_EXCL | O_WRONLY, 0640);
    ASSERT_GE(created, 0);
    ASSERT_EQ(fstat(created, &g), 0);
    EXPECT_EQ(g.st_mode & 0777 & ~0640u, 0u); // the mode (less the umask) reached the kernel
    ktal_close(created);
    ktal_errno = 0;
    EXPECT_EQ(ktal_open((std::string(path) + ".new").c_str(), O_CREAT | O_EXCL | O_WRONLY, 0640),
              -1);
    EXPECT_EQ(ktal_errno, EEXIST);
    unlink((std::string(path) + ".new").c_str());
    unlink(path);
    ktal_errno = 0;
    EXPECT_EQ(ktal_close(-1), -1);
    EXPECT_EQ(ktal_errno, EBADF);
    EXPECT_EQ(ktal_read(12345, buf, 1), -1);
    EXPECT_EQ(ktal_errno, EBADF);
}

TEST(Syscalls, IdentityTimeRandom) {
    EXPECT_EQ(ktal_getpid(), getpid());
    EXPECT_EQ(ktal_gettid(), gettid());
    EXPECT_EQ(ktal_getuid(), getuid());
    timespec a{}, b{};
    ASSERT_EQ(ktal_clock_gettime(CLOCK_MONOTONIC, &a), 0);
    ASSERT_EQ(ktal_usleep(2000), 0);
    timespec req{0, 1000000};
    ASSERT_EQ(ktal_nanosleep(&req, nullptr), 0);
    ASSERT_EQ(ktal_clock_gettime(CLOCK_MONOTONIC, &b), 0);
    long long ns = (b.tv_sec - a.tv_sec) * 1000000000LL + (b.tv_nsec - a.tv_nsec);
    EXPECT_GE(ns, 3000000);
    timeval tv{};
    ASSERT_EQ(ktal_gettimeofday(&tv, nullptr), 0);
    long t1 = 0;
    long t0 = ktal_time(&t1);
    EXPECT_EQ(t0, t1);
    EXPECT_LE(std::labs(t0 - time(nullptr)), 1);
    EXPECT_LE(std::labs(tv.tv_sec - t0), 1);
    EXPECT_EQ(ktal_clock_gettime(12345, &a), -1);
    EXPECT_EQ(ktal_errno, EINVAL);
    unsigned char r1[64] = {}, r2[64] = {};
    EXPECT_EQ(ktal_getrandom(r1, sizeof r1, 0), 64);
    EXPECT_EQ(ktal_getrandom(r2, sizeof r2, GRND_NONBLOCK), 64);
    EXPECT_NE(memcmp(r1, r2, 64), 0);
}

TEST(Syscalls, SocketsOverLoopback) {
    int srv = ktal_socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    ASSERT_GE(srv, 0);
    int one = 1;
    EXPECT_EQ(ktal_setsockopt(srv, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one), 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = ktal_htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    ASSERT_EQ(ktal_bind(srv, &addr, sizeof addr), 0);
    ASSERT_EQ(ktal_listen(srv, 4), 0);
    socklen_t len = sizeof addr;
    ASSERT_EQ(getsockname(srv, (sockaddr *)&addr, &len), 0);

    int cli = ktal_socket(AF_INET, SOCK_STREAM, 0);
    ASSERT_GE(cli, 0);
    EXPECT_EQ(ktal_setsockopt(cli, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one), 0);
    ASSERT_EQ(ktal_connect(cli, &addr, sizeof addr), 0);
    sockaddr_in peer{};
    unsigned plen = sizeof peer;
    int conn = ktal_accept(srv, &peer, &plen);
    ASSERT_GE(conn, 0);
    EXPECT_EQ(peer.sin_family, AF_INET);
    EXPECT_EQ(ktal_send(cli, "ping", 4, MSG_NOSIGNAL), 4);
    char buf[16] = {};
    EXPECT_EQ(ktal_recv(conn, buf, sizeof buf, MSG_WAITALL & 0), 4);
    EXPECT_STREQ(buf, "ping");

    char path[] = "/tmp/ktal_sendfile_XXXXXX";
    int file = mkstemp(path);
    ASSERT_GE(file, 0);
    ASSERT_EQ(write(file, "0123456789", 10), 10);
    off_t off = 2;
    EXPECT_EQ(ktal_sendfile(conn, file, &off, 5), 5);
    EXPECT_EQ(off, 7);
    memset(buf, 0, sizeof buf);
    EXPECT_EQ(ktal_recv(cli, buf, 5, MSG_WAITALL), 5);
    EXPECT_STREQ(buf, "23456");
    close(file);
    unlink(path);

    EXPECT_EQ(ktal_shutdown(conn, SHUT_WR), 0);
    EXPECT_EQ(ktal_recv(cli, buf, sizeof buf, 0), 0);
    int conn2 = -1;
    int cli2 = ktal_socket(AF_INET, SOCK_STREAM, 0);
    ASSERT_EQ(ktal_connect(cli2, &addr, sizeof addr), 0);
    conn2 = ktal_accept4(srv, nullptr, nullptr, SOCK_CLOEXEC);
    EXPECT_GE(conn2, 0);
    EXPECT_EQ(fcntl(conn2, F_GETFD) & FD_CLOEXEC, FD_CLOEXEC);
    for (int fd : {conn2, cli2, conn, cli, srv}) EXPECT_EQ(ktal_close(fd), 0);
    ktal_errno = 0;
    EXPECT_EQ(ktal_socket(12345, SOCK_STREAM, 0), -1);
    EXPECT_EQ(ktal_errno, EAFNOSUPPORT);
}

TEST(Runtime, UnsafeStackSymbols) {
    EXPECT_EQ((uintptr_t)ktal___ktal_unsafe_stack % 16, 0u);
    EXPECT_EQ(ktal___ktal_usp, ktal___ktal_unsafe_stack + 256 * 1024);
}

} // namespace
