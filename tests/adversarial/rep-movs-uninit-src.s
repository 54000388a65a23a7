# attack: rep movsb from an uninitialised source register
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
        lea rdi, [rip + buf]
        mov ecx, 8
        rep movsb
        ret
        .size main, .-main
        .bss
buf: .zero 64
