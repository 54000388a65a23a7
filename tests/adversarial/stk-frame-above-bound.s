# attack: a frame larger than the function's certified stack bound
# expect: stack.bound
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main frame=64 bound=32
        .text
        .globl main
        .type main,@function
main:
        sub rsp, 64
        add rsp, 64
        ret
        .size main, .-main
