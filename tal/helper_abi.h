/*
 * The helper ABI: the "system calls" of a ktal program. One table, shared by
 * the C runtime, the verifier, the user-space runner and ktal.ko.
 *
 * A program calls helper slot i with `call rel32`; the loader fills each
 * 16-byte slot with a jump to the helper. Arguments follow SysV (rdi, rsi,
 * rdx, rcx, r8); the result is in rax; the ordinary helpers may change every
 * caller-saved register. `fuel` is special: it preserves every register but
 * r11 (clang's preserve_all), so a fuel point in a hot loop costs a call and
 * nothing else. Helpers check every pointer argument against the program's
 * regions at run time.
 *
 * X(id, name, number of arguments, kind)
 */
#ifndef KTAL_HELPER_ABI_H
#define KTAL_HELPER_ABI_H

#define KTAL_HELPER_NORMAL 0
#define KTAL_HELPER_NORETURN 1 /* never returns to the program */
#define KTAL_HELPER_FUEL 2     /* preserves all registers but r11; a fuel point */

#define KTAL_HELPERS(X)                                                                            \
    X(0, exit, 1, KTAL_HELPER_NORETURN)                                                            \
    X(1, fuel, 0, KTAL_HELPER_FUEL)                                                                \
    X(2, trap, 2, KTAL_HELPER_NORETURN)                                                            \
    X(3, read, 3, KTAL_HELPER_NORMAL)                                                              \
    X(4, write, 3, KTAL_HELPER_NORMAL)                                                             \
    X(5, openat, 4, KTAL_HELPER_NORMAL)                                                            \
    X(6, close, 1, KTAL_HELPER_NORMAL)                                                             \
    X(7, lseek, 3, KTAL_HELPER_NORMAL)                                                             \
    X(8, fstat, 2, KTAL_HELPER_NORMAL)                                                             \
    X(9, getpid, 0, KTAL_HELPER_NORMAL)                                                            \
    X(10, gettid, 0, KTAL_HELPER_NORMAL)                                                           \
    X(11, getuid, 0, KTAL_HELPER_NORMAL)                                                           \
    X(12, clock_gettime, 2, KTAL_HELPER_NORMAL)                                                    \
    X(13, gettimeofday, 2, KTAL_HELPER_NORMAL)                                                     \
    X(14, nanosleep, 2, KTAL_HELPER_NORMAL)                                                        \
    X(15, getrandom, 3, KTAL_HELPER_NORMAL)                                                        \
    X(16, socket, 3, KTAL_HELPER_NORMAL)                                                           \
    X(17, bind, 3, KTAL_HELPER_NORMAL)                                                             \
    X(18, listen, 2, KTAL_HELPER_NORMAL)                                                           \
    X(19, accept4, 4, KTAL_HELPER_NORMAL)                                                          \
    X(20, connect, 3, KTAL_HELPER_NORMAL)                                                          \
    X(21, recv, 4, KTAL_HELPER_NORMAL)                                                             \
    X(22, send, 4, KTAL_HELPER_NORMAL)                                                             \
    X(23, sendfile, 4, KTAL_HELPER_NORMAL)                                                         \
    X(24, shutdown, 2, KTAL_HELPER_NORMAL)                                                         \
    X(25, setsockopt, 5, KTAL_HELPER_NORMAL)

#define KTAL_HELPER_COUNT 26

#endif
