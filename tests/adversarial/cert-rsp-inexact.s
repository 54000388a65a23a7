# attack: a block state where rsp is a range
# expect: cert.malformed
# problem: rsp must be an exact offset inside the frame
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main frame=8 bound=8
#|   block @main: rsp=stack[-8,0] saved
        .text
        .globl main
        .type main,@function
main:
        ret
        .size main, .-main
