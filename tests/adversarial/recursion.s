# attack: unbounded recursion exhausts the kernel stack
# expect: call.order
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=4096
        .text
        .globl main
        .type main,@function
main:
        call main
        ret
        .size main, .-main
