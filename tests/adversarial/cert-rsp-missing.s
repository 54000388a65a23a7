# attack: a block state that does not say where rsp is
# expect: cert.malformed
# problem: a block state must give rsp
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
#|   block @main: rax=int
        .text
        .globl main
        .type main,@function
main:
        ret
        .size main, .-main
