# attack: write an I/O port named by dx (out dx, al)
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
        mov edx, 0xcf9
        mov eax, 6
        out dx, al
        ret
        .size main, .-main
        .bss
buf: .zero 64
