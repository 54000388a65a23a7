# attack: an integer value whose bounds are empty (umin > umax)
# expect: cert.malformed
# problem: int value with empty bounds
# mutate: cert-byte -7 127
# mutate: cert-byte -6 1
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
#|   block @main: rsp=stack[0] rax=int[1,0x7f]
        .text
        .globl main
        .type main,@function
main:
        ret
        .size main, .-main
