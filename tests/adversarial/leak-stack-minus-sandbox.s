# attack: rsp minus a sandbox pointer is the kernel stack's address relative to the sandbox: a stack-pointer leak, reported as pointer arithmetic
# expect: leak.stack-pointer
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
        mov rax, rsp
        sub rax, rcx
        mov qword ptr [rip + buf], rax
        ret
        .size main, .-main
        .bss
buf: .zero 128
