# Sign extensions and arithmetic shifts (clang-19 -O2): movsxd, movsx from 8
# and 16 bits, signed division by 2 as shr/add/sar, cdqe of a 32-bit result.
# expect: accept
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry exts
#| function widen bound=0
#|   args int int int
#|   result int
#| function half bound=0
#|   args int
#|   result int
#| function from_long bound=0
#|   args int
#|   result int
#| function exts frame=24 bound=32
#|   args int int
#|   result int
        .text
        .globl widen
        .type widen,@function
widen:
        movsxd  rax, edi
        lea     rcx, [rax + 2*rax]
        movsxd  rsi, esi
        movsxd  rax, edx
        add     rax, rsi
        add     rax, rcx
        ret
        .size widen, .-widen
        .text
        .globl half
        .type half,@function
half:
        mov     rax, rdi
        shr     rax, 63
        add     rax, rdi
        sar     rax
        sar     rdi, 3
        add     rax, rdi
        ret
        .size half, .-half
        .text
        .globl from_long
        .type from_long,@function
from_long:
        mov     rax, rdi
        shr     rax, 32
        xor     eax, edi
        ret
        .size from_long, .-from_long
        .text
        .globl exts
        .type exts,@function
exts:
        call __ktal_helper_fuel
        push    r15
        push    r14
        push    rbx
        mov     rbx, rsi
        mov     r14, rdi
        movsx   esi, bx
        movsx   edx, r14b
        call    widen
        mov     r15, rax
        mov     rdi, rbx
        call    half
        mov     rbx, rax
        add     rbx, r15
        mov     rdi, r14
        call    from_long
        cdqe
        add     rax, rbx
        pop     rbx
        pop     r14
        pop     r15
        ret
        .size exts, .-exts
