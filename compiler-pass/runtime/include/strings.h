/* ktal runtime: strings.h. */
#ifndef KTAL_STRINGS_H
#define KTAL_STRINGS_H
#define __need_size_t
#include <bits/ktal_types.h>
#include <stddef.h>
KTAL_BEGIN_DECLS
int strcasecmp(const char *a, const char *b);
int strncasecmp(const char *a, const char *b, size_t n);
KTAL_END_DECLS
#endif
