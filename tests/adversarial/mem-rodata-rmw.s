# attack: a read-modify-write (add) on rodata
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
        add qword ptr [rip + ro], 1
        ret
        .size main, .-main
        .section .rodata
ro: .zero 16
ro_end:
