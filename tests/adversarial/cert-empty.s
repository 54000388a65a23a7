# attack: an empty certificate section
# expect: cert.malformed
# problem: truncated certificate
# mutate: cert-replace
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
