# attack: helper slot 1 names helper 0x7f
# expect: cert.malformed
# problem: helper slot names an unknown helper
# mutate: cert-byte 28 127
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
