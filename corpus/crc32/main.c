/* crc32 — table-driven CRCs checked against bitwise reference
 * implementations and the catalogue check values ("123456789"):
 * CRC-32 (IEEE), CRC-32C (Castagnoli), CRC-16/CCITT-FALSE, CRC-16/ARC,
 * CRC-64/XZ, and Adler-32.  Then checksums stdin (read with fgetc) whole,
 * in 4 KiB blocks and incrementally, and detects every single-bit error
 * in a sample message.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint32_t crc32_tab[256], crc32c_tab[256];
static uint16_t crc16_tab[256];
static uint64_t crc64_tab[256];

static void make_tables(void)
{
	for (uint32_t i = 0; i < 256; i++) {
		uint32_t c = i, cc = i;
		uint64_t c64 = i;
		for (int k = 0; k < 8; k++) {
			c = (c & 1) ? (c >> 1) ^ 0xEDB88320u : c >> 1;
			cc = (cc & 1) ? (cc >> 1) ^ 0x82F63B78u : cc >> 1;
			c64 = (c64 & 1) ? (c64 >> 1) ^ 0xC96C5795D7870F42ull : c64 >> 1;
		}
		crc32_tab[i] = c;
		crc32c_tab[i] = cc;
		crc64_tab[i] = c64;
		uint16_t s = (uint16_t)(i << 8);
		for (int k = 0; k < 8; k++)
			s = (uint16_t)((s & 0x8000) ? (s << 1) ^ 0x1021 : s << 1);
		crc16_tab[i] = s;
	}
}

/* running forms: pass the previous value (0 to start) */
static uint32_t crc32_update(uint32_t crc, const uint8_t *p, size_t n)
{
	crc = ~crc;
	while (n--)
		crc = crc32_tab[(crc ^ *p++) & 0xff] ^ (crc >> 8);
	return ~crc;
}

static uint32_t crc32c_update(uint32_t crc, const uint8_t *p, size_t n)
{
	crc = ~crc;
	while (n--)
		crc = crc32c_tab[(crc ^ *p++) & 0xff] ^ (crc >> 8);
	return ~crc;
}

static uint64_t crc64_update(uint64_t crc, const uint8_t *p, size_t n)
{
	crc = ~crc;
	while (n--)
		crc = crc64_tab[(crc ^ *p++) & 0xff] ^ (crc >> 8);
	return ~crc;
}

static uint16_t crc16_ccitt(const uint8_t *p, size_t n)
{
	uint16_t crc = 0xFFFF;
	while (n--)
		crc = (uint16_t)(crc16_tab[((crc >> 8) ^ *p++) & 0xff] ^ (crc << 8));
	return crc;
}

static uint16_t crc16_arc(const uint8_t *p, size_t n)
{
	uint16_t crc = 0;
	while (n--) {
		crc ^= *p++;
		for (int k = 0; k < 8; k++)
			crc = (uint16_t)((crc & 1) ? (crc >> 1) ^ 0xA001 : crc >> 1);
	}
	return crc;
}

static uint32_t adler32(uint32_t adler, const uint8_t *p, size_t n)
{
	uint32_t a = adler & 0xffff, b = adler >> 16;
	while (n) {
		size_t take = n < 5552 ? n : 5552;
		n -= take;
		while (take--) {
			a += *p++;
			b += a;
		}
		a %= 65521;
		b %= 65521;
	}
	return b << 16 | a;
}

/* bitwise references, MSB-first on the reflected polynomials' mirror */
static uint32_t crc32_bitwise(const uint8_t *p, size_t n, uint32_t poly)
{
	uint32_t crc = 0xFFFFFFFFu;
	for (size_t i = 0; i < n; i++) {
		crc ^= p[i];
		for (int k = 0; k < 8; k++)
			crc = (crc >> 1) ^ (poly & (0u - (crc & 1)));
	}
	return ~crc;
}

static uint16_t crc16_ccitt_bitwise(const uint8_t *p, size_t n)
{
	uint16_t crc = 0xFFFF;
	for (size_t i = 0; i < n; i++) {
		crc ^= (uint16_t)(p[i] << 8);
		for (int k = 0; k < 8; k++)
			crc = (uint16_t)((crc & 0x8000) ? (crc << 1) ^ 0x1021 : crc << 1);
	}
	return crc;
}

