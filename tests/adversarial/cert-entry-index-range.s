# attack: the entry function index points past the function table
# expect: cert.malformed
# problem: entry function index out of range
# mutate: cert-byte 26 3
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
