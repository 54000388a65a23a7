# attack: cmov selects a sandbox or a rodata address, then stores through it
# (the join of pointers into two regions is a number, no address: only
# pointers into one region join into a pointer)
# expect: memory.not-a-pointer
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
#|   args int
        .text
        .globl main
        .type main,@function
main:
        lea rax, [rip + buf]
        lea rcx, [rip + table]
        test edi, edi
        cmovne rcx, rax
        mov dword ptr [rcx], 1
        ret
        .size main, .-main
        .bss
buf: .zero 16
        .section .rodata
table: .zero 16
