// SPDX-License-Identifier: GPL-2.0
/*
 * Capstone inside ktal.ko: its allocator and formatter are global (CS_OPT_MEM)
 * and must be set before the first cs_open; its X86 printer sorts a table on
 * first use without a lock, so one decode here, at load time, does that before
 * any ioctl can race on it.
 */
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/slab.h>

#include <capstone/capstone.h>

#include "ktal_capstone.h"

static void *ktal_cs_malloc(size_t size)
{
	return kmalloc(size, GFP_KERNEL);
}

static void *ktal_cs_calloc(size_t n, size_t size)
{
	return kcalloc(n, size, GFP_KERNEL);
}

static void *ktal_cs_realloc(void *p, size_t size)
{
	return krealloc(p, size, GFP_KERNEL);
}

static void ktal_cs_free(void *p)
{
	kfree(p);
}

int ktal_capstone_init(void)
{
	static const u8 warmup[] = { 0x48, 0x89, 0xe5, 0xc3 }; /* mov rbp, rsp; ret */
	cs_opt_mem mem = {
		.malloc = ktal_cs_malloc,
		.calloc = ktal_cs_calloc,
		.realloc = ktal_cs_realloc,
		.free = ktal_cs_free,
		.vsnprintf = vsnprintf,
	};
	const u8 *code = warmup;
	size_t size = sizeof(warmup);
	u64 address = 0;
	unsigned int decoded = 0;
	cs_insn *insn;
	cs_err err;
	csh h;

	err = cs_option(0, CS_OPT_MEM, (size_t)&mem);
	if (err != CS_ERR_OK) {
		pr_err("ktal: Capstone refuses the kernel allocator: %s\n", cs_strerror(err));
		return -EINVAL;
	}
	err = cs_open(CS_ARCH_X86, CS_MODE_64, &h);
	if (err != CS_ERR_OK) {
		pr_err("ktal: cs_open: %s\n", cs_strerror(err));
		return err == CS_ERR_MEM ? -ENOMEM : -EINVAL;
	}
	cs_option(h, CS_OPT_DETAIL, CS_OPT_ON);
	insn = cs_malloc(h);
	if (!insn) {
		cs_close(&h);
		return -ENOMEM;
	}
	while (cs_disasm_iter(h, &code, &size, &address, insn))
		decoded++;
	cs_free(insn, 1);
	cs_close(&h);
	if (decoded != 2) {
		pr_err("ktal: Capstone decoded %u of the 2 warm-up instructions\n", decoded);
		return -EINVAL;
	}
	return 0;
}
