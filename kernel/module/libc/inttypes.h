/* SPDX-License-Identifier: GPL-2.0 */
/* <inttypes.h> for ktal.ko: the PRI* formats of the kernel's types (u64 is
 * unsigned long long) for the kernel's vsnprintf. */
#ifndef KTAL_LIBC_INTTYPES_H
#define KTAL_LIBC_INTTYPES_H
#include <stdint.h>
#define PRId8 "hhd"
#define PRIi8 "hhi"
#define PRIo8 "hho"
#define PRIu8 "hhu"
#define PRIx8 "hhx"
#define PRIX8 "hhX"
#define PRId16 "hd"
#define PRIi16 "hi"
#define PRIo16 "ho"
#define PRIu16 "hu"
#define PRIx16 "hx"
#define PRIX16 "hX"
#define PRId32 "d"
#define PRIi32 "i"
#define PRIo32 "o"
#define PRIu32 "u"
#define PRIx32 "x"
#define PRIX32 "X"
#define PRId64 "lld"
#define PRIi64 "lli"
#define PRIo64 "llo"
#define PRIu64 "llu"
#define PRIx64 "llx"
#define PRIX64 "llX"
#endif
