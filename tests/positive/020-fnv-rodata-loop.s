# FNV-1a over a 43-byte rodata string (clang-19 -O2, loop not unrolled):
# movabs constants, xor, imul, an index counted to a constant with
# inc/cmp/jne, a fuel point at the loop head.
# expect: accept
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry fnv
#| function fnv bound=8
#|   args int
#|   result int
#|   block @loop: rsp=stack[0] saved rax=int rcx=int[0,42] rdx=rodata[0] rsi=int
        .text
        .globl fnv
        .type fnv,@function
fnv:
        movabs  rax, -3750763034362895579
        xor     rax, rdi
        xor     ecx, ecx
        lea     rdx, [rip + msg]
        movabs  rsi, 1099511628211
        .p2align 4, 0x90
loop:
        call    __ktal_helper_fuel
        movzx   edi, byte ptr [rcx + rdx]
        xor     rax, rdi
        imul    rax, rsi
        inc     rcx
        cmp     rcx, 43
        jne     loop
        ret
        .size fnv, .-fnv

        .section .rodata
msg:    .asciz  "the quick brown fox jumps over the lazy dog"
