# attack: two stack slots that overlap
# expect: cert.malformed
# problem: state names a register or stack slot twice, unsorted or overlapping
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
