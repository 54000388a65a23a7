# attack: a block state naming register 17
# expect: cert.malformed
# problem: a register out of range
# mutate: cert-byte -5 17
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
