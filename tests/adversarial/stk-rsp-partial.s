# attack: mov esp, eax: a 32-bit write to rsp
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
        mov eax, 16
        mov esp, eax
        ret
        .size main, .-main
