/* SPDX-License-Identifier: (GPL-2.0 WITH Linux-syscall-note) OR MIT */
/*
 * ktal: the /dev/ktal ioctl ABI, shared by ktal.ko and user space.
 *
 * Versioning: KTAL_ABI_MAJOR changes when an existing command or structure
 * changes meaning; KTAL_ABI_MINOR when commands or trailing fields are added.
 * Every structure starts with a __u32 size that the caller sets to the size it
 * knows; the kernel writes no more than that and reports what it wrote, so old
 * binaries keep working against newer modules. For the same reason the module
 * tells commands apart by their number (_IOC_NR) alone: the structure size
 * that _IOWR encodes grows with trailing fields. Every command is _IOWR.
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
#define KTAL_ABI_MINOR 2
#define KTAL_ABI_VERSION ((KTAL_ABI_MAJOR << 16) | KTAL_ABI_MINOR)

#define KTAL_DEVICE_NAME "ktal"
#define KTAL_DEVICE_PATH "/dev/ktal"

/* KTAL_IOC_INFO: what this module is and the limits it enforces. */
struct ktal_info {
	__u32 size;              /* in: sizeof(struct ktal_info) as the caller knows it */
	__u32 abi_version;       /* out: KTAL_ABI_VERSION of the module */
	char module_version[32]; /* out: NUL-terminated, e.g. "0.1.0" */
	char kernel_release[64]; /* out: utsname release the module runs under */
	__u64 max_image_bytes;   /* out: largest image LOAD accepts (file, and in memory) */
	__u64 max_programs;      /* out: programs that may be loaded at once */
	__u64 stack_budget;      /* out: bytes of kernel stack a program may use */
	__u64 programs_loaded;   /* out: programs loaded right now */
	__u32 cert_version;      /* out: certificate format version the verifier reads */
	__u32 flags;             /* out: KTAL_INFO_* */
	/* ABI 1.2: */
	__u64 loaded_bytes;      /* out: memory held by loaded programs (images and their
	                          * pristine data) */
	__u64 max_loaded_bytes;  /* out: the module's limit on loaded_bytes */
	__u64 runs;              /* out: RUNs completed since the module loaded */
	__u64 max_verify_memory; /* out: most memory one verification may use */
};

/* The verifier is compiled into this module: VERIFY works, cert_version is set. */
#define KTAL_INFO_VERIFIER (1u << 0)
/* LOAD, RUN, UNLOAD and LIST work (ABI 1.2): programs run in ring 0. */
#define KTAL_INFO_RUN (1u << 1)

/*
 * Why the verifier rejected a program: the rule that failed (a stable
 * identifier such as "encoding.forbidden-opcode" or "cert.malformed"), what
 * it expected and found, and where. Strings are NUL-terminated (truncated to
 * fit); addresses are image offsets. VERIFY and LOAD fill it.
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

/*
 * KTAL_IOC_LOAD (ABI 1.2): admit a certified image (the whole ELF file that
 * ktal-cc writes) to ring 0. The kernel parses it, verifies text and
 * certificate against the image's own layout, places it in executable memory
 * (text RX, rodata R, sandbox RW), fills the helper slots, and returns a
 * handle for RUN. Nothing runs here.
 *
 * A handle belongs to the open file that loaded it: RUN and UNLOAD through
 * that file (or a duplicate, or a child that inherited it), and closing the
 * last reference unloads it. With KTAL_LOAD_PERSIST (CAP_SYS_ADMIN) the
 * program stays loaded, visible to every opener of /dev/ktal, until UNLOAD
 * (by CAP_SYS_ADMIN) or until the module is removed.
 *
 *   0        loaded: handle and statistics set
 *   EACCES   rejected by the verifier: `rejection` says why
 *   ENOEXEC  not a usable image: rejection.rule is "image.malformed" and
 *            rejection.message says what is wrong (the verifier did not run)
 *   EINVAL   size too small, unknown flags, reserved not 0, an empty image,
 *            or a stack_budget above the module's
 *   E2BIG    image larger than max_image_bytes, as a file or as placed in
 *            memory with its bss, heap and stacks (or a larger struct with
 *            unknown non-zero fields)
 *   EPERM    KTAL_LOAD_PERSIST without CAP_SYS_ADMIN
 *   ENOSPC   max_programs programs are loaded, or the image would take
 *            loaded_bytes past max_loaded_bytes (module parameters)
 *   ENOMEM   no memory (for the verifier: see max_verify_memory)
 *   EFAULT   a pointer that cannot be read, or the struct
 *   EINTR    a fatal signal arrived while verifying
 */
struct ktal_load {
	__u32 size;            /* in: sizeof(struct ktal_load) as the caller knows it */
	__u32 stack_budget;    /* in: stack bytes the entry function may use;
	                        * 0 = the module's stack_budget, more is EINVAL */
	__u64 image;           /* in: user pointer to the image file */
	__u64 image_size;      /* in: its size in bytes */
	__u64 flags;           /* in: KTAL_LOAD_* */
	char name[64];         /* in: a name for LIST (e.g. the file name); NUL-terminated
	                        * or truncated */
	__u64 handle;          /* out: the program's handle (never 0) */
	__u64 image_bytes;     /* out: memory the placed image takes */
	__u64 instructions;    /* out: instructions type-checked */
	__u64 functions;       /* out: functions checked */
	__u64 memory;          /* out: verifier memory used, bytes */
	__u32 entry_bound;     /* out: the entry function's certified stack bound */
	__u32 reserved;        /* out: 0 */
	struct ktal_rejection rejection; /* out: on EACCES and ENOEXEC */
};

