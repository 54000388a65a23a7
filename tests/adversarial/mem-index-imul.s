# attack: a 64-bit imul of two bounded values overflows past the sandbox
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
        imul rax, rax
        mov byte ptr [rcx + rax], 0
        ret
        .size main, .-main
        .bss
buf: .zero 64
