// stdio: buffering and flush order (stdout buffered until full, fflush or
// exit; stderr unbuffered), reading, files. Each case runs in a forked child
// whose descriptors 0, 1 and 2 are pipes; many run the same steps through
// glibc in a second child and compare the bytes (and their interleaving).
#include <gtest/gtest.h>

#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <string>

#include "ktal_host.h"

#pragma clang diagnostic ignored "-Wformat-security"

namespace {

struct Outcome {
    std::string out, err;
    int status; // exit code, or -signal
    bool operator==(const Outcome &o) const = default;
};

std::ostream &operator<<(std::ostream &os, const Outcome &o) {
    return os << "{out=\"" << o.out << "\" err=\"" << o.err << "\" status=" << o.status << "}";
}

// Runs body in a child with stdin fed from `input`; with merge, stdout and
// stderr share one pipe, so `out` shows the order in which bytes reached it.
Outcome spawn(const std::function<void()> &body, const std::string &input = "",
              bool merge = false) {
    fflush(stdout);
    fflush(stderr);
    int in[2], out[2], err[2];
    EXPECT_EQ(pipe(in), 0);
    EXPECT_EQ(pipe(out), 0);
    EXPECT_EQ(pipe(err), 0);
    pid_t pid = fork();
    if (pid == 0) {
        dup2(in[0], 0);
        dup2(out[1], 1);
        dup2(merge ? out[1] : err[1], 2);
        for (int fd : {in[0], in[1], out[0], out[1], err[0], err[1]}) close(fd);
        body();
        _exit(99); // bodies end themselves
    }
    close(in[0]);
    close(out[1]);
    close(err[1]);
    if (!input.empty()) EXPECT_EQ(write(in[1], input.data(), input.size()), (ssize_t)input.size());
    close(in[1]);
    Outcome o{{}, {}, 0};
    pollfd fds[2] = {{out[0], POLLIN, 0}, {err[0], POLLIN, 0}};
    int open_fds = 2;
    while (open_fds) {
        poll(fds, 2, -1);
        for (int i = 0; i < 2; i++) {
            if (fds[i].fd < 0 || !fds[i].revents) continue;
            char buf[65536];
            ssize_t n = read(fds[i].fd, buf, sizeof buf);
            if (n <= 0) {
                close(fds[i].fd);
                fds[i].fd = -1;
                open_fds--;
            } else {
                (i ? o.err : o.out).append(buf, (size_t)n);
            }
        }
    }
    int st = 0;
    waitpid(pid, &st, 0);
    o.status = WIFEXITED(st) ? WEXITSTATUS(st) : -WTERMSIG(st);
    return o;
}

[[noreturn]] void glibc_exit(int status) {
    exit(status); // flushes glibc's stdio
}

TEST(Stdio, ExitFlushesStdout) {
    Outcome o = spawn([] {
        ktal_printf("hello, %s", "world");
        ktal_exit(3);
    });
    EXPECT_EQ(o, (Outcome{"hello, world", "", 3}));
}

TEST(Stdio, UnderscoreExitDoesNotFlush) {
    Outcome o = spawn([] {
        ktal_printf("lost");
        ktal__exit(4);
    });
    EXPECT_EQ(o, (Outcome{"", "", 4}));
}

TEST(Stdio, StderrIsUnbufferedStdoutWaits) {
    Outcome k = spawn(
        [] {
            ktal_printf("1");
            ktal_fprintf(KTAL_STDERR, "2");
            ktal_printf("3");
            ktal_fputs("4", KTAL_STDERR);
            ktal_fputc('5', KTAL_STDERR);
            ktal_puts("6");
            ktal_fwrite("7", 1, 1, KTAL_STDERR);
            ktal_exit(0);
        },
        "", true);
    Outcome g = spawn(
        [] {
            printf("1");
            fprintf(stderr, "2");
            printf("3");
            fputs("4", stderr);
            fputc('5', stderr);
            puts("6");
            fwrite("7", 1, 1, stderr);
            glibc_exit(0);
        },
        "", true);
    EXPECT_EQ(k, g);
    EXPECT_EQ(k.out, "2457136\n");
}

TEST(Stdio, FflushOrdersOutput) {
    auto ktal = [] {
        ktal_printf("a");
        ktal_fflush(KTAL_STDOUT);
        ktal_fprintf(KTAL_STDERR, "b");
        ktal_printf("c");
        ktal_fflush(nullptr);
        ktal_fprintf(KTAL_STDERR, "d");
        ktal_putchar('e');
        ktal_exit(0);
    };
    auto glibc = [] {
        printf("a");
        fflush(stdout);
        fprintf(stderr, "b");
        printf("c");
        fflush(nullptr);
        fprintf(stderr, "d");
        putchar('e');
        glibc_exit(0);
    };
    Outcome k = spawn(ktal, "", true), g = spawn(glibc, "", true);
    EXPECT_EQ(k, g);
    EXPECT_EQ(k.out, "abcde");
}

TEST(Stdio, FullBufferIsWrittenBeforeExit) {
    Outcome o = spawn(
        [] {
            for (int i = 0; i < 10000; i++) ktal_putchar('x');
            ktal_fputs("E", KTAL_STDERR);
            ktal_exit(0);
        },
        "", true);
    size_t e = o.out.find('E');
    ASSERT_NE(e, std::string::npos);
    EXPECT_GT(e, 0u);
    EXPECT_EQ(e % 4096, 0u) << "stdout is written in whole buffers";
    EXPECT_EQ(o.out.size(), 10001u);
    EXPECT_EQ(std::string(o.out).erase(e, 1), std::string(10000, 'x'));
}

TEST(Stdio, SetvbufModes) {
    Outcome unbuffered = spawn(
        [] {
            ktal_setvbuf(KTAL_STDOUT, nullptr, 2 /* _IONBF */, 0);
            ktal_printf("a");
            ktal_fputs("b", KTAL_STDERR);
            ktal_printf("c");
            ktal_exit(0);
        },
        "", true);
    EXPECT_EQ(unbuffered.out, "abc");
    Outcome line = spawn(
        [] {
            ktal_setvbuf(KTAL_STDOUT, nullptr, 1 /* _IOLBF */, 0);
            ktal_printf("a\nb");
            ktal_fputs("c", KTAL_STDERR);
            ktal_printf("d\n");
            ktal_exit(0);
        },
        "", true);
    EXPECT_EQ(line.out, "a\nbcd\n");
}

TEST(Stdio, ManyLinesMatchGlibc) {
    auto ktal = [] {
        for (int i = 0; i < 20000; i++)
            ktal_printf("%d:%x:%s|%-8.3s|%+05d\n", i, i * 7, i % 3 ? "abc" : "", "truncated", -i);
        ktal_exit(0);
    };
    auto glibc = [] {
        for (int i = 0; i < 20000; i++)
            printf("%d:%x:%s|%-8.3s|%+05d\n", i, i * 7, i % 3 ? "abc" : "", "truncated", -i);
        glibc_exit(0);
    };
    Outcome k = spawn(ktal), g = spawn(glibc);
    EXPECT_EQ(k.out.size(), g.out.size());
    EXPECT_TRUE(k == g);
}

TEST(Stdio, ReturnValuesMatchGlibc) {
    // Report each call's result on stderr, after the fact.
    auto ktal = [] {
        int r[6];
        r[0] = ktal_puts("line");
        r[1] = ktal_putchar('x');
        r[2] = ktal_fputc(0x1ff, KTAL_STDOUT);
        r[3] = (int)ktal_fwrite("abcdef", 2, 3, KTAL_STDOUT);
        r[4] = ktal_printf("%s", "");
        r[5] = ktal_fputs("", KTAL_STDOUT);
        ktal_fprintf(KTAL_STDERR, "%d %d %d %d %d %d", r[0], r[1], r[2], r[3], r[4], r[5]);
        ktal_exit(0);
    };
    auto glibc = [] {
        int r[6];
        r[0] = puts("line");
        r[1] = putchar('x');
        r[2] = fputc(0x1ff, stdout);
        r[3] = (int)fwrite("abcdef", 2, 3, stdout);
        r[4] = printf("%s", "");
        r[5] = fputs("", stdout);
        fprintf(stderr, "%d %d %d %d %d %d", r[0], r[1], r[2], r[3], r[4], r[5]);
        glibc_exit(0);
    };
    Outcome k = spawn(ktal), g = spawn(glibc);
    EXPECT_EQ(k.out, g.out);
    // fputs' success value is unspecified (glibc: 1); ours is 1 as well.
    EXPECT_EQ(k.err, g.err);
}

TEST(Stdio, ReadingMatchesGlibc) {
    std::string input = "first line\nsecond\n\nno newline at end";
    for (int i = 0; i < 3000; i++) input += "\nline " + std::to_string(i);
    auto ktal = [] {
        char buf[32];
        int c = ktal_getchar();
        ktal_printf("getchar=%d\n", c);
        ktal_printf("ungetc=%d\n", ktal_ungetc('F', KTAL_STDIN));
        ktal_printf("getc=%c\n", ktal_getc(KTAL_STDIN));
        while (ktal_fgets(buf, sizeof buf, KTAL_STDIN)) ktal_printf("[%s]", buf);
        ktal_printf("\neof=%d err=%d getchar=%d\n", ktal_feof(KTAL_STDIN), ktal_ferror(KTAL_STDIN),
                    ktal_getchar());
        ktal_clearerr(KTAL_STDIN);
        ktal_printf("eof=%d\n", ktal_feof(KTAL_STDIN));
        ktal_exit(0);
    };
    auto glibc = [] {
        char buf[32];
        int c = getchar();
        printf("getchar=%d\n", c);
        printf("ungetc=%d\n", ungetc('F', stdin));
        printf("getc=%c\n", getc(stdin));
        while (fgets(buf, sizeof buf, stdin)) printf("[%s]", buf);
        printf("\neof=%d err=%d getchar=%d\n", feof(stdin) != 0, ferror(stdin) != 0, getchar());
        clearerr(stdin);
        printf("eof=%d\n", feof(stdin) != 0);
        glibc_exit(0);
    };
    Outcome k = spawn(ktal, input), g = spawn(glibc, input);
    EXPECT_EQ(k, g);
}

TEST(Stdio, FreadAndGetline) {
    std::string input(20000, '\0');
    for (size_t i = 0; i < input.size(); i++) input[i] = (char)("abc\ndef"[i % 7]);
    auto ktal = [] {
        static char big[9000];
        size_t n = ktal_fread(big, 1, 10, KTAL_STDIN);
        ktal_printf("%zu:%.10s\n", n, big);
        n = ktal_fread(big, 3, 3000, KTAL_STDIN); // larger than the buffer
        ktal_printf("%zu:%c%c\n", n, big[0], big[8999]);
        char *line = nullptr;
        size_t cap = 0;
        ssize_t len;
        int lines = 0;
        while ((len = ktal_getline(&line, &cap, KTAL_STDIN)) > 0) lines++;
        ktal_printf("lines=%d last=%zd\n", lines, len);
        ktal_free(line);
        ktal_exit(0);
    };
    auto glibc = [] {
        static char big[9000];
        size_t n = fread(big, 1, 10, stdin);
        printf("%zu:%.10s\n", n, big);
        n = fread(big, 3, 3000, stdin);
        printf("%zu:%c%c\n", n, big[0], big[8999]);
        char *line = nullptr;
        size_t cap = 0;
        ssize_t len;
        int lines = 0;
        while ((len = getline(&line, &cap, stdin)) > 0) lines++;
        printf("lines=%d last=%zd\n", lines, len);
        free(line);
        glibc_exit(0);
    };
    Outcome k = spawn(ktal, input), g = spawn(glibc, input);
    EXPECT_EQ(k, g);
}

TEST(Stdio, Files) {
    char path[] = "/tmp/ktal_stdio_XXXXXX";
    int fd = mkstemp(path);
    ASSERT_GE(fd, 0);
    close(fd);
    ktal_file *f = ktal_fopen(path, "w");
    ASSERT_NE(f, nullptr);
    for (int i = 0; i < 1000; i++) ktal_fprintf(f, "%04d\n", i);
    EXPECT_EQ(ktal_ftell(f), 5000);
    EXPECT_EQ(ktal_fclose(f), 0);
    f = ktal_fopen(path, "a");
    ASSERT_NE(f, nullptr);
    ktal_fputs("tail\n", f);
    ktal_fclose(f);
    f = ktal_fopen(path, "r");
    ASSERT_NE(f, nullptr);
    char line[16];
    ASSERT_NE(ktal_fgets(line, sizeof line, f), nullptr);
    EXPECT_STREQ(line, "0000\n");
    EXPECT_EQ(ktal_ftell(f), 5);
    EXPECT_EQ(ktal_fseek(f, -5, 2 /* SEEK_END */), 0);
    ASSERT_NE(ktal_fgets(line, sizeof line, f), nullptr);
    EXPECT_STREQ(line, "tail\n");
    EXPECT_EQ(ktal_fgets(line, sizeof line, f), nullptr);
    EXPECT_TRUE(ktal_feof(f));
    ktal_rewind(f);
    EXPECT_EQ(ktal_fgetc(f), '0');
    EXPECT_EQ(ktal_fseek(f, 4996, 0), 0);
    ASSERT_NE(ktal_fgets(line, sizeof line, f), nullptr);
    EXPECT_STREQ(line, "999\n");
    ktal_fclose(f);
    f = ktal_fopen(path, "r+");
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(ktal_fgetc(f), '0');
    ktal_fseek(f, 0, 1 /* SEEK_CUR */);
    ktal_fputs("X", f);
    ktal_fclose(f);
    FILE *g = fopen(path, "r");
    ASSERT_NE(g, nullptr);
    char first[8] = {};
    ASSERT_EQ(fread(first, 1, 5, g), 5u);
    EXPECT_STREQ(first, "0X00\n");
    fclose(g);
    ktal_errno = 0;
    EXPECT_EQ(ktal_fopen("/nonexistent/dir/file", "r"), nullptr);
    EXPECT_EQ(ktal_errno, ENOENT);
    EXPECT_EQ(ktal_fopen(path, "q"), nullptr);
    EXPECT_EQ(ktal_errno, EINVAL);
    unlink(path);
}

TEST(Stdio, WriteErrorsAreReported) {
    Outcome o = spawn([] {
        close(1);
        ktal_printf("nowhere");
        int r = ktal_fflush(KTAL_STDOUT);
        ktal_fprintf(KTAL_STDERR, "fflush=%d ferror=%d errno=%d", r, ktal_ferror(KTAL_STDOUT) != 0,
                     ktal_errno);
        ktal_exit(0);
    });
    EXPECT_EQ(o.err, "fflush=-1 ferror=1 errno=9");
}

TEST(Stdio, PerrorAndDprintfMatchGlibc) {
    auto ktal = [] {
        ktal_errno = ENOENT;
        ktal_perror("open");
        ktal_errno = 0;
        ktal_perror(nullptr);
        ktal_errno = 9999;
        ktal_perror("");
        ktal_dprintf(1, "%s-%d\n", "dprintf", 5);
        ktal_exit(0);
    };
    auto glibc = [] {
        errno = ENOENT;
        perror("open");
        errno = 0;
        perror(nullptr);
        errno = 9999;
        perror("");
        dprintf(1, "%s-%d\n", "dprintf", 5);
        glibc_exit(0);
    };
    EXPECT_EQ(spawn(ktal), spawn(glibc));
}

TEST(StdioDeathTest, AbortAndAssert) {
    EXPECT_DEATH(ktal_abort(), "ktal trap 5");
    EXPECT_DEATH(ktal___assert_fail("x == 1", "file.c", 12, "check"),
                 "file.c:12: check: Assertion `x == 1' failed.");
}

} // namespace

