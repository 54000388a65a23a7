# attack: write into rodata (constants the program's checks rely on)
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
        mov byte ptr [rip + ro], 1
        ret
        .size main, .-main
        .section .rodata
ro: .zero 16
ro_end:
