# attack: write al, then read ah (never written)
# expect: leak.uninitialised
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
        .text
        .globl main
        .type main,@function
main:
        mov al, 1
        movzx ecx, ah
        mov dword ptr [rip + buf], ecx
        ret
        .size main, .-main
        .bss
buf: .zero 16
