# attack: read an uninitialised stack slot (stale kernel stack data)
# expect: leak.uninitialised
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
        mov rax, qword ptr [rsp]
        mov qword ptr [rip + buf], rax
        add rsp, 8
        ret
        .size main, .-main
        .bss
buf: .zero 16
