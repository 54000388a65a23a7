# attack: 66 74: an operand-size prefix on a short conditional branch
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
        .byte 0x66, 0x74, 0x00
        ret
        .size main, .-main
        .bss
buf: .zero 64
