# attack: raise #OF through into (invalid in 64-bit mode: #UD)
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
        .byte 0xce
        ret
        .size main, .-main
        .bss
buf: .zero 64
