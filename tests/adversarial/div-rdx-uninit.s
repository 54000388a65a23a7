# attack: div with rdx never written: the quotient depends on stale kernel data (and may overflow)
# expect: leak.uninitialised
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
        div rcx
        mov qword ptr [rip + buf], rax
        ret
        .size main, .-main
        .bss
buf: .zero 16
