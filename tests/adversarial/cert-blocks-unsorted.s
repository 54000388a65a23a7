# attack: blocks listed out of order
# expect: cert.malformed
# problem: block starts outside its function
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
#|   block @second: rsp=stack[0] saved
#|   block @main: rsp=stack[0] saved
        .text
        .globl main
        .type main,@function
main:
        nop
second:
        ret
        .size main, .-main
