# attack: movabs with a 64-bit absolute address (a0-a3 moffs forms are not allowed)
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
        movabs al, byte ptr [0xffffffff81000000]
        ret
        .size main, .-main
        .bss
buf: .zero 64
