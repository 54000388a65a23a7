// SPDX-License-Identifier: GPL-2.0
/*
 * Loaded programs: LOAD (admission), RUN (ring 0, in the caller's context),
 * UNLOAD and LIST.
 *
 * Every program lives in one IDR under ktal_progs_lock, tagged with the open
 * file that loaded it (NULL once persistent). The IDR holds one reference; a
 * RUN holds another while it runs, so UNLOAD or close during a run frees the
 * memory only when the run ends. Runs of one program are serialised by its
 * run_lock: the program's context (ktal_ctx.h) and its sandbox are its own.
 */
#include <linux/atomic.h>
#include <linux/capability.h>
#include <linux/cred.h>
#include <linux/hrtimer.h>
#include <linux/idr.h>
#include <linux/ktime.h>
#include <linux/mm.h>
#include <linux/pid.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/sched/task_stack.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include "ktal_internal.h"

struct ktal_prog {
	struct kref ref;
	u32 handle;
	struct file *owner; /* NULL: persistent */
	struct mutex run_lock;
	struct ktal_ctx ctx; /* its address is in the helper slots */
	struct hrtimer fuel_timer; /* while it runs */
	u8 *mem;             /* the placed image (module_alloc) */
	struct ktal_a_layout layout;
	u64 entry, args, data_end;
	u32 entry_bound;
	bool entry_result;   /* rax at the entry's ret is the exit status (else 0) */
	void *pristine;      /* [sandbox_off, data_end) as placed */
	u64 charged;         /* bytes counted in ktal_bytes */
	atomic64_t runs;
	u64 instructions;
	kuid_t uid;
	struct pid *pid;
	char name[64];
};

/*
 * Every KTAL_FUEL_TICK_NS of a run: set the fuel word, so that the program's
 * next inline fuel point (cmp qword ptr [rip + F], 0; je; call fuel) calls
 * the fuel helper, and make that call take the slow path (cond_resched,
 * fatal signals). The program cannot write the word (the verifier), so it
 * yields within a tick and a loop's worth of work.
 */
static enum hrtimer_restart ktal_fuel_tick(struct hrtimer *t)
{
	struct ktal_prog *p = container_of(t, struct ktal_prog, fuel_timer);

	WRITE_ONCE(*p->ctx.fuel_word, 1);
	WRITE_ONCE(p->ctx.fuel, 1);
	hrtimer_forward_now(t, ns_to_ktime(KTAL_FUEL_TICK_NS));
	return HRTIMER_RESTART;
}

static DEFINE_IDR(ktal_progs);
static DEFINE_MUTEX(ktal_progs_lock);
static u64 ktal_nprogs;           /* under ktal_progs_lock */
static atomic64_t ktal_bytes;     /* memory of loaded programs */
static atomic64_t ktal_runs;

u64 ktal_prog_count(void)
{
	return READ_ONCE(ktal_nprogs);
}

u64 ktal_loaded_bytes(void)
{
	return atomic64_read(&ktal_bytes);
}

u64 ktal_total_runs(void)
{
	return atomic64_read(&ktal_runs);
}

static void ktal_prog_free(struct kref *ref)
{
	struct ktal_prog *p = container_of(ref, struct ktal_prog, ref);

	ktal_mem_free(p->mem);
	kvfree(p->pristine);
	atomic64_sub(p->charged, &ktal_bytes);
	put_pid(p->pid);
	kfree(p);
}

static void ktal_prog_put(struct ktal_prog *p)
{
	kref_put(&p->ref, ktal_prog_free);
}

/* --- LOAD --------------------------------------------------------------------- */

/* The admission callbacks (ktal_admit.h): memory, slots, permissions. */
struct ktal_load_env {
	struct ktal_prog *prog;
	u8 *mem;        /* what alloc gave, freed by the caller if admission fails */
	u64 size;
	int err;        /* why a callback failed */
};

