# attack: state flag bits with both sext4 and sext8 set
# expect: cert.malformed
# problem: bad state flag bits
# mutate: cert-byte -2 12
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
#|   block @main: rsp=stack[0]
        .text
        .globl main
        .type main,@function
main:
        ret
        .size main, .-main
