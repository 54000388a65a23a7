# attack: and rsp, -16 (the alignment idiom): rsp becomes an inexact offset
# expect: stack.rsp
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main frame=16 bound=16
        .text
        .globl main
        .type main,@function
main:
        and rsp, -16
        ret
        .size main, .-main
