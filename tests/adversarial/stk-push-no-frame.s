# attack: push with a certified frame of zero
# expect: stack.frame
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
        .text
        .globl main
        .type main,@function
main:
        push rbx
        pop rbx
        ret
        .size main, .-main
