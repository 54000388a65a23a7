# attack: a block state naming rbx twice with two different values
# expect: cert.malformed
# problem: state names a register or stack slot twice
# mutate: cert-byte -5 3
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
#|   block @main: rsp=stack[0] rbx=saved:rbx
        .text
        .globl main
        .type main,@function
main:
        ret
        .size main, .-main
