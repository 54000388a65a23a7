// SPDX-License-Identifier: GPL-2.0
/*
 * The helpers: the "system calls" of a ring-0 program, as plain functions
 * (tal/helper_abi.h). Each acts on the calling process (current): its file
 * descriptors, credentials, namespaces and signals, as the system call would
 * (loader/user/runner.cpp is the reference: same checks, same results,
 * -errno on failure).
 *
 * A helper slot is `movabs r9, ctx; jmp rel32 ktal_h_NAME`, so every helper
 * is a C function whose sixth argument is the program's context (no helper
 * takes more than five); fuel is `movabs r11, ctx; jmp rel32 ktal_fuel_entry`.
 *
 * Rules every helper follows:
 *  - every pointer argument is checked against the program's regions
 *    (loader/regions.h) before anything is touched: readable = rodata to the
 *    end of the image, writable = the sandbox; no user memory, ever;
 *  - only the result goes back (rax), a plain integer; no kernel pointer;
 *  - resources are released before returning; then ktal_done() turns an
 *    interrupted wait into -EINTR (a program cannot be restarted) and leaves
 *    the program (ktal_unwind) if a fatal signal is pending.
 */
#include <linux/errno.h>
#include <linux/fcntl.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/fsnotify.h>
#include <linux/hrtimer.h>
#include <linux/net.h>
#include <linux/pid_namespace.h>
#include <linux/random.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/sched/xacct.h>
#include <linux/slab.h>
#include <linux/socket.h>
#include <linux/splice.h>
#include <linux/stat.h>
#include <linux/time_namespace.h>
#include <linux/timekeeping.h>
#include <linux/uio.h>
#include <net/net_namespace.h>
#include <net/sock.h>
#include <asm/unaligned.h>

#include "ktal_internal.h"
#include "tal/helper_abi.h"

#define RD(p, n) ktal_readable(&ctx->regions, (u64)(p), (u64)(n))
#define WR(p, n) ktal_writable(&ctx->regions, (u64)(p), (u64)(n))
#define PTR(p) ((void *)(unsigned long)(p))

/* Every helper's C signature: five program arguments, then the context. */
#define KTAL_HELPER(name)                                                                          \
	static long ktal_h_##name(long a0, long a1, long a2, long a3, long a4, struct ktal_ctx *ctx)

static long ktal_done(struct ktal_ctx *ctx, long ret)
{
	if (unlikely(ret == -ERESTARTSYS || ret == -ERESTARTNOINTR || ret == -ERESTARTNOHAND ||
		     ret == -ERESTART_RESTARTBLOCK))
		ret = -EINTR;
	if (unlikely(fatal_signal_pending(current))) {
		ctx->how = KTAL_HOW_KILLED;
		ktal_unwind(ctx, -EINTR);
	}
	return ret;
}

/* Called by ktal_fuel_entry every KTAL_FUEL_QUANTUM calls, or at the first
 * call after a fuel tick. */
void ktal_fuel_slow(struct ktal_ctx *ctx)
{
	ctx->fuel = KTAL_FUEL_QUANTUM;
	WRITE_ONCE(*ctx->fuel_word, 0);
	ctx->fuel_slow++;
	cond_resched();
	if (fatal_signal_pending(current)) {
		ctx->how = KTAL_HOW_KILLED;
		ktal_unwind(ctx, -EINTR);
	}
}

KTAL_HELPER(exit)
{
	ctx->how = KTAL_HOW_EXITED;
	ctx->status = a0;
	ktal_unwind(ctx, a0);
	return 0; /* not reached */
}

KTAL_HELPER(trap)
{
	ctx->how = KTAL_HOW_TRAPPED;
	ctx->trap_code = (u32)a0;
	ctx->trap_value = (u64)a1;
	ctx->status = 134; /* as the user-space runner exits */
	ktal_unwind(ctx, 134);
	return 0; /* not reached */
}

/* --- files ------------------------------------------------------------------ */

