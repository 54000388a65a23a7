# attack: rep movsb into rodata
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
        lea rsi, [rip + buf]
        mov ecx, 8
        rep movsb
        ret
        .size main, .-main
        .section .rodata
ro: .zero 16
        .bss
buf: .zero 64
