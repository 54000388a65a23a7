# attack: guard, then add 8 to the checked offset before the access
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
        cmp rax, offset __ktal_sandbox_size - 4
        ja trap
        add rax, 8
        mov dword ptr [rcx + rax], 0
        ret
trap:
        mov edi, 1
        xor esi, esi
        call __ktal_helper_trap
        .size main, .-main
        .bss
buf: .zero 8
