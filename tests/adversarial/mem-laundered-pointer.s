# attack: base + (p - base) with p loaded from memory: the subtraction launders nothing
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
        lea rcx, [rip + __ktal_sandbox_start]
        mov rax, qword ptr [rip + buf]
        sub rax, rcx
        add rax, rcx
        mov qword ptr [rax], 0
        ret
        .size main, .-main
        .bss
buf: .zero 8
