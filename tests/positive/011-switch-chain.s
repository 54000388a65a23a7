# A switch lowered without jump tables (-fno-jump-tables): a tree of compares
# and conditional jumps, every case a forward edge; the result type
# int[10,79] is proven at each ret, and the caller indexes an 80-byte rodata
# table with it.
# expect: accept
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function classify bound=0
#|   args int
#|   result int[10,79]
#| function main frame=8 bound=16
#|   args int int
#|   result int
        .text
        .globl classify
        .type classify,@function
classify:
        cmp     rdi, 4
        jle     .LBB0_1
        cmp     rdi, 16
        jg      .LBB0_10
        cmp     rdi, 5
        je      .LBB0_14
        cmp     rdi, 9
        jne     .LBB0_16
        mov     eax, 51
        ret
.LBB0_1:
        test    rdi, rdi
        je      .LBB0_2
        cmp     rdi, 1
        je      .LBB0_13
        cmp     rdi, 2
        jne     .LBB0_16
        mov     eax, 35
        ret
.LBB0_10:
        cmp     rdi, 17
        je      .LBB0_15
        cmp     rdi, 100
        jne     .LBB0_16
        mov     eax, 70
        ret
.LBB0_2:
        mov     eax, 10
        ret
.LBB0_16:
        mov     eax, 79
        ret
.LBB0_14:
        mov     eax, 47
        ret
.LBB0_15:
        mov     eax, 63
        ret
.LBB0_13:
        mov     eax, 20
        ret
        .size classify, .-classify
        .text
        .globl main
        .type main,@function
main:
        call __ktal_helper_fuel
        push    rax
        call    classify
        lea     rcx, [rip + names]
        movzx   eax, byte ptr [rax + rcx]
        pop     rcx
        ret
        .size main, .-main

        .section .rodata
names:  .zero   80