static int failures;

static void expect(const char *what, unsigned long long got, unsigned long long want, int width)
{
	int ok = got == want;
	if (!ok)
		failures++;
	printf("%-26s %0*llx %s\n", what, width, got, ok ? "ok" : "FAIL");
}

static uint8_t data[256 * 1024];

int main(void)
{
	make_tables();
	const uint8_t *check = (const uint8_t *)"123456789";
	expect("CRC-32 check", crc32_update(0, check, 9), 0xCBF43926u, 8);
	expect("CRC-32C check", crc32c_update(0, check, 9), 0xE3069283u, 8);
	expect("CRC-16/CCITT-FALSE check", crc16_ccitt(check, 9), 0x29B1, 4);
	expect("CRC-16/ARC check", crc16_arc(check, 9), 0xBB3D, 4);
	expect("CRC-64/XZ check", crc64_update(0, check, 9), 0x995DC9BBDF1939FAull, 16);
	expect("Adler-32 \"Wikipedia\"", adler32(1, (const uint8_t *)"Wikipedia", 9), 0x11E60398u, 8);
	expect("CRC-32 of empty", crc32_update(0, check, 0), 0, 8);
	const char *fox = "The quick brown fox jumps over the lazy dog";
	expect("CRC-32 fox", crc32_update(0, (const uint8_t *)fox, strlen(fox)), 0x414FA339u, 8);

	size_t n = 0;
	int c;
	while (n < sizeof data && (c = fgetc(stdin)) != EOF)
		data[n++] = (uint8_t)c;
	printf("stdin: %zu bytes\n", n);
	uint32_t whole = crc32_update(0, data, n);
	printf("  crc32     %08x\n", whole);
	printf("  crc32c    %08x\n", crc32c_update(0, data, n));
	printf("  crc64/xz  %016llx\n", (unsigned long long)crc64_update(0, data, n));
	printf("  crc16     %04x / arc %04x\n", crc16_ccitt(data, n), crc16_arc(data, n));
	printf("  adler32   %08x\n", adler32(1, data, n));
	int agree = crc32_bitwise(data, n, 0xEDB88320u) == whole &&
		    crc32_bitwise(data, n, 0x82F63B78u) == crc32c_update(0, data, n) &&
		    crc16_ccitt_bitwise(data, n) == crc16_ccitt(data, n);
	printf("  table == bitwise: %s\n", agree ? "yes" : "FAIL");
	if (!agree)
		failures++;
	/* incremental in blocks, each block printed */
	uint32_t run = 0, arun = 1;
	for (size_t off = 0, blk = 0; off < n; off += 4096, blk++) {
		size_t len = n - off < 4096 ? n - off : 4096;
		run = crc32_update(run, data + off, len);
		arun = adler32(arun, data + off, len);
		printf("  block %2zu len %4zu crc32 %08x running %08x adler %08x\n", blk, len,
		       crc32_update(0, data + off, len), run, arun);
	}
	int inc_ok = run == whole && arun == adler32(1, data, n);
	printf("  incremental == whole: %s\n", inc_ok ? "yes" : "FAIL");
	if (!inc_ok)
		failures++;

	/* every single-bit flip in the first 256 bytes changes each CRC */
	size_t m = n < 256 ? n : 256;
	uint32_t c32 = crc32_update(0, data, m), c32c = crc32c_update(0, data, m);
	uint16_t c16 = crc16_ccitt(data, m);
	long missed = 0, flips = 0;
	for (size_t i = 0; i < m; i++) {
		for (int bit = 0; bit < 8; bit++) {
			data[i] ^= (uint8_t)(1u << bit);
			flips++;
			if (crc32_update(0, data, m) == c32 || crc32c_update(0, data, m) == c32c || crc16_ccitt(data, m) == c16)
				missed++;
			data[i] ^= (uint8_t)(1u << bit);
		}
	}
	printf("single-bit errors: %ld flips, %ld undetected\n", flips, missed);
	if (missed)
		failures++;
	printf("%s\n", failures ? "FAIL" : "all checks passed");
	return 0;
}
