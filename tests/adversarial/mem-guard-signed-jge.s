# attack: a signed jge guard against the size: only the upper end is checked
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
        cmp rax, offset __ktal_sandbox_size - 3
        jge trap
        mov dword ptr [rcx + rax], 0
        ret
trap:
        mov edi, 1
        xor esi, esi
        call __ktal_helper_trap
        .size main, .-main
        .bss
buf: .zero 8
