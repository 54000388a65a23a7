/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The one door between ktal.ko's C side and the verifier core (C++, the same
 * tal/ and verifier/ sources that user space compiles). Plain C types only:
 * this header is included from C (with the kernel's headers) and from C++
 * (which must never see a kernel header).
 */
#ifndef KTAL_VERIFY_H
#define KTAL_VERIFY_H

#ifdef __cplusplus
extern "C" {
#endif

/* Field sizes of a rejection record; struct ktal_rejection in
 * uapi/linux/ktal.h uses the same ones (ktal_main.c checks). */
#define KTAL_V_RULE 64
#define KTAL_V_MESSAGE 200
#define KTAL_V_VALUE 96
#define KTAL_V_DISASM 80

struct ktal_v_args {
	const unsigned char *text; /* the image's text bytes (kernel memory) */
	unsigned long long text_size;
	const unsigned char *cert; /* the binary certificate (kernel memory) */
	unsigned long cert_size;
	unsigned int stack_budget; /* bytes the entry function may use */
	/* Called every few thousand instructions; returning 0 stops the check. */
	int (*yield)(void *ctx);
	void *yield_ctx;
	/* Every byte the verifier uses, from the caller (never the stack). */
	void *mem;
	unsigned long mem_size;
};

struct ktal_v_result {
	char rule[KTAL_V_RULE]; /* empty when accepted */
	char message[KTAL_V_MESSAGE];
	char expected[KTAL_V_VALUE];
	char found[KTAL_V_VALUE];
	char disasm[KTAL_V_DISASM];
	int in_function;
	unsigned long long function_entry, block, address, cert_offset;
	unsigned long long instructions, functions, cert_blocks, memory;
};

enum {
	KTAL_V_ACCEPT = 0,
	KTAL_V_REJECT = 1, /* the result says why */
	KTAL_V_NOMEM = 2,  /* mem too small for the bookkeeping, or Capstone could not open */
};

int ktal_v_verify(const struct ktal_v_args *args, struct ktal_v_result *result);
/* Bytes of mem that verifying an image of these sizes wants (uncapped). */
unsigned long ktal_v_mem_size(unsigned long long text_size, unsigned long cert_size);
/* The certificate format version the verifier reads. */
unsigned int ktal_v_cert_version(void);

#ifdef __cplusplus
}
#endif

#endif
