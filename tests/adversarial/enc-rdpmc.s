# attack: read a performance counter (rdpmc)
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
        xor ecx, ecx
        rdpmc
        ret
        .size main, .-main
        .bss
buf: .zero 64
