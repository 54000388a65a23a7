// SPDX-License-Identifier: GPL-2.0
/*
 * ktal.ko: the /dev/ktal misc device. This file owns the device, its
 * parameters, INFO and VERIFY; loaded programs (LOAD, RUN, UNLOAD, LIST) are
 * ktal_prog.c, the helpers ktal_helpers.c, executable memory ktal_mem.c, the
 * entry trampoline ktal_entry.S. The verifier and the admission sequence are
 * C++ (tal/, verifier/, loader/), reached only through ktal_verify.h and
 * ktal_admit.h; Capstone is set up in ktal_capstone.c.
 */
#include <linux/build_bug.h>
#include <linux/capability.h>
#include <linux/cred.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/utsname.h>

#include <linux/ktal.h>

#include "ktal_capstone.h"
#include "ktal_internal.h"
#include "ktal_verify.h"

unsigned long max_image_bytes = 64UL << 20;
module_param(max_image_bytes, ulong, 0444);
MODULE_PARM_DESC(max_image_bytes, "largest image LOAD accepts, in bytes: the file, and the image in memory");

unsigned int max_programs = 64;
module_param(max_programs, uint, 0444);
MODULE_PARM_DESC(max_programs, "programs that may be loaded at once");

/* The program's share of the 16 KiB kernel stack: the rest is the system
 * call entry, the ioctl, the trampoline and the deepest helper below it
 * (docs/ARCHITECTURE.md has the measured numbers). Fixed at load. */
unsigned int stack_budget = 4096;
module_param(stack_budget, uint, 0444);
MODULE_PARM_DESC(stack_budget, "bytes of kernel stack a program may use (at most 6144)");

unsigned long max_verify_memory = 256UL << 20;
module_param(max_verify_memory, ulong, 0444);
MODULE_PARM_DESC(max_verify_memory, "most memory one verification may use, in bytes");

unsigned long max_loaded_bytes = 256UL << 20;
module_param(max_loaded_bytes, ulong, 0444);
MODULE_PARM_DESC(max_loaded_bytes, "most memory all loaded programs may hold, in bytes");

bool measure_stack;
module_param(measure_stack, bool, 0644);
MODULE_PARM_DESC(measure_stack, "report each RUN's deepest kernel stack use (costs a 12 KiB memset per run)");

static int group = -1;
module_param(group, int, 0444);
MODULE_PARM_DESC(group, "also let this group (gid) use /dev/ktal (default: root only)");

/* One verification at a time: bounds the memory callers can make us hold. */
DEFINE_MUTEX(ktal_verify_lock);

static long ktal_ioctl_info(void __user *arg)
{
	struct ktal_info info;
	__u32 size;

	if (get_user(size, (__u32 __user *)arg))
		return -EFAULT;
	if (size < offsetofend(struct ktal_info, abi_version))
		return -EINVAL;
	size = min_t(__u32, size, sizeof(info));

	memset(&info, 0, sizeof(info));
	info.size = size;
	info.abi_version = KTAL_ABI_VERSION;
	strscpy(info.module_version, KTAL_VERSION, sizeof(info.module_version));
	strscpy(info.kernel_release, utsname()->release, sizeof(info.kernel_release));
	info.max_image_bytes = max_image_bytes;
	info.max_programs = max_programs;
	info.stack_budget = stack_budget;
	info.programs_loaded = ktal_prog_count();
	info.cert_version = ktal_v_cert_version();
	info.flags = KTAL_INFO_VERIFIER | KTAL_INFO_RUN;
	info.loaded_bytes = ktal_loaded_bytes();
	info.max_loaded_bytes = max_loaded_bytes;
	info.runs = ktal_total_runs();
	info.max_verify_memory = max_verify_memory;
	if (copy_to_user(arg, &info, size))
		return -EFAULT;
	return 0;
}

/* The verifier calls this every few thousand instructions. */
int ktal_verify_yield(void *ctx)
{
	struct ktal_yield *y = ctx;

	cond_resched();
	if (fatal_signal_pending(current)) {
		y->interrupted = true;
		return 0;
	}
	return 1;
}

void *ktal_copy_in(u64 uptr, u64 size, int *err)
{
	void *p = kvmalloc(size, GFP_KERNEL_ACCOUNT | __GFP_NOWARN);

	if (!p) {
		*err = -ENOMEM;
		return NULL;
	}
	if (copy_from_user(p, u64_to_user_ptr(uptr), size)) {
		kvfree(p);
		*err = -EFAULT;
		return NULL;
	}
	return p;
}

void ktal_fill_rejection(struct ktal_rejection *r, const struct ktal_v_result *res)
{
	memset(r, 0, sizeof(*r));
	r->function_entry = res->function_entry;
	r->block = res->block;
	r->address = res->address;
	r->cert_offset = res->cert_offset;
	r->flags = res->in_function ? KTAL_REJ_IN_FUNCTION : 0;
	strscpy(r->rule, res->rule, sizeof(r->rule));
	strscpy(r->message, res->message, sizeof(r->message));
	strscpy(r->expected, res->expected, sizeof(r->expected));
	strscpy(r->found, res->found, sizeof(r->found));
	strscpy(r->disasm, res->disasm, sizeof(r->disasm));
}

/* Verification proper: inputs already copied in and checked. */
static long ktal_run_verifier(struct ktal_verify *v, const void *text, const void *cert)
{
	struct ktal_yield y = { .interrupted = false };
	struct ktal_v_args args = {
		.text = text,
		.text_size = v->text_size,
		.cert = cert,
		.cert_size = v->cert_size,
		.stack_budget = v->stack_budget ? v->stack_budget : stack_budget,
		.yield = ktal_verify_yield,
		.yield_ctx = &y,
	};
	struct ktal_v_result *res;
	long ret;
	int verdict;

	args.mem_size = min_t(unsigned long, ktal_v_mem_size(v->text_size, v->cert_size),
			      max_verify_memory);
	args.mem = kvmalloc(args.mem_size, GFP_KERNEL_ACCOUNT | __GFP_NOWARN);
	res = kzalloc(sizeof(*res), GFP_KERNEL);
	if (!args.mem || !res) {
		ret = -ENOMEM;
		goto out;
	}
	verdict = ktal_v_verify(&args, res);
	v->instructions = res->instructions;
	v->functions = res->functions;
	v->memory = res->memory;
	memset(&v->rejection, 0, sizeof(v->rejection));
	if (verdict == KTAL_V_ACCEPT) {
		ret = 0;
	} else if (verdict == KTAL_V_REJECT) {
		ktal_fill_rejection(&v->rejection, res);
		ret = y.interrupted ? -EINTR : -EACCES;
	} else {
		ret = -ENOMEM;
	}
out:
	kfree(res);
	kvfree(args.mem);
	return ret;
}

static long ktal_ioctl_verify(void __user *arg)
{
	struct ktal_verify *v;
	void *text = NULL, *cert = NULL;
	__u32 usize;
	int err = 0;
	long ret;

	BUILD_BUG_ON(sizeof(((struct ktal_rejection *)0)->rule) != KTAL_V_RULE);
	BUILD_BUG_ON(sizeof(((struct ktal_rejection *)0)->message) != KTAL_V_MESSAGE);
	BUILD_BUG_ON(sizeof(((struct ktal_rejection *)0)->expected) != KTAL_V_VALUE);
	BUILD_BUG_ON(sizeof(((struct ktal_rejection *)0)->found) != KTAL_V_VALUE);
	BUILD_BUG_ON(sizeof(((struct ktal_rejection *)0)->disasm) != KTAL_V_DISASM);

	if (get_user(usize, (__u32 __user *)arg))
		return -EFAULT;
	if (usize < sizeof(*v))
		return -EINVAL;
	v = kzalloc(sizeof(*v), GFP_KERNEL);
	if (!v)
		return -ENOMEM;
	ret = copy_struct_from_user(v, sizeof(*v), arg, usize);
	if (ret)
		goto out;
	ret = -EINVAL;
	if (v->flags || !v->text_size || !v->cert_size ||
	    v->stack_budget > stack_budget)
		goto out;
	ret = -E2BIG;
	if (v->text_size > max_image_bytes || v->cert_size > max_image_bytes)
		goto out;
	text = ktal_copy_in(v->text, v->text_size, &err);
	if (text)
		cert = ktal_copy_in(v->cert, v->cert_size, &err);
	if (!cert) {
		ret = err;
		goto out;
	}
	if (mutex_lock_killable(&ktal_verify_lock)) {
		ret = -EINTR;
		goto out;
	}
	ret = ktal_run_verifier(v, text, cert);
	mutex_unlock(&ktal_verify_lock);
	if (ret == 0 || ret == -EACCES) {
		v->size = sizeof(*v);
		if (copy_to_user(arg, v, sizeof(*v)))
			ret = -EFAULT;
	}
out:
	kvfree(cert);
	kvfree(text);
	kfree(v);
	return ret;
}

/*
 * Commands are told apart by number only: the size that _IOWR encodes
 * changes when a structure gains trailing fields, and every structure
 * carries its own size, so a binary built against an older header still
 * reaches its command.
 */
static long ktal_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	void __user *uarg = (void __user *)arg;

	if (_IOC_TYPE(cmd) != KTAL_IOC_MAGIC || _IOC_DIR(cmd) != _IOC_DIR(KTAL_IOC_INFO))
		return -ENOTTY;
	switch (_IOC_NR(cmd)) {
	case _IOC_NR(KTAL_IOC_INFO):
		return ktal_ioctl_info(uarg);
	case _IOC_NR(KTAL_IOC_VERIFY):
		return ktal_ioctl_verify(uarg);
	case _IOC_NR(KTAL_IOC_LOAD):
		return ktal_ioctl_load(file, uarg);
	case _IOC_NR(KTAL_IOC_RUN):
		return ktal_ioctl_run(file, uarg);
	case _IOC_NR(KTAL_IOC_UNLOAD):
		return ktal_ioctl_unload(file, uarg);
	case _IOC_NR(KTAL_IOC_LIST):
		return ktal_ioctl_list(file, uarg);
	default:
		return -ENOTTY;
	}
}

/*
 * Root only by default (mode 0600). With `group`, the node is 0666 and this
 * check decides: devtmpfs gives a misc device no group of its own.
 */
static int ktal_open(struct inode *inode, struct file *file)
{
	if (group >= 0 && !capable(CAP_SYS_ADMIN) &&
	    !in_group_p(make_kgid(&init_user_ns, group)))
		return -EACCES;
	return 0;
}

/* The last reference to an open /dev/ktal: its programs go with it. */
static int ktal_release(struct inode *inode, struct file *file)
{
	ktal_prog_release(file);
	return 0;
}

static const struct file_operations ktal_fops = {
	.owner = THIS_MODULE,
	.open = ktal_open,
	.release = ktal_release,
	.unlocked_ioctl = ktal_ioctl,
	.compat_ioctl = compat_ptr_ioctl,
	.llseek = noop_llseek,
};

static struct miscdevice ktal_device = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = KTAL_DEVICE_NAME,
	.fops = &ktal_fops,
	.mode = 0600,
};

static int __init ktal_init(void)
{
	int err;

	if (stack_budget > 6144) {
		pr_err("ktal: stack_budget %u is above 6144 bytes of the 16 KiB kernel stack\n",
		       stack_budget);
		return -EINVAL;
	}
	err = ktal_capstone_init();
	if (err)
		return err;
	err = ktal_mem_init();
	if (err)
		return err;
	ktal_prog_init();
	if (group >= 0)
		ktal_device.mode = 0666;
	err = misc_register(&ktal_device);
	if (err) {
		pr_err("ktal: cannot register /dev/%s: %d\n", KTAL_DEVICE_NAME, err);
		return err;
	}
	pr_info("ktal: version %s (ABI %u.%u, certificates v%u) ready at /dev/%s\n", KTAL_VERSION,
		KTAL_ABI_MAJOR, KTAL_ABI_MINOR, ktal_v_cert_version(), KTAL_DEVICE_NAME);
	return 0;
}

static void __exit ktal_exit(void)
{
	misc_deregister(&ktal_device);
	ktal_prog_exit();
	pr_info("ktal: unloaded\n");
}

module_init(ktal_init);
module_exit(ktal_exit);
MODULE_LICENSE("GPL");
MODULE_AUTHOR("the ktal authors");
MODULE_DESCRIPTION("ktal: certified programs in ring 0");
MODULE_VERSION(KTAL_VERSION);
