# attack: the divisor is non-zero as 64 bits but its low 32 bits (what div ecx uses) may be 0
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
        shr rcx, 20
        add rcx, 1
        xor edx, edx
        div ecx
        mov dword ptr [rip + buf], eax
        ret
        .size main, .-main
        .bss
buf: .zero 16
