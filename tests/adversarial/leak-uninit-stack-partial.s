# attack: write one byte of a slot, then read all four
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
        mov byte ptr [rsp], 1
        mov eax, dword ptr [rsp]
        mov dword ptr [rip + buf], eax
        add rsp, 8
        ret
        .size main, .-main
        .bss
buf: .zero 16
