# Nested loops filling a 2-D array in the sandbox (clang-19 -O2 with
# -mllvm -disable-lsr, as ktal-cc's llc runs): the row pointer is base +
# 16*i, the column index j in [0,15]; a fuel point heads the inner loop and
# the outer loop's back edge passes it too.
# expect: accept
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry fill
#| function fill bound=8
#|   args int
#|   block @outer: rsp=stack[0] saved rax=int[0,7] rcx=sandbox[0] rdi=int
#|   block @inner: rsp=stack[0] saved rax=int[0,7] rcx=sandbox[0] rdi=int rdx=sandbox[0,112] rsi=int[0,15]
        .text
        .globl fill
        .type fill,@function
fill:
        xor     eax, eax
        lea     rcx, [rip + grid]
        .p2align 4, 0x90
outer:
        mov     rdx, rax
        shl     rdx, 4
        add     rdx, rcx
        xor     esi, esi
        .p2align 4, 0x90
inner:
        call    __ktal_helper_fuel
        mov     r8d, esi
        imul    r8d, eax
        add     r8d, edi
        mov     byte ptr [rsi + rdx], r8b
        inc     rsi
        cmp     rsi, 16
        jne     inner
        inc     rax
        cmp     rax, 8
        jne     outer
        ret
        .size fill, .-fill

        .bss
        .p2align 4
grid:   .zero   128
