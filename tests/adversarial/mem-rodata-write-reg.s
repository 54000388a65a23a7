# attack: write into rodata through a register copy of its address
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
        lea rax, [rip + ro]
        mov dword ptr [rax + 4], 0
        ret
        .size main, .-main
        .section .rodata
ro: .zero 16
ro_end:
