# attack: cmov into rsp makes it one of two values
# expect: stack.rsp
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main frame=8 bound=8
        .text
        .globl main
        .type main,@function
main:
        sub rsp, 8
        mov rax, rsp
        add rsp, 8
        mov ecx, dword ptr [rip + buf]
        cmp ecx, 1
        cmove rsp, rax
        ret
        .size main, .-main
        .bss
buf: .zero 8