static unsigned char *ktal_env_alloc(void *c, unsigned long long size, unsigned long long *base)
{
	struct ktal_load_env *e = c;
	u64 bytes = PAGE_ALIGN(size);

	if (e->mem || !size) {
		e->err = -EINVAL;
		return NULL;
	}
	/* The image in memory (with its bss, heap and stacks) is bounded like
	 * the file: a small file can describe a large sandbox. */
	if (size > max_image_bytes) {
		e->err = -E2BIG;
		return NULL;
	}
	if (atomic64_add_return(bytes, &ktal_bytes) > max_loaded_bytes) {
		atomic64_sub(bytes, &ktal_bytes);
		e->err = -ENOSPC;
		return NULL;
	}
	e->mem = ktal_mem_alloc(bytes);
	if (!e->mem) {
		atomic64_sub(bytes, &ktal_bytes);
		e->err = -ENOMEM;
		return NULL;
	}
	e->size = bytes;
	e->prog->charged = bytes;
	*base = (unsigned long)e->mem;
	return e->mem;
}

static int ktal_env_fill_slot(void *c, unsigned char *slot, unsigned long long addr, unsigned int id)
{
	struct ktal_load_env *e = c;

	if ((unsigned long)slot != addr) {
		e->err = -EINVAL;
		return 0;
	}
	if (!ktal_fill_slot(&e->prog->ctx, slot, id)) {
		e->err = -EINVAL;
		return 0;
	}
	return 1;
}

static int ktal_env_protect(void *c, unsigned char *mem, const struct ktal_a_layout *l,
			    unsigned long long text_end)
{
	struct ktal_load_env *e = c;
	int err = ktal_mem_protect(mem, l, text_end);

	if (err)
		e->err = err;
	return !err;
}

/* Admission under the verification lock; on success p is filled in. */
static long ktal_admit_image(struct ktal_prog *p, const u8 *file, u64 size, u32 budget,
			     struct ktal_load *out)
{
	struct ktal_load_env env = { .prog = p };
	struct ktal_a_env a = {
		.ctx = &env,
		.alloc = ktal_env_alloc,
		.fill_slot = ktal_env_fill_slot,
		.protect = ktal_env_protect,
		.stack_budget = budget,
		.yield = ktal_verify_yield,
	};
	struct ktal_a_result *res;
	struct ktal_yield y = { .interrupted = false };
	long ret;
	int verdict;

	a.yield_ctx = &y;
	a.mem_size = max_t(unsigned long, ktal_a_mem_size(file, size), 64 << 10);
	a.mem_size = min_t(unsigned long, a.mem_size, max_verify_memory);
	a.mem = kvmalloc(a.mem_size, GFP_KERNEL_ACCOUNT | __GFP_NOWARN);
	res = kzalloc(sizeof(*res), GFP_KERNEL);
	if (!a.mem || !res) {
		ret = -ENOMEM;
		goto out;
	}
	if (mutex_lock_killable(&ktal_verify_lock)) {
		ret = -EINTR;
		goto out;
	}
	verdict = ktal_a_admit(file, size, &a, res);
	mutex_unlock(&ktal_verify_lock);
	out->instructions = res->v.instructions;
	out->functions = res->v.functions;
	out->memory = res->v.memory;
	switch (verdict) {
	case KTAL_A_OK:
		ret = 0;
		break;
	case KTAL_A_MALFORMED:
		memset(&out->rejection, 0, sizeof(out->rejection));
		strscpy(out->rejection.rule, "image.malformed", sizeof(out->rejection.rule));
		strscpy(out->rejection.message, res->error, sizeof(out->rejection.message));
		ret = -ENOEXEC;
		break;
	case KTAL_A_REJECTED:
		ktal_fill_rejection(&out->rejection, &res->v);
		ret = -EACCES;
		break;
	case KTAL_A_INTERRUPTED:
		ret = -EINTR;
		break;
	default:
		ret = env.err ? env.err : -ENOMEM;
		break;
	}
	if (ret) {
		if (env.mem) {
			ktal_mem_free(env.mem);
			atomic64_sub(env.size, &ktal_bytes);
			p->charged = 0;
		}
		goto out;
	}
	p->mem = res->mem;
	p->layout = res->layout;
	p->entry = res->entry;
	p->args = res->args;
	p->data_end = res->data_end;
	p->entry_bound = res->entry_bound;
	p->entry_result = res->entry_result;
	p->instructions = res->v.instructions;
out:
	kfree(res);
	kvfree(a.mem);
	return ret;
}

