# attack: a certificate cut in the middle of the layout
# expect: cert.malformed
# problem: truncated certificate
# mutate: cert-truncate 12
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
