# attack: pause (f3 90): an F3 prefix on nop
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
        .byte 0xf3, 0x90
        ret
        .size main, .-main
        .bss
buf: .zero 64
