# attack: store the address of a frame slot into the sandbox (a SafeStack escape)
# expect: leak.stack-pointer
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
        lea rax, [rsp]
        mov qword ptr [rip + buf], rax
        add rsp, 8
        ret
        .size main, .-main
        .bss
buf: .zero 16
