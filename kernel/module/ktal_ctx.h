/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The per-image run context: what a program's helper slots hand to the
 * helpers (`movabs r9, ctx` for the ordinary ones, `movabs r11, ctx` for
 * fuel), and what the entry trampoline (ktal_entry.S) saves to unwind to.
 * One per loaded image; RUN of one image is serialised, so one context per
 * image is all a run needs. Included from C and from assembly: the offsets
 * below are checked against the structure at build time (ktal_run.c).
 */
#ifndef KTAL_CTX_H
#define KTAL_CTX_H

#define KTAL_CTX_FUEL 0      /* fuel helper calls left before the slow path */
#define KTAL_CTX_SAVED_RSP 8 /* the trampoline's stack pointer, to unwind to */

/* Fuel helper calls between two visits of the slow path (cond_resched,
 * signals). */
#define KTAL_FUEL_QUANTUM 65536
/* How often a running program's fuel word is set (ktal_prog.c): its next
 * inline fuel point then calls the fuel helper, and that call takes the slow
 * path. */
#define KTAL_FUEL_TICK_NS 1000000

/* How a run ended (struct ktal_run.how in the uapi). */
#define KTAL_HOW_NONE 0
#define KTAL_HOW_RETURNED 1 /* the entry function returned */
#define KTAL_HOW_EXITED 2   /* the exit helper */
#define KTAL_HOW_TRAPPED 3  /* the trap helper */
#define KTAL_HOW_KILLED 4   /* a fatal signal, seen at a fuel point or in a helper */

#ifndef __ASSEMBLY__

#include <linux/types.h>

#include "loader/regions.h"

struct ktal_ctx {
	u64 fuel;      /* KTAL_CTX_FUEL: decremented by ktal_fuel_entry */
	u64 saved_rsp; /* KTAL_CTX_SAVED_RSP */
	/* the word before the sandbox, or fuel_word_none for an image without
	 * that page: set by a timer, cleared by the slow path */
	s64 *fuel_word;
	s64 fuel_word_none;
	struct ktal_regions regions; /* what helpers may touch */
	u64 fuel_slow; /* slow-path visits this run */
	int how;       /* KTAL_HOW_* */
	u32 trap_code;
	s64 status;
	u64 trap_value;
};

/* ktal_entry.S */
long ktal_enter(struct ktal_ctx *ctx, u64 entry, long argc, u64 argv);
/* Returns from ktal_enter with `status`, from anywhere below it on the same
 * stack. It never returns to its caller; it is not declared __noreturn
 * because objtool, which sees it end in a return, would then think its C
 * callers fall through. */
void ktal_unwind(struct ktal_ctx *ctx, long status);
/* The fuel helper: r11 = ctx; preserves every register but r11 and flags. */
void ktal_fuel_entry(void);
/* Called by ktal_fuel_entry when the quantum runs out. */
void ktal_fuel_slow(struct ktal_ctx *ctx);

#endif /* __ASSEMBLY__ */
#endif
