# attack: 66 e8: a call whose length Capstone 4 gets wrong
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
        .byte 0x66, 0xe8, 0x00, 0x00, 0x00, 0x00
        ret
        .size main, .-main
        .bss
buf: .zero 64
