# attack: pop, push again, then read the slot below: the old contents are gone, not data
# expect: leak.uninitialised
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main frame=16 bound=16
        .text
        .globl main
        .type main,@function
main:
        sub rsp, 16
        mov qword ptr [rsp], 7
        add rsp, 16
        sub rsp, 16
        mov rax, qword ptr [rsp]
        mov qword ptr [rip + buf], rax
        add rsp, 16
        ret
        .size main, .-main
        .bss
buf: .zero 16
