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
#define KTAL_ABI_MINOR 1
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

/* The verifier is compiled into this module: VERIFY works, cert_version is set. */
#define KTAL_INFO_VERIFIER (1u << 0)

/*
 * Why the verifier rejected a program: the rule that failed (a stable
 * identifier such as "encoding.forbidden-opcode" or "cert.malformed"), what
 * it expected and found, and where. Strings are NUL-terminated (truncated to
 * fit); addresses are image offsets. VERIFY fills it now; LOAD will too.
 */
struct ktal_rejection {
	__u64 function_entry;  /* the function holding the instruction (if KTAL_REJ_IN_FUNCTION) */
	__u64 block;           /* start of the block holding the instruction */
	__u64 address;         /* the instruction */
	__u64 cert_offset;     /* where reading stopped, for rule "cert.malformed" */
	__u32 flags;           /* KTAL_REJ_* */
	__u32 reserved;        /* 0 */
	char rule[64];         /* the rule, e.g. "encoding.forbidden-opcode" */
	char message[200];     /* the rule's explanation */
	char expected[96];     /* the abstract value or bound the rule wanted */
	char found[96];        /* what the verifier had */
	char disasm[80];       /* the instruction, as Capstone prints it */
};

#define KTAL_REJ_IN_FUNCTION (1u << 0) /* function_entry is meaningful */

/*
 * KTAL_IOC_VERIFY (ABI 1.1): run the kernel's verifier over a text section and
 * its certificate (the binary format of tal/cert.hpp) without loading
 * anything. The text holds the bytes of [layout.text_off, + text_size) of the
 * image. Both sizes must be at most the module's max_image_bytes.
 *
 *   0        accepted
 *   EACCES   rejected: `rejection` says why (and stats how far it got)
 *   EINVAL   size too small, flags or reserved not 0, a size of 0, or a
 *            stack_budget above the module's
 *   E2BIG    text or certificate larger than max_image_bytes, or a larger
 *            struct from a newer caller with non-zero fields this module
 *            does not know
 *   EFAULT   a pointer that cannot be read (e.g. NULL), or the struct
 *   ENOMEM   no memory for the verifier (see module parameter max_verify_memory)
 *   EINTR    a fatal signal arrived while verifying
 */
struct ktal_verify {
	__u32 size;            /* in: sizeof(struct ktal_verify) as the caller knows it */
	__u32 stack_budget;    /* in: bytes of stack the entry function may use;
	                        * 0 = the module's stack_budget, more is EINVAL */
	__u64 text;            /* in: user pointer to the text bytes */
	__u64 text_size;       /* in */
	__u64 cert;            /* in: user pointer to the certificate */
	__u64 cert_size;       /* in */
	__u64 flags;           /* in: 0 */
	__u64 instructions;    /* out: instructions type-checked */
	__u64 functions;       /* out: functions checked */
	__u64 memory;          /* out: verifier memory used, bytes */
	struct ktal_rejection rejection; /* out: filled on EACCES, zero otherwise */
};

#define KTAL_IOC_MAGIC 0xB7
#define KTAL_IOC_INFO _IOWR(KTAL_IOC_MAGIC, 0x00, struct ktal_info)
#define KTAL_IOC_VERIFY _IOWR(KTAL_IOC_MAGIC, 0x01, struct ktal_verify)

#endif /* _UAPI_LINUX_KTAL_H */
