# attack: execute int3 (allowed only as padding between functions)
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
        int3
        ret
        .size main, .-main
