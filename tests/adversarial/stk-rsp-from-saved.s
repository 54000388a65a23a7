# attack: mov rsp, rbp with rbp still the caller's value
# expect: stack.rsp
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
        .text
        .globl main
        .type main,@function
main:
        mov rsp, rbp
        ret
        .size main, .-main
