/* http — an HTTP/1.1 request parser (RFC 9112) as a byte-level state
 * machine.  stdin is a stream of pipelined requests; for each it prints the
 * request line, the decoded path and query parameters, the headers, the
 * body (Content-Length or chunked transfer coding with extensions and
 * trailers), the connection persistence and a routed response status.
 * Malformed requests get a 400 with the reason, and the parser resynchronises
 * after the next empty line.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_HEADERS 48
#define MAX_PARAMS 16

struct header {
	char name[48];
	char value[256];
};

struct request {
	char method[16];
	char target[512];
	char path[512];
	char version[16];
	int minor;
	struct header h[MAX_HEADERS];
	int nh;
	char pkey[MAX_PARAMS][64], pval[MAX_PARAMS][128];
	int np;
	int chunked, nchunks, ntrailers;
	size_t body_len;
	uint32_t body_hash;
	char body_head[48];
	int bare_lf;
	int framed;
};

static uint8_t in[128 * 1024];
static size_t n, pos;
static const char *err;
static size_t err_at;

static int fail(const char *msg)
{
	if (!err) {
		err = msg;
		err_at = pos;
	}
	return -1;
}

static int is_tchar(int c)
{
	return isalnum(c) || (c && strchr("!#$%&'*+-.^_`|~", c) != NULL);
}

/* reads a line ending in CRLF (or a bare LF) into buf; returns its length */
static int read_line(char *buf, size_t cap, struct request *r)
{
	size_t len = 0;
	for (;;) {
		if (pos >= n)
			return fail("unexpected end of input");
		uint8_t c = in[pos++];
		if (c == '\r') {
			if (pos >= n || in[pos] != '\n')
				return fail("CR not followed by LF");
			pos++;
			break;
		}
		if (c == '\n') {
			r->bare_lf++;
			break;
		}
		if (len + 1 >= cap)
			return fail("line too long");
		buf[len++] = (char)c;
	}
	buf[len] = 0;
	return (int)len;
}

static int hexval(int c)
{
	if (isdigit(c))
		return c - '0';
	c = tolower(c);
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* percent-decoding; plus_space turns '+' into ' ' (query strings) */
static int pct_decode(const char *s, size_t len, char *out, size_t cap, int plus_space)
{
	size_t o = 0;
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (c == '%') {
			int hi = i + 1 < len ? hexval((unsigned char)s[i + 1]) : -1;
			int lo = i + 2 < len ? hexval((unsigned char)s[i + 2]) : -1;
			if (hi < 0 || lo < 0)
				return -1;
			c = (char)(hi * 16 + lo);
			i += 2;
		} else if (c == '+' && plus_space) {
			c = ' ';
		}
		if (o + 1 >= cap)
			return -1;
		out[o++] = c;
	}
	out[o] = 0;
	return (int)o;
}

static const char *get_header(const struct request *r, const char *name)
{
	for (int k = 0; k < r->nh; k++)
		if (strcmp(r->h[k].name, name) == 0)
			return r->h[k].value;
	return NULL;
}

static void body_byte(struct request *r, uint8_t c)
{
	if (r->body_len < sizeof r->body_head - 1)
		r->body_head[r->body_len] = (char)c;
	r->body_len++;
	r->body_hash = (r->body_hash ^ c) * 16777619u;
}

static int parse_target(struct request *r)
{
	const char *t = r->target;
	const char *q = strchr(t, '?');
	size_t plen = q ? (size_t)(q - t) : strlen(t);
	if (t[0] != '/' && strcmp(r->method, "OPTIONS") != 0 && strncmp(t, "http://", 7) != 0)
		return fail("bad request target");
	if (pct_decode(t, plen, r->path, sizeof r->path, 0) < 0)
		return fail("bad percent-encoding in path");
	if (strlen(r->path) != strlen(r->path + 0) || memchr(r->path, 0, strlen(r->path)))
		return fail("NUL in path");
	if (!q)
		return 0;
	const char *s = q + 1;
	while (*s) {
		const char *amp = strchr(s, '&');
		size_t len = amp ? (size_t)(amp - s) : strlen(s);
		const char *eq = memchr(s, '=', len);
		if (len && r->np < MAX_PARAMS) {
			size_t kl = eq ? (size_t)(eq - s) : len;
			if (pct_decode(s, kl, r->pkey[r->np], sizeof r->pkey[0], 1) < 0)
				return fail("bad percent-encoding in query");
			if (eq) {
				if (pct_decode(eq + 1, len - kl - 1, r->pval[r->np], sizeof r->pval[0], 1) < 0)
					return fail("bad percent-encoding in query");
			} else {
				r->pval[r->np][0] = 0;
			}
			r->np++;
		}
		s += len;
		if (*s == '&')
			s++;
	}
	return 0;
}

static char line[1024];

