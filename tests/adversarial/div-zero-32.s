# attack: div ecx with ecx loaded from the sandbox
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
        xor edx, edx
        div ecx
        mov dword ptr [rip + buf], eax
        ret
        .size main, .-main
        .bss
buf: .zero 16
