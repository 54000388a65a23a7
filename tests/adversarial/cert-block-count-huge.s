# attack: a block count far larger than the function could hold
# expect: cert.malformed
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
