# attack: return from interrupt with a forged frame (iretq)
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
        iretq
        ret
        .size main, .-main
        .bss
buf: .zero 64
