# attack: swap the gs base with the kernel's (swapgs)
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
        swapgs
        ret
        .size main, .-main
        .bss
buf: .zero 64
