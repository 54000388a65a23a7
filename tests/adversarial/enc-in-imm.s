# attack: read I/O port 0x64 directly (in eax, imm8)
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
        in eax, 0x64
        ret
        .size main, .-main
        .bss
buf: .zero 64