/* The position a read or write uses, as the system calls do (fdget_pos):
 * f_pos under f_pos_lock for files that share it, none for streams. */
struct ktal_pos {
	loff_t pos, *ppos;
	bool locked;
};

static void ktal_pos_begin(struct file *f, struct ktal_pos *p)
{
	p->locked = false;
	if (f->f_mode & FMODE_ATOMIC_POS) {
		mutex_lock(&f->f_pos_lock);
		p->locked = true;
	}
	p->ppos = NULL;
	if (!(f->f_mode & FMODE_STREAM)) {
		p->pos = f->f_pos;
		p->ppos = &p->pos;
	}
}

static void ktal_pos_end(struct file *f, struct ktal_pos *p, long ret)
{
	if (ret >= 0 && p->ppos)
		f->f_pos = p->pos;
	if (p->locked)
		mutex_unlock(&f->f_pos_lock);
}

/*
 * read and write go through the iov_iter interface with a kernel vector
 * (vfs_iter_read/write): it serves every file that has ->read_iter /
 * ->write_iter, including those that also have ->read / ->write such as
 * /dev/null, which kernel_read/kernel_write refuse. A file with only the
 * user-pointer ->read / ->write (a few old drivers) gets -EINVAL.
 */
KTAL_HELPER(read)
{
	struct kvec kv = { .iov_base = PTR(a1), .iov_len = (size_t)a2 };
	struct iov_iter it;
	struct ktal_pos p;
	struct file *f;
	long ret;

	if (!WR(a1, a2))
		return -EFAULT;
	f = fget((unsigned int)a0);
	if (!f)
		return -EBADF;
	if (!(f->f_mode & FMODE_READ)) {
		fput(f);
		return -EBADF;
	}
	if (!f->f_op->read_iter) {
		fput(f);
		return -EINVAL;
	}
	if (kv.iov_len > MAX_RW_COUNT)
		kv.iov_len = MAX_RW_COUNT;
	iov_iter_kvec(&it, ITER_DEST, &kv, 1, kv.iov_len);
	ktal_pos_begin(f, &p);
	ret = vfs_iter_read(f, &it, p.ppos, 0);
	ktal_pos_end(f, &p, ret);
	if (ret > 0)
		add_rchar(current, ret);
	inc_syscr(current);
	fput(f);
	return ktal_done(ctx, ret);
}

KTAL_HELPER(write)
{
	struct kvec kv = { .iov_base = PTR(a1), .iov_len = (size_t)a2 };
	struct iov_iter it;
	struct ktal_pos p;
	struct file *f;
	long ret;

	if (!RD(a1, a2))
		return -EFAULT;
	f = fget((unsigned int)a0);
	if (!f)
		return -EBADF;
	if (!(f->f_mode & FMODE_WRITE)) {
		fput(f);
		return -EBADF;
	}
	if (!f->f_op->write_iter) {
		fput(f);
		return -EINVAL;
	}
	if (kv.iov_len > MAX_RW_COUNT)
		kv.iov_len = MAX_RW_COUNT;
	iov_iter_kvec(&it, ITER_SOURCE, &kv, 1, kv.iov_len);
	ktal_pos_begin(f, &p);
	file_start_write(f);
	ret = vfs_iter_write(f, &it, p.ppos, 0);
	file_end_write(f);
	ktal_pos_end(f, &p, ret);
	if (ret > 0)
		add_wchar(current, ret);
	inc_syscw(current);
	fput(f);
	return ktal_done(ctx, ret);
}

/* The path must be NUL-terminated inside the readable window (as the user
 * runner checks); -ENAMETOOLONG past PATH_MAX as the system call says. */
static long ktal_path(struct ktal_ctx *ctx, long path)
{
	long i;

	for (i = 0;; ++i) {
		if (!RD(path + i, 1))
			return -EFAULT;
		if (((const char *)PTR(path))[i] == 0)
			return 0;
		if (i + 1 >= PATH_MAX)
			return -ENAMETOOLONG;
	}
}

