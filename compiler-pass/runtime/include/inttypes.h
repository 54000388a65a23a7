/* ktal runtime: inttypes.h (LP64 format macros). */
#ifndef KTAL_INTTYPES_H
#define KTAL_INTTYPES_H
#include <bits/ktal_types.h>
#include <stdint.h>

#define __KTAL_PRI64 "l"
#define __KTAL_PRIPTR "l"

#define PRId8 "d"
#define PRId16 "d"
#define PRId32 "d"
#define PRId64 __KTAL_PRI64 "d"
#define PRIi8 "i"
#define PRIi16 "i"
#define PRIi32 "i"
#define PRIi64 __KTAL_PRI64 "i"
#define PRIu8 "u"
#define PRIu16 "u"
#define PRIu32 "u"
#define PRIu64 __KTAL_PRI64 "u"
#define PRIo8 "o"
#define PRIo16 "o"
#define PRIo32 "o"
#define PRIo64 __KTAL_PRI64 "o"
#define PRIx8 "x"
#define PRIx16 "x"
#define PRIx32 "x"
#define PRIx64 __KTAL_PRI64 "x"
#define PRIX8 "X"
#define PRIX16 "X"
#define PRIX32 "X"
#define PRIX64 __KTAL_PRI64 "X"
#define PRIdMAX __KTAL_PRI64 "d"
#define PRIiMAX __KTAL_PRI64 "i"
#define PRIuMAX __KTAL_PRI64 "u"
#define PRIxMAX __KTAL_PRI64 "x"
#define PRIXMAX __KTAL_PRI64 "X"
#define PRIoMAX __KTAL_PRI64 "o"
#define PRIdPTR __KTAL_PRIPTR "d"
#define PRIiPTR __KTAL_PRIPTR "i"
#define PRIuPTR __KTAL_PRIPTR "u"
#define PRIxPTR __KTAL_PRIPTR "x"
#define PRIXPTR __KTAL_PRIPTR "X"
#define PRIoPTR __KTAL_PRIPTR "o"
#define PRIdLEAST8 "d"
#define PRIdLEAST16 "d"
#define PRIdLEAST32 "d"
#define PRIdLEAST64 __KTAL_PRI64 "d"
#define PRIuLEAST8 "u"
#define PRIuLEAST16 "u"
#define PRIuLEAST32 "u"
#define PRIuLEAST64 __KTAL_PRI64 "u"
#define PRIdFAST8 "d"
#define PRIdFAST16 __KTAL_PRI64 "d"
#define PRIdFAST32 __KTAL_PRI64 "d"
#define PRIdFAST64 __KTAL_PRI64 "d"
#define PRIuFAST8 "u"
#define PRIuFAST16 __KTAL_PRI64 "u"
#define PRIuFAST32 __KTAL_PRI64 "u"
#define PRIuFAST64 __KTAL_PRI64 "u"
#define PRIxFAST8 "x"
#define PRIxFAST16 __KTAL_PRI64 "x"
#define PRIxFAST32 __KTAL_PRI64 "x"
#define PRIxFAST64 __KTAL_PRI64 "x"

typedef struct {
    long quot;
    long rem;
} imaxdiv_t;

KTAL_BEGIN_DECLS
intmax_t strtoimax(const char *restrict s, char **restrict end, int base);
uintmax_t strtoumax(const char *restrict s, char **restrict end, int base);
intmax_t imaxabs(intmax_t x);
imaxdiv_t imaxdiv(intmax_t a, intmax_t b);
KTAL_END_DECLS
#endif
