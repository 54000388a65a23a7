/* ktal runtime: errno and the helpers' error convention. */
#include <errno.h>
#include "internal.h"

int errno;

long __ktal_sysret(long r)
{
	if (r < 0 && r > -4096) {
		errno = (int)-r;
		return -1;
	}
	return r;
}
