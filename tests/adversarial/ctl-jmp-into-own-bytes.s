# attack: jmp -1 (eb ff) lands on its own displacement byte, which the CPU then runs as the start of `inc eax` (ff c0)
# expect: control.target-mid-instruction
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
        .text
        .globl main
        .type main,@function
main:
        .byte 0xeb, 0xff, 0xc0
        ret
        .size main, .-main
