# attack: a 32-bit add of two checked values wraps past 2^32 only in 64 bits
# expect: memory.bounds
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
        .text
        .globl main
        .type main,@function
main:
        lea rcx, [rip + buf]
        mov eax, dword ptr [rip + buf]
        mov edx, dword ptr [rip + buf + 4]
        add rax, rdx
        mov byte ptr [rcx + rax], 0
        ret
        .size main, .-main
        .bss
buf: .zero 64
