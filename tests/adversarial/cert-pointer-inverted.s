# attack: a pointer whose offset interval is empty (lo > hi)
# expect: cert.malformed
# problem: pointer offset bounds out of range
# mutate: cert-byte -7 20
# mutate: cert-byte -6 10
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
#|   block @main: rsp=stack[0] rax=sandbox[0,10]
        .text
        .globl main
        .type main,@function
main:
        ret
        .size main, .-main
