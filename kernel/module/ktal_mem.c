// SPDX-License-Identifier: GPL-2.0
/*
 * Executable memory for ring-0 programs, and the kernel functions ktal.ko
 * needs that 6.1 does not export.
 *
 * module_alloc gives memory in the modules window, within 2 GiB of this
 * module's text, so a helper slot's `jmp rel32` reaches the helpers. Neither
 * it nor set_memory_ro/x nor module_memfree is exported in 6.1, and neither
 * is kallsyms_lookup_name: a kprobe on kallsyms_lookup_name yields its
 * address (register_kprobe is exported), and it resolves the rest once, at
 * load. The same route resolves the LSM hooks of the socket system calls
 * that the exported kernel_* socket functions skip (ktal_helpers.c), so a
 * ring-0 program's bind/connect/... meet the same security policy as the
 * caller's system calls would.
 */
#include <linux/kprobes.h>
#include <linux/mm.h>
#include <linux/printk.h>

#include "ktal_internal.h"

static void *(*ktal_module_alloc)(unsigned long size);
static void (*ktal_module_memfree)(void *region);
static int (*ktal_set_memory_ro)(unsigned long addr, int numpages);
static int (*ktal_set_memory_x)(unsigned long addr, int numpages);

struct ktal_lsm ktal_lsm;

int ktal_mem_init(void)
{
	struct kprobe kp = { .symbol_name = "kallsyms_lookup_name" };
	unsigned long (*lookup)(const char *name);
	int err = register_kprobe(&kp);

	if (err) {
		pr_err("ktal: cannot find kallsyms_lookup_name (kprobe: %d)\n", err);
		return err;
	}
	lookup = (unsigned long (*)(const char *))kp.addr;
	unregister_kprobe(&kp);
	if (!lookup)
		return -ENOENT;

	ktal_module_alloc = (void *)lookup("module_alloc");
	ktal_module_memfree = (void *)lookup("module_memfree");
	ktal_set_memory_ro = (void *)lookup("set_memory_ro");
	ktal_set_memory_x = (void *)lookup("set_memory_x");
	if (!ktal_module_alloc || !ktal_module_memfree || !ktal_set_memory_ro || !ktal_set_memory_x) {
		pr_err("ktal: cannot resolve module_alloc, module_memfree, set_memory_ro or set_memory_x\n");
		return -ENOENT;
	}
	/* A hook that cannot be found makes its helper fail with ENOSYS: a
	 * program must never get around the caller's security policy. */
	ktal_lsm.socket_bind = (void *)lookup("security_socket_bind");
	ktal_lsm.socket_connect = (void *)lookup("security_socket_connect");
	ktal_lsm.socket_listen = (void *)lookup("security_socket_listen");
	ktal_lsm.socket_accept = (void *)lookup("security_socket_accept");
	ktal_lsm.socket_setsockopt = (void *)lookup("security_socket_setsockopt");
	ktal_lsm.socket_shutdown = (void *)lookup("security_socket_shutdown");
	if (!ktal_lsm.socket_bind || !ktal_lsm.socket_connect || !ktal_lsm.socket_listen ||
	    !ktal_lsm.socket_accept || !ktal_lsm.socket_setsockopt || !ktal_lsm.socket_shutdown)
		pr_warn("ktal: some security_socket_* hooks are missing: those socket helpers return ENOSYS\n");
	return 0;
}

/* Zeroed, writable, not executable (PAGE_KERNEL), in the modules window. */
void *ktal_mem_alloc(unsigned long size)
{
	void *p = ktal_module_alloc(PAGE_ALIGN(size));

	if (p)
		memset(p, 0, PAGE_ALIGN(size));
	return p;
}

/* Process context only (module_memfree resets the page permissions and
 * flushes the TLB: VM_FLUSH_RESET_PERMS). */
void ktal_mem_free(void *p)
{
	if (p)
		ktal_module_memfree(p);
}

/*
 * W^X, once the slots are written: [0, text end) read-only then executable
 * (in that order: Debian's kernel warns when a writable page becomes
 * executable), [text end, sandbox) read-only but for the fuel word's page,
 * the sandbox and that page stay writable and not executable.
 */
int ktal_mem_protect(void *mem, const struct ktal_a_layout *l, unsigned long long text_end)
{
	unsigned long base = (unsigned long)mem;
	unsigned long text_pages = PAGE_ALIGN(text_end) >> PAGE_SHIFT;
	/* the fuel word's page, if any, stays writable */
	unsigned long ro_end = l->fuel_word_off ? l->fuel_word_off : l->sandbox_off;

	if (!text_pages || PAGE_ALIGN(text_end) > ro_end || ro_end % PAGE_SIZE)
		return -EINVAL;
	if (ktal_set_memory_ro(base, text_pages) || ktal_set_memory_x(base, text_pages))
		return -ENOMEM;
	if (ro_end > PAGE_ALIGN(text_end) &&
	    ktal_set_memory_ro(base + PAGE_ALIGN(text_end), (ro_end - PAGE_ALIGN(text_end)) >> PAGE_SHIFT))
		return -ENOMEM;
	return 0;
}
