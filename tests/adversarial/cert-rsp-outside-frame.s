# attack: a block state with rsp below the frame
# expect: cert.malformed
# problem: rsp must be an exact offset inside the frame
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main frame=8 bound=8
#|   block @main: rsp=stack[-16] saved
        .text
        .globl main
        .type main,@function
main:
        ret
        .size main, .-main
