# attack: a certificate cut by one byte (the function's block count is missing)
# expect: cert.malformed
# problem: truncated certificate
# mutate: cert-truncate -1
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
