# attack: a certified block beyond its function's end
# expect: cert.malformed
# problem: block starts outside its function
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
#|   block 0x1000: rsp=stack[0] saved
        .text
        .globl main
        .type main,@function
main:
        ret
        .size main, .-main
