# attack: pop rsp from a slot holding an integer
# expect: stack.rsp
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main frame=8 bound=8
        .text
        .globl main
        .type main,@function
main:
        mov eax, 16
        push rax
        pop rsp
        ret
        .size main, .-main
