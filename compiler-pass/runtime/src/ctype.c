/* ktal runtime: ctype.h for the "C" locale. Values outside 0..127 (EOF,
 * bytes 128..255) belong to no class, as in glibc's C locale. */
#include <ctype.h>

int isascii(int c)
{
	return (unsigned)c < 128;
}

int toascii(int c)
{
	return c & 0x7f;
}

int isdigit(int c)
{
	return (unsigned)c - '0' < 10;
}

int islower(int c)
{
	return (unsigned)c - 'a' < 26;
}

int isupper(int c)
{
	return (unsigned)c - 'A' < 26;
}

int isalpha(int c)
{
	return ((unsigned)c | 32) - 'a' < 26;
}

int isalnum(int c)
{
	return isalpha(c) || isdigit(c);
}

int isxdigit(int c)
{
	return isdigit(c) || ((unsigned)c | 32) - 'a' < 6;
}

int isblank(int c)
{
	return c == ' ' || c == '\t';
}

int isspace(int c)
{
	return c == ' ' || (unsigned)c - '\t' < 5;
}

int iscntrl(int c)
{
	return (unsigned)c < 32 || c == 127;
}

int isprint(int c)
{
	return (unsigned)c - 32 < 95;
}

int isgraph(int c)
{
	return (unsigned)c - 33 < 94;
}

int ispunct(int c)
{
	return isgraph(c) && !isalnum(c);
}

int tolower(int c)
{
	return isupper(c) ? c + 32 : c;
}

int toupper(int c)
{
	return islower(c) ? c - 32 : c;
}
