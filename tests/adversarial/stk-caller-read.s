# attack: read the caller's frame above the return address (kernel stack data)
# expect: stack.frame
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
        .text
        .globl main
        .type main,@function
main:
        mov rax, qword ptr [rsp + 16]
        mov qword ptr [rip + buf], rax
        ret
        .size main, .-main
        .bss
buf: .zero 8
