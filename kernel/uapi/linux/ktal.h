/* SPDX-License-Identifier: (GPL-2.0 WITH Linux-syscall-note) OR MIT */
/*
 * ktal: the /dev/ktal ioctl ABI, shared by ktal.ko and user space.
 *
 * Versioning: KTAL_ABI_MAJOR changes when an existing command or structure
 * changes meaning; KTAL_ABI_MINOR when commands or trailing fields are added.
 * Every structure starts with a __u32 size that the caller sets to the size it
 * knows; the kernel writes no more than that and reports what it wrote, so old
 * binaries keep working against newer modules.
 */
#ifndef _UAPI_LINUX_KTAL_H
#define _UAPI_LINUX_KTAL_H

#ifdef __KERNEL__
#include <linux/ioctl.h>
#include <linux/types.h>
#else
#include <linux/ioctl.h>
#include <linux/types.h>
#endif

#define KTAL_VERSION "0.1.0"
#define KTAL_ABI_MAJOR 1
#define KTAL_ABI_MINOR 0
#define KTAL_ABI_VERSION ((KTAL_ABI_MAJOR << 16) | KTAL_ABI_MINOR)

#define KTAL_DEVICE_NAME "ktal"
#define KTAL_DEVICE_PATH "/dev/ktal"

/* KTAL_IOC_INFO: what this module is and the limits it enforces. */
struct ktal_info {
	__u32 size;              /* in: sizeof(struct ktal_info) as the caller knows it */
	__u32 abi_version;       /* out: KTAL_ABI_VERSION of the module */
	char module_version[32]; /* out: NUL-terminated, e.g. "0.1.0" */
	char kernel_release[64]; /* out: utsname release the module runs under */
	__u64 max_image_bytes;   /* out: largest image LOAD accepts */
	__u64 max_programs;      /* out: programs that may be loaded at once */
	__u64 stack_budget;      /* out: bytes of kernel stack a program may use */
	__u64 programs_loaded;   /* out: programs loaded right now */
	__u32 cert_version;      /* out: certificate format version the verifier reads */
	__u32 flags;             /* out: KTAL_INFO_* */
};

/* The verifier is compiled into this module (always, once admission exists). */
#define KTAL_INFO_VERIFIER (1u << 0)

#define KTAL_IOC_MAGIC 0xB7
#define KTAL_IOC_INFO _IOWR(KTAL_IOC_MAGIC, 0x00, struct ktal_info)

#endif /* _UAPI_LINUX_KTAL_H */
