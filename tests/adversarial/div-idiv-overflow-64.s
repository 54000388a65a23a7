# attack: INT64_MIN / -1 raises #DE: the divisor is odd (never 0) but may be -1 and the dividend may be the minimum
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
        or rcx, 1
        cqo
        idiv rcx
        mov qword ptr [rip + buf], rax
        ret
        .size main, .-main
        .bss
buf: .zero 16
