# PENDING: an int index checked with one unsigned 32-bit compare, as clang-19
# -O2 emits `if ((unsigned)i >= 80) return 0; return table[i];`:
# `cmp edi, 79; ja; mov eax, edi; movzx eax, byte ptr [rcx + rax]`. Safe: the
# low 32 bits of rdi are <= 79 and the index is their zero extension. Rejected
# (memory.bounds) because the abstract value of rdi has no 32-bit sub-register
# bounds: a 32-bit compare of a register whose 64-bit value is unknown refines
# nothing, and `mov eax, edi` then gives [0, 2^32-1]. (The eBPF verifier keeps
# separate 32-bit bounds for this.) Here the table sits at the end of the
# sandbox so the 80-byte bound is what matters.
# expect: accept
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry idx
#| function idx bound=0
#|   args int
#|   result int
        .text
        .globl idx
        .type idx,@function
idx:
        xor     eax, eax
        cmp     edi, 79
        ja      .LBB0_2
        mov     eax, edi
        lea     rcx, [rip + __ktal_image_end - 80]
        movzx   eax, byte ptr [rcx + rax]
.LBB0_2:
        ret
        .size idx, .-idx
