# attack: a repeated 66 prefix
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
        .byte 0x66, 0x66, 0x89, 0xc0   # mov ax, ax with two 66 prefixes (only long nops may repeat 66, as assemblers pad with them)
        ret
        .size main, .-main
        .bss
buf: .zero 64
