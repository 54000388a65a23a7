/* ktal runtime: arpa/inet.h (IPv4 text conversions are pure functions). */
#ifndef KTAL_ARPA_INET_H
#define KTAL_ARPA_INET_H
#include <netinet/in.h>
KTAL_BEGIN_DECLS
in_addr_t inet_addr(const char *s);
int inet_aton(const char *s, struct in_addr *out);
char *inet_ntoa(struct in_addr a);
int inet_pton(int af, const char *restrict s, void *restrict out);
const char *inet_ntop(int af, const void *restrict src, char *restrict dst, socklen_t len);
KTAL_END_DECLS
#endif
