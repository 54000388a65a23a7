# 128-bit arithmetic (clang-19 -O2): the high half of a 64x64 multiply (mul),
# a 128-bit shift by a variable count (shld/shl by cl, test/cmov on bit 6),
# and a 128-bit shift by a constant (shrd).
# expect: accept
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry wide
#| function mulhi bound=0
#|   args int int
#|   result int
#| function shl128 bound=0
#|   args int int int
#|   result int
#| function mid bound=0
#|   args int int
#|   result int
#| function wide frame=40 bound=48
#|   args int int
#|   result int
        .text
        .globl mulhi
        .type mulhi,@function
mulhi:
        mov     rax, rsi
        mul     rdi
        mov     rax, rdx
        ret
        .size mulhi, .-mulhi
        .text
        .globl shl128
        .type shl128,@function
shl128:
        mov     ecx, edx
        mov     rdx, rsi
        shld    rdx, rdi, cl
        shl     rdi, cl
        xor     eax, eax
        test    cl, 64
        cmovne  rdx, rdi
        cmove   rax, rdi
        ret
        .size shl128, .-shl128
        .text
        .globl mid
        .type mid,@function
mid:
        mov     rax, rdi
        shrd    rax, rsi, 13
        ret
        .size mid, .-mid
        .text
        .globl wide
        .type wide,@function
wide:
        call __ktal_helper_fuel
        push    r15
        push    r14
        push    r12
        push    rbx
        push    rax
        mov     rbx, rsi
        mov     r14, rdi
        call    mulhi
        mov     r15, rax
        mov     rdi, r14
        xor     esi, esi
        mov     edx, ebx
        call    shl128
        mov     r12, rax
        mov     rdi, r14
        mov     rsi, rbx
        call    mid
        add     rax, r15
        add     rax, r12
        add     rsp, 8
        pop     rbx
        pop     r12
        pop     r14
        pop     r15
        ret
        .size wide, .-wide
