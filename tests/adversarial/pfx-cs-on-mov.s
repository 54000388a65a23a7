# attack: a cs prefix on an ordinary load (allowed only on long nops)
# expect: encoding.forbidden-prefix
#| ktal-cert 1
#| layout auto
#| helpers auto
#| entry main
#| function main bound=0
        .text
        .globl main
        .type main,@function
main:
        lea rcx, [rip + buf]
        .byte 0x2e
        mov eax, dword ptr [rcx]
        ret
        .size main, .-main
        .bss
buf: .zero 64