static int parse_headers(struct request *r, int trailers)
{
	for (;;) {
		int len = read_line(line, sizeof line, r);
		if (len < 0)
			return -1;
		if (len == 0)
			return 0;
		if (line[0] == ' ' || line[0] == '\t')
			return fail("obsolete line folding");
		char *colon = strchr(line, ':');
		if (!colon)
			return fail("header without ':'");
		if (colon == line)
			return fail("empty header name");
		for (char *c = line; c < colon; c++)
			if (!is_tchar((unsigned char)*c))
				return fail(*c == ' ' || *c == '\t' ? "whitespace before ':'" : "bad header name");
		if (trailers) {
			r->ntrailers++;
			continue;
		}
		if (r->nh == MAX_HEADERS)
			return fail("too many headers");
		struct header *h = &r->h[r->nh];
		size_t nl = (size_t)(colon - line);
		if (nl >= sizeof h->name)
			return fail("header name too long");
		for (size_t k = 0; k < nl; k++)
			h->name[k] = (char)tolower((unsigned char)line[k]);
		h->name[nl] = 0;
		char *v = colon + 1;
		while (*v == ' ' || *v == '\t')
			v++;
		char *e = v + strlen(v);
		while (e > v && (e[-1] == ' ' || e[-1] == '\t'))
			e--;
		*e = 0;
		for (char *c = v; c < e; c++)
			if ((unsigned char)*c < 0x20 && *c != '\t')
				return fail("control character in header value");
		if (strlen(v) >= sizeof h->value)
			return fail("header value too long");
		strcpy(h->value, v);
		r->nh++;
	}
}

/* an error found in the header block: the message ends with it */
static int fail_framed(struct request *r, const char *msg)
{
	r->framed = 1;
	return fail(msg);
}

static int parse_body(struct request *r)
{
	const char *te = get_header(r, "transfer-encoding");
	const char *cl = NULL;
	for (int k = 0; k < r->nh; k++) {
		if (strcmp(r->h[k].name, "content-length") != 0)
			continue;
		if (cl && strcmp(cl, r->h[k].value) != 0)
			return fail_framed(r, "conflicting Content-Length");
		cl = r->h[k].value;
	}
	if (te) {
		size_t l = strlen(te);
		if (l < 7 || strcmp(te + l - 7, "chunked") != 0)
			return fail_framed(r, "unsupported transfer coding");
		if (cl)
			return fail_framed(r, "both Content-Length and Transfer-Encoding");
		r->chunked = 1;
		for (;;) {
			int len = read_line(line, sizeof line, r);
			if (len < 0)
				return -1;
			char *end;
			if (!isxdigit((unsigned char)line[0]))
				return fail("bad chunk size");
			unsigned long size = strtoul(line, &end, 16);
			if (*end && *end != ';' && *end != ' ')
				return fail("bad chunk size");
			if (size > n - pos)
				return fail("chunk longer than the input");
			if (size == 0)
				return parse_headers(r, 1);
			for (unsigned long k = 0; k < size; k++)
				body_byte(r, in[pos++]);
			r->nchunks++;
			if (pos + 2 <= n && in[pos] == '\r' && in[pos + 1] == '\n')
				pos += 2;
			else if (pos < n && in[pos] == '\n')
				pos++;
			else
				return fail("chunk not followed by CRLF");
		}
	}
	if (cl) {
		if (!*cl)
			return fail_framed(r, "empty Content-Length");
		for (const char *c = cl; *c; c++)
			if (!isdigit((unsigned char)*c))
				return fail_framed(r, "bad Content-Length");
		if (strlen(cl) > 9)
			return fail_framed(r, "Content-Length too large");
		unsigned long len = strtoul(cl, NULL, 10);
		if (len > n - pos)
			return fail("body shorter than Content-Length");
		for (unsigned long k = 0; k < len; k++)
			body_byte(r, in[pos++]);
	}
	return 0;
}

static int parse_request(struct request *r)
{
	memset(r, 0, sizeof *r);
	r->body_hash = 2166136261u;
	/* RFC 9112 2.2: ignore empty lines before the request line */
	while (pos < n && (in[pos] == '\r' || in[pos] == '\n'))
		pos++;
	int len = read_line(line, sizeof line, r);
	if (len < 0)
		return -1;
	char *sp1 = strchr(line, ' ');
	if (!sp1)
		return fail("malformed request line");
	char *sp2 = strchr(sp1 + 1, ' ');
	if (!sp2 || strchr(sp2 + 1, ' '))
		return fail("malformed request line");
	size_t ml = (size_t)(sp1 - line), tl = (size_t)(sp2 - sp1 - 1);
	if (ml == 0 || ml >= sizeof r->method)
		return fail("bad method");
	for (size_t k = 0; k < ml; k++)
		if (!is_tchar((unsigned char)line[k]))
			return fail("bad method");
	if (tl == 0 || tl >= sizeof r->target)
		return fail("bad request target");
	memcpy(r->method, line, ml);
	memcpy(r->target, sp1 + 1, tl);
	const char *v = sp2 + 1;
	if (strlen(v) != 8 || strncmp(v, "HTTP/1.", 7) != 0 || !isdigit((unsigned char)v[7]))
		return fail("bad HTTP version");
	strcpy(r->version, v);
	r->minor = v[7] - '0';
	if (parse_target(r))
		return -1;
	if (parse_headers(r, 0))
		return -1;
	if (parse_body(r))
		return -1;
	r->framed = 1; /* the message's end is known even if it is rejected */
	if (r->minor >= 1 && !get_header(r, "host"))
		return fail("missing Host header");
	return 0;
}

