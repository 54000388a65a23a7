# attack: push rsp, then read half of the pushed value
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
        push rsp
        mov eax, dword ptr [rsp]
        mov dword ptr [rip + buf], eax
        add rsp, 8
        ret
        .size main, .-main
        .bss
buf: .zero 16
