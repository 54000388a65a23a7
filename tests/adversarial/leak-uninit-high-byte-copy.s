# attack: copy a stale byte into ah of a register that holds data, then store
# the register into the sandbox
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
        mov eax, 7
        mov rcx, qword ptr [rsp + 8]
        mov ah, cl
        mov qword ptr [rip + buf], rax
        add rsp, 16
        ret
        .size main, .-main
        .bss
buf: .zero 16
