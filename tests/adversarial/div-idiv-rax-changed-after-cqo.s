# attack: cqo, then a new rax: rdx no longer holds its sign
# expect: divide.overflow
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
        .text
        .globl main
        .type main,@function
main:
        mov rax, qword ptr [rip + buf]
        mov rcx, qword ptr [rip + buf + 8]
        and ecx, 127
        add ecx, 1
        cqo
        mov rax, qword ptr [rip + buf + 8]
        idiv rcx
        mov qword ptr [rip + buf], rax
        ret
        .size main, .-main
        .bss
buf: .zero 16
