# attack: spill rbx, then read 4 bytes of the spilled copy
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
        push rbx
        mov eax, dword ptr [rsp]
        mov dword ptr [rip + buf], eax
        pop rbx
        ret
        .size main, .-main
        .bss
buf: .zero 16