/*
 * openat: filp_open on the caller's behalf (its credentials, umask, root and
 * working directory: we run in its context), then a descriptor in its table.
 * filp_open resolves from the working directory only; for a relative path
 * against a directory descriptor the path is rebuilt from the directory's
 * current name (d_path), which can race with a rename of that directory.
 */
KTAL_HELPER(openat)
{
	const char *name = PTR(a1);
	int flags = (int)a2 | O_LARGEFILE;
	char *buf = NULL;
	struct file *f;
	long ret;
	int fd;

	ret = ktal_path(ctx, a1);
	if (ret)
		return ret;
	if (!name[0])
		return -ENOENT;
	if (name[0] != '/' && (int)a0 != AT_FDCWD) {
		struct file *dir = fget_raw((unsigned int)a0);
		char *d;
		size_t dl, nl;

		if (!dir)
			return -EBADF;
		if (!S_ISDIR(file_inode(dir)->i_mode)) {
			fput(dir);
			return -ENOTDIR;
		}
		buf = kmalloc(PATH_MAX, GFP_KERNEL);
		if (!buf) {
			fput(dir);
			return -ENOMEM;
		}
		d = d_path(&dir->f_path, buf, PATH_MAX);
		fput(dir);
		if (IS_ERR(d)) {
			kfree(buf);
			return PTR_ERR(d);
		}
		dl = strlen(d);
		nl = strlen(name);
		if (dl + 1 + nl + 1 > PATH_MAX) {
			kfree(buf);
			return -ENAMETOOLONG;
		}
		memmove(buf, d, dl);
		buf[dl] = '/';
		memcpy(buf + dl + 1, name, nl + 1);
		name = buf;
	}
	fd = get_unused_fd_flags(flags);
	if (fd < 0) {
		kfree(buf);
		return fd;
	}
	f = filp_open(name, flags, (umode_t)a3);
	kfree(buf);
	if (IS_ERR(f)) {
		put_unused_fd(fd);
		return ktal_done(ctx, PTR_ERR(f));
	}
	fsnotify_open(f);
	fd_install(fd, f);
	return ktal_done(ctx, fd);
}

KTAL_HELPER(close)
{
	return ktal_done(ctx, close_fd((unsigned int)a0));
}

KTAL_HELPER(lseek)
{
	struct file *f;
	loff_t res;

	f = fget((unsigned int)a0);
	if (!f)
		return -EBADF;
	if ((unsigned int)a2 > SEEK_MAX) {
		fput(f);
		return -EINVAL;
	}
	if (f->f_mode & FMODE_ATOMIC_POS)
		mutex_lock(&f->f_pos_lock);
	res = vfs_llseek(f, a1, (int)a2);
	if (f->f_mode & FMODE_ATOMIC_POS)
		mutex_unlock(&f->f_pos_lock);
	fput(f);
	return res;
}

/* fstat: vfs_fstat (not exported) is vfs_getattr on the descriptor's path;
 * the result in x86-64's struct stat, as cp_new_stat fills it. */
KTAL_HELPER(fstat)
{
	struct kstat ks;
	struct stat st;
	struct file *f;
	int err;

	if (!WR(a1, sizeof(st)))
		return -EFAULT;
	f = fget_raw((unsigned int)a0);
	if (!f)
		return -EBADF;
	err = vfs_getattr(&f->f_path, &ks, STATX_BASIC_STATS, 0);
	fput(f);
	if (err)
		return ktal_done(ctx, err);
	memset(&st, 0, sizeof(st));
	st.st_dev = new_encode_dev(ks.dev);
	st.st_ino = ks.ino;
	st.st_nlink = ks.nlink;
	st.st_mode = ks.mode;
	st.st_uid = from_kuid_munged(current_user_ns(), ks.uid);
	st.st_gid = from_kgid_munged(current_user_ns(), ks.gid);
	st.st_rdev = new_encode_dev(ks.rdev);
	st.st_size = ks.size;
	st.st_blksize = ks.blksize;
	st.st_blocks = ks.blocks;
	st.st_atime = ks.atime.tv_sec;
	st.st_atime_nsec = ks.atime.tv_nsec;
	st.st_mtime = ks.mtime.tv_sec;
	st.st_mtime_nsec = ks.mtime.tv_nsec;
	st.st_ctime = ks.ctime.tv_sec;
	st.st_ctime_nsec = ks.ctime.tv_nsec;
	memcpy(PTR(a1), &st, sizeof(st));
	return 0;
}

