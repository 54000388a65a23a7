# attack: sub rsp past the certified frame
# expect: stack.frame
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main frame=8 bound=8
        .text
        .globl main
        .type main,@function
main:
        sub rsp, 16
        add rsp, 16
        ret
        .size main, .-main
