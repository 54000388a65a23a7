# attack: a value with an unknown kind tag (7)
# expect: cert.malformed
# problem: unknown value kind
# mutate: cert-byte -4 7
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
#|   block @main: rsp=stack[0]
        .text
        .globl main
        .type main,@function
main:
        ret
        .size main, .-main
