# attack: take the address of a helper slot
# expect: memory.code-address
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
        .text
        .globl main
        .type main,@function
main:
        lea rax, [rip + __ktal_helper_write]
        ret
        .size main, .-main
