# attack: halt the CPU (hlt) in ring 0
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
        hlt
        ret
        .size main, .-main
        .bss
buf: .zero 64
