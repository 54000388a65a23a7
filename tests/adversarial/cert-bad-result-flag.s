# attack: a has-result flag of 2
# expect: cert.malformed
# problem: bad result flag
# mutate: cert-byte -2 2
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
