# attack: the reserved header byte set (a hidden extension the verifier would ignore)
# expect: cert.malformed
# problem: reserved header byte must be 0
# mutate: cert-byte 9 1
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
        .text
        .globl main
        .type main,@function
main:
        ret
        .size main, .-main
