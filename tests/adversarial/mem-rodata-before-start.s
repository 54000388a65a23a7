# attack: read below the start of rodata (the last text page)
# expect: memory.code-address
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
        .text
        .globl main
        .type main,@function
main:
        movzx eax, byte ptr [rip + ro - 1]
        ret
        .size main, .-main
        .section .rodata
ro: .zero 16
ro_end:
