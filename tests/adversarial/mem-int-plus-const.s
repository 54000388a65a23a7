# attack: a forged pointer: a loaded integer plus a constant, dereferenced
# expect: memory.not-a-pointer
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
        .text
        .globl main
        .type main,@function
main:
        mov eax, dword ptr [rip + buf]
        add rax, 16
        mov rcx, qword ptr [rax]
        mov qword ptr [rip + buf], rcx
        ret
        .size main, .-main
        .bss
buf: .zero 8
