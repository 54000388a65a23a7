# attack: disable SMAP protection (stac)
# expect: encoding.forbidden-opcode
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
        .text
        .globl main
        .type main,@function
main:
        stac
        ret
        .size main, .-main
        .bss
buf: .zero 64
