# attack: copy the return address into the frame, then read its upper half
# expect: leak.opaque
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main frame=8 bound=8
        .text
        .globl main
        .type main,@function
main:
        mov rax, qword ptr [rsp]
        push rax
        mov ecx, dword ptr [rsp + 4]
        mov dword ptr [rip + buf], ecx
        pop rax
        ret
        .size main, .-main
        .bss
buf: .zero 16