// The program __ktal_start runs in Stdio.StartRunsMain.
extern "C" int ktal_main(int argc, char **argv) {
    for (int i = 0; i < argc; i++) ktal_printf("argv[%d]=%s\n", i, argv[i]);
    return 7;
}

namespace {

TEST(Stdio, StartRunsMainFlushesAndExits) {
    Outcome o = spawn([] {
        char a0[] = "/path/to/prog", a1[] = "one", a2[] = "two";
        char *argv[] = {a0, a1, a2, nullptr};
        ktal___ktal_start(3, argv);
    });
    EXPECT_EQ(o, (Outcome{"argv[0]=/path/to/prog\nargv[1]=one\nargv[2]=two\n", "", 7}));
    Outcome a = spawn([] {
        char a0[] = "/path/to/prog";
        char *argv[] = {a0, nullptr};
        ktal___ktal_start(1, argv);
    });
    EXPECT_EQ(a.status, 7);
}

TEST(StdioDeathTest, AssertNamesTheProgram) {
    // __ktal_start records argv[0]; assert prints its last component, as
    // glibc prints __progname.
    EXPECT_DEATH(
        {
            ktal___ktal_progname = "/usr/bin/myprog";
            ktal___assert_fail("n > 0", "prog.c", 3, "main");
        },
        "myprog: prog.c:3: main: Assertion `n > 0' failed.");
}

} // namespace
