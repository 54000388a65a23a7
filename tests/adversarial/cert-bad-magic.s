# attack: a certificate with the wrong magic (not a ktal certificate at all)
# expect: cert.malformed
# problem: not a ktal certificate (bad magic)
# mutate: cert-byte 0 76
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