long ktal_ioctl_load(struct file *file, void __user *arg)
{
	struct ktal_load *l;
	struct ktal_prog *p = NULL;
	void *image = NULL;
	u64 pristine_size;
	__u32 usize;
	int err = 0, id;
	long ret;

	if (get_user(usize, (__u32 __user *)arg))
		return -EFAULT;
	if (usize < offsetofend(struct ktal_load, rejection))
		return -EINVAL;
	l = kzalloc(sizeof(*l), GFP_KERNEL);
	if (!l)
		return -ENOMEM;
	ret = copy_struct_from_user(l, sizeof(*l), arg, usize);
	if (ret)
		goto out;
	ret = -EINVAL;
	if ((l->flags & ~KTAL_LOAD_PERSIST) || !l->image_size || l->stack_budget > stack_budget ||
	    l->reserved)
		goto out;
	ret = -E2BIG;
	if (l->image_size > max_image_bytes)
		goto out;
	ret = -EPERM;
	if ((l->flags & KTAL_LOAD_PERSIST) && !capable(CAP_SYS_ADMIN))
		goto out;
	ret = -ENOSPC;
	if (READ_ONCE(ktal_nprogs) >= max_programs)
		goto out;
	image = ktal_copy_in(l->image, l->image_size, &err);
	if (!image) {
		ret = err;
		goto out;
	}
	ret = -ENOMEM;
	p = kzalloc(sizeof(*p), GFP_KERNEL);
	if (!p)
		goto out;
	kref_init(&p->ref);
	mutex_init(&p->run_lock);
	atomic64_set(&p->runs, 0);
	l->name[sizeof(l->name) - 1] = 0;
	strscpy(p->name, l->name, sizeof(p->name));
	p->uid = current_uid();
	p->pid = get_task_pid(current, PIDTYPE_TGID);
	ret = ktal_admit_image(p, image, l->image_size, l->stack_budget ? l->stack_budget : stack_budget,
			       l);
	if (ret)
		goto copy_out;

	/* The pristine data every run starts from (bss and args start zero). */
	pristine_size = p->data_end - p->layout.sandbox_off;
	if (pristine_size) {
		ret = -ENOSPC;
		if (atomic64_add_return(pristine_size, &ktal_bytes) > max_loaded_bytes) {
			atomic64_sub(pristine_size, &ktal_bytes);
			goto copy_out;
		}
		p->charged += pristine_size;
		ret = -ENOMEM;
		p->pristine = kvmalloc(pristine_size, GFP_KERNEL_ACCOUNT | __GFP_NOWARN);
		if (!p->pristine)
			goto copy_out;
		memcpy(p->pristine, p->mem + p->layout.sandbox_off, pristine_size);
	}
	p->ctx.regions.ro_lo = (u64)(unsigned long)p->mem + p->layout.rodata_off;
	p->ctx.regions.ro_hi = (u64)(unsigned long)p->mem + p->layout.image_size;
	p->ctx.regions.wr_lo = (u64)(unsigned long)p->mem + p->layout.sandbox_off;
	p->ctx.regions.wr_hi = p->ctx.regions.wr_lo + p->layout.sandbox_size;
	/* The fuel word's page (ktal_mem.c keeps it writable). */
	p->ctx.fuel_word = p->layout.fuel_word_off ? (s64 *)(p->mem + p->layout.fuel_word_off) :
						     &p->ctx.fuel_word_none;
	hrtimer_init(&p->fuel_timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL_PINNED);
	p->fuel_timer.function = ktal_fuel_tick;

	mutex_lock(&ktal_progs_lock);
	ret = -ENOSPC;
	if (ktal_nprogs >= max_programs) {
		mutex_unlock(&ktal_progs_lock);
		goto copy_out;
	}
	p->owner = (l->flags & KTAL_LOAD_PERSIST) ? NULL : file;
	id = idr_alloc(&ktal_progs, p, 1, INT_MAX, GFP_KERNEL);
	if (id < 0) {
		mutex_unlock(&ktal_progs_lock);
		ret = id;
		goto copy_out;
	}
	p->handle = id;
	ktal_nprogs++;
	mutex_unlock(&ktal_progs_lock);

	l->handle = p->handle;
	l->image_bytes = p->layout.image_size;
	l->entry_bound = p->entry_bound;
	p = NULL; /* the IDR's now */
	ret = 0;
copy_out:
	if (ret == 0 || ret == -EACCES || ret == -ENOEXEC) {
		l->size = min_t(u32, usize, sizeof(*l));
		if (copy_to_user(arg, l, l->size) && ret == 0) {
			/* Loaded, but the caller cannot learn the handle: unload
			 * it again unless persistent (root finds those with LIST). */
			struct ktal_prog *q;

			mutex_lock(&ktal_progs_lock);
			q = idr_find(&ktal_progs, l->handle);
			if (q && q->owner == file) {
				idr_remove(&ktal_progs, l->handle);
				ktal_nprogs--;
			} else {
				q = NULL;
			}
			mutex_unlock(&ktal_progs_lock);
			if (q)
				ktal_prog_put(q);
			ret = -EFAULT;
		}
	}
out:
	if (p)
		ktal_prog_put(p);
	kvfree(image);
	kfree(l);
	return ret;
}

