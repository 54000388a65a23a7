# attack: a lock prefix on mov (#UD)
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
        .byte 0xf0
        mov dword ptr [rcx], eax
        ret
        .size main, .-main
        .bss
buf: .zero 64
