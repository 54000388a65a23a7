# Struct assignment between sandbox objects: clang-19 -O2 emits rep movsq with
# an exact count; the whole span of source and destination lies in the sandbox.
# expect: accept
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry copy
#| function copy bound=0
        .text
        .globl copy
        .type copy,@function
copy:
        lea     rdi, [rip + dst]
        lea     rax, [rip + src]
        mov     ecx, 12
        mov     rsi, rax
        rep     movsq
        lea     rdi, [rip + other]
        mov     ecx, 12
        mov     rsi, rax
        rep     movsq
        ret
        .size copy, .-copy

        .bss
        .p2align 4
dst:    .zero   96
src:    .zero   96
other:  .zero   96
