# attack: a function of size 0
# expect: cert.malformed
# mutate: cert-byte -7 0
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
