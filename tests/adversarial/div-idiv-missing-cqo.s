# attack: idiv with rdx = 0 instead of the sign of rax: a negative dividend overflows the quotient
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
        xor edx, edx
        idiv rcx
        mov qword ptr [rip + buf], rax
        ret
        .size main, .-main
        .bss
buf: .zero 16
