# attack: load a new interrupt descriptor table (lidt)
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
        lidt [rip + buf]
        ret
        .size main, .-main
        .bss
buf: .zero 64
