# attack: f3 c3 (rep ret)
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
        .byte 0xf3, 0xc3
        ret
        .size main, .-main
        .bss
buf: .zero 64
