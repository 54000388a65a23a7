# attack: 41 90 looks like a nop but is xchg eax, r8d
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
        .byte 0x41, 0x90
        ret
        .size main, .-main
        .bss
buf: .zero 64
