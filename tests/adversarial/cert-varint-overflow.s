# attack: a 10-byte varint whose last byte overflows 64 bits
# expect: cert.malformed
# problem: varint overflows 64 bits
# mutate: cert-replace 4b 54 41 4c 43 45 52 54 03 00 ff ff ff ff ff ff ff ff ff 7f
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
