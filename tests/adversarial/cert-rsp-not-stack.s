# attack: a block state where rsp is a sandbox pointer
# expect: cert.malformed
# problem: rsp must be an exact offset inside the frame
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
#|   block @main: rsp=sandbox[0] saved
        .text
        .globl main
        .type main,@function
main:
        ret
        .size main, .-main
