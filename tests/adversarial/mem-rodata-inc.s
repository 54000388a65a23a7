# attack: inc on a rodata byte
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
        inc byte ptr [rip + ro + 3]
        ret
        .size main, .-main
        .section .rodata
ro: .zero 16
ro_end:
