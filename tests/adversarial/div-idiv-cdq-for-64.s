# attack: cdq (32-bit sign extension) before a 64-bit idiv
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
        cdq
        idiv rcx
        mov qword ptr [rip + buf], rax
        ret
        .size main, .-main
        .bss
buf: .zero 16
