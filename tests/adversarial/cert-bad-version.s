# attack: a certificate of a future version (4) whose meaning the verifier does not know
# expect: cert.malformed
# problem: unsupported certificate version
# mutate: cert-byte 8 4
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
