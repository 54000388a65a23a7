/* ktal runtime: sys/sendfile.h. */
#ifndef KTAL_SYS_SENDFILE_H
#define KTAL_SYS_SENDFILE_H
#include <bits/ktal_types.h>
KTAL_BEGIN_DECLS
ssize_t sendfile(int out_fd, int in_fd, off_t *offset, size_t count);
KTAL_END_DECLS
#endif
