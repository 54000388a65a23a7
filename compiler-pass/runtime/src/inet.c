/* ktal runtime: byte order and IPv4 text conversions (pure functions). */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdint.h>
#include <string.h>

uint16_t htons(uint16_t x)
{
	return __builtin_bswap16(x);
}

uint16_t ntohs(uint16_t x)
{
	return __builtin_bswap16(x);
}

uint32_t htonl(uint32_t x)
{
	return __builtin_bswap32(x);
}

uint32_t ntohl(uint32_t x)
{
	return __builtin_bswap32(x);
}

/* inet_aton's numbers-and-dots forms (a, a.b, a.b.c, a.b.c.d; each part
 * decimal, 0x hex or 0 octal), as glibc accepts them. */
int inet_aton(const char *s, struct in_addr *out)
{
	uint32_t parts[4];
	int n = 0;
	const char *p = s;
	for (;;) {
		if ((unsigned)*p - '0' >= 10)
			return 0;
		uint64_t v = 0;
		int base = 10;
		if (*p == '0') {
			base = 8;
			p++;
			if (*p == 'x' || *p == 'X') {
				base = 16;
				p++;
			}
		}
		for (;; p++) {
			unsigned c = (unsigned char)*p, d;
			if (c - '0' < 10)
				d = c - '0';
			else if (base == 16 && (c | 32) - 'a' < 6)
				d = (c | 32) - 'a' + 10;
			else
				break;
			if (d >= (unsigned)base)
				return 0;
			v = v * (unsigned)base + d;
			if (v > 0xffffffffu)
				return 0;
		}
		parts[n++] = (uint32_t)v;
		if (*p != '.')
			break;
		if (n == 4)
			return 0;
		p++;
	}
	if (*p && *p != ' ' && *p != '\t' && *p != '\n')
		return 0;
	uint32_t addr;
	switch (n) {
	case 1:
		addr = parts[0];
		break;
	case 2:
		if (parts[0] > 0xff || parts[1] > 0xffffff)
			return 0;
		addr = parts[0] << 24 | parts[1];
		break;
	case 3:
		if (parts[0] > 0xff || parts[1] > 0xff || parts[2] > 0xffff)
			return 0;
		addr = parts[0] << 24 | parts[1] << 16 | parts[2];
		break;
	default:
		if (parts[0] > 0xff || parts[1] > 0xff || parts[2] > 0xff || parts[3] > 0xff)
			return 0;
		addr = parts[0] << 24 | parts[1] << 16 | parts[2] << 8 | parts[3];
		break;
	}
	if (out)
		out->s_addr = htonl(addr);
	return 1;
}

in_addr_t inet_addr(const char *s)
{
	struct in_addr a;
	return inet_aton(s, &a) ? a.s_addr : INADDR_NONE;
}

static char *format4(const unsigned char *b, char *dst)
{
	char *p = dst;
	for (int i = 0; i < 4; i++) {
		unsigned v = b[i];
		if (v >= 100)
			*p++ = (char)('0' + v / 100);
		if (v >= 10)
			*p++ = (char)('0' + v / 10 % 10);
		*p++ = (char)('0' + v % 10);
		*p++ = i < 3 ? '.' : 0;
	}
	return dst;
}

char *inet_ntoa(struct in_addr a)
{
	static char buf[INET_ADDRSTRLEN];
	return format4((const unsigned char *)&a.s_addr, buf);
}

/* inet_pton for AF_INET: exactly four decimal parts, no leading zeros. */
int inet_pton(int af, const char *restrict s, void *restrict out)
{
	if (af != AF_INET) {
		errno = EAFNOSUPPORT;
		return -1;
	}
	unsigned char b[4];
	for (int i = 0; i < 4; i++) {
		unsigned v = 0;
		int digits = 0;
		while ((unsigned)*s - '0' < 10) {
			if (digits && v == 0)
				return 0; /* a leading zero */
			v = v * 10 + (unsigned)(*s++ - '0');
			if (v > 255 || ++digits > 3)
				return 0;
		}
		if (!digits)
			return 0;
		b[i] = (unsigned char)v;
		if (i < 3 && *s++ != '.')
			return 0;
	}
	if (*s)
		return 0;
	memcpy(out, b, 4);
	return 1;
}

const char *inet_ntop(int af, const void *restrict src, char *restrict dst, socklen_t len)
{
	char tmp[INET_ADDRSTRLEN];
	if (af != AF_INET) {
		errno = EAFNOSUPPORT;
		return NULL;
	}
	format4(src, tmp);
	size_t n = strlen(tmp) + 1;
	if (n > len) {
		errno = ENOSPC;
		return NULL;
	}
	memcpy(dst, tmp, n);
	return dst;
}
