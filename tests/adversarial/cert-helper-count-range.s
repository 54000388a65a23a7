# attack: a layout with 27 helper slots, more than there are helpers
# expect: cert.malformed
# problem: layout: more helper slots than helpers
# mutate: cert-byte 14 27
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
