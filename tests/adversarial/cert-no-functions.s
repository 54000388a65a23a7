# attack: a certificate with no functions at all
# expect: cert.malformed
# problem: no functions
# mutate: cert-byte -10 0
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
