# attack: a forward jump into the immediate of a later mov, whose bytes hide `xor eax, eax; syscall`
# expect: control.target-mid-instruction
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
        .text
        .globl main
        .type main,@function
main:
        jmp hidden + 1
hidden:
        .byte 0xb8, 0x31, 0xc0, 0x0f, 0x05
        ret
        .size main, .-main
