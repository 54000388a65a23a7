/* ktal runtime: assert.h. No include guard, as C requires: NDEBUG may change
 * between inclusions. A failed assertion prints glibc's message to stderr and
 * aborts (the trap helper with KTAL_TRAP_ABORT). */
#include <bits/ktal_types.h>

#undef assert
#ifdef NDEBUG
#define assert(e) ((void)0)
#else
KTAL_BEGIN_DECLS
KTAL_NORETURN void __assert_fail(const char *expr, const char *file, unsigned int line,
                                 const char *func);
KTAL_END_DECLS
#define assert(e) ((e) ? (void)0 : __assert_fail(#e, __FILE__, __LINE__, __func__))
#endif

#if defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L && !defined(__cplusplus)
#undef static_assert
#define static_assert _Static_assert
#endif
