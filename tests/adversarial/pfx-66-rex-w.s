# attack: 66 together with REX.W (which one wins is the kind of detail decoders get wrong)
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
        .byte 0x66, 0x48, 0xb8
        .quad 0
        ret
        .size main, .-main
        .bss
buf: .zero 64
