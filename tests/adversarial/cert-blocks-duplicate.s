# attack: the same block certified twice with two different states
# expect: cert.malformed
# problem: blocks must be sorted and distinct
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
#|   block @main: rsp=stack[0] saved
#|   block @main: rsp=stack[0] saved rax=int
        .text
        .globl main
        .type main,@function
main:
        nop
        nop
        nop
        nop
        nop
        nop
        nop
        ret
        .size main, .-main
