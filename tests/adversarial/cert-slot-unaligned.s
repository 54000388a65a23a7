# attack: a stack slot at a misaligned offset (-6)
# expect: cert.malformed
# problem: stack slots must be 4-aligned and inside the frame
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main frame=8 bound=8
#|   block @main: rsp=stack[0] saved [-6]:bytes=1
        .text
        .globl main
        .type main,@function
main:
        ret
        .size main, .-main
