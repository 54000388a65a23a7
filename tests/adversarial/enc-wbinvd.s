# attack: write back and invalidate all caches (wbinvd)
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
        wbinvd
        ret
        .size main, .-main
        .bss
buf: .zero 64