/* --- identity and time ---------------------------------------------------- */

KTAL_HELPER(getpid)
{
	return task_tgid_vnr(current);
}

KTAL_HELPER(gettid)
{
	return task_pid_vnr(current);
}

KTAL_HELPER(getuid)
{
	return from_kuid_munged(current_user_ns(), current_uid());
}

/* The program's struct timespec / timeval (x86-64: two 64-bit fields). */
struct ktal_timespec {
	s64 sec, nsec;
};

KTAL_HELPER(clock_gettime)
{
	struct timespec64 ts;
	struct ktal_timespec out;

	if (!WR(a1, sizeof(out)))
		return -EFAULT;
	switch (a0) {
	case CLOCK_REALTIME:
		ktime_get_real_ts64(&ts);
		break;
	case CLOCK_MONOTONIC:
		ktime_get_ts64(&ts);
		timens_add_monotonic(&ts);
		break;
	case CLOCK_MONOTONIC_RAW:
		ktime_get_raw_ts64(&ts);
		timens_add_monotonic(&ts);
		break;
	case CLOCK_REALTIME_COARSE:
		ktime_get_coarse_real_ts64(&ts);
		break;
	case CLOCK_MONOTONIC_COARSE:
		ktime_get_coarse_ts64(&ts);
		timens_add_monotonic(&ts);
		break;
	case CLOCK_BOOTTIME:
		ktime_get_boottime_ts64(&ts);
		timens_add_boottime(&ts);
		break;
	case CLOCK_TAI:
		ktime_get_clocktai_ts64(&ts);
		break;
	case CLOCK_THREAD_CPUTIME_ID:
		/* task_sched_runtime is not exported: the runtime as of the
		 * last scheduler update (a tick at most behind). */
		ts = ns_to_timespec64(current->se.sum_exec_runtime);
		break;
	default:
		return -EINVAL; /* CPU-time clocks of others, dynamic clocks */
	}
	out.sec = ts.tv_sec;
	out.nsec = ts.tv_nsec;
	memcpy(PTR(a1), &out, sizeof(out));
	return 0;
}

KTAL_HELPER(gettimeofday)
{
	struct timespec64 ts;
	struct ktal_timespec tv;

	if ((a0 && !WR(a0, sizeof(tv))) || (a1 && !WR(a1, sizeof(struct timezone))))
		return -EFAULT;
	if (a0) {
		ktime_get_real_ts64(&ts);
		tv.sec = ts.tv_sec;
		tv.nsec = ts.tv_nsec / NSEC_PER_USEC;
		memcpy(PTR(a0), &tv, sizeof(tv));
	}
	if (a1)
		memcpy(PTR(a1), &sys_tz, sizeof(sys_tz));
	return 0;
}

/* nanosleep: an interruptible sleep on CLOCK_MONOTONIC. A signal that is not
 * fatal ends it with -EINTR and the time left (the program cannot be
 * restarted the way a system call is); a fatal one ends the program. */
