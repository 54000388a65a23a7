# attack: 66 0f 84: a conditional branch whose length Capstone 4 gets wrong
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
        .byte 0x66, 0x0f, 0x84, 0x00, 0x00, 0x00, 0x00
        ret
        .size main, .-main
        .bss
buf: .zero 64
