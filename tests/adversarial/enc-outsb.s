# attack: string output to an I/O port (rep outsb)
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
        lea rsi, [rip + buf]
        mov edx, 0x3f8
        mov ecx, 4
        rep outsb
        ret
        .size main, .-main
        .bss
buf: .zero 64
