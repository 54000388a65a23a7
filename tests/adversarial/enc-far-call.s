# attack: a far call through memory (ff /3)
# expect: encoding.indirect-branch
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=8
        .text
        .globl main
        .type main,@function
main:
        lea rcx, [rip + buf]
        .byte 0xff, 0x19
        ret
        .size main, .-main
        .bss
buf: .zero 64
