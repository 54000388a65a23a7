# attack: read an I/O port named by dx (in al, dx)
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
        mov edx, 0x60
        in al, dx
        ret
        .size main, .-main
        .bss
buf: .zero 64
