# attack: the zero check tests a different register than the divisor
# expect: divide.zero
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
        mov rdx, rcx
        test rax, rax
        je out
        xor edx, edx
        div rcx
        mov qword ptr [rip + buf], rax
out:
        ret
        .size main, .-main
        .bss
buf: .zero 16
