# attack: lfence (not in the allow-list)
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
        lfence
        ret
        .size main, .-main
        .bss
buf: .zero 64