KTAL_HELPER(nanosleep)
{
	struct ktal_timespec req;
	struct timespec64 ts;
	ktime_t expires, left;
	long ret = 0;

	if (!RD(a0, sizeof(req)) || (a1 && !WR(a1, sizeof(req))))
		return -EFAULT;
	memcpy(&req, PTR(a0), sizeof(req));
	ts.tv_sec = req.sec;
	ts.tv_nsec = req.nsec;
	if (!timespec64_valid(&ts))
		return -EINVAL;
	expires = ktime_add_safe(ktime_get(), timespec64_to_ktime(ts));
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (!schedule_hrtimeout_range(&expires, current->timer_slack_ns, HRTIMER_MODE_ABS))
			break; /* expired */
		if (signal_pending(current)) {
			ret = -EINTR;
			break;
		}
	}
	__set_current_state(TASK_RUNNING);
	if (ret && a1) {
		left = ktime_sub(expires, ktime_get());
		if (left < 0)
			left = 0;
		ts = ktime_to_timespec64(left);
		req.sec = ts.tv_sec;
		req.nsec = ts.tv_nsec;
		memcpy(PTR(a1), &req, sizeof(req));
	}
	return ktal_done(ctx, ret);
}

KTAL_HELPER(getrandom)
{
	unsigned int flags = (unsigned int)a2;
	size_t len = (size_t)a1, done = 0;
	long ret;

	if (!WR(a0, a1))
		return -EFAULT;
	if (flags & ~(GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE))
		return -EINVAL;
	if ((flags & (GRND_INSECURE | GRND_RANDOM)) == (GRND_INSECURE | GRND_RANDOM))
		return -EINVAL;
	if (len > INT_MAX)
		len = INT_MAX;
	if (!rng_is_initialized() && !(flags & GRND_INSECURE)) {
		if (flags & GRND_NONBLOCK)
			return -EAGAIN;
		ret = wait_for_random_bytes();
		if (ret)
			return ktal_done(ctx, ret);
	}
	/* A page at a time, stopping early on a signal, as the system call. */
	while (done < len) {
		size_t n = min_t(size_t, len - done, PAGE_SIZE);

		get_random_bytes((u8 *)PTR(a0) + done, n);
		done += n;
		if (done < len) {
			if (signal_pending(current))
				break;
			cond_resched();
		}
	}
	return ktal_done(ctx, done);
}

/* --- sockets ----------------------------------------------------------------
 * Built from the exported kernel_* / sock_* functions; the security hooks
 * those skip (bind, connect, listen, accept, setsockopt, shutdown) are called
 * here, resolved at load (ktal_mem.c), so the caller's LSM policy holds. Not
 * run: the cgroup-BPF setsockopt hook of the setsockopt system call. */

static struct socket *ktal_sock(long fd, int *err)
{
	return sockfd_lookup((int)(unsigned int)fd, err);
}

KTAL_HELPER(socket)
{
	int type = (int)a1, flags = type & ~SOCK_TYPE_MASK;
	struct socket *sock;
	struct file *f;
	int fd, err;

	BUILD_BUG_ON(SOCK_NONBLOCK != O_NONBLOCK || SOCK_CLOEXEC != O_CLOEXEC);
	if (flags & ~(SOCK_CLOEXEC | SOCK_NONBLOCK))
		return -EINVAL;
	err = sock_create((int)a0, type & SOCK_TYPE_MASK, (int)a2, &sock);
	if (err < 0)
		return ktal_done(ctx, err);
	fd = get_unused_fd_flags(flags);
	if (fd < 0) {
		sock_release(sock);
		return fd;
	}
	f = sock_alloc_file(sock, flags, NULL); /* releases sock on failure */
	if (IS_ERR(f)) {
		put_unused_fd(fd);
		return PTR_ERR(f);
	}
	fd_install(fd, f);
	return fd;
}

/* A socket address from the program (move_addr_to_kernel's checks). */
static int ktal_addr(long addr, long len, struct sockaddr_storage *out)
{
	if (len < 0 || len > (long)sizeof(*out))
		return -EINVAL;
	memset(out, 0, sizeof(*out));
	memcpy(out, PTR(addr), len);
	return 0;
}

