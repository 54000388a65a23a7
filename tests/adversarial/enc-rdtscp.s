# attack: read the time-stamp counter and TSC_AUX (rdtscp)
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
        rdtscp
        ret
        .size main, .-main
        .bss
buf: .zero 64
