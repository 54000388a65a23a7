/* base64 — RFC 4648 base64 and base64url encoding and decoding.
 * Checks the RFC test vectors, encodes stdin (wrapped at 76 columns, as
 * MIME does), decodes it back and compares, checks the url-safe alphabet
 * without padding, and makes sure malformed input is rejected: bad
 * characters, bad padding, bad length, non-zero trailing bits.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char std_alpha[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
static const char url_alpha[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/* returns the output length; out needs 4*ceil(n/3) (+ newlines) + 1 */
static size_t encode(const uint8_t *in, size_t n, char *out, const char *alpha, int pad, int wrap)
{
	size_t o = 0, col = 0;
	for (size_t i = 0; i < n; i += 3) {
		uint32_t v = (uint32_t)in[i] << 16;
		size_t rem = n - i;
		if (rem > 1)
			v |= (uint32_t)in[i + 1] << 8;
		if (rem > 2)
			v |= in[i + 2];
		char q[4];
		q[0] = alpha[(v >> 18) & 63];
		q[1] = alpha[(v >> 12) & 63];
		q[2] = rem > 1 ? alpha[(v >> 6) & 63] : '=';
		q[3] = rem > 2 ? alpha[v & 63] : '=';
		for (int k = 0; k < 4; k++) {
			if (q[k] == '=' && !pad)
				break;
			if (wrap && col == (size_t)wrap) {
				out[o++] = '\n';
				col = 0;
			}
			out[o++] = q[k];
			col++;
		}
	}
	out[o] = 0;
	return o;
}

static const char *decode_error;

/* decodes, skipping newlines; returns the length or -1 (decode_error set) */
static long decode(const char *in, size_t n, uint8_t *out, const char *alpha, int need_pad)
{
	int8_t map[256];
	memset(map, -1, sizeof map);
	for (int k = 0; k < 64; k++)
		map[(unsigned char)alpha[k]] = (int8_t)k;
	uint32_t acc = 0;
	int nacc = 0, npad = 0;
	long o = 0;
	size_t count = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)in[i];
		if (c == '\n' || c == '\r')
			continue;
		count++;
		if (c == '=') {
			npad++;
			continue;
		}
		if (npad) {
			decode_error = "data after padding";
			return -1;
		}
		if (map[c] < 0) {
			decode_error = "invalid character";
			return -1;
		}
		acc = acc << 6 | (uint32_t)map[c];
		nacc++;
		if (nacc == 4) {
			out[o++] = (uint8_t)(acc >> 16);
			out[o++] = (uint8_t)(acc >> 8);
			out[o++] = (uint8_t)acc;
			acc = 0;
			nacc = 0;
		}
	}
	if (need_pad && count % 4) {
		decode_error = "length not a multiple of 4";
		return -1;
	}
	if (npad > 2 || (npad && nacc + npad != 4)) {
		decode_error = "bad padding";
		return -1;
	}
	if (nacc == 1) {
		decode_error = "dangling character";
		return -1;
	}
	if (nacc == 2) {
		if (acc & 0xF) {
			decode_error = "non-zero trailing bits";
			return -1;
		}
		out[o++] = (uint8_t)(acc >> 4);
	} else if (nacc == 3) {
		if (acc & 0x3) {
			decode_error = "non-zero trailing bits";
			return -1;
		}
		out[o++] = (uint8_t)(acc >> 10);
		out[o++] = (uint8_t)(acc >> 2);
	}
	return o;
}

static uint8_t input[96 * 1024];
static char enc[140 * 1024];
static uint8_t dec[96 * 1024];

int main(void)
{
	int failures = 0;
	static const char *const vec_in[] = { "", "f", "fo", "foo", "foob", "fooba", "foobar" };
	static const char *const vec_out[] = { "", "Zg==", "Zm8=", "Zm9v", "Zm9vYg==", "Zm9vYmE=", "Zm9vYmFy" };
	for (int k = 0; k < 7; k++) {
		char e[16];
		uint8_t d[16];
		encode((const uint8_t *)vec_in[k], strlen(vec_in[k]), e, std_alpha, 1, 0);
		long dl = decode(vec_out[k], strlen(vec_out[k]), d, std_alpha, 1);
		int ok = strcmp(e, vec_out[k]) == 0 && dl == (long)strlen(vec_in[k]) && memcmp(d, vec_in[k], (size_t)dl) == 0;
		printf("RFC 4648 \"%s\" -> \"%s\" %s\n", vec_in[k], e, ok ? "ok" : "FAIL");
		if (!ok)
			failures++;
	}

	size_t n = fread(input, 1, sizeof input, stdin);
	size_t el = encode(input, n, enc, std_alpha, 1, 76);
	printf("stdin: %zu bytes -> %zu characters of base64\n", n, el);
	/* print the first and last lines */
	const char *p = enc;
	int lines = 0;
	for (size_t i = 0; i <= el; i++)
		if (i == el || enc[i] == '\n') {
			lines++;
			if (lines <= 6 || i == el)
				printf("  %.*s\n", (int)(enc + i - p), p);
			else if (lines == 7)
				printf("  ...\n");
			p = enc + i + 1;
		}
	long dl = decode(enc, el, dec, std_alpha, 1);
	int rt = dl == (long)n && memcmp(dec, input, n) == 0;
	printf("decoded %ld bytes, round trip %s\n", dl, rt ? "ok" : "FAIL");
	if (!rt)
		failures++;
	/* url-safe, unpadded, for every length of a prefix */
	int url_ok = 1;
	size_t plus = 0, slash = 0;
	for (size_t len = 0; len <= 300 && len <= n; len++) {
		size_t ul = encode(input, len, enc, url_alpha, 0, 0);
		for (size_t i = 0; i < ul; i++) {
			plus += enc[i] == '-';
			slash += enc[i] == '_';
		}
		long ud = decode(enc, ul, dec, url_alpha, 0);
		if (ud != (long)len || memcmp(dec, input, len) != 0 || ul != (len * 4 + 2) / 3)
			url_ok = 0;
	}
	printf("base64url without padding, prefixes 0..300: %s ('-' %zu times, '_' %zu times)\n", url_ok ? "ok" : "FAIL",
	       plus, slash);
	if (!url_ok)
		failures++;
	/* malformed inputs */
	static const char *const bad[] = { "Zm9v!", "Zg=", "Zg===", "Zm9=v", "Z", "Zh==", "Zm9=", "Zm 9v", "====", "Zm9vY" };
	for (int k = 0; k < 10; k++) {
		uint8_t d[16];
		decode_error = NULL;
		long r = decode(bad[k], strlen(bad[k]), d, std_alpha, 1);
		printf("decode \"%s\": %s\n", bad[k], r < 0 ? decode_error : "accepted (FAIL)");
		if (r >= 0)
			failures++;
	}
	printf("%s\n", failures ? "FAIL" : "all checks passed");
	return 0;
}