KTAL_HELPER(bind)
{
	struct sockaddr_storage addr;
	struct socket *sock;
	int err;

	if (!RD(a1, a2))
		return -EFAULT;
	if (!ktal_lsm.socket_bind)
		return -ENOSYS;
	sock = ktal_sock(a0, &err);
	if (!sock)
		return err;
	err = ktal_addr(a1, a2, &addr);
	if (!err)
		err = ktal_lsm.socket_bind(sock, (struct sockaddr *)&addr, (int)a2);
	if (!err)
		err = sock->ops->bind(sock, (struct sockaddr *)&addr, (int)a2);
	sockfd_put(sock);
	return ktal_done(ctx, err);
}

KTAL_HELPER(listen)
{
	struct socket *sock;
	int backlog = (int)a1, somaxconn, err;

	if (!ktal_lsm.socket_listen)
		return -ENOSYS;
	sock = ktal_sock(a0, &err);
	if (!sock)
		return err;
	somaxconn = READ_ONCE(sock_net(sock->sk)->core.sysctl_somaxconn);
	if ((unsigned int)backlog > somaxconn)
		backlog = somaxconn;
	err = ktal_lsm.socket_listen(sock, backlog);
	if (!err)
		err = sock->ops->listen(sock, backlog);
	sockfd_put(sock);
	return ktal_done(ctx, err);
}

/* accept4, as do_accept: the new socket gets its file before the wait. */
KTAL_HELPER(accept4)
{
	struct sockaddr_storage address;
	struct socket *sock, *newsock;
	struct file *newfile;
	int flags = (int)a3, len = 0, klen, newfd, err;

	if (a1) {
		if (!WR(a2, sizeof(u32)))
			return -EFAULT;
		memcpy(&len, PTR(a2), sizeof(len));
		if (!WR(a1, (u32)len))
			return -EFAULT;
	}
	if (flags & ~(SOCK_CLOEXEC | SOCK_NONBLOCK))
		return -EINVAL;
	if (!ktal_lsm.socket_accept)
		return -ENOSYS;
	sock = ktal_sock(a0, &err);
	if (!sock)
		return err;
	newfd = get_unused_fd_flags(flags);
	if (newfd < 0) {
		sockfd_put(sock);
		return newfd;
	}
	newsock = sock_alloc();
	if (!newsock) {
		err = -ENFILE;
		goto out_fd;
	}
	newsock->type = sock->type;
	newsock->ops = sock->ops;
	__module_get(newsock->ops->owner);
	newfile = sock_alloc_file(newsock, flags, sock->sk->sk_prot_creator->name);
	if (IS_ERR(newfile)) {
		err = PTR_ERR(newfile);
		goto out_fd;
	}
	err = ktal_lsm.socket_accept(sock, newsock);
	if (!err)
		err = sock->ops->accept(sock, newsock, sock->file->f_flags, false);
	if (!err && a1) {
		klen = newsock->ops->getname(newsock, (struct sockaddr *)&address, 2);
		if (klen < 0) {
			err = -ECONNABORTED;
		} else {
			if (len > klen)
				len = klen;
			if (len < 0)
				err = -EINVAL;
			else {
				memcpy(PTR(a1), &address, len);
				memcpy(PTR(a2), &klen, sizeof(klen));
			}
		}
	}
	if (err) {
		fput(newfile);
		goto out_fd;
	}
	fd_install(newfd, newfile);
	sockfd_put(sock);
	return ktal_done(ctx, newfd);
out_fd:
	put_unused_fd(newfd);
	sockfd_put(sock);
	return ktal_done(ctx, err);
}

KTAL_HELPER(connect)
{
	struct sockaddr_storage addr;
	struct socket *sock;
	int err;

	if (!RD(a1, a2))
		return -EFAULT;
	if (!ktal_lsm.socket_connect)
		return -ENOSYS;
	sock = ktal_sock(a0, &err);
	if (!sock)
		return err;
	err = ktal_addr(a1, a2, &addr);
	if (!err)
		err = ktal_lsm.socket_connect(sock, (struct sockaddr *)&addr, (int)a2);
	if (!err)
		err = sock->ops->connect(sock, (struct sockaddr *)&addr, (int)a2, sock->file->f_flags);
	sockfd_put(sock);
	return ktal_done(ctx, err);
}

