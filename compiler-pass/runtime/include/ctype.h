/* ktal runtime: ctype.h, as plain functions (the "C" locale, ASCII). */
#ifndef KTAL_CTYPE_H
#define KTAL_CTYPE_H
#include <bits/ktal_types.h>
KTAL_BEGIN_DECLS
int isalnum(int c);
int isalpha(int c);
int isascii(int c);
int isblank(int c);
int iscntrl(int c);
int isdigit(int c);
int isgraph(int c);
int islower(int c);
int isprint(int c);
int ispunct(int c);
int isspace(int c);
int isupper(int c);
int isxdigit(int c);
int tolower(int c);
int toupper(int c);
int toascii(int c);
KTAL_END_DECLS
#endif
