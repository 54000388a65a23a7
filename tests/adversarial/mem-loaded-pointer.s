# attack: dereference a pointer loaded from the sandbox without a guard
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
        mov rax, qword ptr [rip + buf]
        mov qword ptr [rax], 0
        ret
        .size main, .-main
        .bss
buf: .zero 8
