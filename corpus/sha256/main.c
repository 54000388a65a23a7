/* sha256 — SHA-256 (FIPS 180-4) and HMAC-SHA-256 (RFC 2104).
 * Checks the FIPS/NIST and RFC 4231 test vectors, hashes stdin (read with
 * read(2)) as a whole and line by line, checks that incremental hashing in
 * odd-sized pieces agrees with one-shot hashing, and hashes N MiB of
 * generated data.
 *
 * usage: sha256 [MIB]
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct sha256 {
	uint32_t h[8];
	uint64_t len;
	uint8_t buf[64];
	unsigned nbuf;
};

static const uint32_t K[64] = {
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
	0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
	0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
	0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
	0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
	0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static uint32_t ror(uint32_t x, unsigned n)
{
	return (x >> n) | (x << (32 - n));
}

static void sha256_block(struct sha256 *s, const uint8_t *p)
{
	uint32_t w[64];
	for (int i = 0; i < 16; i++)
		w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 | (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
	for (int i = 16; i < 64; i++) {
		uint32_t s0 = ror(w[i - 15], 7) ^ ror(w[i - 15], 18) ^ (w[i - 15] >> 3);
		uint32_t s1 = ror(w[i - 2], 17) ^ ror(w[i - 2], 19) ^ (w[i - 2] >> 10);
		w[i] = w[i - 16] + s0 + w[i - 7] + s1;
	}
	uint32_t a = s->h[0], b = s->h[1], c = s->h[2], d = s->h[3];
	uint32_t e = s->h[4], f = s->h[5], g = s->h[6], h = s->h[7];
	for (int i = 0; i < 64; i++) {
		uint32_t S1 = ror(e, 6) ^ ror(e, 11) ^ ror(e, 25);
		uint32_t ch = (e & f) ^ (~e & g);
		uint32_t t1 = h + S1 + ch + K[i] + w[i];
		uint32_t S0 = ror(a, 2) ^ ror(a, 13) ^ ror(a, 22);
		uint32_t maj = (a & b) ^ (a & c) ^ (b & c);
		uint32_t t2 = S0 + maj;
		h = g;
		g = f;
		f = e;
		e = d + t1;
		d = c;
		c = b;
		b = a;
		a = t1 + t2;
	}
	s->h[0] += a;
	s->h[1] += b;
	s->h[2] += c;
	s->h[3] += d;
	s->h[4] += e;
	s->h[5] += f;
	s->h[6] += g;
	s->h[7] += h;
}

static void sha256_init(struct sha256 *s)
{
	static const uint32_t iv[8] = { 0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
					0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19 };
	memcpy(s->h, iv, sizeof iv);
	s->len = 0;
	s->nbuf = 0;
}

static void sha256_update(struct sha256 *s, const void *data, size_t n)
{
	const uint8_t *p = data;
	s->len += n;
	if (s->nbuf) {
		while (n && s->nbuf < 64) {
			s->buf[s->nbuf++] = *p++;
			n--;
		}
		if (s->nbuf == 64) {
			sha256_block(s, s->buf);
			s->nbuf = 0;
		}
	}
	while (n >= 64) {
		sha256_block(s, p);
		p += 64;
		n -= 64;
	}
	while (n--)
		s->buf[s->nbuf++] = *p++;
}

static void sha256_final(struct sha256 *s, uint8_t out[32])
{
	uint64_t bits = s->len * 8;
	uint8_t pad = 0x80;
	uint64_t keep = s->len;
	sha256_update(s, &pad, 1);
	pad = 0;
	while (s->nbuf != 56)
		sha256_update(s, &pad, 1);
	uint8_t lenbuf[8];
	for (int i = 0; i < 8; i++)
		lenbuf[i] = (uint8_t)(bits >> (56 - 8 * i));
	sha256_update(s, lenbuf, 8);
	s->len = keep;
	for (int i = 0; i < 8; i++) {
		out[4 * i] = (uint8_t)(s->h[i] >> 24);
		out[4 * i + 1] = (uint8_t)(s->h[i] >> 16);
		out[4 * i + 2] = (uint8_t)(s->h[i] >> 8);
		out[4 * i + 3] = (uint8_t)s->h[i];
	}
}

static void sha256(const void *data, size_t n, uint8_t out[32])
{
	struct sha256 s;
	sha256_init(&s);
	sha256_update(&s, data, n);
	sha256_final(&s, out);
}

static void hmac_sha256(const uint8_t *key, size_t klen, const void *msg, size_t mlen, uint8_t out[32])
{
	uint8_t k[64], pad[64], inner[32];
	memset(k, 0, sizeof k);
	if (klen > 64)
		sha256(key, klen, k);
	else
		memcpy(k, key, klen);
	struct sha256 s;
	for (int i = 0; i < 64; i++)
		pad[i] = k[i] ^ 0x36;
	sha256_init(&s);
	sha256_update(&s, pad, 64);
	sha256_update(&s, msg, mlen);
	sha256_final(&s, inner);
	for (int i = 0; i < 64; i++)
		pad[i] = k[i] ^ 0x5c;
	sha256_init(&s);
	sha256_update(&s, pad, 64);
	sha256_update(&s, inner, 32);
	sha256_final(&s, out);
}

static void hex(const uint8_t *d, size_t n, char *out)
{
	static const char digits[] = "0123456789abcdef";
	for (size_t i = 0; i < n; i++) {
		out[2 * i] = digits[d[i] >> 4];
		out[2 * i + 1] = digits[d[i] & 15];
	}
	out[2 * n] = 0;
}

static int failures;

static void check(const char *what, const uint8_t d[32], const char *want)
{
	char got[65];
	hex(d, 32, got);
	int ok = strcmp(got, want) == 0;
	if (!ok)
		failures++;
	printf("%-28s %s %s\n", what, got, ok ? "ok" : "FAIL");
}

static uint8_t input[256 * 1024];
static uint8_t chunk[65536];

int main(int argc, char **argv)
{
	uint8_t d[32];
	char hx[65];

	sha256("", 0, d);
	check("\"\"", d, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	sha256("abc", 3, d);
	check("\"abc\"", d, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	const char *m448 = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
	sha256(m448, strlen(m448), d);
	check("448-bit message", d, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	{
		struct sha256 s;
		sha256_init(&s);
		memset(chunk, 'a', 1000);
		for (int i = 0; i < 1000; i++)
			sha256_update(&s, chunk, 1000);
		sha256_final(&s, d);
		check("one million 'a'", d, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
	}
	{
		uint8_t key[20];
		memset(key, 0x0b, sizeof key);
		hmac_sha256(key, sizeof key, "Hi There", 8, d);
		check("HMAC RFC 4231 case 1", d, "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
		const char *msg = "what do ya want for nothing?";
		hmac_sha256((const uint8_t *)"Jefe", 4, msg, strlen(msg), d);
		check("HMAC RFC 4231 case 2", d, "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
	}

	/* stdin, read(2) in pieces */
	size_t n = 0;
	for (;;) {
		ssize_t r = read(0, input + n, sizeof input - n);
		if (r <= 0)
			break;
		n += (size_t)r;
		if (n == sizeof input)
			break;
	}
	sha256(input, n, d);
	hex(d, 32, hx);
	printf("stdin: %zu bytes sha256=%s\n", n, hx);
	/* incremental in uneven pieces must agree */
	{
		struct sha256 s;
		uint8_t d2[32];
		sha256_init(&s);
		size_t off = 0, step = 1;
		while (off < n) {
			size_t take = n - off < step ? n - off : step;
			sha256_update(&s, input + off, take);
			off += take;
			step = step * 3 % 197 + 1;
		}
		sha256_final(&s, d2);
		int same = memcmp(d, d2, 32) == 0;
		printf("stdin incremental: %s\n", same ? "same" : "FAIL");
		if (!same)
			failures++;
	}
	/* per line */
	{
		size_t start = 0;
		int lineno = 0;
		for (size_t i = 0; i <= n; i++) {
			if (i == n || input[i] == '\n') {
				if (i > start || i < n) {
					lineno++;
					sha256(input + start, i - start, d);
					hex(d, 8, hx);
					if (lineno <= 40 || lineno % 25 == 0)
						printf("line %3d len %3zu %s\n", lineno, i - start, hx);
				}
				start = i + 1;
			}
		}
		printf("%d lines\n", lineno);
	}
	/* HMAC of stdin keyed with its own first line */
	{
		size_t kl = 0;
		while (kl < n && input[kl] != '\n')
			kl++;
		hmac_sha256(input, kl, input, n, d);
		hex(d, 32, hx);
		printf("hmac(stdin, first line) %s\n", hx);
	}
	/* generated data */
	long mib = argc > 1 ? atol(argv[1]) : 1;
	{
		struct sha256 s;
		uint64_t x = 88172645463325252ull;
		sha256_init(&s);
		for (long i = 0; i < mib * 16; i++) {
			for (size_t j = 0; j < sizeof chunk; j += 8) {
				x ^= x << 13;
				x ^= x >> 7;
				x ^= x << 17;
				memcpy(chunk + j, &x, 8);
			}
			sha256_update(&s, chunk, sizeof chunk);
		}
		sha256_final(&s, d);
		hex(d, 32, hx);
		printf("%ld MiB of xorshift data: %s\n", mib, hx);
	}
	printf("%s\n", failures ? "FAIL" : "all checks passed");
	return 0;
}
