# attack: a far jump through memory (ff /5) loads a new code segment
# expect: encoding.indirect-branch
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
        .text
        .globl main
        .type main,@function
main:
        lea rcx, [rip + buf]
        .byte 0xff, 0x29
        .size main, .-main
        .bss
buf: .zero 64