KTAL_HELPER(recv)
{
	struct kvec kv = { .iov_base = PTR(a1), .iov_len = (size_t)a2 };
	struct msghdr msg = {};
	struct socket *sock;
	unsigned int flags = (unsigned int)a3;
	int err;

	if (!WR(a1, a2))
		return -EFAULT;
	sock = ktal_sock(a0, &err);
	if (!sock)
		return err;
	if (kv.iov_len > INT_MAX)
		kv.iov_len = INT_MAX;
	if (sock->file->f_flags & O_NONBLOCK)
		flags |= MSG_DONTWAIT;
	err = kernel_recvmsg(sock, &msg, &kv, 1, kv.iov_len, flags);
	sockfd_put(sock);
	return ktal_done(ctx, err);
}

KTAL_HELPER(send)
{
	struct kvec kv = { .iov_base = PTR(a1), .iov_len = (size_t)a2 };
	struct msghdr msg = {};
	struct socket *sock;
	unsigned int flags = (unsigned int)a3;
	int err;

	if (!RD(a1, a2))
		return -EFAULT;
	sock = ktal_sock(a0, &err);
	if (!sock)
		return err;
	if (kv.iov_len > INT_MAX)
		kv.iov_len = INT_MAX;
	if (sock->file->f_flags & O_NONBLOCK)
		flags |= MSG_DONTWAIT;
	msg.msg_flags = flags;
	err = kernel_sendmsg(sock, &msg, &kv, 1, kv.iov_len);
	sockfd_put(sock);
	return ktal_done(ctx, err);
}

/* sendfile, as do_sendfile: do_splice_direct (a pipe as output goes through
 * its splice_write rather than splice_file_to_pipe, not exported). */
KTAL_HELPER(sendfile)
{
	struct file *in, *out;
	struct inode *in_inode, *out_inode;
	loff_t pos, out_pos, max;
	size_t count = (size_t)a3;
	long ret;

	if (a2 && !WR(a2, sizeof(loff_t)))
		return -EFAULT;
	in = fget((unsigned int)a1);
	if (!in)
		return -EBADF;
	ret = -EBADF;
	if (!(in->f_mode & FMODE_READ))
		goto fput_in;
	ret = -ESPIPE;
	if (!a2) {
		pos = in->f_pos;
	} else {
		memcpy(&pos, PTR(a2), sizeof(pos));
		if (!(in->f_mode & FMODE_PREAD))
			goto fput_in;
	}
	ret = rw_verify_area(READ, in, &pos, count);
	if (ret < 0)
		goto fput_in;
	if (count > MAX_RW_COUNT)
		count = MAX_RW_COUNT;
	ret = -EBADF;
	out = fget((unsigned int)a0);
	if (!out)
		goto fput_in;
	if (!(out->f_mode & FMODE_WRITE))
		goto fput_out;
	in_inode = file_inode(in);
	out_inode = file_inode(out);
	out_pos = out->f_pos;
	max = min(in_inode->i_sb->s_maxbytes, out_inode->i_sb->s_maxbytes);
	if (unlikely(pos + count > max)) {
		ret = -EOVERFLOW;
		if (pos >= max)
			goto fput_out;
		count = max - pos;
	}
	ret = rw_verify_area(WRITE, out, &out_pos, count);
	if (ret < 0)
		goto fput_out;
	file_start_write(out);
	ret = do_splice_direct(in, &pos, out, &out_pos, count, 0);
	file_end_write(out);
	if (ret > 0) {
		add_rchar(current, ret);
		add_wchar(current, ret);
		fsnotify_access(in);
		fsnotify_modify(out);
		out->f_pos = out_pos;
		if (a2)
			memcpy(PTR(a2), &pos, sizeof(pos));
		else
			in->f_pos = pos;
	}
	inc_syscr(current);
	inc_syscw(current);
	if (pos > max)
		ret = -EOVERFLOW;
fput_out:
	fput(out);
fput_in:
	fput(in);
	return ktal_done(ctx, ret);
}

