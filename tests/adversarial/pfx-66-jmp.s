# attack: 66 e9: Capstone 4 decodes a 16-bit jump of the wrong length, the CPU runs a rel32 jump
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
        .byte 0x66, 0xe9, 0x00, 0x00, 0x00, 0x00
        ret
        .size main, .-main
        .bss
buf: .zero 64
