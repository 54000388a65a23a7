# attack: a block count far larger than the function could hold
# expect: cert.malformed
# problem: more blocks than the function has bytes
# mutate: cert-byte -1 127
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
