# attack: a certificate of a future version (3) whose meaning the verifier does not know
# expect: cert.malformed
# problem: unsupported certificate version
# mutate: cert-byte 8 3
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
