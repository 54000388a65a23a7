/* ktal runtime: declarations of the helpers, generated from the one table in
 * tal/helper_abi.h. Every helper is `long __ktal_helper_NAME(long, ...)` with
 * its arity; `fuel` preserves every register but r11 (clang's preserve_all);
 * exit and trap never return. The loader fills each helper's 16-byte slot in
 * section .ktal.helpers (helpers.S) with a jump to the real helper. */
#ifndef KTAL_RUNTIME_HELPERS_H
#define KTAL_RUNTIME_HELPERS_H
#include "tal/helper_abi.h"
#include "tal/trap_abi.h"

#define KTAL_HARGS_0 void
#define KTAL_HARGS_1 long
#define KTAL_HARGS_2 long, long
#define KTAL_HARGS_3 long, long, long
#define KTAL_HARGS_4 long, long, long, long
#define KTAL_HARGS_5 long, long, long, long, long
#define KTAL_HARGS_6 long, long, long, long, long, long

/* `kind` is pasted unexpanded: KTAL_HDECL_KTAL_HELPER_NORMAL and so on. */
#define KTAL_HDECL_KTAL_HELPER_NORMAL(name, n) long __ktal_helper_##name(KTAL_HARGS_##n);
#define KTAL_HDECL_KTAL_HELPER_NORETURN(name, n)                                                   \
    __attribute__((noreturn)) long __ktal_helper_##name(KTAL_HARGS_##n);
#define KTAL_HDECL_KTAL_HELPER_FUEL(name, n)                                                       \
    __attribute__((preserve_all)) void __ktal_helper_##name(KTAL_HARGS_##n);
#define KTAL_HDECL(id, name, n, kind) KTAL_HDECL_##kind(name, n)

#ifdef __cplusplus
extern "C" {
#endif
KTAL_HELPERS(KTAL_HDECL)
#ifdef __cplusplus
}
#endif

#endif