KTAL_HELPER(shutdown)
{
	struct socket *sock;
	int err;

	if (!ktal_lsm.socket_shutdown)
		return -ENOSYS;
	sock = ktal_sock(a0, &err);
	if (!sock)
		return err;
	err = ktal_lsm.socket_shutdown(sock, (int)a1);
	if (!err)
		err = sock->ops->shutdown(sock, (int)a1);
	sockfd_put(sock);
	return ktal_done(ctx, err);
}

KTAL_HELPER(setsockopt)
{
	sockptr_t val = KERNEL_SOCKPTR(PTR(a3));
	int level = (int)a1, opt = (int)a2, len = (int)a4, err;
	struct socket *sock;
	struct sock *sk;

	if (!RD(a3, a4))
		return -EFAULT;
	if (len < 0)
		return -EINVAL;
	if (!ktal_lsm.socket_setsockopt)
		return -ENOSYS;
	sock = ktal_sock(a0, &err);
	if (!sock)
		return err;
	sk = sock->sk;
	err = ktal_lsm.socket_setsockopt(sock, level, opt);
	if (err)
		goto out;
	/* sock_use_custom_sol_socket (static in net/socket.c): MPTCP's own. */
	if (level == SOL_SOCKET &&
	    !(IS_ENABLED(CONFIG_MPTCP) && sk->sk_protocol == IPPROTO_MPTCP && sk->sk_type == SOCK_STREAM &&
	      (sk->sk_family == AF_INET || sk->sk_family == AF_INET6)))
		err = sock_setsockopt(sock, level, opt, val, len);
	else if (unlikely(!sock->ops->setsockopt))
		err = -EOPNOTSUPP;
	else
		err = sock->ops->setsockopt(sock, level, opt, val, len);
out:
	sockfd_put(sock);
	return ktal_done(ctx, err);
}

/* --- the slots ---------------------------------------------------------------- */

#define ktal_h_fuel NULL /* fuel is ktal_fuel_entry, with its own contract */
typedef long (*ktal_helper_fn)(long, long, long, long, long, struct ktal_ctx *);

static const struct {
	ktal_helper_fn fn;
	u8 kind;
} ktal_helper_table[KTAL_HELPER_COUNT] = {
#define KTAL_ROW(id, name, nargs, kind) [id] = { ktal_h_##name, kind },
	KTAL_HELPERS(KTAL_ROW)
#undef KTAL_ROW
};

/*
 * The 16 bytes of slot `id` (at its own address `slot`):
 *   ordinary helpers  49 b9 <ctx:8>  movabs r9, ctx
 *                     e9 <rel32>     jmp ktal_h_NAME
 *   fuel              49 bb <ctx:8>  movabs r11, ctx
 *                     e9 <rel32>     jmp ktal_fuel_entry
 *                     cc             int3
 * The program cannot read its text (no region covers it), and the verifier
 * treats r9 and r11 as clobbered after any helper call, so the context's
 * address never reaches the program.
 */
int ktal_fill_slot(struct ktal_ctx *ctx, unsigned char *slot, unsigned int id)
{
	unsigned long target;
	s64 rel;

	if (id >= KTAL_HELPER_COUNT)
		return 0;
	if (ktal_helper_table[id].kind == KTAL_HELPER_FUEL)
		target = (unsigned long)ktal_fuel_entry;
	else
		target = (unsigned long)ktal_helper_table[id].fn;
	if (!target)
		return 0;
	rel = (s64)(target - ((unsigned long)slot + 15));
	if (rel != (s32)rel)
		return 0;
	slot[0] = 0x49;
	slot[1] = ktal_helper_table[id].kind == KTAL_HELPER_FUEL ? 0xbb : 0xb9;
	put_unaligned_le64((u64)(unsigned long)ctx, slot + 2);
	slot[10] = 0xe9;
	put_unaligned_le32((u32)(s32)rel, slot + 11);
	slot[15] = 0xcc;
	return 1;
}