/* --- RUN ------------------------------------------------------------------------ */

static struct ktal_prog *ktal_prog_get(struct file *file, u64 handle)
{
	struct ktal_prog *p = NULL;

	if (!handle || handle > INT_MAX)
		return NULL;
	mutex_lock(&ktal_progs_lock);
	p = idr_find(&ktal_progs, (unsigned long)handle);
	if (p && p->owner && p->owner != file)
		p = NULL;
	if (p)
		kref_get(&p->ref);
	mutex_unlock(&ktal_progs_lock);
	return p;
}

/* The sandbox as loaded: data copied back, bss, heap, stacks and args zero. */
static void ktal_prog_reset(struct ktal_prog *p)
{
	u64 at = p->layout.sandbox_off, end = p->layout.image_size;
	u64 chunk = 1 << 20;

	if (p->data_end > at) {
		memcpy(p->mem + at, p->pristine, p->data_end - at);
		at = p->data_end;
	}
	while (at < end) {
		u64 n = min(end - at, chunk);

		memset(p->mem + at, 0, n);
		at += n;
		if (at < end)
			cond_resched();
	}
}

/*
 * measure_stack: fill the unused part of this task's kernel stack with a
 * pattern before the run and find the lowest byte the run changed after it,
 * as CONFIG_DEBUG_STACK_USAGE does for a whole task. Stays below the
 * current frame, above the end-of-stack canary.
 */
#define KTAL_STACK_PATTERN 0x6b

static noinline void ktal_stack_paint(unsigned long *lo, unsigned long *hi)
{
	unsigned long bottom = (unsigned long)task_stack_page(current) + 64;
	unsigned long sp = current_stack_pointer - 256;

	*lo = bottom;
	*hi = sp > bottom ? sp : bottom;
	memset((void *)*lo, KTAL_STACK_PATTERN, *hi - *lo);
}

static u64 ktal_stack_used(unsigned long lo, unsigned long hi)
{
	const u8 *p = (const u8 *)lo;

	while ((unsigned long)p < hi && *p == KTAL_STACK_PATTERN)
		p++;
	return (unsigned long)task_stack_page(current) + THREAD_SIZE - (unsigned long)p;
}

