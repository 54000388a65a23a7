# attack: cmov selects a safe-stack address as data (stored into the
# sandbox, it would give the program the kernel stack's address)
# expect: leak.stack-pointer
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
#|   args int
        .text
        .globl main
        .type main,@function
main:
        lea rax, [rip + buf]
        mov rcx, rsp
        test edi, edi
        cmovne rax, rcx
        mov qword ptr [rip + buf], rax
        ret
        .size main, .-main
        .bss
buf: .zero 16
