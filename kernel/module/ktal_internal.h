/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the C files of ktal.ko share: module parameters, executable memory,
 * the helper table, loaded programs.
 */
#ifndef KTAL_INTERNAL_H
#define KTAL_INTERNAL_H

#include <linux/fs.h>
#include <linux/kref.h>
#include <linux/mutex.h>
#include <linux/types.h>

#include <linux/ktal.h>

#include "ktal_admit.h"
#include "ktal_ctx.h"

/* Module parameters (ktal_main.c). */
extern unsigned long max_image_bytes;
extern unsigned int max_programs;
extern unsigned int stack_budget;
extern unsigned long max_verify_memory;
extern unsigned long max_loaded_bytes;
extern bool measure_stack;

/* ktal_mem.c: executable memory within rel32 reach of this module, and the
 * kernel functions that are not exported but that ring-0 programs need,
 * resolved once through kallsyms. */
int ktal_mem_init(void);
void *ktal_mem_alloc(unsigned long size);
void ktal_mem_free(void *p);
int ktal_mem_protect(void *mem, const struct ktal_a_layout *l, unsigned long long text_end);

struct socket;
struct sockaddr;
struct ktal_lsm {
	int (*socket_bind)(struct socket *sock, struct sockaddr *address, int addrlen);
	int (*socket_connect)(struct socket *sock, struct sockaddr *address, int addrlen);
	int (*socket_listen)(struct socket *sock, int backlog);
	int (*socket_accept)(struct socket *sock, struct socket *newsock);
	int (*socket_setsockopt)(struct socket *sock, int level, int optname);
	int (*socket_shutdown)(struct socket *sock, int how);
};
extern struct ktal_lsm ktal_lsm;

/* ktal_helpers.c: writes helper `id`'s 16-byte slot at `slot` (which is
 * also its address); 0 if id is unknown or the helper is out of reach. */
int ktal_fill_slot(struct ktal_ctx *ctx, unsigned char *slot, unsigned int id);

/* ktal_prog.c: loaded programs and the ioctls on them. */
int ktal_prog_init(void);
void ktal_prog_exit(void); /* frees every program left (persistent ones) */
void ktal_prog_release(struct file *owner); /* /dev/ktal closed */
long ktal_ioctl_load(struct file *file, void __user *arg);
long ktal_ioctl_run(struct file *file, void __user *arg);
long ktal_ioctl_unload(struct file *file, void __user *arg);
long ktal_ioctl_list(struct file *file, void __user *arg);
u64 ktal_prog_count(void);
u64 ktal_loaded_bytes(void);
u64 ktal_total_runs(void);

/* ktal_main.c */
extern struct mutex ktal_verify_lock;
struct ktal_yield {
	bool interrupted;
};
int ktal_verify_yield(void *ctx); /* ctx: struct ktal_yield */
void *ktal_copy_in(u64 uptr, u64 size, int *err);
void ktal_fill_rejection(struct ktal_rejection *r, const struct ktal_v_result *res);

#endif
