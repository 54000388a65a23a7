# attack: enter (builds a frame with an immediate size)
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
        enter 16, 0
        ret
        .size main, .-main
        .bss
buf: .zero 64
