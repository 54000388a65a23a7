# attack: raise #UD on purpose (ud2) to oops the kernel
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
        ud2
        ret
        .size main, .-main
        .bss
buf: .zero 64
