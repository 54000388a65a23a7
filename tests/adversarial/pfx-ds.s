# attack: a ds segment prefix (also the notrack prefix) on a sandbox load
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
        .byte 0x3e
        mov eax, dword ptr [rcx]
        ret
        .size main, .-main
        .bss
buf: .zero 64
