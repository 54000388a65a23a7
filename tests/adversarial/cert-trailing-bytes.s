# attack: extra bytes after the certificate (room for a second, different reading)
# expect: cert.malformed
# problem: trailing bytes after the certificate
# mutate: cert-append 00 00
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
