# attack: main has no ret and falls into the next function's code
# expect: control.fall-through
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
#| function after bound=0
        .text
        .globl main
        .type main,@function
main:
        mov eax, 1
        .size main, .-main
        .type after,@function
after:
        ret
        .size after, .-after
