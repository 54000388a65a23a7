# attack: clear the task-switched flag (clts)
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
        clts
        ret
        .size main, .-main
        .bss
buf: .zero 64
