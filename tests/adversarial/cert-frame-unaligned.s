# attack: a frame size that is not a multiple of 4
# expect: cert.malformed
# problem: function frame, bound or order out of range
# mutate: cert-byte -6 6
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
