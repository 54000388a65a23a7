# attack: use a stack address as the index of a sandbox access
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
        mov rax, rsp
        lea rcx, [rip + buf]
        mov byte ptr [rcx + rax*2], 0
        ret
        .size main, .-main
        .bss
buf: .zero 16
