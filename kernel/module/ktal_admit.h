/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ktal.ko's door to the admission sequence (loader/admit.cpp, C++): parse
 * the image, verify it against its own layout, place it in memory the C side
 * provides, fill the helper slots, protect W^X. Plain C types only, like
 * ktal_verify.h: included from C (with kernel headers) and C++ (without).
 */
#ifndef KTAL_ADMIT_H
#define KTAL_ADMIT_H

#include "ktal_verify.h"

#ifdef __cplusplus
extern "C" {
#endif

struct ktal_a_layout {
	unsigned long long image_size;
	unsigned long long helpers_off, helper_count;
	unsigned long long text_off, text_size;
	unsigned long long rodata_off, rodata_size;
	unsigned long long sandbox_off, sandbox_size;
	/* the fuel word's page (tal/cert.hpp fuel_word_off), or 0: none */
	unsigned long long fuel_word_off;
};

/* What the kernel supplies (loader/admit.hpp, AdmitEnv). */
struct ktal_a_env {
	void *ctx;
	/* Zeroed writable memory for `size` bytes; its address in *base. */
	unsigned char *(*alloc)(void *ctx, unsigned long long size, unsigned long long *base);
	/* Writes the 16-byte slot for helper `id` at `slot` (address `addr`); 0 = failed. */
	int (*fill_slot)(void *ctx, unsigned char *slot, unsigned long long addr, unsigned int id);
	/* Final permissions; 0 = failed. */
	int (*protect)(void *ctx, unsigned char *mem, const struct ktal_a_layout *l,
		       unsigned long long text_end);
	unsigned int stack_budget;
	int (*yield)(void *ctx); /* as in ktal_v_args */
	void *yield_ctx;
	void *mem; /* verifier memory, from the caller (never the stack) */
	unsigned long mem_size;
};

#define KTAL_A_ERROR 160

struct ktal_a_result {
	struct ktal_v_result v;   /* the verdict: rejection and statistics */
	char error[KTAL_A_ERROR]; /* why the image is malformed */
	unsigned char *mem;       /* the placed image (from env->alloc) */
	unsigned long long base, entry, args, data_end;
	unsigned int entry_bound;
	unsigned int entry_result; /* the entry's rax at ret is the exit status (else 0) */
	struct ktal_a_layout layout;
};

enum {
	KTAL_A_OK = 0,
	KTAL_A_MALFORMED = 1,   /* error says why */
	KTAL_A_REJECTED = 2,    /* v says why */
	KTAL_A_NOMEM = 3,       /* verifier memory, or an env callback failed */
	KTAL_A_INTERRUPTED = 4, /* the yield callback stopped the verifier */
};

int ktal_a_admit(const unsigned char *file, unsigned long size, const struct ktal_a_env *env,
		 struct ktal_a_result *result);
/* Bytes of env->mem that admitting this image wants (uncapped); 0 if the
 * file is not an image (ktal_a_admit then says why). */
unsigned long ktal_a_mem_size(const unsigned char *file, unsigned long size);
/* loader/admit.hpp place_args: argv into the argument area. 0 = does not fit. */
unsigned long long ktal_a_place_args(unsigned char *mem, unsigned long long addr,
				     unsigned long long size, const char *strings,
				     unsigned long len, unsigned int argc);
/* The size of the argument area (loader/image.hpp kArgsSize). */
unsigned long long ktal_a_args_size(void);

#ifdef __cplusplus
}
#endif

#endif
