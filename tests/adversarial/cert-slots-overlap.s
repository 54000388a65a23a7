# attack: two stack slots that overlap
# expect: cert.malformed
# problem: stack slots must be 4-aligned, sorted, disjoint and inside the frame
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main frame=16 bound=16
#|   block @main: rsp=stack[0] saved [-16]=int [-12]:4=int[0,1]
        .text
        .globl main
        .type main,@function
main:
        ret
        .size main, .-main
