# attack: a branch-hint prefix (2e) on a conditional jump
# expect: encoding.forbidden-prefix
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
        .text
        .globl main
        .type main,@function
main:
        xor eax, eax
        .byte 0x2e, 0x74, 0x00
        ret
        .size main, .-main
        .bss
buf: .zero 64
