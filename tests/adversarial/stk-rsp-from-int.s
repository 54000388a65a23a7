# attack: load rsp from an integer: a stack pivot to memory of the program's choosing
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
        lea rax, [rip + buf]
        mov rsp, rax
        ret
        .size main, .-main
        .bss
buf: .zero 64
