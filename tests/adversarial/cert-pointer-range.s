# attack: a pointer whose offset bound exceeds 2^48
# expect: cert.malformed
# problem: pointer offset bounds out of range
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
#|   block @main: rsp=stack[0] saved rax=sandbox[0,0x2000000000000]
        .text
        .globl main
        .type main,@function
main:
        ret
        .size main, .-main
