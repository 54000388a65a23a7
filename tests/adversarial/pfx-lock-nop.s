# attack: lock nop (f0 0f 1f 00): #UD on the CPU, yet Capstone 4 decodes it
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
        .byte 0xf0, 0x0f, 0x1f, 0x00
        ret
        .size main, .-main
        .bss
buf: .zero 64
