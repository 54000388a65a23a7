// SPDX-License-Identifier: GPL-2.0
/*
 * Test-only module: calls WARN() once when loaded. The qemu harness must
 * report a run that loads it as failed; a test asserts that it does. Never
 * shipped, never built into ktal.ko.
 */
#include <linux/bug.h>
#include <linux/module.h>

static int __init ktal_warn_test_init(void)
{
	WARN(1, "ktal_warn_test: deliberate warning to test the harness\n");
	return 0;
}

static void __exit ktal_warn_test_exit(void)
{
}

module_init(ktal_warn_test_init);
module_exit(ktal_warn_test_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("ktal: harness self-test (calls WARN)");