long ktal_ioctl_run(struct file *file, void __user *arg)
{
	unsigned long paint_lo = 0, paint_hi = 0;
	struct ktal_run r;
	struct ktal_prog *p;
	char *strings = NULL;
	u64 argv, args_size = ktal_a_args_size(), i, nuls = 0, t0;
	__u32 usize;
	long ret, status;

	BUILD_BUG_ON(KTAL_RUN_RETURNED != KTAL_HOW_RETURNED || KTAL_RUN_EXITED != KTAL_HOW_EXITED ||
		     KTAL_RUN_TRAPPED != KTAL_HOW_TRAPPED);
	BUILD_BUG_ON(offsetof(struct ktal_ctx, fuel) != KTAL_CTX_FUEL ||
		     offsetof(struct ktal_ctx, saved_rsp) != KTAL_CTX_SAVED_RSP);

	if (get_user(usize, (__u32 __user *)arg))
		return -EFAULT;
	if (usize < offsetofend(struct ktal_run, stack_bytes))
		return -EINVAL;
	ret = copy_struct_from_user(&r, sizeof(r), arg, usize);
	if (ret)
		return ret;
	if (r.flags)
		return -EINVAL;
	if (r.argv_size > args_size || ((u64)r.argc + 1) * 8 > args_size ||
	    r.argv_size > args_size - ((u64)r.argc + 1) * 8)
		return -E2BIG;
	if (r.argv_size) {
		strings = kvmalloc(r.argv_size, GFP_KERNEL);
		if (!strings)
			return -ENOMEM;
		if (copy_from_user(strings, u64_to_user_ptr(r.argv), r.argv_size)) {
			kvfree(strings);
			return -EFAULT;
		}
		for (i = 0; i < r.argv_size; ++i)
			nuls += strings[i] == 0;
	}
	if (nuls != r.argc || (r.argv_size && strings[r.argv_size - 1])) {
		kvfree(strings);
		return -EINVAL;
	}
	p = ktal_prog_get(file, r.handle);
	if (!p) {
		kvfree(strings);
		return -ENOENT;
	}
	if (mutex_lock_killable(&p->run_lock)) {
		ret = -EINTR;
		goto out;
	}
	ktal_prog_reset(p);
	argv = ktal_a_place_args(p->mem + (p->args - (unsigned long)p->mem), p->args, args_size,
				 strings ? strings : "", r.argv_size, r.argc);
	if (!argv) {
		mutex_unlock(&p->run_lock);
		ret = -E2BIG;
		goto out;
	}
	p->ctx.fuel = KTAL_FUEL_QUANTUM;
	WRITE_ONCE(*p->ctx.fuel_word, 0);
	p->ctx.fuel_slow = 0;
	p->ctx.how = KTAL_HOW_NONE;
	p->ctx.status = 0;
	p->ctx.trap_code = 0;
	p->ctx.trap_value = 0;
	r.stack_bytes = 0;
	if (measure_stack)
		ktal_stack_paint(&paint_lo, &paint_hi);
	t0 = ktime_get_ns();
	hrtimer_start(&p->fuel_timer, ns_to_ktime(KTAL_FUEL_TICK_NS), HRTIMER_MODE_REL_PINNED);
	status = ktal_enter(&p->ctx, p->entry, r.argc, argv);
	hrtimer_cancel(&p->fuel_timer);
	r.nanoseconds = ktime_get_ns() - t0;
	if (measure_stack)
		r.stack_bytes = ktal_stack_used(paint_lo, paint_hi);
	if (p->ctx.how == KTAL_HOW_NONE) {
		p->ctx.how = KTAL_HOW_RETURNED;
		/* An entry without a certified result may leave anything in rax. */
		p->ctx.status = p->entry_result ? status : 0;
	}
	r.how = p->ctx.how;
	r.status = p->ctx.status;
	r.trap_code = p->ctx.trap_code;
	r.trap_value = p->ctx.trap_value;
	r.fuel = p->ctx.fuel_slow;
	atomic64_inc(&p->runs);
	atomic64_inc(&ktal_runs);
	mutex_unlock(&p->run_lock);
	if (r.how == KTAL_HOW_KILLED) {
		ret = -EINTR;
		goto out;
	}
	r.size = min_t(u32, usize, sizeof(r));
	ret = copy_to_user(arg, &r, r.size) ? -EFAULT : 0;
out:
	ktal_prog_put(p);
	kvfree(strings);
	return ret;
}

/* --- UNLOAD, LIST, release ---------------------------------------------------- */

