# attack: push ax (66 50): a 2-byte push leaves rsp misaligned with the type
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
        xor eax, eax
        .byte 0x66, 0x50
        add rsp, 2
        ret
        .size main, .-main
        .bss
buf: .zero 64
