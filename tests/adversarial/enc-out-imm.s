# attack: write I/O port 0x80 directly (out imm8, al)
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
        mov eax, 1
        out 0x80, al
        ret
        .size main, .-main
        .bss
buf: .zero 64