#define KTAL_LOAD_PERSIST (1ull << 0) /* stay loaded after the file closes (root) */

/*
 * KTAL_IOC_RUN (ABI 1.2): run a loaded program in ring 0, in the calling
 * process's context (its files, credentials, namespaces, signals), on its
 * kernel stack. The helpers are the program's system calls.
 *
 * argv: `argc` NUL-terminated strings back to back (argv[0] first), at most
 * argv_size bytes; the kernel lays them out in the image's argument area as
 * a char *argv[] (the table plus the strings must fit its 64 KiB). Every run
 * starts from the image's pristine data (data as loaded, bss zero).
 * Runs of one program are serialised; different programs run in parallel.
 *
 *   0        the program finished: `how` says how, `status` its status
 *   ENOENT   no program with this handle is visible to this file
 *   EINVAL   size too small, flags or reserved not 0, or argv that does not
 *            hold exactly argc NUL-terminated strings
 *   E2BIG    the arguments do not fit the argument area
 *   EFAULT   argv or the struct cannot be read
 *   EINTR    a fatal signal (SIGKILL, or SIGINT/SIGTERM... with the default
 *            action) stopped the program, or came while waiting for
 *            another run of it to finish; the process is dying
 */
struct ktal_run {
	__u32 size;            /* in: sizeof(struct ktal_run) as the caller knows it */
	__u32 argc;            /* in: number of strings in argv */
	__u64 handle;          /* in */
	__u64 argv;            /* in: user pointer to the strings */
	__u64 argv_size;       /* in: bytes at argv */
	__u64 flags;           /* in: 0 */
	__s64 status;          /* out: exit helper's argument, or the entry's return
	                        * value; 134 after a trap */
	__u32 how;             /* out: KTAL_RUN_* */
	__u32 trap_code;       /* out: KTAL_TRAP_* (tal/trap_abi.h) when trapped */
	__u64 trap_value;      /* out: the trap's second argument */
	__u64 fuel;            /* out: fuel checks (yields, signal checks) */
	__u64 nanoseconds;     /* out: time in ring 0, including helpers and sleeps */
	__u64 stack_bytes;     /* out: the deepest kernel stack use seen during the run
	                        * (from the top of the 16 KiB stack: system call entry,
	                        * ioctl, program, helpers, interrupts), when the module
	                        * parameter measure_stack is on; else 0 */
};

#define KTAL_RUN_RETURNED 1 /* the entry function returned `status` */
#define KTAL_RUN_EXITED 2   /* the exit helper, with `status` */
#define KTAL_RUN_TRAPPED 3  /* the trap helper: trap_code, trap_value */

/*
 * KTAL_IOC_UNLOAD (ABI 1.2): unload a program. A persistent one needs
 * CAP_SYS_ADMIN. A run in progress finishes first (its memory goes when it
 * does).
 *   0, ENOENT (no such handle visible), EPERM, EINVAL (size, flags), EFAULT
 */
struct ktal_unload {
	__u32 size;            /* in: sizeof(struct ktal_unload) */
	__u32 reserved;        /* in: 0 */
	__u64 handle;          /* in */
	__u64 flags;           /* in: 0 */
};

/* One program, as KTAL_IOC_LIST describes it. */
struct ktal_program {
	__u64 handle;
	__u64 flags;           /* KTAL_PROG_* */
	__u64 image_bytes;     /* memory the placed image takes */
	__u64 runs;            /* RUNs completed */
	__u64 instructions;    /* instructions the verifier checked */
	__u32 entry_bound;     /* the entry function's certified stack bound */
	__u32 loader_uid;      /* who loaded it (in the caller's user namespace) */
	__s32 loader_pid;      /* the process that loaded it (in the caller's pid
	                        * namespace; 0 if not visible there) */
	__u32 reserved;
	char name[64];         /* as given to LOAD */
};

#define KTAL_PROG_PERSISTENT (1ull << 0) /* loaded with KTAL_LOAD_PERSIST */
#define KTAL_PROG_MINE (1ull << 1)       /* belongs to the file LIST was called on */

/*
 * KTAL_IOC_LIST (ABI 1.2): the programs this file can see (its own and the
 * persistent ones), in handle order. Up to `capacity` entries of
 * `entry_size` bytes each (sizeof(struct ktal_program) as the caller knows
 * it; the kernel fills min of that and its own) are written at `entries`;
 * `count` says how many exist, which may be more.
 *   0, EINVAL (size, entry_size < 8, flags), EFAULT
 */
struct ktal_list {
	__u32 size;            /* in: sizeof(struct ktal_list) */
	__u32 entry_size;      /* in: sizeof(struct ktal_program) */
	__u64 entries;         /* in: user pointer to capacity entries */
	__u64 capacity;        /* in */
	__u64 flags;           /* in: 0 */
	__u64 count;           /* out: programs visible */
};

#define KTAL_IOC_MAGIC 0xB7
#define KTAL_IOC_INFO _IOWR(KTAL_IOC_MAGIC, 0x00, struct ktal_info)
#define KTAL_IOC_VERIFY _IOWR(KTAL_IOC_MAGIC, 0x01, struct ktal_verify)
#define KTAL_IOC_LOAD _IOWR(KTAL_IOC_MAGIC, 0x02, struct ktal_load)
#define KTAL_IOC_RUN _IOWR(KTAL_IOC_MAGIC, 0x03, struct ktal_run)
#define KTAL_IOC_UNLOAD _IOWR(KTAL_IOC_MAGIC, 0x04, struct ktal_unload)
#define KTAL_IOC_LIST _IOWR(KTAL_IOC_MAGIC, 0x05, struct ktal_list)

#endif /* _UAPI_LINUX_KTAL_H */
