# Bit scans as clang-19 -O2 emits them, into registers that held nothing:
# log2u is `or rdi, 1; bsr rax, rdi`, ctz_or_64 is `test rdi, rdi; je;
# rep bsf rax, rdi` (tzcnt). The source is known non-zero (after or 1, and on
# the jne edge), so the destination is always written and its old value is
# never read.
# expect: accept
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry bits
#| function log2u bound=0
#|   args int
#|   result int
#| function ctz_or_64 bound=0
#|   args int
#|   result int
#| function bits frame=24 bound=32
#|   args int
#|   result int
        .text
        .globl log2u
        .type log2u,@function
log2u:
        or      rdi, 1
        bsr     rax, rdi
        ret
        .size log2u, .-log2u
        .text
        .globl ctz_or_64
        .type ctz_or_64,@function
ctz_or_64:
        test    rdi, rdi
        je      .LBB3_1
        rep     bsf rax, rdi
        ret
.LBB3_1:
        mov     eax, 64
        ret
        .size ctz_or_64, .-ctz_or_64
        .text
        .globl bits
        .type bits,@function
bits:
        call __ktal_helper_fuel
        push    r15
        push    r14
        push    rbx
        mov     rbx, rdi
        call    log2u
        mov     r14, rax
        mov     rdi, rbx
        call    ctz_or_64
        add     rax, r14
        pop     rbx
        pop     r14
        pop     r15
        ret
        .size bits, .-bits
