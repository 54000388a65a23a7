# attack: write ax, then store eax (its upper half was never written)
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
        mov ax, 1
        mov dword ptr [rip + buf], eax
        ret
        .size main, .-main
        .bss
buf: .zero 16
