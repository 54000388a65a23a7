# attack: an es segment prefix on a sandbox load
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
        .byte 0x26
        mov eax, dword ptr [rcx]
        ret
        .size main, .-main
        .bss
buf: .zero 64