long ktal_ioctl_unload(struct file *file, void __user *arg)
{
	struct ktal_unload u;
	struct ktal_prog *p;
	__u32 usize;
	long ret;

	if (get_user(usize, (__u32 __user *)arg))
		return -EFAULT;
	if (usize < offsetofend(struct ktal_unload, flags))
		return -EINVAL;
	ret = copy_struct_from_user(&u, sizeof(u), arg, usize);
	if (ret)
		return ret;
	if (u.flags || u.reserved)
		return -EINVAL;
	if (!u.handle || u.handle > INT_MAX)
		return -ENOENT;
	mutex_lock(&ktal_progs_lock);
	p = idr_find(&ktal_progs, (unsigned long)u.handle);
	if (!p || (p->owner && p->owner != file)) {
		ret = -ENOENT;
	} else if (!p->owner && !capable(CAP_SYS_ADMIN)) {
		ret = -EPERM;
	} else {
		idr_remove(&ktal_progs, p->handle);
		ktal_nprogs--;
		ret = 0;
	}
	mutex_unlock(&ktal_progs_lock);
	if (ret == 0)
		ktal_prog_put(p);
	return ret;
}

long ktal_ioctl_list(struct file *file, void __user *arg)
{
	struct ktal_list l;
	struct ktal_program *out = NULL;
	struct ktal_prog *p;
	u64 n = 0, cap, k;
	__u32 usize;
	size_t esize;
	long ret;
	int id;

	if (get_user(usize, (__u32 __user *)arg))
		return -EFAULT;
	if (usize < offsetofend(struct ktal_list, count))
		return -EINVAL;
	ret = copy_struct_from_user(&l, sizeof(l), arg, usize);
	if (ret)
		return ret;
	if (l.flags || l.entry_size < 8)
		return -EINVAL;
	esize = min_t(size_t, l.entry_size, sizeof(*out));
	cap = min_t(u64, l.capacity, max_programs);
	if (cap) {
		out = kvcalloc(cap, sizeof(*out), GFP_KERNEL);
		if (!out)
			return -ENOMEM;
	}
	mutex_lock(&ktal_progs_lock);
	idr_for_each_entry(&ktal_progs, p, id) {
		struct ktal_program *e;

		if (p->owner && p->owner != file)
			continue;
		if (n < cap) {
			e = &out[n];
			e->handle = p->handle;
			e->flags = (p->owner ? KTAL_PROG_MINE : KTAL_PROG_PERSISTENT);
			e->image_bytes = p->layout.image_size;
			e->runs = atomic64_read(&p->runs);
			e->instructions = p->instructions;
			e->entry_bound = p->entry_bound;
			e->loader_uid = from_kuid_munged(current_user_ns(), p->uid);
			e->loader_pid = pid_vnr(p->pid);
			strscpy(e->name, p->name, sizeof(e->name));
		}
		n++;
	}
	mutex_unlock(&ktal_progs_lock);
	ret = 0;
	for (k = 0; k < min(n, cap); ++k) {
		if (copy_to_user(u64_to_user_ptr(l.entries + k * l.entry_size), &out[k], esize)) {
			ret = -EFAULT;
			break;
		}
	}
	l.count = n;
	l.size = min_t(u32, usize, sizeof(l));
	if (!ret && copy_to_user(arg, &l, l.size))
		ret = -EFAULT;
	kvfree(out);
	return ret;
}

/* Drops the programs `owner` loaded (owner NULL: every program left). */
static void ktal_prog_drop(struct file *owner, bool all)
{
	struct ktal_prog *p;
	int id;

	for (;;) {
		struct ktal_prog *victim = NULL;

		mutex_lock(&ktal_progs_lock);
		idr_for_each_entry(&ktal_progs, p, id) {
			if (all || (p->owner && p->owner == owner)) {
				victim = p;
				idr_remove(&ktal_progs, id);
				ktal_nprogs--;
				break;
			}
		}
		mutex_unlock(&ktal_progs_lock);
		if (!victim)
			return;
		ktal_prog_put(victim);
	}
}

void ktal_prog_release(struct file *owner)
{
	ktal_prog_drop(owner, false);
}

int ktal_prog_init(void)
{
	atomic64_set(&ktal_bytes, 0);
	atomic64_set(&ktal_runs, 0);
	return 0;
}

void ktal_prog_exit(void)
{
	ktal_prog_drop(NULL, true);
	idr_destroy(&ktal_progs);
}
