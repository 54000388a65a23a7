# attack: raise a software interrupt (int 0x80)
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
        int 0x80
        ret
        .size main, .-main
        .bss
buf: .zero 64