static int keep_alive(const struct request *r)
{
	const char *c = get_header(r, "connection");
	char low[64];
	size_t k = 0;
	for (; c && c[k] && k < sizeof low - 1; k++)
		low[k] = (char)tolower((unsigned char)c[k]);
	low[k] = 0;
	if (r->minor >= 1)
		return !(c && strstr(low, "close"));
	return c && strstr(low, "keep-alive");
}

static int route(const struct request *r)
{
	int get = strcmp(r->method, "GET") == 0 || strcmp(r->method, "HEAD") == 0;
	if (strcmp(r->path, "/") == 0 || strcmp(r->path, "/index.html") == 0)
		return get ? 200 : 405;
	if (strncmp(r->path, "/static/", 8) == 0)
		return strstr(r->path, "..") ? 403 : get ? 200 : 405;
	if (strcmp(r->path, "/api/upload") == 0 || strcmp(r->path, "/api/echo") == 0)
		return strcmp(r->method, "POST") == 0 || strcmp(r->method, "PUT") == 0 ? (r->body_len ? 201 : 411) : 405;
	if (strcmp(r->path, "/api/items") == 0)
		return strcmp(r->method, "DELETE") == 0 ? 204 : get ? 200 : 405;
	return 404;
}

static void print_escaped(const char *s, size_t len)
{
	for (size_t k = 0; k < len; k++) {
		unsigned char c = (unsigned char)s[k];
		if (c == '\\' || c == '"')
			printf("\\%c", c);
		else if (c >= 0x20 && c < 0x7f)
			putchar(c);
		else
			printf("\\x%02x", c);
	}
}

static struct request req;

int main(void)
{
	n = fread(in, 1, sizeof in, stdin);
	int nreq = 0, nok = 0, nerr = 0;
	size_t total_body = 0;
	int status_count[6] = { 0 };
	while (pos < n) {
		size_t start = pos;
		/* stop at trailing blank lines */
		size_t p = pos;
		while (p < n && (in[p] == '\r' || in[p] == '\n'))
			p++;
		if (p == n)
			break;
		nreq++;
		err = NULL;
		printf("--- request %d at offset %zu\n", nreq, start);
		if (parse_request(&req) < 0) {
			nerr++;
			status_count[4]++;
			printf("400 Bad Request: %s (offset %zu)\n", err, err_at);
			if (req.framed)
				continue;
			/* resynchronise after the next empty line */
			size_t k = err_at > start ? err_at : start + 1;
			while (k < n && !(k >= 3 && in[k - 3] == '\r' && in[k - 2] == '\n' && in[k - 1] == '\r' && in[k] == '\n') &&
			       !(k >= 1 && in[k - 1] == '\n' && in[k] == '\n'))
				k++;
			pos = k < n ? k + 1 : n;
			continue;
		}
		nok++;
		printf("%s %s %s\n", req.method, req.target, req.version);
		printf("  path: \"");
		print_escaped(req.path, strlen(req.path));
		printf("\"\n");
		for (int k = 0; k < req.np; k++)
			printf("  param %s = \"%s\"\n", req.pkey[k], req.pval[k]);
		for (int k = 0; k < req.nh; k++)
			printf("  header %-18s %s\n", req.h[k].name, req.h[k].value);
		printf("  body: %zu bytes", req.body_len);
		if (req.chunked)
			printf(" in %d chunks, %d trailers", req.nchunks, req.ntrailers);
		if (req.body_len) {
			printf(", fnv1a %08x, starts \"", req.body_hash);
			print_escaped(req.body_head, req.body_len < sizeof req.body_head - 1 ? req.body_len : sizeof req.body_head - 1);
			printf("\"");
		}
		printf("\n");
		if (req.bare_lf)
			printf("  note: %d bare LF line endings\n", req.bare_lf);
		int status = route(&req);
		status_count[status / 100]++;
		printf("  -> %d, connection %s\n", status, keep_alive(&req) ? "keep-alive" : "close");
		total_body += req.body_len;
	}
	printf("=== %d requests: %d parsed, %d rejected; %zu body bytes; status 2xx=%d 4xx=%d\n", nreq, nok, nerr,
	       total_body, status_count[2], status_count[4]);
	return 0;
}
