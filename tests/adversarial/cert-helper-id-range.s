# attack: helper slot 0 names helper 26, one past the table (an out-of-bounds read of the helper table)
# expect: cert.malformed
# problem: helper slot names an unknown helper
# mutate: cert-byte 27 26
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
