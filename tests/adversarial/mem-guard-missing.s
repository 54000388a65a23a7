# attack: a guard on a different register than the one used for the access
# expect: memory.bounds
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=8
        .text
        .globl main
        .type main,@function
main:
        lea rcx, [rip + __ktal_sandbox_start]
        mov rax, qword ptr [rip + buf]
        sub rax, rcx
        mov rdx, rax
        cmp rdx, 16
        ja trap
        mov rdx, qword ptr [rip + buf]
        mov rax, rdx
        mov dword ptr [rcx + rax], 0
        ret
trap:
        mov edi, 1
        xor esi, esi
        call __ktal_helper_trap
        .size main, .-main
        .bss
buf: .zero 8
