# attack: an F2 (bnd) prefix on a jump
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
        .byte 0xf2, 0xeb, 0x00
        ret
        .size main, .-main
        .bss
buf: .zero 64
