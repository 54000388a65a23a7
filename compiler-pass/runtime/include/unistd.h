/* ktal runtime: unistd.h (the calls the helper table offers). */
#ifndef KTAL_UNISTD_H
#define KTAL_UNISTD_H
#include <bits/ktal_types.h>

#define STDIN_FILENO 0
#define STDOUT_FILENO 1
#define STDERR_FILENO 2
#ifndef SEEK_SET
#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2
#endif
#define SEEK_DATA 3
#define SEEK_HOLE 4

KTAL_BEGIN_DECLS
ssize_t read(int fd, void *buf, size_t n);
ssize_t write(int fd, const void *buf, size_t n);
int close(int fd);
off_t lseek(int fd, off_t off, int whence);
pid_t getpid(void);
pid_t gettid(void);
uid_t getuid(void);
int usleep(useconds_t us);
unsigned int sleep(unsigned int s);
KTAL_NORETURN void _exit(int status);
KTAL_END_DECLS
#endif
