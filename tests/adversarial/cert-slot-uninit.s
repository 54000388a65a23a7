# attack: a listed slot that holds no value
# expect: cert.malformed
# problem: a listed slot must hold a value
# mutate: cert-byte -3 0
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main frame=8 bound=8
#|   block @main: rsp=stack[0] [-8]=int
        .text
        .globl main
        .type main,@function
main:
        ret
        .size main, .-main
