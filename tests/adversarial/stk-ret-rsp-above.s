# attack: add rsp, 8 drops the return address and runs on the caller's stack
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
        add rsp, 8
        ret
        .size main, .-main
