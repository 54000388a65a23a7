# attack: a call into rodata (data the program chose, never decoded)
# expect: call.target
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=8
        .text
        .globl main
        .type main,@function
main:
        call ro
        ret
        .size main, .-main
        .section .rodata
ro: .byte 0xc3
