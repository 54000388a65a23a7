// SPDX-License-Identifier: GPL-2.0
/*
 * ktal.ko: the /dev/ktal misc device. Admission of certified programs to ring
 * 0 builds on this; this file owns the device, its parameters and INFO.
 */
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/uaccess.h>
#include <linux/utsname.h>

#include <linux/ktal.h>

static unsigned long max_image_bytes = 64UL << 20;
module_param(max_image_bytes, ulong, 0444);
MODULE_PARM_DESC(max_image_bytes, "largest image LOAD accepts, in bytes");

static unsigned int max_programs = 64;
module_param(max_programs, uint, 0444);
MODULE_PARM_DESC(max_programs, "programs that may be loaded at once");

static unsigned int stack_budget = 4096;
module_param(stack_budget, uint, 0444);
MODULE_PARM_DESC(stack_budget, "bytes of kernel stack a program may use");

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
	info.programs_loaded = 0;
	info.cert_version = 0;
	info.flags = 0;
	if (copy_to_user(arg, &info, size))
		return -EFAULT;
	return 0;
}

static long ktal_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	switch (cmd) {
	case KTAL_IOC_INFO:
		return ktal_ioctl_info((void __user *)arg);
	default:
		return -ENOTTY;
	}
}

static const struct file_operations ktal_fops = {
	.owner = THIS_MODULE,
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
	int err = misc_register(&ktal_device);

	if (err) {
		pr_err("ktal: cannot register /dev/%s: %d\n", KTAL_DEVICE_NAME, err);
		return err;
	}
	pr_info("ktal: version %s (ABI %u.%u) ready at /dev/%s\n", KTAL_VERSION, KTAL_ABI_MAJOR,
		KTAL_ABI_MINOR, KTAL_DEVICE_NAME);
	return 0;
}

static void __exit ktal_exit(void)
{
	misc_deregister(&ktal_device);
	pr_info("ktal: unloaded\n");
}

module_init(ktal_init);
module_exit(ktal_exit);
MODULE_LICENSE("GPL");
MODULE_AUTHOR("the ktal authors");
MODULE_DESCRIPTION("ktal: certified programs in ring 0");
MODULE_VERSION(KTAL_VERSION);
