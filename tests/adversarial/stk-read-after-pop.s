# attack: read a slot just released by pop (now below rsp)
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
        push rbx
        pop rbx
        mov rax, qword ptr [rsp - 8]
        mov qword ptr [rip + buf], rax
        ret
        .size main, .-main
        .bss
buf: .zero 8
