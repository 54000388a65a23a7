# attack: rep stosq into rodata
# expect: memory.read-only
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
        .text
        .globl main
        .type main,@function
main:
        lea rdi, [rip + ro]
        mov ecx, 2
        xor eax, eax
        rep stosq
        ret
        .size main, .-main
        .section .rodata
ro: .zero 16
